// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of ListProtocols.
 */
export interface ListProtocolsRequest {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent'?: (string);
  /**
   * Most protocols to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken'?: (string);
  /**
   * Only stations under this unit, `elections/{election}/units/{unit}`;
   * empty means all.
   */
  'unit'?: (string);
  /**
   * Only protocols whose current version carries warnings.
   */
  'hasWarnings'?: (boolean);
  /**
   * Only protocols whose current version is above this (1 lists corrected
   * ones).
   */
  'minVersion'?: (number);
}

/**
 * Request of ListProtocols.
 */
export interface ListProtocolsRequest__Output {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent': (string);
  /**
   * Most protocols to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken': (string);
  /**
   * Only stations under this unit, `elections/{election}/units/{unit}`;
   * empty means all.
   */
  'unit': (string);
  /**
   * Only protocols whose current version carries warnings.
   */
  'hasWarnings': (boolean);
  /**
   * Only protocols whose current version is above this (1 lists corrected
   * ones).
   */
  'minVersion': (number);
}
