// Original file: mandate/tally/v1/election.proto

/**
 * The kind of a contest.
 */
export const ContestKind = {
  /**
   * Not set; rejected in requests.
   */
  CONTEST_KIND_UNSPECIFIED: 'CONTEST_KIND_UNSPECIFIED',
  /**
   * Lists share seats in proportion to their votes.
   */
  CONTEST_KIND_PARTY_LIST: 'CONTEST_KIND_PARTY_LIST',
  /**
   * One candidate wins, possibly after a runoff.
   */
  CONTEST_KIND_SINGLE_WINNER: 'CONTEST_KIND_SINGLE_WINNER',
} as const;

/**
 * The kind of a contest.
 */
export type ContestKind =
  /**
   * Not set; rejected in requests.
   */
  | 'CONTEST_KIND_UNSPECIFIED'
  | 0
  /**
   * Lists share seats in proportion to their votes.
   */
  | 'CONTEST_KIND_PARTY_LIST'
  | 1
  /**
   * One candidate wins, possibly after a runoff.
   */
  | 'CONTEST_KIND_SINGLE_WINNER'
  | 2

/**
 * The kind of a contest.
 */
export type ContestKind__Output = typeof ContestKind[keyof typeof ContestKind]
