// Original file: mandate/seats/v1/chamber_composition.proto


/**
 * A party's seats in a tier or in the whole chamber.
 */
export interface PartySeats {
  /**
   * The party's id: a list's choice id, a candidate's `party`,
   * `independent` for candidates without a party, or `reserved-{tier}`.
   */
  'party'?: (string);
  /**
   * Human-readable name.
   */
  'displayName'?: (string);
  /**
   * Display colour as `#rrggbb`, when the election gives one.
   */
  'color'?: (string);
  /**
   * Seats won.
   */
  'seats'?: (number);
  /**
   * Compensatory tier: seats won in the linked tier beyond the party's
   * share, kept as overhang.
   */
  'overhangSeats'?: (number);
}

/**
 * A party's seats in a tier or in the whole chamber.
 */
export interface PartySeats__Output {
  /**
   * The party's id: a list's choice id, a candidate's `party`,
   * `independent` for candidates without a party, or `reserved-{tier}`.
   */
  'party': (string);
  /**
   * Human-readable name.
   */
  'displayName': (string);
  /**
   * Display colour as `#rrggbb`, when the election gives one.
   */
  'color': (string);
  /**
   * Seats won.
   */
  'seats': (number);
  /**
   * Compensatory tier: seats won in the linked tier beyond the party's
   * share, kept as overhang.
   */
  'overhangSeats': (number);
}
