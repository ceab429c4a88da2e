// Original file: mandate/tally/v1/election.proto

import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';

/**
 * One numbered line of a protocol.
 */
export interface ProtocolLine {
  /**
   * Stable identifier used in submissions, e.g. `registered`.
   */
  'id'?: (string);
  /**
   * The number printed on the paper form, e.g. "1" or "10".
   */
  'number'?: (string);
  /**
   * What the line counts, in words.
   */
  'displayName'?: (string);
  /**
   * The quantities this line is part of; a role played by several lines is
   * their sum (ballots issued = early + on the day + outside the station).
   */
  'roles'?: (_mandate_tally_v1_LineRole)[];
}

/**
 * One numbered line of a protocol.
 */
export interface ProtocolLine__Output {
  /**
   * Stable identifier used in submissions, e.g. `registered`.
   */
  'id': (string);
  /**
   * The number printed on the paper form, e.g. "1" or "10".
   */
  'number': (string);
  /**
   * What the line counts, in words.
   */
  'displayName': (string);
  /**
   * The quantities this line is part of; a role played by several lines is
   * their sum (ballots issued = early + on the day + outside the station).
   */
  'roles': (_mandate_tally_v1_LineRole__Output)[];
}
