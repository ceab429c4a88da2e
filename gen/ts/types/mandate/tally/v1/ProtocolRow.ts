// Original file: mandate/tally/v1/tally_service.proto

import type { SubmissionKind as _mandate_tally_v1_SubmissionKind, SubmissionKind__Output as _mandate_tally_v1_SubmissionKind__Output } from '../../../mandate/tally/v1/SubmissionKind';
import type { Long } from '@grpc/proto-loader';

/**
 * One protocol in ProtocolRows.
 */
export interface ProtocolRow {
  /**
   * The polling station, `elections/{election}/units/{unit}`.
   */
  'station'?: (string);
  /**
   * The client's idempotency key, as in SubmitProtocolRequest.
   */
  'requestId'?: (string);
  /**
   * The counts, one per column.
   */
  'counts'?: (number | string | Long)[];
  /**
   * As in SubmitProtocolRequest.
   */
  'kind'?: (_mandate_tally_v1_SubmissionKind);
  /**
   * As in SubmitProtocolRequest.
   */
  'replacesVersion'?: (number);
  /**
   * As in SubmitProtocolRequest.
   */
  'reason'?: (string);
}

/**
 * One protocol in ProtocolRows.
 */
export interface ProtocolRow__Output {
  /**
   * The polling station, `elections/{election}/units/{unit}`.
   */
  'station': (string);
  /**
   * The client's idempotency key, as in SubmitProtocolRequest.
   */
  'requestId': (string);
  /**
   * The counts, one per column.
   */
  'counts': (string)[];
  /**
   * As in SubmitProtocolRequest.
   */
  'kind': (_mandate_tally_v1_SubmissionKind__Output);
  /**
   * As in SubmitProtocolRequest.
   */
  'replacesVersion': (number);
  /**
   * As in SubmitProtocolRequest.
   */
  'reason': (string);
}
