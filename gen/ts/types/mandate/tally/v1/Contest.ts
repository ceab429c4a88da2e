// Original file: mandate/tally/v1/election.proto

import type { ContestKind as _mandate_tally_v1_ContestKind, ContestKind__Output as _mandate_tally_v1_ContestKind__Output } from '../../../mandate/tally/v1/ContestKind';
import type { Choice as _mandate_tally_v1_Choice, Choice__Output as _mandate_tally_v1_Choice__Output } from '../../../mandate/tally/v1/Choice';
import type { ProtocolForm as _mandate_tally_v1_ProtocolForm, ProtocolForm__Output as _mandate_tally_v1_ProtocolForm__Output } from '../../../mandate/tally/v1/ProtocolForm';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';
import type { ResultStatus as _mandate_tally_v1_ResultStatus, ResultStatus__Output as _mandate_tally_v1_ResultStatus__Output } from '../../../mandate/tally/v1/ResultStatus';
import type { RunoffRule as _mandate_tally_v1_RunoffRule, RunoffRule__Output as _mandate_tally_v1_RunoffRule__Output } from '../../../mandate/tally/v1/RunoffRule';

/**
 * A contest: one ballot paper counted on one protocol form, e.g. the party-list
 * vote for a parliament or a presidential vote.
 */
export interface Contest {
  /**
   * Resource name, `elections/{election}/contests/{contest}`.
   */
  'name'?: (string);
  /**
   * Human-readable title of the contest.
   */
  'displayName'?: (string);
  /**
   * Whether seats are shared among lists or one candidate wins.
   */
  'kind'?: (_mandate_tally_v1_ContestKind);
  /**
   * The choices on the ballot, in ballot order.
   */
  'choices'?: (_mandate_tally_v1_Choice)[];
  /**
   * The paper protocol: its lines, their roles and the control relations.
   */
  'form'?: (_mandate_tally_v1_ProtocolForm | null);
  /**
   * Which quantity vote shares are taken of (the legal base), e.g. valid votes
   * or all ballots cast including invalid ones.
   */
  'shareBase'?: (_mandate_tally_v1_LineRole);
  /**
   * Single-winner contests: the share of the legal base, in percent, that the
   * leader must exceed to win outright (50 for an absolute majority).
   */
  'majorityPercent'?: (number);
  /**
   * Current phase of the results of this contest.
   */
  'status'?: (_mandate_tally_v1_ResultStatus);
  /**
   * Single-winner contests: the quantity `majority_percent` is taken of,
   * `LINE_ROLE_VALID`, `LINE_ROLE_BALLOTS_CAST` or `LINE_ROLE_BALLOTS_ISSUED`;
   * the form must have a line playing it.
   */
  'majorityBase'?: (_mandate_tally_v1_LineRole);
  /**
   * Single-winner contests: who goes to a second round when nobody wins
   * outright. Unspecified is read as `RUNOFF_RULE_TWO_LEADERS`.
   */
  'runoffRule'?: (_mandate_tally_v1_RunoffRule);
  /**
   * A single-member district's contest: the unit whose stations vote in it,
   * `elections/{election}/units/{unit}`; a protocol of a station outside it
   * is refused. Empty: every station of the election. Set by
   * `single_member_districts`.
   */
  'district'?: (string);
  /**
   * Party-list contests: the legal seat rule of the contest, a seats preset
   * `presets/{preset}` (e.g. `presets/kz-mazhilis-2009`). The seats
   * service's AllocateContest and WatchContestAllocation, `mandatectl seats`,
   * the hemicycle chart and the live page apply it when no rule or preset is
   * given. The tally stores the name; the seats service resolves it.
   */
  'seatPreset'?: (string);
}

/**
 * A contest: one ballot paper counted on one protocol form, e.g. the party-list
 * vote for a parliament or a presidential vote.
 */
export interface Contest__Output {
  /**
   * Resource name, `elections/{election}/contests/{contest}`.
   */
  'name': (string);
  /**
   * Human-readable title of the contest.
   */
  'displayName': (string);
  /**
   * Whether seats are shared among lists or one candidate wins.
   */
  'kind': (_mandate_tally_v1_ContestKind__Output);
  /**
   * The choices on the ballot, in ballot order.
   */
  'choices': (_mandate_tally_v1_Choice__Output)[];
  /**
   * The paper protocol: its lines, their roles and the control relations.
   */
  'form': (_mandate_tally_v1_ProtocolForm__Output | null);
  /**
   * Which quantity vote shares are taken of (the legal base), e.g. valid votes
   * or all ballots cast including invalid ones.
   */
  'shareBase': (_mandate_tally_v1_LineRole__Output);
  /**
   * Single-winner contests: the share of the legal base, in percent, that the
   * leader must exceed to win outright (50 for an absolute majority).
   */
  'majorityPercent': (number);
  /**
   * Current phase of the results of this contest.
   */
  'status': (_mandate_tally_v1_ResultStatus__Output);
  /**
   * Single-winner contests: the quantity `majority_percent` is taken of,
   * `LINE_ROLE_VALID`, `LINE_ROLE_BALLOTS_CAST` or `LINE_ROLE_BALLOTS_ISSUED`;
   * the form must have a line playing it.
   */
  'majorityBase': (_mandate_tally_v1_LineRole__Output);
  /**
   * Single-winner contests: who goes to a second round when nobody wins
   * outright. Unspecified is read as `RUNOFF_RULE_TWO_LEADERS`.
   */
  'runoffRule': (_mandate_tally_v1_RunoffRule__Output);
  /**
   * A single-member district's contest: the unit whose stations vote in it,
   * `elections/{election}/units/{unit}`; a protocol of a station outside it
   * is refused. Empty: every station of the election. Set by
   * `single_member_districts`.
   */
  'district': (string);
  /**
   * Party-list contests: the legal seat rule of the contest, a seats preset
   * `presets/{preset}` (e.g. `presets/kz-mazhilis-2009`). The seats
   * service's AllocateContest and WatchContestAllocation, `mandatectl seats`,
   * the hemicycle chart and the live page apply it when no rule or preset is
   * given. The tally stores the name; the seats service resolves it.
   */
  'seatPreset': (string);
}
