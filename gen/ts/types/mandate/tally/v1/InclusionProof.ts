// Original file: mandate/tally/v1/log.proto

import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { Long } from '@grpc/proto-loader';

/**
 * A proof that an entry is in the tree of a checkpoint.
 */
export interface InclusionProof {
  /**
   * The entry proved.
   */
  'leafIndex'?: (number | string | Long);
  /**
   * Its leaf hash.
   */
  'leafHash'?: (Buffer | Uint8Array | string);
  /**
   * The checkpoint of the tree the entry is proved to be in.
   */
  'checkpoint'?: (_mandate_tally_v1_Checkpoint | null);
  /**
   * The RFC 6962 audit path, from the leaf up.
   */
  'hashes'?: (Buffer | Uint8Array | string)[];
}

/**
 * A proof that an entry is in the tree of a checkpoint.
 */
export interface InclusionProof__Output {
  /**
   * The entry proved.
   */
  'leafIndex': (string);
  /**
   * Its leaf hash.
   */
  'leafHash': (Buffer);
  /**
   * The checkpoint of the tree the entry is proved to be in.
   */
  'checkpoint': (_mandate_tally_v1_Checkpoint__Output | null);
  /**
   * The RFC 6962 audit path, from the leaf up.
   */
  'hashes': (Buffer)[];
}
