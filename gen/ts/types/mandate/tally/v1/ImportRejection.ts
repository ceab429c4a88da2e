// Original file: mandate/tally/v1/tally_service.proto

import type { Violation as _mandate_tally_v1_Violation, Violation__Output as _mandate_tally_v1_Violation__Output } from '../../../mandate/tally/v1/Violation';
import type { LogReceipt as _mandate_tally_v1_LogReceipt, LogReceipt__Output as _mandate_tally_v1_LogReceipt__Output } from '../../../mandate/tally/v1/LogReceipt';
import type { Long } from '@grpc/proto-loader';

/**
 * A protocol that an import rejected.
 */
export interface ImportRejection {
  /**
   * Zero-based position of the message in the stream.
   */
  'index'?: (number | string | Long);
  /**
   * Its request_id.
   */
  'requestId'?: (string);
  /**
   * Its station.
   */
  'station'?: (string);
  /**
   * The gRPC status code name, e.g. `INVALID_ARGUMENT`.
   */
  'code'?: (string);
  /**
   * What was wrong.
   */
  'message'?: (string);
  /**
   * The broken control relations, for INVALID_ARGUMENT.
   */
  'violations'?: (_mandate_tally_v1_Violation)[];
  /**
   * The log entry that records the refusal; absent when the request named
   * no known election.
   */
  'receipt'?: (_mandate_tally_v1_LogReceipt | null);
}

/**
 * A protocol that an import rejected.
 */
export interface ImportRejection__Output {
  /**
   * Zero-based position of the message in the stream.
   */
  'index': (string);
  /**
   * Its request_id.
   */
  'requestId': (string);
  /**
   * Its station.
   */
  'station': (string);
  /**
   * The gRPC status code name, e.g. `INVALID_ARGUMENT`.
   */
  'code': (string);
  /**
   * What was wrong.
   */
  'message': (string);
  /**
   * The broken control relations, for INVALID_ARGUMENT.
   */
  'violations': (_mandate_tally_v1_Violation__Output)[];
  /**
   * The log entry that records the refusal; absent when the request named
   * no known election.
   */
  'receipt': (_mandate_tally_v1_LogReceipt__Output | null);
}
