// Original file: mandate/seats/v1/chamber_composition.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of WatchChamberComposition.
 */
export interface WatchChamberCompositionRequest {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'name'?: (string);
  /**
   * Resume after this results version: the first message comes when the
   * count has changed since. Zero starts with the current composition.
   */
  'sinceVersion'?: (number | string | Long);
}

/**
 * Request of WatchChamberComposition.
 */
export interface WatchChamberCompositionRequest__Output {
  /**
   * The chamber, `elections/{election}/chambers/{chamber}`.
   */
  'name': (string);
  /**
   * Resume after this results version: the first message comes when the
   * count has changed since. Zero starts with the current composition.
   */
  'sinceVersion': (string);
}
