// Original file: mandate/tally/v1/tally_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of GetInclusionProof.
 */
export interface GetInclusionProofRequest {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'name'?: (string);
  /**
   * The entry to prove.
   */
  'leafIndex'?: (number | string | Long);
  /**
   * The size of the tree to prove it in; zero means the latest published
   * checkpoint when it includes the entry, otherwise the whole log now.
   */
  'treeSize'?: (number | string | Long);
}

/**
 * Request of GetInclusionProof.
 */
export interface GetInclusionProofRequest__Output {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'name': (string);
  /**
   * The entry to prove.
   */
  'leafIndex': (string);
  /**
   * The size of the tree to prove it in; zero means the latest published
   * checkpoint when it includes the entry, otherwise the whole log now.
   */
  'treeSize': (string);
}
