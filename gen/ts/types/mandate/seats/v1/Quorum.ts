// Original file: mandate/seats/v1/chamber.proto


/**
 * The entry barrier of a biproportional chamber; the branches given are
 * combined with OR (or AND) and compared inclusively.
 */
export interface Quorum {
  /**
   * At least this percent of all list votes in at least one district.
   */
  'anyDistrictPercent'?: (string);
  /**
   * At least this percent of all list votes summed over the districts.
   */
  'totalPercent'?: (string);
  /**
   * Combine with AND instead of OR.
   */
  'all'?: (boolean);
}

/**
 * The entry barrier of a biproportional chamber; the branches given are
 * combined with OR (or AND) and compared inclusively.
 */
export interface Quorum__Output {
  /**
   * At least this percent of all list votes in at least one district.
   */
  'anyDistrictPercent': (string);
  /**
   * At least this percent of all list votes summed over the districts.
   */
  'totalPercent': (string);
  /**
   * Combine with AND instead of OR.
   */
  'all': (boolean);
}
