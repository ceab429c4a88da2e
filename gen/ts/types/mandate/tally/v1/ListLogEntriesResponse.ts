// Original file: mandate/tally/v1/tally_service.proto

import type { LogEntry as _mandate_tally_v1_LogEntry, LogEntry__Output as _mandate_tally_v1_LogEntry__Output } from '../../../mandate/tally/v1/LogEntry';

/**
 * Response of ListLogEntries.
 */
export interface ListLogEntriesResponse {
  /**
   * The entries, in log order.
   */
  'logEntries'?: (_mandate_tally_v1_LogEntry)[];
  /**
   * Token for the next page; empty at the end of the log.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListLogEntries.
 */
export interface ListLogEntriesResponse__Output {
  /**
   * The entries, in log order.
   */
  'logEntries': (_mandate_tally_v1_LogEntry__Output)[];
  /**
   * Token for the next page; empty at the end of the log.
   */
  'nextPageToken': (string);
}
