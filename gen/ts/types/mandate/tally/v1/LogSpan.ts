// Original file: mandate/tally/v1/log.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The entries of an import in the log: every protocol it got accepted and
 * every refusal lies between these two indexes (other writers' entries may
 * be among them).
 */
export interface LogSpan {
  /**
   * The lowest index of an entry of the import.
   */
  'firstLeafIndex'?: (number | string | Long);
  /**
   * The highest index of an entry of the import.
   */
  'lastLeafIndex'?: (number | string | Long);
}

/**
 * The entries of an import in the log: every protocol it got accepted and
 * every refusal lies between these two indexes (other writers' entries may
 * be among them).
 */
export interface LogSpan__Output {
  /**
   * The lowest index of an entry of the import.
   */
  'firstLeafIndex': (string);
  /**
   * The highest index of an entry of the import.
   */
  'lastLeafIndex': (string);
}
