// Original file: mandate/tally/v1/forensics.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The integer-percentage test in one region.
 */
export interface IntegerPercentRegion {
  /**
   * Resource name of the region's unit.
   */
  'unit'?: (string);
  /**
   * Eligible stations in the region.
   */
  'eligibleStations'?: (number | string | Long);
  /**
   * Of them, stations with a whole turnout or leader share.
   */
  'observed'?: (number | string | Long);
  /**
   * The count expected under the null.
   */
  'expected'?: (number | string);
  /**
   * Its standard deviation.
   */
  'standardDeviation'?: (number | string);
  /**
   * observed − expected.
   */
  'excess'?: (number | string);
  /**
   * Mean of the Monte-Carlo replicates.
   */
  'monteCarloMean'?: (number | string);
  /**
   * Standard deviation of the Monte-Carlo replicates.
   */
  'monteCarloStandardDeviation'?: (number | string);
  /**
   * (1 + replicates at or above observed) / (1 + replicates).
   */
  'pValue'?: (number | string);
}

/**
 * The integer-percentage test in one region.
 */
export interface IntegerPercentRegion__Output {
  /**
   * Resource name of the region's unit.
   */
  'unit': (string);
  /**
   * Eligible stations in the region.
   */
  'eligibleStations': (string);
  /**
   * Of them, stations with a whole turnout or leader share.
   */
  'observed': (string);
  /**
   * The count expected under the null.
   */
  'expected': (number);
  /**
   * Its standard deviation.
   */
  'standardDeviation': (number);
  /**
   * observed − expected.
   */
  'excess': (number);
  /**
   * Mean of the Monte-Carlo replicates.
   */
  'monteCarloMean': (number);
  /**
   * Standard deviation of the Monte-Carlo replicates.
   */
  'monteCarloStandardDeviation': (number);
  /**
   * (1 + replicates at or above observed) / (1 + replicates).
   */
  'pValue': (number);
}
