// Original file: mandate/tally/v1/tally_service.proto

import type { ImportRejection as _mandate_tally_v1_ImportRejection, ImportRejection__Output as _mandate_tally_v1_ImportRejection__Output } from '../../../mandate/tally/v1/ImportRejection';
import type { LogSpan as _mandate_tally_v1_LogSpan, LogSpan__Output as _mandate_tally_v1_LogSpan__Output } from '../../../mandate/tally/v1/LogSpan';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of ImportProtocols.
 */
export interface ImportProtocolsResponse {
  /**
   * Protocols newly accepted.
   */
  'accepted'?: (number | string | Long);
  /**
   * Protocols whose request_id had been accepted before with the same content.
   */
  'replayed'?: (number | string | Long);
  /**
   * Protocols rejected, with the reason of each.
   */
  'rejections'?: (_mandate_tally_v1_ImportRejection)[];
  /**
   * The highest results version after the import.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * Where the entries of the accepted protocols and of the refusals are in
   * the election's log; absent when the import logged nothing (replays
   * only). Each protocol's entry is its leaf_index (GetProtocol).
   */
  'logSpan'?: (_mandate_tally_v1_LogSpan | null);
}

/**
 * Response of ImportProtocols.
 */
export interface ImportProtocolsResponse__Output {
  /**
   * Protocols newly accepted.
   */
  'accepted': (string);
  /**
   * Protocols whose request_id had been accepted before with the same content.
   */
  'replayed': (string);
  /**
   * Protocols rejected, with the reason of each.
   */
  'rejections': (_mandate_tally_v1_ImportRejection__Output)[];
  /**
   * The highest results version after the import.
   */
  'resultsVersion': (string);
  /**
   * Where the entries of the accepted protocols and of the refusals are in
   * the election's log; absent when the import logged nothing (replays
   * only). Each protocol's entry is its leaf_index (GetProtocol).
   */
  'logSpan': (_mandate_tally_v1_LogSpan__Output | null);
}
