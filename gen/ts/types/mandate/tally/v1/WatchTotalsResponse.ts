// Original file: mandate/tally/v1/tally_service.proto

import type { Totals as _mandate_tally_v1_Totals, Totals__Output as _mandate_tally_v1_Totals__Output } from '../../../mandate/tally/v1/Totals';
import type { Change as _mandate_tally_v1_Change, Change__Output as _mandate_tally_v1_Change__Output } from '../../../mandate/tally/v1/Change';

/**
 * One message of WatchTotals.
 */
export interface WatchTotalsResponse {
  /**
   * The current totals when the message is sent. They include every change
   * listed and possibly later ones, which the next message lists.
   */
  'totals'?: (_mandate_tally_v1_Totals | null);
  /**
   * The changes under the unit since the previous message, in results
   * version order. Changes read together are coalesced into one message, so a
   * watcher gets at most one message per wake-up however fast protocols
   * arrive.
   */
  'changes'?: (_mandate_tally_v1_Change)[];
}

/**
 * One message of WatchTotals.
 */
export interface WatchTotalsResponse__Output {
  /**
   * The current totals when the message is sent. They include every change
   * listed and possibly later ones, which the next message lists.
   */
  'totals': (_mandate_tally_v1_Totals__Output | null);
  /**
   * The changes under the unit since the previous message, in results
   * version order. Changes read together are coalesced into one message, so a
   * watcher gets at most one message per wake-up however fast protocols
   * arrive.
   */
  'changes': (_mandate_tally_v1_Change__Output)[];
}
