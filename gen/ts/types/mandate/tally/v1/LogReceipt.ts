// Original file: mandate/tally/v1/log.proto

import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { Long } from '@grpc/proto-loader';

/**
 * The receipt of a logged change: which entry of the log records it.
 */
export interface LogReceipt {
  /**
   * The entry's index in the log, from 0.
   */
  'leafIndex'?: (number | string | Long);
  /**
   * The entry's RFC 6962 leaf hash, SHA-256(0x00 || entry).
   */
  'leafHash'?: (Buffer | Uint8Array | string);
  /**
   * The latest published checkpoint when it already includes the entry;
   * absent otherwise (ask GetInclusionProof later).
   */
  'checkpoint'?: (_mandate_tally_v1_Checkpoint | null);
}

/**
 * The receipt of a logged change: which entry of the log records it.
 */
export interface LogReceipt__Output {
  /**
   * The entry's index in the log, from 0.
   */
  'leafIndex': (string);
  /**
   * The entry's RFC 6962 leaf hash, SHA-256(0x00 || entry).
   */
  'leafHash': (Buffer);
  /**
   * The latest published checkpoint when it already includes the entry;
   * absent otherwise (ask GetInclusionProof later).
   */
  'checkpoint': (_mandate_tally_v1_Checkpoint__Output | null);
}
