// Original file: mandate/tally/v1/tally_service.proto

import type { Protocol as _mandate_tally_v1_Protocol, Protocol__Output as _mandate_tally_v1_Protocol__Output } from '../../../mandate/tally/v1/Protocol';

/**
 * Response of ListProtocols.
 */
export interface ListProtocolsResponse {
  /**
   * The protocols with their current version, ordered by station id.
   */
  'protocols'?: (_mandate_tally_v1_Protocol)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListProtocols.
 */
export interface ListProtocolsResponse__Output {
  /**
   * The protocols with their current version, ordered by station id.
   */
  'protocols': (_mandate_tally_v1_Protocol__Output)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken': (string);
}
