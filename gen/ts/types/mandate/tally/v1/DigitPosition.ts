// Original file: mandate/tally/v1/forensics.proto

/**
 * Which digit of the vote counts a digit test looks at.
 */
export const DigitPosition = {
  /**
   * Not set.
   */
  DIGIT_POSITION_UNSPECIFIED: 'DIGIT_POSITION_UNSPECIFIED',
  /**
   * The last digit, against the uniform distribution.
   */
  DIGIT_POSITION_LAST: 'DIGIT_POSITION_LAST',
  /**
   * The second digit from the left, against Benford's law (2BL).
   */
  DIGIT_POSITION_SECOND: 'DIGIT_POSITION_SECOND',
} as const;

/**
 * Which digit of the vote counts a digit test looks at.
 */
export type DigitPosition =
  /**
   * Not set.
   */
  | 'DIGIT_POSITION_UNSPECIFIED'
  | 0
  /**
   * The last digit, against the uniform distribution.
   */
  | 'DIGIT_POSITION_LAST'
  | 1
  /**
   * The second digit from the left, against Benford's law (2BL).
   */
  | 'DIGIT_POSITION_SECOND'
  | 2

/**
 * Which digit of the vote counts a digit test looks at.
 */
export type DigitPosition__Output = typeof DigitPosition[keyof typeof DigitPosition]
