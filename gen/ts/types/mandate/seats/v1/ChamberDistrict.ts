// Original file: mandate/seats/v1/chamber.proto

import type { DistrictRule as _mandate_seats_v1_DistrictRule, DistrictRule__Output as _mandate_seats_v1_DistrictRule__Output } from '../../../mandate/seats/v1/DistrictRule';
import type { Long } from '@grpc/proto-loader';

/**
 * One district of a chamber.
 */
export interface ChamberDistrict {
  /**
   * Identifier, the key of ChamberList.votes.
   */
  'id'?: (string);
  /**
   * Display name.
   */
  'displayName'?: (string);
  /**
   * Seats of the district, leveling seats included; at least one. With a
   * district apportionment the seats are computed and a value here is only
   * compared with them.
   */
  'seats'?: (number);
  /**
   * Leveling family: how many of the seats are leveling seats.
   */
  'levelingSeats'?: (number);
  /**
   * What a district threshold percentage is taken of (e.g. valid votes
   * including blank ballots); 0 = the sum of the lists' votes here.
   */
  'thresholdBase'?: (number | string | Long);
  /**
   * Inhabitants, for the district apportionment.
   */
  'population'?: (number | string | Long);
  /**
   * Area in square kilometres, for the district apportionment.
   */
  'areaKm2'?: (number | string | Long);
  /**
   * Independent family: this district's own rule (a parallel chamber's
   * single-member districts next to a national list tier).
   */
  'override'?: (_mandate_seats_v1_DistrictRule | null);
}

/**
 * One district of a chamber.
 */
export interface ChamberDistrict__Output {
  /**
   * Identifier, the key of ChamberList.votes.
   */
  'id': (string);
  /**
   * Display name.
   */
  'displayName': (string);
  /**
   * Seats of the district, leveling seats included; at least one. With a
   * district apportionment the seats are computed and a value here is only
   * compared with them.
   */
  'seats': (number);
  /**
   * Leveling family: how many of the seats are leveling seats.
   */
  'levelingSeats': (number);
  /**
   * What a district threshold percentage is taken of (e.g. valid votes
   * including blank ballots); 0 = the sum of the lists' votes here.
   */
  'thresholdBase': (string);
  /**
   * Inhabitants, for the district apportionment.
   */
  'population': (string);
  /**
   * Area in square kilometres, for the district apportionment.
   */
  'areaKm2': (string);
  /**
   * Independent family: this district's own rule (a parallel chamber's
   * single-member districts next to a national list tier).
   */
  'override': (_mandate_seats_v1_DistrictRule__Output | null);
}
