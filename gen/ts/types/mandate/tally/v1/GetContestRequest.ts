// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetContest.
 */
export interface GetContestRequest {
  /**
   * Name of the contest, `elections/{election}/contests/{contest}`.
   */
  'name'?: (string);
}

/**
 * Request of GetContest.
 */
export interface GetContestRequest__Output {
  /**
   * Name of the contest, `elections/{election}/contests/{contest}`.
   */
  'name': (string);
}
