// Original file: mandate/tally/v1/totals.proto


/**
 * The leader of a single-winner contest.
 */
export interface LeaderStatus {
  /**
   * The leading choice id; empty when no votes are counted or on an exact tie.
   */
  'choice'?: (string);
  /**
   * Whether the leader has more than the required share of the legal base.
   */
  'hasMajority'?: (boolean);
  /**
   * Whether a runoff is needed on the current count.
   */
  'runoffRequired'?: (boolean);
  /**
   * The choices that would go to the runoff (the two leaders).
   */
  'runoffChoices'?: (string)[];
}

/**
 * The leader of a single-winner contest.
 */
export interface LeaderStatus__Output {
  /**
   * The leading choice id; empty when no votes are counted or on an exact tie.
   */
  'choice': (string);
  /**
   * Whether the leader has more than the required share of the legal base.
   */
  'hasMajority': (boolean);
  /**
   * Whether a runoff is needed on the current count.
   */
  'runoffRequired': (boolean);
  /**
   * The choices that would go to the runoff (the two leaders).
   */
  'runoffChoices': (string)[];
}
