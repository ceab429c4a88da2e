// Original file: mandate/tally/v1/forensics.proto

import type { IntegerPercentRegion as _mandate_tally_v1_IntegerPercentRegion, IntegerPercentRegion__Output as _mandate_tally_v1_IntegerPercentRegion__Output } from '../../../mandate/tally/v1/IntegerPercentRegion';
import type { Long } from '@grpc/proto-loader';

/**
 * The integer-percentage test of Kobak, Shpilkin and Pshenichnikov (Ann.
 * Appl. Stat. 10(1), 2016): stations whose turnout or leader share lies
 * within the window of a whole percentage, against a binomial null in which
 * each station's counts are redrawn with its own observed proportions.
 */
export interface IntegerPercentTest {
  /**
   * Stations with at least definitions.min_registered_voters.
   */
  'eligibleStations'?: (number | string | Long);
  /**
   * Eligible stations whose turnout or leader share is whole.
   */
  'observed'?: (number | string | Long);
  /**
   * Eligible stations whose turnout is whole.
   */
  'observedTurnout'?: (number | string | Long);
  /**
   * Eligible stations whose leader share is whole.
   */
  'observedShare'?: (number | string | Long);
  /**
   * The count expected under the null, computed exactly (sum over stations
   * of the probability of a whole percentage).
   */
  'expected'?: (number | string);
  /**
   * The same for turnout alone.
   */
  'expectedTurnout'?: (number | string);
  /**
   * The same for the leader share alone.
   */
  'expectedShare'?: (number | string);
  /**
   * Standard deviation of the count under the null, exactly.
   */
  'standardDeviation'?: (number | string);
  /**
   * observed − expected.
   */
  'excess'?: (number | string);
  /**
   * excess / standard_deviation.
   */
  'zScore'?: (number | string);
  /**
   * Mean of the Monte-Carlo replicates.
   */
  'monteCarloMean'?: (number | string);
  /**
   * Standard deviation of the Monte-Carlo replicates.
   */
  'monteCarloStandardDeviation'?: (number | string);
  /**
   * Smallest count among the replicates.
   */
  'monteCarloMin'?: (number | string | Long);
  /**
   * Largest count among the replicates.
   */
  'monteCarloMax'?: (number | string | Long);
  /**
   * (1 + replicates at or above observed) / (1 + replicates).
   */
  'pValue'?: (number | string);
  /**
   * The same per region, ordered by unit id.
   */
  'regions'?: (_mandate_tally_v1_IntegerPercentRegion)[];
  /**
   * Eligible stations by turnout in 1,000 bins of 0.1 percentage point (bin
   * k holds [k/10 %, (k+1)/10 %); 100 % is in the last): whole percentages
   * show as spikes. Stations with more voters than registered are left out.
   */
  'turnoutHistogram'?: (number | string | Long)[];
  /**
   * The same for the leader's share of the share base.
   */
  'shareHistogram'?: (number | string | Long)[];
}

/**
 * The integer-percentage test of Kobak, Shpilkin and Pshenichnikov (Ann.
 * Appl. Stat. 10(1), 2016): stations whose turnout or leader share lies
 * within the window of a whole percentage, against a binomial null in which
 * each station's counts are redrawn with its own observed proportions.
 */
export interface IntegerPercentTest__Output {
  /**
   * Stations with at least definitions.min_registered_voters.
   */
  'eligibleStations': (string);
  /**
   * Eligible stations whose turnout or leader share is whole.
   */
  'observed': (string);
  /**
   * Eligible stations whose turnout is whole.
   */
  'observedTurnout': (string);
  /**
   * Eligible stations whose leader share is whole.
   */
  'observedShare': (string);
  /**
   * The count expected under the null, computed exactly (sum over stations
   * of the probability of a whole percentage).
   */
  'expected': (number);
  /**
   * The same for turnout alone.
   */
  'expectedTurnout': (number);
  /**
   * The same for the leader share alone.
   */
  'expectedShare': (number);
  /**
   * Standard deviation of the count under the null, exactly.
   */
  'standardDeviation': (number);
  /**
   * observed − expected.
   */
  'excess': (number);
  /**
   * excess / standard_deviation.
   */
  'zScore': (number);
  /**
   * Mean of the Monte-Carlo replicates.
   */
  'monteCarloMean': (number);
  /**
   * Standard deviation of the Monte-Carlo replicates.
   */
  'monteCarloStandardDeviation': (number);
  /**
   * Smallest count among the replicates.
   */
  'monteCarloMin': (string);
  /**
   * Largest count among the replicates.
   */
  'monteCarloMax': (string);
  /**
   * (1 + replicates at or above observed) / (1 + replicates).
   */
  'pValue': (number);
  /**
   * The same per region, ordered by unit id.
   */
  'regions': (_mandate_tally_v1_IntegerPercentRegion__Output)[];
  /**
   * Eligible stations by turnout in 1,000 bins of 0.1 percentage point (bin
   * k holds [k/10 %, (k+1)/10 %); 100 % is in the last): whole percentages
   * show as spikes. Stations with more voters than registered are left out.
   */
  'turnoutHistogram': (string)[];
  /**
   * The same for the leader's share of the share base.
   */
  'shareHistogram': (string)[];
}
