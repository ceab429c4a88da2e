// Original file: mandate/tally/v1/forensics.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The violations of one region.
 */
export interface RegionViolations {
  /**
   * Resource name of the region's unit.
   */
  'unit'?: (string);
  /**
   * Stations analysed in the region.
   */
  'stations'?: (number | string | Long);
  /**
   * Protocols with at least one warning.
   */
  'protocolsWithWarnings'?: (number | string | Long);
  /**
   * Protocols with at least one error.
   */
  'protocolsWithErrors'?: (number | string | Long);
}

/**
 * The violations of one region.
 */
export interface RegionViolations__Output {
  /**
   * Resource name of the region's unit.
   */
  'unit': (string);
  /**
   * Stations analysed in the region.
   */
  'stations': (string);
  /**
   * Protocols with at least one warning.
   */
  'protocolsWithWarnings': (string);
  /**
   * Protocols with at least one error.
   */
  'protocolsWithErrors': (string);
}
