// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetProtocol.
 */
export interface GetProtocolRequest {
  /**
   * Name of the protocol,
   * `elections/{election}/contests/{contest}/protocols/{unit}`.
   */
  'name'?: (string);
}

/**
 * Request of GetProtocol.
 */
export interface GetProtocolRequest__Output {
  /**
   * Name of the protocol,
   * `elections/{election}/contests/{contest}/protocols/{unit}`.
   */
  'name': (string);
}
