// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of ListLogEntries.
 */
export interface ListLogEntriesRequest {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'parent'?: (string);
  /**
   * Most entries to return; default and at most 1000.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListLogEntries.
 */
export interface ListLogEntriesRequest__Output {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'parent': (string);
  /**
   * Most entries to return; default and at most 1000.
   */
  'pageSize': (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken': (string);
}
