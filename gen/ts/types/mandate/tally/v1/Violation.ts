// Original file: mandate/tally/v1/protocol.proto

import type { Severity as _mandate_tally_v1_Severity, Severity__Output as _mandate_tally_v1_Severity__Output } from '../../../mandate/tally/v1/Severity';

/**
 * A broken control relation of a protocol.
 */
export interface Violation {
  /**
   * The relation's stable code, e.g. `RU_VALID_EQ_SUM`.
   */
  'code'?: (string);
  /**
   * Explanation in words.
   */
  'message'?: (string);
  /**
   * Error (rejected) or warning (accepted and flagged).
   */
  'severity'?: (_mandate_tally_v1_Severity);
  /**
   * The protocol line and choice ids the relation involves.
   */
  'lines'?: (string)[];
}

/**
 * A broken control relation of a protocol.
 */
export interface Violation__Output {
  /**
   * The relation's stable code, e.g. `RU_VALID_EQ_SUM`.
   */
  'code': (string);
  /**
   * Explanation in words.
   */
  'message': (string);
  /**
   * Error (rejected) or warning (accepted and flagged).
   */
  'severity': (_mandate_tally_v1_Severity__Output);
  /**
   * The protocol line and choice ids the relation involves.
   */
  'lines': (string)[];
}
