// Original file: mandate/seats/v1/apportionment.proto

import type { Qualification as _mandate_seats_v1_Qualification, Qualification__Output as _mandate_seats_v1_Qualification__Output } from '../../../mandate/seats/v1/Qualification';
import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';
import type { MarginStatus as _mandate_seats_v1_MarginStatus, MarginStatus__Output as _mandate_seats_v1_MarginStatus__Output } from '../../../mandate/seats/v1/MarginStatus';
import type { Long } from '@grpc/proto-loader';

/**
 * The outcome for one party.
 */
export interface PartyResult {
  /**
   * The party's id.
   */
  'id'?: (string);
  /**
   * Its display name.
   */
  'displayName'?: (string);
  /**
   * Its votes.
   */
  'votes'?: (number | string | Long);
  /**
   * Whether and why it takes part.
   */
  'qualification'?: (_mandate_seats_v1_Qualification);
  /**
   * Its share of the threshold base.
   */
  'share'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Seats won, including district seats kept under overhang.
   */
  'seats'?: (number);
  /**
   * Quota methods: whole quotas.
   */
  'wholeSeats'?: (number);
  /**
   * Quota methods: votes / quota - whole quotas.
   */
  'remainder'?: (_mandate_seats_v1_Fraction | null);
  /**
   * District seats won.
   */
  'districtWins'?: (number | string | Long);
  /**
   * Seats kept above the proportional entitlement.
   */
  'overhangSeats'?: (number);
  /**
   * Whether it is in a tie for the last seat(s).
   */
  'tiedForLast'?: (boolean);
  /**
   * The fewest additional votes that give the party more seats than it
   * holds for certain now (a seat in an exact tie is not held), every other
   * party's votes unchanged; an exact tie is not a win, and one vote fewer
   * does not gain. Set only when votes_to_gain_status is
   * MARGIN_STATUS_COMPUTED.
   */
  'votesToGain'?: (number | string | Long);
  /**
   * The largest number of votes the party can lose while every loss up to
   * it leaves it all the seats it holds for certain now, every other party's
   * votes unchanged; losing one vote more costs a seat or puts one in an
   * exact tie. Set only when votes_to_lose_status is MARGIN_STATUS_COMPUTED.
   */
  'votesToLose'?: (number | string | Long);
  /**
   * Whether votes_to_gain was computed, does not exist or was not computed.
   */
  'votesToGainStatus'?: (_mandate_seats_v1_MarginStatus);
  /**
   * Whether votes_to_lose was computed, does not exist or was not computed.
   */
  'votesToLoseStatus'?: (_mandate_seats_v1_MarginStatus);
  '_votesToGain'?: "votesToGain";
  '_votesToLose'?: "votesToLose";
}

/**
 * The outcome for one party.
 */
export interface PartyResult__Output {
  /**
   * The party's id.
   */
  'id': (string);
  /**
   * Its display name.
   */
  'displayName': (string);
  /**
   * Its votes.
   */
  'votes': (string);
  /**
   * Whether and why it takes part.
   */
  'qualification': (_mandate_seats_v1_Qualification__Output);
  /**
   * Its share of the threshold base.
   */
  'share': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Seats won, including district seats kept under overhang.
   */
  'seats': (number);
  /**
   * Quota methods: whole quotas.
   */
  'wholeSeats': (number);
  /**
   * Quota methods: votes / quota - whole quotas.
   */
  'remainder': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * District seats won.
   */
  'districtWins': (string);
  /**
   * Seats kept above the proportional entitlement.
   */
  'overhangSeats': (number);
  /**
   * Whether it is in a tie for the last seat(s).
   */
  'tiedForLast': (boolean);
  /**
   * The fewest additional votes that give the party more seats than it
   * holds for certain now (a seat in an exact tie is not held), every other
   * party's votes unchanged; an exact tie is not a win, and one vote fewer
   * does not gain. Set only when votes_to_gain_status is
   * MARGIN_STATUS_COMPUTED.
   */
  'votesToGain'?: (string);
  /**
   * The largest number of votes the party can lose while every loss up to
   * it leaves it all the seats it holds for certain now, every other party's
   * votes unchanged; losing one vote more costs a seat or puts one in an
   * exact tie. Set only when votes_to_lose_status is MARGIN_STATUS_COMPUTED.
   */
  'votesToLose'?: (string);
  /**
   * Whether votes_to_gain was computed, does not exist or was not computed.
   */
  'votesToGainStatus': (_mandate_seats_v1_MarginStatus__Output);
  /**
   * Whether votes_to_lose was computed, does not exist or was not computed.
   */
  'votesToLoseStatus': (_mandate_seats_v1_MarginStatus__Output);
  '_votesToGain'?: "votesToGain";
  '_votesToLose'?: "votesToLose";
}
