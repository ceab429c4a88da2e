// Original file: mandate/tally/v1/forensics.proto


/**
 * A unit the stations of a report are grouped by.
 */
export interface ForensicsRegion {
  /**
   * Resource name of the unit, `elections/{election}/units/{unit}`.
   */
  'unit'?: (string);
  /**
   * Human-readable name of the unit.
   */
  'unitDisplayName'?: (string);
}

/**
 * A unit the stations of a report are grouped by.
 */
export interface ForensicsRegion__Output {
  /**
   * Resource name of the unit, `elections/{election}/units/{unit}`.
   */
  'unit': (string);
  /**
   * Human-readable name of the unit.
   */
  'unitDisplayName': (string);
}
