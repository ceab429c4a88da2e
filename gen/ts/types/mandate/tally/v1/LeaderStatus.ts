// Original file: mandate/tally/v1/totals.proto

import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';
import type { RunoffRule as _mandate_tally_v1_RunoffRule, RunoffRule__Output as _mandate_tally_v1_RunoffRule__Output } from '../../../mandate/tally/v1/RunoffRule';

/**
 * The leader of a single-winner contest.
 */
export interface LeaderStatus {
  /**
   * The leading choice id; empty when no votes are counted or on an exact tie.
   */
  'choice'?: (string);
  /**
   * Whether the leader has more than the required share of the legal base.
   */
  'hasMajority'?: (boolean);
  /**
   * Whether a runoff is needed on the current count.
   */
  'runoffRequired'?: (boolean);
  /**
   * The choices that would go to the runoff under the contest's runoff rule,
   * most votes first.
   */
  'runoffChoices'?: (string)[];
  /**
   * The leader's votes over the majority base.
   */
  'share'?: (_mandate_tally_v1_Ratio | null);
  /**
   * The share of the majority base the leader must exceed (0 under
   * `RUNOFF_RULE_NONE`).
   */
  'majorityPercent'?: (number);
  /**
   * The quantity the majority is taken of.
   */
  'majorityBase'?: (_mandate_tally_v1_LineRole);
  /**
   * The contest's runoff rule (never unspecified here).
   */
  'runoffRule'?: (_mandate_tally_v1_RunoffRule);
  /**
   * Whether the leader wins without a second round on the current count: a
   * majority, or the plurality lead under `RUNOFF_RULE_NONE`. Final only when
   * the contest's status is complete.
   */
  'winsOutright'?: (boolean);
  /**
   * Whether candidates tie for a runoff place under
   * `RUNOFF_RULE_TWO_LEADERS`, so the count alone does not name the pairing;
   * `runoff_choices` then holds every tied candidate.
   */
  'runoffUndecided'?: (boolean);
}

/**
 * The leader of a single-winner contest.
 */
export interface LeaderStatus__Output {
  /**
   * The leading choice id; empty when no votes are counted or on an exact tie.
   */
  'choice': (string);
  /**
   * Whether the leader has more than the required share of the legal base.
   */
  'hasMajority': (boolean);
  /**
   * Whether a runoff is needed on the current count.
   */
  'runoffRequired': (boolean);
  /**
   * The choices that would go to the runoff under the contest's runoff rule,
   * most votes first.
   */
  'runoffChoices': (string)[];
  /**
   * The leader's votes over the majority base.
   */
  'share': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * The share of the majority base the leader must exceed (0 under
   * `RUNOFF_RULE_NONE`).
   */
  'majorityPercent': (number);
  /**
   * The quantity the majority is taken of.
   */
  'majorityBase': (_mandate_tally_v1_LineRole__Output);
  /**
   * The contest's runoff rule (never unspecified here).
   */
  'runoffRule': (_mandate_tally_v1_RunoffRule__Output);
  /**
   * Whether the leader wins without a second round on the current count: a
   * majority, or the plurality lead under `RUNOFF_RULE_NONE`. Final only when
   * the contest's status is complete.
   */
  'winsOutright': (boolean);
  /**
   * Whether candidates tie for a runoff place under
   * `RUNOFF_RULE_TWO_LEADERS`, so the count alone does not name the pairing;
   * `runoff_choices` then holds every tied candidate.
   */
  'runoffUndecided': (boolean);
}
