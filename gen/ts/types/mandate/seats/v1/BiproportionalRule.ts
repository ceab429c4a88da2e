// Original file: mandate/seats/v1/chamber.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { Weighting as _mandate_seats_v1_Weighting, Weighting__Output as _mandate_seats_v1_Weighting__Output } from '../../../mandate/seats/v1/Weighting';
import type { Quorum as _mandate_seats_v1_Quorum, Quorum__Output as _mandate_seats_v1_Quorum__Output } from '../../../mandate/seats/v1/Quorum';

/**
 * The double proportional method.
 */
export interface BiproportionalRule {
  /**
   * Divisor method of the upper apportionment (usually Sainte-Laguë).
   */
  'upperMethod'?: (_mandate_seats_v1_Method);
  /**
   * Its first divisor when modified Sainte-Laguë.
   */
  'upperFirstDivisor'?: (string);
  /**
   * Rounding of the lower apportionment: METHOD_SAINTE_LAGUE (standard,
   * the legal one; the default), METHOD_DHONDT (down) or METHOD_ADAMS (up).
   */
  'lowerMethod'?: (_mandate_seats_v1_Method);
  /**
   * Weighting of the upper apportionment.
   */
  'weighting'?: (_mandate_seats_v1_Weighting);
  /**
   * Round each weighted cell to a whole number (half up) before summing.
   */
  'roundWeights'?: (boolean);
  /**
   * The quorum; unset = every list takes part.
   */
  'quorum'?: (_mandate_seats_v1_Quorum | null);
  /**
   * The list with the most votes in a district gets at least one seat there.
   */
  'districtWinnerMinOneSeat'?: (boolean);
  /**
   * The winner condition is not applied where lists tie for the most votes.
   */
  'districtWinnerTieException'?: (boolean);
}

/**
 * The double proportional method.
 */
export interface BiproportionalRule__Output {
  /**
   * Divisor method of the upper apportionment (usually Sainte-Laguë).
   */
  'upperMethod': (_mandate_seats_v1_Method__Output);
  /**
   * Its first divisor when modified Sainte-Laguë.
   */
  'upperFirstDivisor': (string);
  /**
   * Rounding of the lower apportionment: METHOD_SAINTE_LAGUE (standard,
   * the legal one; the default), METHOD_DHONDT (down) or METHOD_ADAMS (up).
   */
  'lowerMethod': (_mandate_seats_v1_Method__Output);
  /**
   * Weighting of the upper apportionment.
   */
  'weighting': (_mandate_seats_v1_Weighting__Output);
  /**
   * Round each weighted cell to a whole number (half up) before summing.
   */
  'roundWeights': (boolean);
  /**
   * The quorum; unset = every list takes part.
   */
  'quorum': (_mandate_seats_v1_Quorum__Output | null);
  /**
   * The list with the most votes in a district gets at least one seat there.
   */
  'districtWinnerMinOneSeat': (boolean);
  /**
   * The winner condition is not applied where lists tie for the most votes.
   */
  'districtWinnerTieException': (boolean);
}
