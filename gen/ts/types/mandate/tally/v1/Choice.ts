// Original file: mandate/tally/v1/election.proto


/**
 * A party list or candidate on the ballot.
 */
export interface Choice {
  /**
   * Stable identifier used in protocols, e.g. `nur-otan` or `ER`.
   */
  'id'?: (string);
  /**
   * Full name as printed on the ballot.
   */
  'displayName'?: (string);
  /**
   * Short name for tables and charts.
   */
  'shortName'?: (string);
  /**
   * Position on the ballot, starting at 1.
   */
  'ballotOrder'?: (number);
  /**
   * Display colour as `#rrggbb`.
   */
  'color'?: (string);
  /**
   * A candidate's party, for counting single-member winners by party: the
   * id of a choice of the election's party-list contest where there is one
   * (so the chamber adds a party's tiers up), else any id; empty for an
   * independent.
   */
  'party'?: (string);
}

/**
 * A party list or candidate on the ballot.
 */
export interface Choice__Output {
  /**
   * Stable identifier used in protocols, e.g. `nur-otan` or `ER`.
   */
  'id': (string);
  /**
   * Full name as printed on the ballot.
   */
  'displayName': (string);
  /**
   * Short name for tables and charts.
   */
  'shortName': (string);
  /**
   * Position on the ballot, starting at 1.
   */
  'ballotOrder': (number);
  /**
   * Display colour as `#rrggbb`.
   */
  'color': (string);
  /**
   * A candidate's party, for counting single-member winners by party: the
   * id of a choice of the election's party-list contest where there is one
   * (so the chamber adds a party's tiers up), else any id; empty for an
   * independent.
   */
  'party': (string);
}
