// Original file: mandate/tally/v1/tally_service.proto

import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from '../../../mandate/tally/v1/Election';

/**
 * Request of CreateElection.
 */
export interface CreateElectionRequest {
  /**
   * The id of the new election, the last part of its name, e.g. `kz-2012`:
   * lower-case letters, digits and hyphens, at most 63 characters.
   */
  'electionId'?: (string);
  /**
   * The election with its contests; its name is ignored.
   */
  'election'?: (_mandate_tally_v1_Election | null);
}

/**
 * Request of CreateElection.
 */
export interface CreateElectionRequest__Output {
  /**
   * The id of the new election, the last part of its name, e.g. `kz-2012`:
   * lower-case letters, digits and hyphens, at most 63 characters.
   */
  'electionId': (string);
  /**
   * The election with its contests; its name is ignored.
   */
  'election': (_mandate_tally_v1_Election__Output | null);
}
