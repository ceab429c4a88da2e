// Original file: mandate/seats/v1/apportionment.proto


/**
 * An exact fraction.
 */
export interface Fraction {
  /**
   * Numerator, as a decimal integer string (it may exceed 64 bits).
   */
  'numerator'?: (string);
  /**
   * Denominator, a positive decimal integer string.
   */
  'denominator'?: (string);
  /**
   * The value rounded to six decimals, for display only.
   */
  'decimal'?: (string);
}

/**
 * An exact fraction.
 */
export interface Fraction__Output {
  /**
   * Numerator, as a decimal integer string (it may exceed 64 bits).
   */
  'numerator': (string);
  /**
   * Denominator, a positive decimal integer string.
   */
  'denominator': (string);
  /**
   * The value rounded to six decimals, for display only.
   */
  'decimal': (string);
}
