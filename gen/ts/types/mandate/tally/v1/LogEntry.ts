// Original file: mandate/tally/v1/log.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One entry of a log.
 */
export interface LogEntry {
  /**
   * Its index, from 0.
   */
  'index'?: (number | string | Long);
  /**
   * The entry's bytes: a line of JSON (the envelope: sequence, kind,
   * station, version, counts, submitter, time, request id...), a newline,
   * and the bytes of the request as the tally received it. See
   * docs/verification.md.
   */
  'leaf'?: (Buffer | Uint8Array | string);
}

/**
 * One entry of a log.
 */
export interface LogEntry__Output {
  /**
   * Its index, from 0.
   */
  'index': (string);
  /**
   * The entry's bytes: a line of JSON (the envelope: sequence, kind,
   * station, version, counts, submitter, time, request id...), a newline,
   * and the bytes of the request as the tally received it. See
   * docs/verification.md.
   */
  'leaf': (Buffer);
}
