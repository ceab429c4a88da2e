// Original file: mandate/tally/v1/protocol.proto

import type { SubmissionKind as _mandate_tally_v1_SubmissionKind, SubmissionKind__Output as _mandate_tally_v1_SubmissionKind__Output } from '../../../mandate/tally/v1/SubmissionKind';
import type { Violation as _mandate_tally_v1_Violation, Violation__Output as _mandate_tally_v1_Violation__Output } from '../../../mandate/tally/v1/Violation';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * One version of a station's protocol exactly as it was accepted.
 */
export interface ProtocolVersion {
  /**
   * Version number, starting at 1.
   */
  'version'?: (number);
  /**
   * Why this version exists: first count, correction or recount.
   */
  'kind'?: (_mandate_tally_v1_SubmissionKind);
  /**
   * Counts per protocol line id. Counts are int64 and therefore strings in
   * JSON.
   */
  'lines'?: ({[key: string]: number | string | Long});
  /**
   * Votes per choice id.
   */
  'votes'?: ({[key: string]: number | string | Long});
  /**
   * Control-relation warnings found when the version was accepted.
   */
  'warnings'?: (_mandate_tally_v1_Violation)[];
  /**
   * The reason given for a correction or recount.
   */
  'reason'?: (string);
  /**
   * The idempotency key the client sent with it.
   */
  'requestId'?: (string);
  /**
   * Who submitted it (the credential's subject).
   */
  'submitter'?: (string);
  /**
   * When it was accepted.
   */
  'acceptTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Whether a later version has replaced it.
   */
  'superseded'?: (boolean);
  /**
   * The results version at which it entered the totals.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * The entry of the election's log that records it; 0 for a version
   * stored before the log existed (entry 0 is always the definition).
   */
  'leafIndex'?: (number | string | Long);
}

/**
 * One version of a station's protocol exactly as it was accepted.
 */
export interface ProtocolVersion__Output {
  /**
   * Version number, starting at 1.
   */
  'version': (number);
  /**
   * Why this version exists: first count, correction or recount.
   */
  'kind': (_mandate_tally_v1_SubmissionKind__Output);
  /**
   * Counts per protocol line id. Counts are int64 and therefore strings in
   * JSON.
   */
  'lines': ({[key: string]: string});
  /**
   * Votes per choice id.
   */
  'votes': ({[key: string]: string});
  /**
   * Control-relation warnings found when the version was accepted.
   */
  'warnings': (_mandate_tally_v1_Violation__Output)[];
  /**
   * The reason given for a correction or recount.
   */
  'reason': (string);
  /**
   * The idempotency key the client sent with it.
   */
  'requestId': (string);
  /**
   * Who submitted it (the credential's subject).
   */
  'submitter': (string);
  /**
   * When it was accepted.
   */
  'acceptTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Whether a later version has replaced it.
   */
  'superseded': (boolean);
  /**
   * The results version at which it entered the totals.
   */
  'resultsVersion': (string);
  /**
   * The entry of the election's log that records it; 0 for a version
   * stored before the log existed (entry 0 is always the definition).
   */
  'leafIndex': (string);
}
