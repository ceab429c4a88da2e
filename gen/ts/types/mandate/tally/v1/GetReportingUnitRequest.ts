// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetReportingUnit.
 */
export interface GetReportingUnitRequest {
  /**
   * Name of the unit, `elections/{election}/units/{unit}`.
   */
  'name'?: (string);
}

/**
 * Request of GetReportingUnit.
 */
export interface GetReportingUnitRequest__Output {
  /**
   * Name of the unit, `elections/{election}/units/{unit}`.
   */
  'name': (string);
}
