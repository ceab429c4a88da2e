// Original file: mandate/seats/v1/chamber_composition.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Seats of one district of a tier.
 */
export interface DistrictSeats {
  /**
   * The district's unit, `elections/{election}/units/{unit}`.
   */
  'unit'?: (string);
  /**
   * Human-readable name.
   */
  'displayName'?: (string);
  /**
   * Seats of the district.
   */
  'seats'?: (number);
  /**
   * Seats by party id (only parties with seats).
   */
  'partySeats'?: ({[key: string]: number});
  /**
   * Single-member district: the contest, `elections/{election}/contests/{contest}`.
   */
  'contest'?: (string);
  /**
   * Single-member district: the leading candidate's choice id (empty
   * without votes).
   */
  'leader'?: (string);
  /**
   * Single-member district: the leader's party.
   */
  'leaderParty'?: (string);
  /**
   * Single-member district: whether the leader has won the seat (first past
   * the post without a tie, or a majority that needs no runoff).
   */
  'decided'?: (boolean);
  /**
   * Single-member district: whether a second round is needed.
   */
  'runoffRequired'?: (boolean);
  /**
   * How close the district's last seat was: for a single-member district the
   * leader's lead over the runner-up as a share of the valid votes there;
   * for a list district `(last winning - first losing quotient) / last
   * winning`. A decimal with four places, e.g. "0.0013"; empty when there is
   * no contest for the seat.
   */
  'closestCall'?: (string);
  /**
   * Stations reporting and in total under the district's unit.
   */
  'stationsReporting'?: (number | string | Long);
  /**
   * All stations under the district's unit.
   */
  'stationsTotal'?: (number | string | Long);
}

/**
 * Seats of one district of a tier.
 */
export interface DistrictSeats__Output {
  /**
   * The district's unit, `elections/{election}/units/{unit}`.
   */
  'unit': (string);
  /**
   * Human-readable name.
   */
  'displayName': (string);
  /**
   * Seats of the district.
   */
  'seats': (number);
  /**
   * Seats by party id (only parties with seats).
   */
  'partySeats': ({[key: string]: number});
  /**
   * Single-member district: the contest, `elections/{election}/contests/{contest}`.
   */
  'contest': (string);
  /**
   * Single-member district: the leading candidate's choice id (empty
   * without votes).
   */
  'leader': (string);
  /**
   * Single-member district: the leader's party.
   */
  'leaderParty': (string);
  /**
   * Single-member district: whether the leader has won the seat (first past
   * the post without a tie, or a majority that needs no runoff).
   */
  'decided': (boolean);
  /**
   * Single-member district: whether a second round is needed.
   */
  'runoffRequired': (boolean);
  /**
   * How close the district's last seat was: for a single-member district the
   * leader's lead over the runner-up as a share of the valid votes there;
   * for a list district `(last winning - first losing quotient) / last
   * winning`. A decimal with four places, e.g. "0.0013"; empty when there is
   * no contest for the seat.
   */
  'closestCall': (string);
  /**
   * Stations reporting and in total under the district's unit.
   */
  'stationsReporting': (string);
  /**
   * All stations under the district's unit.
   */
  'stationsTotal': (string);
}
