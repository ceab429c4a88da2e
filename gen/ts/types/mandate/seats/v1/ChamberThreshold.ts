// Original file: mandate/seats/v1/chamber.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A nationwide threshold of an independent chamber.
 */
export interface ChamberThreshold {
  /**
   * Percent, e.g. "5" (inclusive).
   */
  'percent'?: (string);
  /**
   * What the percentage is taken of; 0 = all lists' votes.
   */
  'base'?: (number | string | Long);
}

/**
 * A nationwide threshold of an independent chamber.
 */
export interface ChamberThreshold__Output {
  /**
   * Percent, e.g. "5" (inclusive).
   */
  'percent': (string);
  /**
   * What the percentage is taken of; 0 = all lists' votes.
   */
  'base': (string);
}
