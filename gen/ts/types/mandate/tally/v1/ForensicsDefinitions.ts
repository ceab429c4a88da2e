// Original file: mandate/tally/v1/forensics.proto

import type { IntegerRule as _mandate_tally_v1_IntegerRule, IntegerRule__Output as _mandate_tally_v1_IntegerRule__Output } from '../../../mandate/tally/v1/IntegerRule';
import type { Long } from '@grpc/proto-loader';

/**
 * The definitions and parameters a forensics report used.
 */
export interface ForensicsDefinitions {
  /**
   * The turnout in words, the contest form's one definition
   * (`ProtocolForm.turnout_numerator`), e.g. "ballots issued / registered
   * voters".
   */
  'turnout'?: (string);
  /**
   * The base of the leader's share: `valid` or `ballots_cast` (valid plus
   * invalid), the contest's legal base.
   */
  'shareBase'?: (string);
  /**
   * The integer test considers stations with at least this many registered
   * voters.
   */
  'minRegisteredVoters'?: (number | string | Long);
  /**
   * Half-width of the window around a whole percentage, in hundredths of a
   * percentage point (5 means ±0.05 points); the edges are included.
   */
  'integerWindowHundredths'?: (number | string | Long);
  /**
   * Under INTEGER_RULE_PUBLISHED a station is tested only when its turnout
   * and its leader share are both at most this percentage (99); under
   * INTEGER_RULE_PER_VALUE a value above it is never counted as whole.
   */
  'integerMaxPercent'?: (number | string | Long);
  /**
   * Monte-Carlo replicates of the integer test's null model.
   */
  'replicates'?: (number);
  /**
   * Seed of the replicates; the same seed gives the same report.
   */
  'seed'?: (number | string | Long);
  /**
   * Bins per axis of the fingerprint.
   */
  'fingerprintBins'?: (number);
  /**
   * The fingerprint reports the leader's votes from stations with turnout
   * strictly above this percentage.
   */
  'highTurnoutPercent'?: (number | string | Long);
  /**
   * Stations with turnout and leader share both at or above this percentage
   * are listed as extreme.
   */
  'extremePercent'?: (number | string | Long);
  /**
   * The last-digit test uses vote counts of at least this.
   */
  'minLastDigitVotes'?: (number | string | Long);
  /**
   * The second-digit test uses vote counts of at least this.
   */
  'minSecondDigitVotes'?: (number | string | Long);
  /**
   * The inclusion rule the integer test used.
   */
  'integerRule'?: (_mandate_tally_v1_IntegerRule);
}

/**
 * The definitions and parameters a forensics report used.
 */
export interface ForensicsDefinitions__Output {
  /**
   * The turnout in words, the contest form's one definition
   * (`ProtocolForm.turnout_numerator`), e.g. "ballots issued / registered
   * voters".
   */
  'turnout': (string);
  /**
   * The base of the leader's share: `valid` or `ballots_cast` (valid plus
   * invalid), the contest's legal base.
   */
  'shareBase': (string);
  /**
   * The integer test considers stations with at least this many registered
   * voters.
   */
  'minRegisteredVoters': (string);
  /**
   * Half-width of the window around a whole percentage, in hundredths of a
   * percentage point (5 means ±0.05 points); the edges are included.
   */
  'integerWindowHundredths': (string);
  /**
   * Under INTEGER_RULE_PUBLISHED a station is tested only when its turnout
   * and its leader share are both at most this percentage (99); under
   * INTEGER_RULE_PER_VALUE a value above it is never counted as whole.
   */
  'integerMaxPercent': (string);
  /**
   * Monte-Carlo replicates of the integer test's null model.
   */
  'replicates': (number);
  /**
   * Seed of the replicates; the same seed gives the same report.
   */
  'seed': (string);
  /**
   * Bins per axis of the fingerprint.
   */
  'fingerprintBins': (number);
  /**
   * The fingerprint reports the leader's votes from stations with turnout
   * strictly above this percentage.
   */
  'highTurnoutPercent': (string);
  /**
   * Stations with turnout and leader share both at or above this percentage
   * are listed as extreme.
   */
  'extremePercent': (string);
  /**
   * The last-digit test uses vote counts of at least this.
   */
  'minLastDigitVotes': (string);
  /**
   * The second-digit test uses vote counts of at least this.
   */
  'minSecondDigitVotes': (string);
  /**
   * The inclusion rule the integer test used.
   */
  'integerRule': (_mandate_tally_v1_IntegerRule__Output);
}
