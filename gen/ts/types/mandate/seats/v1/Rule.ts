// Original file: mandate/seats/v1/apportionment.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { Threshold as _mandate_seats_v1_Threshold, Threshold__Output as _mandate_seats_v1_Threshold__Output } from '../../../mandate/seats/v1/Threshold';
import type { TieRule as _mandate_seats_v1_TieRule, TieRule__Output as _mandate_seats_v1_TieRule__Output } from '../../../mandate/seats/v1/TieRule';
import type { Long } from '@grpc/proto-loader';

/**
 * The rule of an apportionment.
 */
export interface Rule {
  /**
   * The method.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Seats to distribute, excluding reserved seats.
   */
  'seats'?: (number);
  /**
   * Seats of the house filled otherwise and only reported (e.g. the 9 of the
   * Mazhilis's 107 chosen by the Assembly of People).
   */
  'reservedSeats'?: (number);
  /**
   * Modified Sainte-Laguë only: the first divisor as a decimal string, "1.4".
   */
  'firstDivisor'?: (string);
  /**
   * The threshold; absent means every party takes part.
   */
  'threshold'?: (_mandate_seats_v1_Threshold | null);
  /**
   * Kazakhstan since 2009: when only one party passes, the runner-up takes part.
   */
  'runnerUpGuaranteed'?: (boolean);
  /**
   * Every participating party gets at least this many seats (US House: 1).
   */
  'minSeatsPerParty'?: (number);
  /**
   * No party gets more than this many seats; zero means no cap.
   */
  'maxSeatsPerParty'?: (number);
  /**
   * Mixed-member: parties keep district seats above their entitlement and the
   * house grows.
   */
  'overhang'?: (boolean);
  /**
   * How ties for the last seats are decided.
   */
  'tieRule'?: (_mandate_seats_v1_TieRule);
  /**
   * Seed of the lot for TIE_RULE_LOT; echoed in the result.
   */
  'seed'?: (number | string | Long);
}

/**
 * The rule of an apportionment.
 */
export interface Rule__Output {
  /**
   * The method.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Seats to distribute, excluding reserved seats.
   */
  'seats': (number);
  /**
   * Seats of the house filled otherwise and only reported (e.g. the 9 of the
   * Mazhilis's 107 chosen by the Assembly of People).
   */
  'reservedSeats': (number);
  /**
   * Modified Sainte-Laguë only: the first divisor as a decimal string, "1.4".
   */
  'firstDivisor': (string);
  /**
   * The threshold; absent means every party takes part.
   */
  'threshold': (_mandate_seats_v1_Threshold__Output | null);
  /**
   * Kazakhstan since 2009: when only one party passes, the runner-up takes part.
   */
  'runnerUpGuaranteed': (boolean);
  /**
   * Every participating party gets at least this many seats (US House: 1).
   */
  'minSeatsPerParty': (number);
  /**
   * No party gets more than this many seats; zero means no cap.
   */
  'maxSeatsPerParty': (number);
  /**
   * Mixed-member: parties keep district seats above their entitlement and the
   * house grows.
   */
  'overhang': (boolean);
  /**
   * How ties for the last seats are decided.
   */
  'tieRule': (_mandate_seats_v1_TieRule__Output);
  /**
   * Seed of the lot for TIE_RULE_LOT; echoed in the result.
   */
  'seed': (string);
}
