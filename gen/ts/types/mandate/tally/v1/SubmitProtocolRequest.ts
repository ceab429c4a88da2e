// Original file: mandate/tally/v1/tally_service.proto

import type { SubmissionKind as _mandate_tally_v1_SubmissionKind, SubmissionKind__Output as _mandate_tally_v1_SubmissionKind__Output } from '../../../mandate/tally/v1/SubmissionKind';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of SubmitProtocol.
 */
export interface SubmitProtocolRequest {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent'?: (string);
  /**
   * The polling station, `elections/{election}/units/{unit}`.
   */
  'station'?: (string);
  /**
   * Counts per protocol line id; every line of the form is required.
   */
  'lines'?: ({[key: string]: number | string | Long});
  /**
   * Votes per choice id; every choice is required.
   */
  'votes'?: ({[key: string]: number | string | Long});
  /**
   * Idempotency key chosen by the client (AIP-155), at most 128 characters:
   * retrying with the same key and content returns the original response.
   */
  'requestId'?: (string);
  /**
   * For a correction or recount: the version it replaces. Zero for the first
   * protocol of the station.
   */
  'replacesVersion'?: (number);
  /**
   * Why the protocol is corrected; required when replaces_version is set.
   */
  'reason'?: (string);
  /**
   * Original, correction or recount; required (unspecified is rejected
   * with INVALID_ARGUMENT naming `kind`).
   */
  'kind'?: (_mandate_tally_v1_SubmissionKind);
}

/**
 * Request of SubmitProtocol.
 */
export interface SubmitProtocolRequest__Output {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent': (string);
  /**
   * The polling station, `elections/{election}/units/{unit}`.
   */
  'station': (string);
  /**
   * Counts per protocol line id; every line of the form is required.
   */
  'lines': ({[key: string]: string});
  /**
   * Votes per choice id; every choice is required.
   */
  'votes': ({[key: string]: string});
  /**
   * Idempotency key chosen by the client (AIP-155), at most 128 characters:
   * retrying with the same key and content returns the original response.
   */
  'requestId': (string);
  /**
   * For a correction or recount: the version it replaces. Zero for the first
   * protocol of the station.
   */
  'replacesVersion': (number);
  /**
   * Why the protocol is corrected; required when replaces_version is set.
   */
  'reason': (string);
  /**
   * Original, correction or recount; required (unspecified is rejected
   * with INVALID_ARGUMENT naming `kind`).
   */
  'kind': (_mandate_tally_v1_SubmissionKind__Output);
}
