// Original file: mandate/tally/v1/tally_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of WatchTotals.
 */
export interface WatchTotalsRequest {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name'?: (string);
  /**
   * Resume after this results version; zero starts with the current totals.
   */
  'sinceVersion'?: (number | string | Long);
}

/**
 * Request of WatchTotals.
 */
export interface WatchTotalsRequest__Output {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name': (string);
  /**
   * Resume after this results version; zero starts with the current totals.
   */
  'sinceVersion': (string);
}
