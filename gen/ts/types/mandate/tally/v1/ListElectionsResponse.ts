// Original file: mandate/tally/v1/tally_service.proto

import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from '../../../mandate/tally/v1/Election';

/**
 * Response of ListElections.
 */
export interface ListElectionsResponse {
  /**
   * The elections, ordered by id.
   */
  'elections'?: (_mandate_tally_v1_Election)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListElections.
 */
export interface ListElectionsResponse__Output {
  /**
   * The elections, ordered by id.
   */
  'elections': (_mandate_tally_v1_Election__Output)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken': (string);
}
