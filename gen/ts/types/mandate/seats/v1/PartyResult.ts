// Original file: mandate/seats/v1/apportionment.proto

import type { Qualification as _mandate_seats_v1_Qualification, Qualification__Output as _mandate_seats_v1_Qualification__Output } from '../../../mandate/seats/v1/Qualification';
import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';
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
   * Fewest additional votes that would win it one more seat, everyone else
   * unchanged; -1 when no number of votes would.
   */
  'votesToGain'?: (number | string | Long);
  /**
   * Fewest votes it could lose that would cost it a seat, everyone else
   * unchanged; -1 when it has no seat to lose.
   */
  'votesToLose'?: (number | string | Long);
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
   * Fewest additional votes that would win it one more seat, everyone else
   * unchanged; -1 when no number of votes would.
   */
  'votesToGain': (string);
  /**
   * Fewest votes it could lose that would cost it a seat, everyone else
   * unchanged; -1 when it has no seat to lose.
   */
  'votesToLose': (string);
}
