// Original file: mandate/tally/v1/election.proto

import type { ProtocolForm as _mandate_tally_v1_ProtocolForm, ProtocolForm__Output as _mandate_tally_v1_ProtocolForm__Output } from '../../../mandate/tally/v1/ProtocolForm';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';
import type { RunoffRule as _mandate_tally_v1_RunoffRule, RunoffRule__Output as _mandate_tally_v1_RunoffRule__Output } from '../../../mandate/tally/v1/RunoffRule';
import type { SingleMemberDistrict as _mandate_tally_v1_SingleMemberDistrict, SingleMemberDistrict__Output as _mandate_tally_v1_SingleMemberDistrict__Output } from '../../../mandate/tally/v1/SingleMemberDistrict';

/**
 * A set of single-member districts sharing one protocol form and one
 * majority rule, e.g. the Duma's 225 districts (first past the post).
 */
export interface SingleMemberDistricts {
  /**
   * Identifier of the set, a slug; the contests are `{id}-{unit}`.
   */
  'id'?: (string);
  /**
   * Human-readable title, e.g. "State Duma, single-member districts";
   * each contest is titled "{display_name}: {district display_name}".
   */
  'displayName'?: (string);
  /**
   * The protocol form of every district's contest.
   */
  'form'?: (_mandate_tally_v1_ProtocolForm | null);
  /**
   * Which quantity vote shares are taken of.
   */
  'shareBase'?: (_mandate_tally_v1_LineRole);
  /**
   * The share of `majority_base`, in percent, that a candidate must exceed
   * to win outright; 0 with `RUNOFF_RULE_NONE` (first past the post).
   */
  'majorityPercent'?: (number);
  /**
   * The quantity `majority_percent` is taken of (see Contest.majority_base).
   */
  'majorityBase'?: (_mandate_tally_v1_LineRole);
  /**
   * Who goes to a second round; `RUNOFF_RULE_NONE` is first past the post.
   */
  'runoffRule'?: (_mandate_tally_v1_RunoffRule);
  /**
   * The districts, at least one; each a unit of the election's hierarchy.
   */
  'districts'?: (_mandate_tally_v1_SingleMemberDistrict)[];
}

/**
 * A set of single-member districts sharing one protocol form and one
 * majority rule, e.g. the Duma's 225 districts (first past the post).
 */
export interface SingleMemberDistricts__Output {
  /**
   * Identifier of the set, a slug; the contests are `{id}-{unit}`.
   */
  'id': (string);
  /**
   * Human-readable title, e.g. "State Duma, single-member districts";
   * each contest is titled "{display_name}: {district display_name}".
   */
  'displayName': (string);
  /**
   * The protocol form of every district's contest.
   */
  'form': (_mandate_tally_v1_ProtocolForm__Output | null);
  /**
   * Which quantity vote shares are taken of.
   */
  'shareBase': (_mandate_tally_v1_LineRole__Output);
  /**
   * The share of `majority_base`, in percent, that a candidate must exceed
   * to win outright; 0 with `RUNOFF_RULE_NONE` (first past the post).
   */
  'majorityPercent': (number);
  /**
   * The quantity `majority_percent` is taken of (see Contest.majority_base).
   */
  'majorityBase': (_mandate_tally_v1_LineRole__Output);
  /**
   * Who goes to a second round; `RUNOFF_RULE_NONE` is first past the post.
   */
  'runoffRule': (_mandate_tally_v1_RunoffRule__Output);
  /**
   * The districts, at least one; each a unit of the election's hierarchy.
   */
  'districts': (_mandate_tally_v1_SingleMemberDistrict__Output)[];
}
