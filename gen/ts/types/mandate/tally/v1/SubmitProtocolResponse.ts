// Original file: mandate/tally/v1/tally_service.proto

import type { Protocol as _mandate_tally_v1_Protocol, Protocol__Output as _mandate_tally_v1_Protocol__Output } from '../../../mandate/tally/v1/Protocol';
import type { Violation as _mandate_tally_v1_Violation, Violation__Output as _mandate_tally_v1_Violation__Output } from '../../../mandate/tally/v1/Violation';
import type { LogReceipt as _mandate_tally_v1_LogReceipt, LogReceipt__Output as _mandate_tally_v1_LogReceipt__Output } from '../../../mandate/tally/v1/LogReceipt';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of SubmitProtocol.
 */
export interface SubmitProtocolResponse {
  /**
   * The protocol as it now stands, with the accepted version as current.
   */
  'protocol'?: (_mandate_tally_v1_Protocol | null);
  /**
   * Warnings found in the accepted version; it is counted but flagged.
   */
  'warnings'?: (_mandate_tally_v1_Violation)[];
  /**
   * The election's results version after this protocol.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * The entry of the election's log that records the accepted version (the
   * original entry for a replay).
   */
  'receipt'?: (_mandate_tally_v1_LogReceipt | null);
}

/**
 * Response of SubmitProtocol.
 */
export interface SubmitProtocolResponse__Output {
  /**
   * The protocol as it now stands, with the accepted version as current.
   */
  'protocol': (_mandate_tally_v1_Protocol__Output | null);
  /**
   * Warnings found in the accepted version; it is counted but flagged.
   */
  'warnings': (_mandate_tally_v1_Violation__Output)[];
  /**
   * The election's results version after this protocol.
   */
  'resultsVersion': (string);
  /**
   * The entry of the election's log that records the accepted version (the
   * original entry for a replay).
   */
  'receipt': (_mandate_tally_v1_LogReceipt__Output | null);
}
