// Original file: mandate/seats/v1/chamber.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';

/**
 * One distribution step.
 */
export interface ApportionmentStage {
  /**
   * E.g. "district 28", "upper", "lower", "national round 1".
   */
  'name'?: (string);
  /**
   * The method.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Seats distributed.
   */
  'seats'?: (number);
  /**
   * A divisor that yields the result.
   */
  'divisor'?: (_mandate_seats_v1_Fraction | null);
  /**
   * The lowest winning quotient.
   */
  'lastWin'?: (_mandate_seats_v1_Fraction | null);
  /**
   * The highest quotient that did not win.
   */
  'firstOut'?: (_mandate_seats_v1_Fraction | null);
  /**
   * (last_win - first_out) / last_win; 0 on an exact tie.
   */
  'closestCall'?: (_mandate_seats_v1_Fraction | null);
  /**
   * An exact tie in this stage.
   */
  'tie'?: (boolean);
  /**
   * The step in words.
   */
  'notes'?: (string)[];
}

/**
 * One distribution step.
 */
export interface ApportionmentStage__Output {
  /**
   * E.g. "district 28", "upper", "lower", "national round 1".
   */
  'name': (string);
  /**
   * The method.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Seats distributed.
   */
  'seats': (number);
  /**
   * A divisor that yields the result.
   */
  'divisor': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * The lowest winning quotient.
   */
  'lastWin': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * The highest quotient that did not win.
   */
  'firstOut': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * (last_win - first_out) / last_win; 0 on an exact tie.
   */
  'closestCall': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * An exact tie in this stage.
   */
  'tie': (boolean);
  /**
   * The step in words.
   */
  'notes': (string)[];
}
