// Original file: mandate/seats/v1/seats_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A district of a district contest: a reporting unit and its seats.
 */
export interface ContestDistrict {
  /**
   * The reporting unit, `elections/{election}/units/{unit}`, of the
   * contest's election.
   */
  'unit'?: (string);
  /**
   * Seats of the district (leveling seats included); with a district
   * apportionment rule they are computed and a value here only compared.
   */
  'seats'?: (number);
  /**
   * Leveling family: how many of the seats are leveling seats.
   */
  'levelingSeats'?: (number);
  /**
   * Inhabitants, for a district apportionment rule.
   */
  'population'?: (number | string | Long);
  /**
   * Area in square kilometres, for a district apportionment rule.
   */
  'areaKm2'?: (number | string | Long);
}

/**
 * A district of a district contest: a reporting unit and its seats.
 */
export interface ContestDistrict__Output {
  /**
   * The reporting unit, `elections/{election}/units/{unit}`, of the
   * contest's election.
   */
  'unit': (string);
  /**
   * Seats of the district (leveling seats included); with a district
   * apportionment rule they are computed and a value here only compared.
   */
  'seats': (number);
  /**
   * Leveling family: how many of the seats are leveling seats.
   */
  'levelingSeats': (number);
  /**
   * Inhabitants, for a district apportionment rule.
   */
  'population': (string);
  /**
   * Area in square kilometres, for a district apportionment rule.
   */
  'areaKm2': (string);
}
