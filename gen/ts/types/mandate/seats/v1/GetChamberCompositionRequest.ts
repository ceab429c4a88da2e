// Original file: mandate/seats/v1/chamber_composition.proto


/**
 * Request of GetChamberComposition.
 */
export interface GetChamberCompositionRequest {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'name'?: (string);
}

/**
 * Request of GetChamberComposition.
 */
export interface GetChamberCompositionRequest__Output {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'name': (string);
}
