// Original file: mandate/tally/v1/election.proto

/**
 * How a single-winner contest goes on when no candidate wins outright.
 */
export const RunoffRule = {
  /**
   * Not set: `RUNOFF_RULE_TWO_LEADERS` for single-winner contests.
   */
  RUNOFF_RULE_UNSPECIFIED: 'RUNOFF_RULE_UNSPECIFIED',
  /**
   * The two candidates with the most votes meet in a second round. A tie for
   * a runoff place is not settled by the count: the pairing is reported
   * undecided, naming every tied candidate.
   */
  RUNOFF_RULE_TWO_LEADERS: 'RUNOFF_RULE_TWO_LEADERS',
  /**
   * The two leaders and every candidate with as many votes as the second.
   */
  RUNOFF_RULE_TIES_ADVANCE: 'RUNOFF_RULE_TIES_ADVANCE',
  /**
   * First past the post: the plurality leader wins; no majority percent and
   * no second round.
   */
  RUNOFF_RULE_NONE: 'RUNOFF_RULE_NONE',
} as const;

/**
 * How a single-winner contest goes on when no candidate wins outright.
 */
export type RunoffRule =
  /**
   * Not set: `RUNOFF_RULE_TWO_LEADERS` for single-winner contests.
   */
  | 'RUNOFF_RULE_UNSPECIFIED'
  | 0
  /**
   * The two candidates with the most votes meet in a second round. A tie for
   * a runoff place is not settled by the count: the pairing is reported
   * undecided, naming every tied candidate.
   */
  | 'RUNOFF_RULE_TWO_LEADERS'
  | 1
  /**
   * The two leaders and every candidate with as many votes as the second.
   */
  | 'RUNOFF_RULE_TIES_ADVANCE'
  | 2
  /**
   * First past the post: the plurality leader wins; no majority percent and
   * no second round.
   */
  | 'RUNOFF_RULE_NONE'
  | 3

/**
 * How a single-winner contest goes on when no candidate wins outright.
 */
export type RunoffRule__Output = typeof RunoffRule[keyof typeof RunoffRule]
