// Original file: mandate/seats/v1/seats_service.proto

import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';

/**
 * Request of AllocateContest.
 */
export interface AllocateContestRequest {
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
   * A preset name, `presets/{preset}`; required unless rule is given.
   */
  'preset'?: (string);
  /**
   * An explicit rule instead of a preset. Its threshold base must be left
   * zero: the base is the contest's share base in the totals.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
}

/**
 * Request of AllocateContest.
 */
export interface AllocateContestRequest__Output {
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
   * A preset name, `presets/{preset}`; required unless rule is given.
   */
  'preset': (string);
  /**
   * An explicit rule instead of a preset. Its threshold base must be left
   * zero: the base is the contest's share base in the totals.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
}
