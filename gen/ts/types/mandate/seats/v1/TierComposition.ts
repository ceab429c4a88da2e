// Original file: mandate/seats/v1/chamber_composition.proto

import type { TierKind as _mandate_tally_v1_TierKind, TierKind__Output as _mandate_tally_v1_TierKind__Output } from '../../../mandate/tally/v1/TierKind';
import type { TierLink as _mandate_tally_v1_TierLink, TierLink__Output as _mandate_tally_v1_TierLink__Output } from '../../../mandate/tally/v1/TierLink';
import type { PartySeats as _mandate_seats_v1_PartySeats, PartySeats__Output as _mandate_seats_v1_PartySeats__Output } from '../../../mandate/seats/v1/PartySeats';
import type { DistrictSeats as _mandate_seats_v1_DistrictSeats, DistrictSeats__Output as _mandate_seats_v1_DistrictSeats__Output } from '../../../mandate/seats/v1/DistrictSeats';

/**
 * One tier of a chamber composition.
 */
export interface TierComposition {
  /**
   * The tier's id in the chamber.
   */
  'id'?: (string);
  /**
   * Human-readable title.
   */
  'displayName'?: (string);
  /**
   * How the tier is filled.
   */
  'kind'?: (_mandate_tally_v1_TierKind);
  /**
   * How it relates to its linked tier.
   */
  'link'?: (_mandate_tally_v1_TierLink);
  /**
   * Seats of the tier, overhang included.
   */
  'seats'?: (number);
  /**
   * Seats by party in this tier, in ballot order (list tiers) or most
   * seats first.
   */
  'parties'?: (_mandate_seats_v1_PartySeats)[];
  /**
   * Seats of this tier not yet given to a party.
   */
  'undecidedSeats'?: (number);
  /**
   * Seats per district: a list tier elected in districts, or one row per
   * single-member district.
   */
  'districts'?: (_mandate_seats_v1_DistrictSeats)[];
  /**
   * The totals the tier is composed from (a list tier's root totals; one per
   * single-member district).
   */
  'totals'?: (string)[];
  /**
   * Whether this tier's count is partial and not certified.
   */
  'projection'?: (boolean);
  /**
   * Why the tier has no seats yet, or how it was composed, in words.
   */
  'note'?: (string);
  /**
   * The preset applied to a list tier, `presets/{preset}`.
   */
  'preset'?: (string);
}

/**
 * One tier of a chamber composition.
 */
export interface TierComposition__Output {
  /**
   * The tier's id in the chamber.
   */
  'id': (string);
  /**
   * Human-readable title.
   */
  'displayName': (string);
  /**
   * How the tier is filled.
   */
  'kind': (_mandate_tally_v1_TierKind__Output);
  /**
   * How it relates to its linked tier.
   */
  'link': (_mandate_tally_v1_TierLink__Output);
  /**
   * Seats of the tier, overhang included.
   */
  'seats': (number);
  /**
   * Seats by party in this tier, in ballot order (list tiers) or most
   * seats first.
   */
  'parties': (_mandate_seats_v1_PartySeats__Output)[];
  /**
   * Seats of this tier not yet given to a party.
   */
  'undecidedSeats': (number);
  /**
   * Seats per district: a list tier elected in districts, or one row per
   * single-member district.
   */
  'districts': (_mandate_seats_v1_DistrictSeats__Output)[];
  /**
   * The totals the tier is composed from (a list tier's root totals; one per
   * single-member district).
   */
  'totals': (string)[];
  /**
   * Whether this tier's count is partial and not certified.
   */
  'projection': (boolean);
  /**
   * Why the tier has no seats yet, or how it was composed, in words.
   */
  'note': (string);
  /**
   * The preset applied to a list tier, `presets/{preset}`.
   */
  'preset': (string);
}
