// Original file: mandate/seats/v1/chamber.proto


/**
 * A list (or list group) with its votes per district.
 */
export interface ChamberList {
  /**
   * Identifier.
   */
  'id'?: (string);
  /**
   * Display name.
   */
  'displayName'?: (string);
  /**
   * Votes per district id, as decimal strings: whole numbers, or decimals
   * for biproportional voter numbers ("1234.5"), read exactly. A district
   * that is not named means no votes there.
   */
  'votes'?: ({[key: string]: string});
  /**
   * Passes the national threshold regardless (national minorities).
   */
  'exempt'?: (boolean);
  /**
   * Ballot position for the ballot-order tie rule; 0 = not numbered.
   */
  'ballotOrder'?: (number);
}

/**
 * A list (or list group) with its votes per district.
 */
export interface ChamberList__Output {
  /**
   * Identifier.
   */
  'id': (string);
  /**
   * Display name.
   */
  'displayName': (string);
  /**
   * Votes per district id, as decimal strings: whole numbers, or decimals
   * for biproportional voter numbers ("1234.5"), read exactly. A district
   * that is not named means no votes there.
   */
  'votes': ({[key: string]: string});
  /**
   * Passes the national threshold regardless (national minorities).
   */
  'exempt': (boolean);
  /**
   * Ballot position for the ballot-order tie rule; 0 = not numbered.
   */
  'ballotOrder': (number);
}
