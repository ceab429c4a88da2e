// Original file: mandate/tally/v1/forensics.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A count in one region.
 */
export interface RegionCount {
  /**
   * Resource name of the region's unit.
   */
  'unit'?: (string);
  /**
   * The count.
   */
  'count'?: (number | string | Long);
}

/**
 * A count in one region.
 */
export interface RegionCount__Output {
  /**
   * Resource name of the region's unit.
   */
  'unit': (string);
  /**
   * The count.
   */
  'count': (string);
}
