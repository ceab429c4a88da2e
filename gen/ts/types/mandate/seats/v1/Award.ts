// Original file: mandate/seats/v1/apportionment.proto

import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';

/**
 * One seat award of a divisor method.
 */
export interface Award {
  /**
   * Seat number, starting at 1.
   */
  'seat'?: (number);
  /**
   * The party id that won it.
   */
  'party'?: (string);
  /**
   * The winning quotient, votes / divisor.
   */
  'quotient'?: (_mandate_seats_v1_Fraction | null);
}

/**
 * One seat award of a divisor method.
 */
export interface Award__Output {
  /**
   * Seat number, starting at 1.
   */
  'seat': (number);
  /**
   * The party id that won it.
   */
  'party': (string);
  /**
   * The winning quotient, votes / divisor.
   */
  'quotient': (_mandate_seats_v1_Fraction__Output | null);
}
