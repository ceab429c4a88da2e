// Original file: mandate/tally/v1/forensics.proto

import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { Long } from '@grpc/proto-loader';

/**
 * The leading choice of a forensics report.
 */
export interface ForensicsLeader {
  /**
   * The choice id.
   */
  'choice'?: (string);
  /**
   * The choice's display name.
   */
  'displayName'?: (string);
  /**
   * Its votes over the stations analysed.
   */
  'votes'?: (number | string | Long);
  /**
   * Its share of the share base over the stations analysed.
   */
  'share'?: (_mandate_tally_v1_Ratio | null);
}

/**
 * The leading choice of a forensics report.
 */
export interface ForensicsLeader__Output {
  /**
   * The choice id.
   */
  'choice': (string);
  /**
   * The choice's display name.
   */
  'displayName': (string);
  /**
   * Its votes over the stations analysed.
   */
  'votes': (string);
  /**
   * Its share of the share base over the stations analysed.
   */
  'share': (_mandate_tally_v1_Ratio__Output | null);
}
