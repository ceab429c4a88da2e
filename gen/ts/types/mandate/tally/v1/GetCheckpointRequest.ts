// Original file: mandate/tally/v1/tally_service.proto


/**
 * Request of GetCheckpoint.
 */
export interface GetCheckpointRequest {
  /**
   * Name of the checkpoint, `elections/{election}/checkpoints/{checkpoint}`
   * where `{checkpoint}` is `latest`, `current` or a tree size.
   */
  'name'?: (string);
}

/**
 * Request of GetCheckpoint.
 */
export interface GetCheckpointRequest__Output {
  /**
   * Name of the checkpoint, `elections/{election}/checkpoints/{checkpoint}`
   * where `{checkpoint}` is `latest`, `current` or a tree size.
   */
  'name': (string);
}
