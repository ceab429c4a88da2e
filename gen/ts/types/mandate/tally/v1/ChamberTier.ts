// Original file: mandate/tally/v1/election.proto

import type { TierKind as _mandate_tally_v1_TierKind, TierKind__Output as _mandate_tally_v1_TierKind__Output } from '../../../mandate/tally/v1/TierKind';
import type { TierDistrict as _mandate_tally_v1_TierDistrict, TierDistrict__Output as _mandate_tally_v1_TierDistrict__Output } from '../../../mandate/tally/v1/TierDistrict';
import type { TierLink as _mandate_tally_v1_TierLink, TierLink__Output as _mandate_tally_v1_TierLink__Output } from '../../../mandate/tally/v1/TierLink';

/**
 * One tier of a chamber: seats filled one way.
 */
export interface ChamberTier {
  /**
   * Identifier of the tier within the chamber, a slug, e.g. `list`.
   */
  'id'?: (string);
  /**
   * Human-readable title, e.g. "Federal list".
   */
  'displayName'?: (string);
  /**
   * How the tier's seats are filled.
   */
  'kind'?: (_mandate_tally_v1_TierKind);
  /**
   * Seats of the tier (for a compensatory tier: its own seats, the
   * overhang not included).
   */
  'seats'?: (number);
  /**
   * List tier: the party-list contest whose votes fill it,
   * `elections/{election}/contests/{contest}`.
   */
  'contest'?: (string);
  /**
   * List tier: the seats service's preset giving the rule, `presets/{preset}`:
   * a single-pool preset (its seat count replaced by the tier's), or a
   * chamber preset when `districts` are given; empty: the contest's
   * `seat_preset`. The tally stores the name; the seats service resolves it
   * when composing.
   */
  'preset'?: (string);
  /**
   * List tier elected in districts: the districts and their seats, which
   * must add up to the tier's seats.
   */
  'districts'?: (_mandate_tally_v1_TierDistrict)[];
  /**
   * Single-member tier: the id of a set of `single_member_districts`; the
   * tier has as many seats as the set has districts.
   */
  'singleMemberDistricts'?: (string);
  /**
   * Reserved tier: who fills the seats outside the count, in words (e.g.
   * "Assembly of People").
   */
  'reservedFor'?: (string);
  /**
   * How the tier relates to the tier named in `linked_tier`.
   */
  'link'?: (_mandate_tally_v1_TierLink);
  /**
   * A compensatory or leveling tier: the id of the tier whose seats it
   * compensates (an earlier tier of the chamber).
   */
  'linkedTier'?: (string);
}

/**
 * One tier of a chamber: seats filled one way.
 */
export interface ChamberTier__Output {
  /**
   * Identifier of the tier within the chamber, a slug, e.g. `list`.
   */
  'id': (string);
  /**
   * Human-readable title, e.g. "Federal list".
   */
  'displayName': (string);
  /**
   * How the tier's seats are filled.
   */
  'kind': (_mandate_tally_v1_TierKind__Output);
  /**
   * Seats of the tier (for a compensatory tier: its own seats, the
   * overhang not included).
   */
  'seats': (number);
  /**
   * List tier: the party-list contest whose votes fill it,
   * `elections/{election}/contests/{contest}`.
   */
  'contest': (string);
  /**
   * List tier: the seats service's preset giving the rule, `presets/{preset}`:
   * a single-pool preset (its seat count replaced by the tier's), or a
   * chamber preset when `districts` are given; empty: the contest's
   * `seat_preset`. The tally stores the name; the seats service resolves it
   * when composing.
   */
  'preset': (string);
  /**
   * List tier elected in districts: the districts and their seats, which
   * must add up to the tier's seats.
   */
  'districts': (_mandate_tally_v1_TierDistrict__Output)[];
  /**
   * Single-member tier: the id of a set of `single_member_districts`; the
   * tier has as many seats as the set has districts.
   */
  'singleMemberDistricts': (string);
  /**
   * Reserved tier: who fills the seats outside the count, in words (e.g.
   * "Assembly of People").
   */
  'reservedFor': (string);
  /**
   * How the tier relates to the tier named in `linked_tier`.
   */
  'link': (_mandate_tally_v1_TierLink__Output);
  /**
   * A compensatory or leveling tier: the id of the tier whose seats it
   * compensates (an earlier tier of the chamber).
   */
  'linkedTier': (string);
}
