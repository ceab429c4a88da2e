// Original file: mandate/seats/v1/chamber.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { TieRule as _mandate_seats_v1_TieRule, TieRule__Output as _mandate_seats_v1_TieRule__Output } from '../../../mandate/seats/v1/TieRule';

/**
 * A district's own rule in an independent chamber.
 */
export interface DistrictRule {
  /**
   * The method.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Modified Sainte-Laguë only: the first divisor, e.g. "1.4".
   */
  'firstDivisor'?: (string);
  /**
   * The district threshold in percent of the district's base; empty = none.
   */
  'thresholdPercent'?: (string);
  /**
   * The tie rule in this district.
   */
  'tieRule'?: (_mandate_seats_v1_TieRule);
}

/**
 * A district's own rule in an independent chamber.
 */
export interface DistrictRule__Output {
  /**
   * The method.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Modified Sainte-Laguë only: the first divisor, e.g. "1.4".
   */
  'firstDivisor': (string);
  /**
   * The district threshold in percent of the district's base; empty = none.
   */
  'thresholdPercent': (string);
  /**
   * The tie rule in this district.
   */
  'tieRule': (_mandate_seats_v1_TieRule__Output);
}
