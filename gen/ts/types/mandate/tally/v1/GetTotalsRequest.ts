// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetTotals.
 */
export interface GetTotalsRequest {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name'?: (string);
}

/**
 * Request of GetTotals.
 */
export interface GetTotalsRequest__Output {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name': (string);
}
