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
  /**
   * Set when the change added reporting units (`BatchCreateReportingUnits`):
   * how many. Station, kind and status are then empty. New units concern
   * every contest and unit of the election (a new station changes the
   * number of stations, hence the status, of every unit above it), so every
   * watcher and change list of the election has this change.
   */
  'unitsAdded'?: (number);
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
  /**
   * Set when the change added reporting units (`BatchCreateReportingUnits`):
   * how many. Station, kind and status are then empty. New units concern
   * every contest and unit of the election (a new station changes the
   * number of stations, hence the status, of every unit above it), so every
   * watcher and change list of the election has this change.
   */
  'unitsAdded': (number);
}
