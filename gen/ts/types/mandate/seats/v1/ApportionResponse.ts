// Original file: mandate/seats/v1/seats_service.proto

import type { Allocation as _mandate_seats_v1_Allocation, Allocation__Output as _mandate_seats_v1_Allocation__Output } from '../../../mandate/seats/v1/Allocation';
import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { ChamberAllocation as _mandate_seats_v1_ChamberAllocation, ChamberAllocation__Output as _mandate_seats_v1_ChamberAllocation__Output } from '../../../mandate/seats/v1/ChamberAllocation';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';

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
  /**
   * The explained apportionment of a chamber request.
   */
  'chamberAllocation'?: (_mandate_seats_v1_ChamberAllocation | null);
  /**
   * The chamber rule that was applied.
   */
  'chamberRule'?: (_mandate_seats_v1_ChamberRule | null);
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
  /**
   * The explained apportionment of a chamber request.
   */
  'chamberAllocation': (_mandate_seats_v1_ChamberAllocation__Output | null);
  /**
   * The chamber rule that was applied.
   */
  'chamberRule': (_mandate_seats_v1_ChamberRule__Output | null);
}
