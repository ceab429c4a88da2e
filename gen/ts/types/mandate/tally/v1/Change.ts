// Original file: mandate/tally/v1/totals.proto

import type { SubmissionKind as _mandate_tally_v1_SubmissionKind, SubmissionKind__Output as _mandate_tally_v1_SubmissionKind__Output } from '../../../mandate/tally/v1/SubmissionKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { ResultStatus as _mandate_tally_v1_ResultStatus, ResultStatus__Output as _mandate_tally_v1_ResultStatus__Output } from '../../../mandate/tally/v1/ResultStatus';
import type { Long } from '@grpc/proto-loader';

/**
 * What changed in a contest since a results version.
 */
export interface Change {
  /**
   * The results version this change produced.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * Resource name of the station whose protocol changed.
   */
  'station'?: (string);
  /**
   * The protocol version that now counts.
   */
  'protocolVersion'?: (number);
  /**
   * New protocol, correction or recount.
   */
  'kind'?: (_mandate_tally_v1_SubmissionKind);
  /**
   * The reason given for a correction or recount.
   */
  'reason'?: (string);
  /**
   * When the change was accepted.
   */
  'acceptTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Set when the change is a phase change of the contest (certification,
   * recount, correction) rather than a protocol; station is then empty.
   */
  'status'?: (_mandate_tally_v1_ResultStatus);
}

/**
 * What changed in a contest since a results version.
 */
export interface Change__Output {
  /**
   * The results version this change produced.
   */
  'resultsVersion': (string);
  /**
   * Resource name of the station whose protocol changed.
   */
  'station': (string);
  /**
   * The protocol version that now counts.
   */
  'protocolVersion': (number);
  /**
   * New protocol, correction or recount.
   */
  'kind': (_mandate_tally_v1_SubmissionKind__Output);
  /**
   * The reason given for a correction or recount.
   */
  'reason': (string);
  /**
   * When the change was accepted.
   */
  'acceptTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Set when the change is a phase change of the contest (certification,
   * recount, correction) rather than a protocol; station is then empty.
   */
  'status': (_mandate_tally_v1_ResultStatus__Output);
}
