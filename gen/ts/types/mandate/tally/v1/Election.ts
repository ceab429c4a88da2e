// Original file: mandate/tally/v1/election.proto

import type { Contest as _mandate_tally_v1_Contest, Contest__Output as _mandate_tally_v1_Contest__Output } from '../../../mandate/tally/v1/Contest';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { SingleMemberDistricts as _mandate_tally_v1_SingleMemberDistricts, SingleMemberDistricts__Output as _mandate_tally_v1_SingleMemberDistricts__Output } from '../../../mandate/tally/v1/SingleMemberDistricts';
import type { Chamber as _mandate_tally_v1_Chamber, Chamber__Output as _mandate_tally_v1_Chamber__Output } from '../../../mandate/tally/v1/Chamber';

/**
 * An election: one polling day with one or more contests over one hierarchy of
 * reporting units.
 */
export interface Election {
  /**
   * Resource name, `elections/{election}`, e.g. `elections/kz-2012`.
   */
  'name'?: (string);
  /**
   * Human-readable title, e.g. "Kazakhstan, Mazhilis, 15 January 2012".
   */
  'displayName'?: (string);
  /**
   * Polling day as an ISO 8601 calendar date (YYYY-MM-DD).
   */
  'electionDate'?: (string);
  /**
   * The contests decided on this day, each with its choices and protocol form.
   */
  'contests'?: (_mandate_tally_v1_Contest)[];
  /**
   * Time the election was defined.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Single-member districts defined in one go: every district of a set
   * becomes a single-winner contest named `{set}-{unit}` (set id, then the
   * district's unit id) that only the stations under the district's unit
   * vote in. The expanded contests are returned in `contests`.
   */
  'singleMemberDistricts'?: (_mandate_tally_v1_SingleMemberDistricts)[];
  /**
   * The chambers this election fills, each composed of tiers whose seats
   * the seats service computes from the live count.
   */
  'chambers'?: (_mandate_tally_v1_Chamber)[];
}

/**
 * An election: one polling day with one or more contests over one hierarchy of
 * reporting units.
 */
export interface Election__Output {
  /**
   * Resource name, `elections/{election}`, e.g. `elections/kz-2012`.
   */
  'name': (string);
  /**
   * Human-readable title, e.g. "Kazakhstan, Mazhilis, 15 January 2012".
   */
  'displayName': (string);
  /**
   * Polling day as an ISO 8601 calendar date (YYYY-MM-DD).
   */
  'electionDate': (string);
  /**
   * The contests decided on this day, each with its choices and protocol form.
   */
  'contests': (_mandate_tally_v1_Contest__Output)[];
  /**
   * Time the election was defined.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Single-member districts defined in one go: every district of a set
   * becomes a single-winner contest named `{set}-{unit}` (set id, then the
   * district's unit id) that only the stations under the district's unit
   * vote in. The expanded contests are returned in `contests`.
   */
  'singleMemberDistricts': (_mandate_tally_v1_SingleMemberDistricts__Output)[];
  /**
   * The chambers this election fills, each composed of tiers whose seats
   * the seats service computes from the live count.
   */
  'chambers': (_mandate_tally_v1_Chamber__Output)[];
}
