// Original file: mandate/tally/v1/log.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A signed checkpoint of an election's log. The log is an append-only
 * Merkle tree (RFC 6962 hashing) with one entry per accepted protocol
 * version, refused submission, phase change and definition change; a
 * checkpoint states its size and root hash, signed with the tally's key.
 */
export interface Checkpoint {
  /**
   * Resource name, `elections/{election}/checkpoints/{tree_size}`.
   */
  'name'?: (string);
  /**
   * How many log entries the checkpoint covers (the first tree_size).
   */
  'treeSize'?: (number | string | Long);
  /**
   * The root hash of the tree of those entries (32 bytes; base64 in JSON).
   */
  'rootHash'?: (Buffer | Uint8Array | string);
  /**
   * The checkpoint as a signed note (golang.org/x/mod/sumdb/note): three
   * lines of text (`mandate.dev/elections/{election}`, the size, the base64
   * root hash), a blank line and the signature. Check it with the tally's
   * verifier key.
   */
  'note'?: (string);
}

/**
 * A signed checkpoint of an election's log. The log is an append-only
 * Merkle tree (RFC 6962 hashing) with one entry per accepted protocol
 * version, refused submission, phase change and definition change; a
 * checkpoint states its size and root hash, signed with the tally's key.
 */
export interface Checkpoint__Output {
  /**
   * Resource name, `elections/{election}/checkpoints/{tree_size}`.
   */
  'name': (string);
  /**
   * How many log entries the checkpoint covers (the first tree_size).
   */
  'treeSize': (string);
  /**
   * The root hash of the tree of those entries (32 bytes; base64 in JSON).
   */
  'rootHash': (Buffer);
  /**
   * The checkpoint as a signed note (golang.org/x/mod/sumdb/note): three
   * lines of text (`mandate.dev/elections/{election}`, the size, the base64
   * root hash), a blank line and the signature. Check it with the tally's
   * verifier key.
   */
  'note': (string);
}
