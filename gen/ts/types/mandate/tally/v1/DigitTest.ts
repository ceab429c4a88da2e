// Original file: mandate/tally/v1/forensics.proto

import type { DigitPosition as _mandate_tally_v1_DigitPosition, DigitPosition__Output as _mandate_tally_v1_DigitPosition__Output } from '../../../mandate/tally/v1/DigitPosition';
import type { Long } from '@grpc/proto-loader';

/**
 * A chi-square test of one digit of the vote counts: a weak signal, which
 * honest counts can fail and forged ones can pass.
 */
export interface DigitTest {
  /**
   * The digit tested.
   */
  'position'?: (_mandate_tally_v1_DigitPosition);
  /**
   * The choice whose counts are tested; empty for every choice together.
   */
  'choice'?: (string);
  /**
   * Counts below this are left out.
   */
  'minVotes'?: (number | string | Long);
  /**
   * The number of counts tested.
   */
  'counts'?: (number | string | Long);
  /**
   * How often each digit 0-9 occurs.
   */
  'observed'?: (number | string | Long)[];
  /**
   * The probability of each digit 0-9 under the reference distribution.
   */
  'expectedProbabilities'?: (number | string)[];
  /**
   * Pearson's chi-square statistic.
   */
  'chiSquare'?: (number | string);
  /**
   * Degrees of freedom (9).
   */
  'degreesOfFreedom'?: (number);
  /**
   * Upper tail probability of the statistic; 1 when nothing is tested.
   */
  'pValue'?: (number | string);
  /**
   * Always "weak signal".
   */
  'label'?: (string);
}

/**
 * A chi-square test of one digit of the vote counts: a weak signal, which
 * honest counts can fail and forged ones can pass.
 */
export interface DigitTest__Output {
  /**
   * The digit tested.
   */
  'position': (_mandate_tally_v1_DigitPosition__Output);
  /**
   * The choice whose counts are tested; empty for every choice together.
   */
  'choice': (string);
  /**
   * Counts below this are left out.
   */
  'minVotes': (string);
  /**
   * The number of counts tested.
   */
  'counts': (string);
  /**
   * How often each digit 0-9 occurs.
   */
  'observed': (string)[];
  /**
   * The probability of each digit 0-9 under the reference distribution.
   */
  'expectedProbabilities': (number)[];
  /**
   * Pearson's chi-square statistic.
   */
  'chiSquare': (number);
  /**
   * Degrees of freedom (9).
   */
  'degreesOfFreedom': (number);
  /**
   * Upper tail probability of the statistic; 1 when nothing is tested.
   */
  'pValue': (number);
  /**
   * Always "weak signal".
   */
  'label': (string);
}
