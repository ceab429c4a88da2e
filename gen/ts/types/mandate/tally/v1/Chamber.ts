// Original file: mandate/tally/v1/election.proto

import type { ChamberTier as _mandate_tally_v1_ChamberTier, ChamberTier__Output as _mandate_tally_v1_ChamberTier__Output } from '../../../mandate/tally/v1/ChamberTier';

/**
 * A chamber: a parliament (or one house) whose seats are composed of tiers,
 * e.g. the Mazhilis of 2012 (98 list seats and 9 reserved seats) or the
 * Duma (225 list seats and 225 single-member districts).
 */
export interface Chamber {
  /**
   * Resource name, `elections/{election}/chambers/{chamber}`.
   */
  'name'?: (string);
  /**
   * Human-readable title, e.g. "Mazhilis".
   */
  'displayName'?: (string);
  /**
   * Seats of the chamber; the tiers' seats must add up to it.
   */
  'seats'?: (number);
  /**
   * The tiers, at least one, in the order they are composed.
   */
  'tiers'?: (_mandate_tally_v1_ChamberTier)[];
}

/**
 * A chamber: a parliament (or one house) whose seats are composed of tiers,
 * e.g. the Mazhilis of 2012 (98 list seats and 9 reserved seats) or the
 * Duma (225 list seats and 225 single-member districts).
 */
export interface Chamber__Output {
  /**
   * Resource name, `elections/{election}/chambers/{chamber}`.
   */
  'name': (string);
  /**
   * Human-readable title, e.g. "Mazhilis".
   */
  'displayName': (string);
  /**
   * Seats of the chamber; the tiers' seats must add up to it.
   */
  'seats': (number);
  /**
   * The tiers, at least one, in the order they are composed.
   */
  'tiers': (_mandate_tally_v1_ChamberTier__Output)[];
}
