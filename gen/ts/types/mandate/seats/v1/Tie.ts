// Original file: mandate/seats/v1/apportionment.proto


/**
 * A set of parties tied for the last seat(s).
 */
export interface Tie {
  /**
   * The tied party ids.
   */
  'parties'?: (string)[];
  /**
   * How many seats they are tied for.
   */
  'seats'?: (number);
  /**
   * The party ids that got those seats; empty when left undecided.
   */
  'winners'?: (string)[];
}

/**
 * A set of parties tied for the last seat(s).
 */
export interface Tie__Output {
  /**
   * The tied party ids.
   */
  'parties': (string)[];
  /**
   * How many seats they are tied for.
   */
  'seats': (number);
  /**
   * The party ids that got those seats; empty when left undecided.
   */
  'winners': (string)[];
}
