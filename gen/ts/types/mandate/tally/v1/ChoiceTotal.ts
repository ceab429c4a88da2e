// Original file: mandate/tally/v1/totals.proto

import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { Long } from '@grpc/proto-loader';

/**
 * The votes of one choice in one unit.
 */
export interface ChoiceTotal {
  /**
   * The choice id.
   */
  'choice'?: (string);
  /**
   * The choice's display name.
   */
  'displayName'?: (string);
  /**
   * Votes for the choice; int64, so a string in JSON.
   */
  'votes'?: (number | string | Long);
  /**
   * Share of the legal base.
   */
  'share'?: (_mandate_tally_v1_Ratio | null);
}

/**
 * The votes of one choice in one unit.
 */
export interface ChoiceTotal__Output {
  /**
   * The choice id.
   */
  'choice': (string);
  /**
   * The choice's display name.
   */
  'displayName': (string);
  /**
   * Votes for the choice; int64, so a string in JSON.
   */
  'votes': (string);
  /**
   * Share of the legal base.
   */
  'share': (_mandate_tally_v1_Ratio__Output | null);
}
