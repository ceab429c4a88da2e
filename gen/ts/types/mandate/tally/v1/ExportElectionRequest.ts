// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of ExportElection.
 */
export interface ExportElectionRequest {
  /**
   * The election, `elections/{election}`.
   */
  'name'?: (string);
}

/**
 * Request of ExportElection.
 */
export interface ExportElectionRequest__Output {
  /**
   * The election, `elections/{election}`.
   */
  'name': (string);
}
