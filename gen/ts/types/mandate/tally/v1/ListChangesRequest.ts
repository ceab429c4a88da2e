// Original file: mandate/tally/v1/tally_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of ListChanges.
 */
export interface ListChangesRequest {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name'?: (string);
  /**
   * Return changes after this results version; zero returns all.
   */
  'sinceVersion'?: (number | string | Long);
  /**
   * Most changes to return; default 1000, at most 10000.
   */
  'pageSize'?: (number);
}

/**
 * Request of ListChanges.
 */
export interface ListChangesRequest__Output {
  /**
   * Name of the totals,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'name': (string);
  /**
   * Return changes after this results version; zero returns all.
   */
  'sinceVersion': (string);
  /**
   * Most changes to return; default 1000, at most 10000.
   */
  'pageSize': (number);
}
