// Original file: mandate/tally/v1/log.proto

import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { Long } from '@grpc/proto-loader';

/**
 * A proof that the tree of the first checkpoint is a prefix of the tree of
 * the second: nothing the first covers was changed or removed.
 */
export interface ConsistencyProof {
  /**
   * The smaller tree's size.
   */
  'firstTreeSize'?: (number | string | Long);
  /**
   * The checkpoint of the larger tree.
   */
  'second'?: (_mandate_tally_v1_Checkpoint | null);
  /**
   * The RFC 6962 consistency proof.
   */
  'hashes'?: (Buffer | Uint8Array | string)[];
}

/**
 * A proof that the tree of the first checkpoint is a prefix of the tree of
 * the second: nothing the first covers was changed or removed.
 */
export interface ConsistencyProof__Output {
  /**
   * The smaller tree's size.
   */
  'firstTreeSize': (string);
  /**
   * The checkpoint of the larger tree.
   */
  'second': (_mandate_tally_v1_Checkpoint__Output | null);
  /**
   * The RFC 6962 consistency proof.
   */
  'hashes': (Buffer)[];
}
