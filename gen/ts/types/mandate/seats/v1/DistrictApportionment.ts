// Original file: mandate/seats/v1/chamber.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';

/**
 * Seats to districts by a divisor method on population + area factor * area.
 */
export interface DistrictApportionment {
  /**
   * Seats of the house.
   */
  'seats'?: (number);
  /**
   * Divisor method.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Its first divisor when modified Sainte-Laguë.
   */
  'firstDivisor'?: (string);
  /**
   * Area factor, e.g. "1.8"; empty = 0.
   */
  'areaFactor'?: (string);
}

/**
 * Seats to districts by a divisor method on population + area factor * area.
 */
export interface DistrictApportionment__Output {
  /**
   * Seats of the house.
   */
  'seats': (number);
  /**
   * Divisor method.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Its first divisor when modified Sainte-Laguë.
   */
  'firstDivisor': (string);
  /**
   * Area factor, e.g. "1.8"; empty = 0.
   */
  'areaFactor': (string);
}
