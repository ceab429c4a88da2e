// Original file: mandate/tally/v1/election.proto

/**
 * The meaning of a protocol line for results reporting.
 */
export const LineRole = {
  /**
   * Not set.
   */
  LINE_ROLE_UNSPECIFIED: 'LINE_ROLE_UNSPECIFIED',
  /**
   * Voters registered on the list.
   */
  LINE_ROLE_REGISTERED: 'LINE_ROLE_REGISTERED',
  /**
   * Ballots issued to voters.
   */
  LINE_ROLE_BALLOTS_ISSUED: 'LINE_ROLE_BALLOTS_ISSUED',
  /**
   * Ballots cast, i.e. found in the ballot boxes.
   */
  LINE_ROLE_BALLOTS_CAST: 'LINE_ROLE_BALLOTS_CAST',
  /**
   * Invalid ballots.
   */
  LINE_ROLE_INVALID: 'LINE_ROLE_INVALID',
  /**
   * Valid ballots.
   */
  LINE_ROLE_VALID: 'LINE_ROLE_VALID',
} as const;

/**
 * The meaning of a protocol line for results reporting.
 */
export type LineRole =
  /**
   * Not set.
   */
  | 'LINE_ROLE_UNSPECIFIED'
  | 0
  /**
   * Voters registered on the list.
   */
  | 'LINE_ROLE_REGISTERED'
  | 1
  /**
   * Ballots issued to voters.
   */
  | 'LINE_ROLE_BALLOTS_ISSUED'
  | 2
  /**
   * Ballots cast, i.e. found in the ballot boxes.
   */
  | 'LINE_ROLE_BALLOTS_CAST'
  | 3
  /**
   * Invalid ballots.
   */
  | 'LINE_ROLE_INVALID'
  | 4
  /**
   * Valid ballots.
   */
  | 'LINE_ROLE_VALID'
  | 5

/**
 * The meaning of a protocol line for results reporting.
 */
export type LineRole__Output = typeof LineRole[keyof typeof LineRole]
