// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of ListElections.
 */
export interface ListElectionsRequest {
  /**
   * Most elections to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListElections.
 */
export interface ListElectionsRequest__Output {
  /**
   * Most elections to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken': (string);
}
