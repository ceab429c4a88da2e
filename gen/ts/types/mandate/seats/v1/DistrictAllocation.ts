// Original file: mandate/seats/v1/chamber.proto

import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';
import type { Allocation as _mandate_seats_v1_Allocation, Allocation__Output as _mandate_seats_v1_Allocation__Output } from '../../../mandate/seats/v1/Allocation';

/**
 * The outcome in one district.
 */
export interface DistrictAllocation {
  /**
   * The district id.
   */
  'id'?: (string);
  /**
   * Display name.
   */
  'displayName'?: (string);
  /**
   * Seats, leveling seats included.
   */
  'seats'?: (number);
  /**
   * Leveling seats placed here.
   */
  'levelingSeats'?: (number);
  /**
   * Biproportional: the district divisor.
   */
  'divisor'?: (_mandate_seats_v1_Fraction | null);
  /**
   * All lists' votes here.
   */
  'votes'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Independent and leveling: the district's own explained distribution.
   */
  'allocation'?: (_mandate_seats_v1_Allocation | null);
}

/**
 * The outcome in one district.
 */
export interface DistrictAllocation__Output {
  /**
   * The district id.
   */
  'id': (string);
  /**
   * Display name.
   */
  'displayName': (string);
  /**
   * Seats, leveling seats included.
   */
  'seats': (number);
  /**
   * Leveling seats placed here.
   */
  'levelingSeats': (number);
  /**
   * Biproportional: the district divisor.
   */
  'divisor': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * All lists' votes here.
   */
  'votes': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Independent and leveling: the district's own explained distribution.
   */
  'allocation': (_mandate_seats_v1_Allocation__Output | null);
}
