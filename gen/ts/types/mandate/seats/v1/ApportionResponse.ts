// Original file: mandate/seats/v1/seats_service.proto

import type { Allocation as _mandate_seats_v1_Allocation, Allocation__Output as _mandate_seats_v1_Allocation__Output } from '../../../mandate/seats/v1/Allocation';
import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';

/**
 * Response of Apportion.
 */
export interface ApportionResponse {
  /**
   * The explained allocation.
   */
  'allocation'?: (_mandate_seats_v1_Allocation | null);
  /**
   * The rule that was applied (the preset's, when one was named).
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
}

/**
 * Response of Apportion.
 */
export interface ApportionResponse__Output {
  /**
   * The explained allocation.
   */
  'allocation': (_mandate_seats_v1_Allocation__Output | null);
  /**
   * The rule that was applied (the preset's, when one was named).
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
}
