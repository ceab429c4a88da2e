// Original file: mandate/tally/v1/election.proto

import type { Choice as _mandate_tally_v1_Choice, Choice__Output as _mandate_tally_v1_Choice__Output } from '../../../mandate/tally/v1/Choice';

/**
 * One single-member district: a unit of the hierarchy and its candidates.
 */
export interface SingleMemberDistrict {
  /**
   * The unit whose stations vote in the district, by id (e.g. `d-001`); it
   * must not be a station.
   */
  'unit'?: (string);
  /**
   * Human-readable name of the district; the unit's name when empty.
   */
  'displayName'?: (string);
  /**
   * The candidates, in ballot order; `party` says whom each stands for.
   */
  'candidates'?: (_mandate_tally_v1_Choice)[];
}

/**
 * One single-member district: a unit of the hierarchy and its candidates.
 */
export interface SingleMemberDistrict__Output {
  /**
   * The unit whose stations vote in the district, by id (e.g. `d-001`); it
   * must not be a station.
   */
  'unit': (string);
  /**
   * Human-readable name of the district; the unit's name when empty.
   */
  'displayName': (string);
  /**
   * The candidates, in ballot order; `party` says whom each stands for.
   */
  'candidates': (_mandate_tally_v1_Choice__Output)[];
}
