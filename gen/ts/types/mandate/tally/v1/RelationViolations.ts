// Original file: mandate/tally/v1/forensics.proto

import type { RelationViolationCount as _mandate_tally_v1_RelationViolationCount, RelationViolationCount__Output as _mandate_tally_v1_RelationViolationCount__Output } from '../../../mandate/tally/v1/RelationViolationCount';
import type { RegionViolations as _mandate_tally_v1_RegionViolations, RegionViolations__Output as _mandate_tally_v1_RegionViolations__Output } from '../../../mandate/tally/v1/RegionViolations';
import type { Long } from '@grpc/proto-loader';

/**
 * Control-relation violations of the protocols analysed. Protocols breaking
 * an error-severity relation are rejected by the tally, so the errors are
 * zero for stored protocols; warnings are what is counted.
 */
export interface RelationViolations {
  /**
   * Protocols with at least one warning.
   */
  'protocolsWithWarnings'?: (number | string | Long);
  /**
   * Protocols with at least one error.
   */
  'protocolsWithErrors'?: (number | string | Long);
  /**
   * One entry per relation code met, ordered by code.
   */
  'codes'?: (_mandate_tally_v1_RelationViolationCount)[];
  /**
   * One entry per region, ordered by unit id.
   */
  'regions'?: (_mandate_tally_v1_RegionViolations)[];
}

/**
 * Control-relation violations of the protocols analysed. Protocols breaking
 * an error-severity relation are rejected by the tally, so the errors are
 * zero for stored protocols; warnings are what is counted.
 */
export interface RelationViolations__Output {
  /**
   * Protocols with at least one warning.
   */
  'protocolsWithWarnings': (string);
  /**
   * Protocols with at least one error.
   */
  'protocolsWithErrors': (string);
  /**
   * One entry per relation code met, ordered by code.
   */
  'codes': (_mandate_tally_v1_RelationViolationCount__Output)[];
  /**
   * One entry per region, ordered by unit id.
   */
  'regions': (_mandate_tally_v1_RegionViolations__Output)[];
}
