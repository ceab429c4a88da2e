// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of ListReportingUnits.
 */
export interface ListReportingUnitsRequest {
  /**
   * The election, `elections/{election}`.
   */
  'parent'?: (string);
  /**
   * Most units to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken'?: (string);
  /**
   * List the children of this unit; empty lists the root unit.
   */
  'parentUnit'?: (string);
}

/**
 * Request of ListReportingUnits.
 */
export interface ListReportingUnitsRequest__Output {
  /**
   * The election, `elections/{election}`.
   */
  'parent': (string);
  /**
   * Most units to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken': (string);
  /**
   * List the children of this unit; empty lists the root unit.
   */
  'parentUnit': (string);
}
