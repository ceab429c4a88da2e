// Original file: mandate/tally/v1/forensics.proto

import type { Severity as _mandate_tally_v1_Severity, Severity__Output as _mandate_tally_v1_Severity__Output } from '../../../mandate/tally/v1/Severity';
import type { RegionCount as _mandate_tally_v1_RegionCount, RegionCount__Output as _mandate_tally_v1_RegionCount__Output } from '../../../mandate/tally/v1/RegionCount';
import type { Long } from '@grpc/proto-loader';

/**
 * How many protocols break one control relation.
 */
export interface RelationViolationCount {
  /**
   * The relation's code, e.g. `RU_MOBILE_BOXES_GT_ISSUED_OUTSIDE`.
   */
  'code'?: (string);
  /**
   * Error or warning.
   */
  'severity'?: (_mandate_tally_v1_Severity);
  /**
   * Protocols breaking it.
   */
  'protocols'?: (number | string | Long);
  /**
   * The same per region, regions without any left out.
   */
  'regions'?: (_mandate_tally_v1_RegionCount)[];
}

/**
 * How many protocols break one control relation.
 */
export interface RelationViolationCount__Output {
  /**
   * The relation's code, e.g. `RU_MOBILE_BOXES_GT_ISSUED_OUTSIDE`.
   */
  'code': (string);
  /**
   * Error or warning.
   */
  'severity': (_mandate_tally_v1_Severity__Output);
  /**
   * Protocols breaking it.
   */
  'protocols': (string);
  /**
   * The same per region, regions without any left out.
   */
  'regions': (_mandate_tally_v1_RegionCount__Output)[];
}
