// Original file: mandate/seats/v1/seats_service.proto

import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';

/**
 * A legal rule of a real parliament, with the law it comes from.
 */
export interface Preset {
  /**
   * Resource name, `presets/{preset}`, e.g. `presets/kz-mazhilis-2009`.
   */
  'name'?: (string);
  /**
   * Human-readable title.
   */
  'displayName'?: (string);
  /**
   * The rule. A threshold base of zero means the caller supplies it.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
  /**
   * What the threshold percentage is taken of, in words (e.g. "valid votes").
   */
  'thresholdBase'?: (string);
  /**
   * The law and articles the rule comes from.
   */
  'citations'?: (string)[];
  /**
   * Simplifications and what the preset does not model.
   */
  'notes'?: (string);
  /**
   * A chamber preset (elected in districts): its rule; `rule` is then unset.
   */
  'chamberRule'?: (_mandate_seats_v1_ChamberRule | null);
  /**
   * Who fills the rule's reserved seats, in words, for legends and notes
   * (e.g. "Assembly of People" for the 9 reserved seats of the Mazhilis);
   * empty when the rule reserves none.
   */
  'reservedSeatsSource'?: (string);
}

/**
 * A legal rule of a real parliament, with the law it comes from.
 */
export interface Preset__Output {
  /**
   * Resource name, `presets/{preset}`, e.g. `presets/kz-mazhilis-2009`.
   */
  'name': (string);
  /**
   * Human-readable title.
   */
  'displayName': (string);
  /**
   * The rule. A threshold base of zero means the caller supplies it.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
  /**
   * What the threshold percentage is taken of, in words (e.g. "valid votes").
   */
  'thresholdBase': (string);
  /**
   * The law and articles the rule comes from.
   */
  'citations': (string)[];
  /**
   * Simplifications and what the preset does not model.
   */
  'notes': (string);
  /**
   * A chamber preset (elected in districts): its rule; `rule` is then unset.
   */
  'chamberRule': (_mandate_seats_v1_ChamberRule__Output | null);
  /**
   * Who fills the rule's reserved seats, in words, for legends and notes
   * (e.g. "Assembly of People" for the 9 reserved seats of the Mazhilis);
   * empty when the rule reserves none.
   */
  'reservedSeatsSource': (string);
}
