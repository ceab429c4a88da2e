// Original file: mandate/seats/v1/apportionment.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A legal threshold.
 */
export interface Threshold {
  /**
   * Percentage of the base a party needs, as a decimal string such as "7" or
   * "3.25"; inclusive: votes * 100 >= percent * base.
   */
  'percent'?: (string);
  /**
   * The legal base of the percentage; it may include votes not cast for any
   * listed party (invalid ballots, "against all"). Zero means the sum of the
   * parties' votes.
   */
  'base'?: (number | string | Long);
  /**
   * Absolute alternative: a party qualifies with at least this many votes.
   */
  'votes'?: (number | string | Long);
  /**
   * A party also qualifies with at least this many district wins (Germany: 3).
   */
  'orDistrictWinsAtLeast'?: (number | string | Long);
}

/**
 * A legal threshold.
 */
export interface Threshold__Output {
  /**
   * Percentage of the base a party needs, as a decimal string such as "7" or
   * "3.25"; inclusive: votes * 100 >= percent * base.
   */
  'percent': (string);
  /**
   * The legal base of the percentage; it may include votes not cast for any
   * listed party (invalid ballots, "against all"). Zero means the sum of the
   * parties' votes.
   */
  'base': (string);
  /**
   * Absolute alternative: a party qualifies with at least this many votes.
   */
  'votes': (string);
  /**
   * A party also qualifies with at least this many district wins (Germany: 3).
   */
  'orDistrictWinsAtLeast': (string);
}
