// Original file: mandate/tally/v1/forensics.proto

/**
 * Which stations and values the integer-percentage test counts.
 */
export const IntegerRule = {
  /**
   * Not set; in a request it means INTEGER_RULE_PUBLISHED.
   */
  INTEGER_RULE_UNSPECIFIED: 'INTEGER_RULE_UNSPECIFIED',
  /**
   * The rule of Kobak, Shpilkin and Pshenichnikov (Ann. Appl. Stat. 10(1),
   * 2016): a station is tested only when ballots were cast, at least
   * `min_registered_voters` are registered, and turnout and leader share are
   * both at most `integer_max_percent`; binomial redraws are counted with no
   * cap. The default.
   */
  INTEGER_RULE_PUBLISHED: 'INTEGER_RULE_PUBLISHED',
  /**
   * Mandate's earlier variant, for comparison only: every station with
   * `min_registered_voters` is tested and each value above
   * `integer_max_percent` is left out on its own, in the data and in the
   * redraws.
   */
  INTEGER_RULE_PER_VALUE: 'INTEGER_RULE_PER_VALUE',
} as const;

/**
 * Which stations and values the integer-percentage test counts.
 */
export type IntegerRule =
  /**
   * Not set; in a request it means INTEGER_RULE_PUBLISHED.
   */
  | 'INTEGER_RULE_UNSPECIFIED'
  | 0
  /**
   * The rule of Kobak, Shpilkin and Pshenichnikov (Ann. Appl. Stat. 10(1),
   * 2016): a station is tested only when ballots were cast, at least
   * `min_registered_voters` are registered, and turnout and leader share are
   * both at most `integer_max_percent`; binomial redraws are counted with no
   * cap. The default.
   */
  | 'INTEGER_RULE_PUBLISHED'
  | 1
  /**
   * Mandate's earlier variant, for comparison only: every station with
   * `min_registered_voters` is tested and each value above
   * `integer_max_percent` is left out on its own, in the data and in the
   * redraws.
   */
  | 'INTEGER_RULE_PER_VALUE'
  | 2

/**
 * Which stations and values the integer-percentage test counts.
 */
export type IntegerRule__Output = typeof IntegerRule[keyof typeof IntegerRule]
