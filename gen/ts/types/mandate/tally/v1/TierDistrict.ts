// Original file: mandate/tally/v1/election.proto


/**
 * A district of a list tier elected in districts.
 */
export interface TierDistrict {
  /**
   * The unit whose totals are the district's votes, by id (e.g. `es-28`).
   */
  'unit'?: (string);
  /**
   * Seats of the district.
   */
  'seats'?: (number);
}

/**
 * A district of a list tier elected in districts.
 */
export interface TierDistrict__Output {
  /**
   * The unit whose totals are the district's votes, by id (e.g. `es-28`).
   */
  'unit': (string);
  /**
   * Seats of the district.
   */
  'seats': (number);
}
