// Original file: mandate/tally/v1/tally_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of GetConsistencyProof.
 */
export interface GetConsistencyProofRequest {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'name'?: (string);
  /**
   * The size of the earlier checkpoint's tree.
   */
  'firstTreeSize'?: (number | string | Long);
  /**
   * The size of the later tree; zero means the whole log now.
   */
  'secondTreeSize'?: (number | string | Long);
}

/**
 * Request of GetConsistencyProof.
 */
export interface GetConsistencyProofRequest__Output {
  /**
   * The election's log, `elections/{election}/log`.
   */
  'name': (string);
  /**
   * The size of the earlier checkpoint's tree.
   */
  'firstTreeSize': (string);
  /**
   * The size of the later tree; zero means the whole log now.
   */
  'secondTreeSize': (string);
}
