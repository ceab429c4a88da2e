// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetElection.
 */
export interface GetElectionRequest {
  /**
   * Name of the election, `elections/{election}`.
   */
  'name'?: (string);
}

/**
 * Request of GetElection.
 */
export interface GetElectionRequest__Output {
  /**
   * Name of the election, `elections/{election}`.
   */
  'name': (string);
}
