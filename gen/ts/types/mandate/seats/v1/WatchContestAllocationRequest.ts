// Original file: mandate/seats/v1/seats_service.proto

import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { ContestDistrict as _mandate_seats_v1_ContestDistrict, ContestDistrict__Output as _mandate_seats_v1_ContestDistrict__Output } from '../../../mandate/seats/v1/ContestDistrict';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of WatchContestAllocation.
 */
export interface WatchContestAllocationRequest {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'contest'?: (string);
  /**
   * The reporting unit, `elections/{election}/units/{unit}`, of the same
   * election; empty is the root of the hierarchy (the nation).
   */
  'unit'?: (string);
  /**
   * A preset name, `presets/{preset}`. With neither preset nor rule the
   * contest's own legal rule applies (its `seat_preset` in the tally).
   */
  'preset'?: (string);
  /**
   * An explicit rule instead of a preset; its threshold base must be zero.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
  /**
   * Resume after this results version (a ContestAllocation's
   * results_version): the first message comes when the totals have changed
   * since. Zero starts with the current allocation.
   */
  'sinceVersion'?: (number | string | Long);
  /**
   * A district contest's districts, as in AllocateContestRequest.
   */
  'districts'?: (_mandate_seats_v1_ContestDistrict)[];
  /**
   * A district contest's chamber rule instead of a chamber preset.
   */
  'chamberRule'?: (_mandate_seats_v1_ChamberRule | null);
}

/**
 * Request of WatchContestAllocation.
 */
export interface WatchContestAllocationRequest__Output {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'contest': (string);
  /**
   * The reporting unit, `elections/{election}/units/{unit}`, of the same
   * election; empty is the root of the hierarchy (the nation).
   */
  'unit': (string);
  /**
   * A preset name, `presets/{preset}`. With neither preset nor rule the
   * contest's own legal rule applies (its `seat_preset` in the tally).
   */
  'preset': (string);
  /**
   * An explicit rule instead of a preset; its threshold base must be zero.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
  /**
   * Resume after this results version (a ContestAllocation's
   * results_version): the first message comes when the totals have changed
   * since. Zero starts with the current allocation.
   */
  'sinceVersion': (string);
  /**
   * A district contest's districts, as in AllocateContestRequest.
   */
  'districts': (_mandate_seats_v1_ContestDistrict__Output)[];
  /**
   * A district contest's chamber rule instead of a chamber preset.
   */
  'chamberRule': (_mandate_seats_v1_ChamberRule__Output | null);
}
