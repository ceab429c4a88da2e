// Original file: mandate/seats/v1/chamber.proto


/**
 * One list x district cell.
 */
export interface SeatCell {
  /**
   * The list id.
   */
  'list'?: (string);
  /**
   * The district id.
   */
  'district'?: (string);
}

/**
 * One list x district cell.
 */
export interface SeatCell__Output {
  /**
   * The list id.
   */
  'list': (string);
  /**
   * The district id.
   */
  'district': (string);
}
