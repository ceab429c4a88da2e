// Original file: mandate/seats/v1/chamber.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';

/**
 * The Norwegian leveling rule.
 */
export interface LevelingRule {
  /**
   * Percent of all lists' votes nationwide a list needs for leveling seats.
   */
  'thresholdPercent'?: (string);
  /**
   * Seats of the national distribution; 0 = the whole house.
   */
  'nationalSeats'?: (number);
  /**
   * Method of the national distribution.
   */
  'nationalMethod'?: (_mandate_seats_v1_Method);
  /**
   * Its first divisor, e.g. "1.4".
   */
  'nationalFirstDivisor'?: (string);
  /**
   * Placement divisor for a list without a district seat in the district;
   * default "1". Later divisors are 2s+1.
   */
  'zeroSeatDivisor'?: (string);
}

/**
 * The Norwegian leveling rule.
 */
export interface LevelingRule__Output {
  /**
   * Percent of all lists' votes nationwide a list needs for leveling seats.
   */
  'thresholdPercent': (string);
  /**
   * Seats of the national distribution; 0 = the whole house.
   */
  'nationalSeats': (number);
  /**
   * Method of the national distribution.
   */
  'nationalMethod': (_mandate_seats_v1_Method__Output);
  /**
   * Its first divisor, e.g. "1.4".
   */
  'nationalFirstDivisor': (string);
  /**
   * Placement divisor for a list without a district seat in the district;
   * default "1". Later divisors are 2s+1.
   */
  'zeroSeatDivisor': (string);
}
