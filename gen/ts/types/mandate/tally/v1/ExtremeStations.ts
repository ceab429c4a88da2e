// Original file: mandate/tally/v1/forensics.proto

import type { ExtremeStation as _mandate_tally_v1_ExtremeStation, ExtremeStation__Output as _mandate_tally_v1_ExtremeStation__Output } from '../../../mandate/tally/v1/ExtremeStation';
import type { Long } from '@grpc/proto-loader';

/**
 * Stations with turnout and leader share both at or above a percentage.
 */
export interface ExtremeStations {
  /**
   * The percentage.
   */
  'percent'?: (number | string | Long);
  /**
   * How many stations qualify.
   */
  'count'?: (number | string | Long);
  /**
   * Some of them, most leader votes first (at most 100).
   */
  'stations'?: (_mandate_tally_v1_ExtremeStation)[];
}

/**
 * Stations with turnout and leader share both at or above a percentage.
 */
export interface ExtremeStations__Output {
  /**
   * The percentage.
   */
  'percent': (string);
  /**
   * How many stations qualify.
   */
  'count': (string);
  /**
   * Some of them, most leader votes first (at most 100).
   */
  'stations': (_mandate_tally_v1_ExtremeStation__Output)[];
}
