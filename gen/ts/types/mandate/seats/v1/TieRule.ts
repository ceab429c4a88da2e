// Original file: mandate/seats/v1/apportionment.proto

/**
 * How seats tied between parties are decided.
 */
export const TieRule = {
  /**
   * Not set; treated as TIE_RULE_UNDECIDED so no seat is ever decided silently.
   */
  TIE_RULE_UNSPECIFIED: 'TIE_RULE_UNSPECIFIED',
  /**
   * Tied seats are left undecided and reported as such.
   */
  TIE_RULE_UNDECIDED: 'TIE_RULE_UNDECIDED',
  /**
   * The tied party with more votes wins.
   */
  TIE_RULE_MORE_VOTES: 'TIE_RULE_MORE_VOTES',
  /**
   * The tied party earlier on the ballot wins.
   */
  TIE_RULE_BALLOT_ORDER: 'TIE_RULE_BALLOT_ORDER',
  /**
   * A reproducible lot drawn with Rule.seed.
   */
  TIE_RULE_LOT: 'TIE_RULE_LOT',
} as const;

/**
 * How seats tied between parties are decided.
 */
export type TieRule =
  /**
   * Not set; treated as TIE_RULE_UNDECIDED so no seat is ever decided silently.
   */
  | 'TIE_RULE_UNSPECIFIED'
  | 0
  /**
   * Tied seats are left undecided and reported as such.
   */
  | 'TIE_RULE_UNDECIDED'
  | 1
  /**
   * The tied party with more votes wins.
   */
  | 'TIE_RULE_MORE_VOTES'
  | 2
  /**
   * The tied party earlier on the ballot wins.
   */
  | 'TIE_RULE_BALLOT_ORDER'
  | 3
  /**
   * A reproducible lot drawn with Rule.seed.
   */
  | 'TIE_RULE_LOT'
  | 4

/**
 * How seats tied between parties are decided.
 */
export type TieRule__Output = typeof TieRule[keyof typeof TieRule]
