// Original file: mandate/seats/v1/seats_service.proto


/**
 * Request of ListPresets.
 */
export interface ListPresetsRequest {
  /**
   * Most presets to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListPresets.
 */
export interface ListPresetsRequest__Output {
  /**
   * Most presets to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * The next_page_token of a previous call.
   */
  'pageToken': (string);
}
