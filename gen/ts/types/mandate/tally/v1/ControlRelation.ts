// Original file: mandate/tally/v1/election.proto

import type { Severity as _mandate_tally_v1_Severity, Severity__Output as _mandate_tally_v1_Severity__Output } from '../../../mandate/tally/v1/Severity';

/**
 * A linear relation between protocol lines that the law requires.
 */
export interface ControlRelation {
  /**
   * Stable code reported when the relation is broken, e.g. `RU_VALID_EQ_SUM`.
   */
  'code'?: (string);
  /**
   * Explanation shown to the commission when the relation is broken.
   */
  'message'?: (string);
  /**
   * Whether a broken relation rejects the protocol or only flags it.
   */
  'severity'?: (_mandate_tally_v1_Severity);
  /**
   * The relation, e.g. `registered >= issued_early + issued_on_day` or
   * `valid = sum(choices)`: integer-weighted sums of line and choice ids on
   * both sides of one of `=`, `>=`, `<=`, `>`, `<`.
   */
  'expression'?: (string);
}

/**
 * A linear relation between protocol lines that the law requires.
 */
export interface ControlRelation__Output {
  /**
   * Stable code reported when the relation is broken, e.g. `RU_VALID_EQ_SUM`.
   */
  'code': (string);
  /**
   * Explanation shown to the commission when the relation is broken.
   */
  'message': (string);
  /**
   * Whether a broken relation rejects the protocol or only flags it.
   */
  'severity': (_mandate_tally_v1_Severity__Output);
  /**
   * The relation, e.g. `registered >= issued_early + issued_on_day` or
   * `valid = sum(choices)`: integer-weighted sums of line and choice ids on
   * both sides of one of `=`, `>=`, `<=`, `>`, `<`.
   */
  'expression': (string);
}
