// Original file: mandate/tally/v1/totals.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An exact ratio with a rounded percentage for display.
 */
export interface Ratio {
  /**
   * Numerator.
   */
  'numerator'?: (number | string | Long);
  /**
   * Denominator; zero when nothing has been counted yet.
   */
  'denominator'?: (number | string | Long);
  /**
   * numerator/denominator in percent, rounded half up to two decimals, e.g.
   * "80.99"; empty when the denominator is zero.
   */
  'percent'?: (string);
  /**
   * What the ratio is, in words, e.g. "ballots issued / registered voters,
   * reporting stations".
   */
  'definition'?: (string);
}

/**
 * An exact ratio with a rounded percentage for display.
 */
export interface Ratio__Output {
  /**
   * Numerator.
   */
  'numerator': (string);
  /**
   * Denominator; zero when nothing has been counted yet.
   */
  'denominator': (string);
  /**
   * numerator/denominator in percent, rounded half up to two decimals, e.g.
   * "80.99"; empty when the denominator is zero.
   */
  'percent': (string);
  /**
   * What the ratio is, in words, e.g. "ballots issued / registered voters,
   * reporting stations".
   */
  'definition': (string);
}
