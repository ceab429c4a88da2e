// Original file: mandate/seats/v1/seats_service.proto

import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { ContestDistrict as _mandate_seats_v1_ContestDistrict, ContestDistrict__Output as _mandate_seats_v1_ContestDistrict__Output } from '../../../mandate/seats/v1/ContestDistrict';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';

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
   * A preset name, `presets/{preset}`. With neither preset nor rule the
   * contest's own legal rule applies (its `seat_preset` in the tally).
   */
  'preset'?: (string);
  /**
   * An explicit rule instead of a preset. Its threshold base must be left
   * zero: the base is the contest's share base in the totals.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
  /**
   * A district contest: the seats are apportioned in these districts, each a
   * reporting unit of the election (e.g. a province), from the tally's totals
   * of each unit, by a chamber rule: `preset` naming a chamber preset (e.g.
   * `presets/es-congreso`) or `chamber_rule`. `unit` and `rule` stay empty.
   */
  'districts'?: (_mandate_seats_v1_ContestDistrict)[];
  /**
   * A district contest's chamber rule instead of a chamber preset.
   */
  'chamberRule'?: (_mandate_seats_v1_ChamberRule | null);
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
   * A preset name, `presets/{preset}`. With neither preset nor rule the
   * contest's own legal rule applies (its `seat_preset` in the tally).
   */
  'preset': (string);
  /**
   * An explicit rule instead of a preset. Its threshold base must be left
   * zero: the base is the contest's share base in the totals.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
  /**
   * A district contest: the seats are apportioned in these districts, each a
   * reporting unit of the election (e.g. a province), from the tally's totals
   * of each unit, by a chamber rule: `preset` naming a chamber preset (e.g.
   * `presets/es-congreso`) or `chamber_rule`. `unit` and `rule` stay empty.
   */
  'districts': (_mandate_seats_v1_ContestDistrict__Output)[];
  /**
   * A district contest's chamber rule instead of a chamber preset.
   */
  'chamberRule': (_mandate_seats_v1_ChamberRule__Output | null);
}
