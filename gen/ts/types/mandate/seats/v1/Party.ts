// Original file: mandate/seats/v1/apportionment.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A party (or state, for house apportionment) taking part.
 */
export interface Party {
  /**
   * Unique id within the request.
   */
  'id'?: (string);
  /**
   * Display name.
   */
  'displayName'?: (string);
  /**
   * Votes (or population); int64, so a string in JSON.
   */
  'votes'?: (number | string | Long);
  /**
   * Single-member districts won, for the district-win route and overhang.
   */
  'districtWins'?: (number | string | Long);
  /**
   * A national-minority party that the threshold does not apply to.
   */
  'exempt'?: (boolean);
  /**
   * Position on the ballot for the ballot-order tie rule; zero uses the order
   * of the request.
   */
  'ballotOrder'?: (number);
}

/**
 * A party (or state, for house apportionment) taking part.
 */
export interface Party__Output {
  /**
   * Unique id within the request.
   */
  'id': (string);
  /**
   * Display name.
   */
  'displayName': (string);
  /**
   * Votes (or population); int64, so a string in JSON.
   */
  'votes': (string);
  /**
   * Single-member districts won, for the district-win route and overhang.
   */
  'districtWins': (string);
  /**
   * A national-minority party that the threshold does not apply to.
   */
  'exempt': (boolean);
  /**
   * Position on the ballot for the ballot-order tie rule; zero uses the order
   * of the request.
   */
  'ballotOrder': (number);
}
