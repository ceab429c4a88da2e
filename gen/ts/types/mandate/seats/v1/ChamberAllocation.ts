// Original file: mandate/seats/v1/chamber.proto

import type { ChamberFamily as _mandate_seats_v1_ChamberFamily, ChamberFamily__Output as _mandate_seats_v1_ChamberFamily__Output } from '../../../mandate/seats/v1/ChamberFamily';
import type { DistrictAllocation as _mandate_seats_v1_DistrictAllocation, DistrictAllocation__Output as _mandate_seats_v1_DistrictAllocation__Output } from '../../../mandate/seats/v1/DistrictAllocation';
import type { ListAllocation as _mandate_seats_v1_ListAllocation, ListAllocation__Output as _mandate_seats_v1_ListAllocation__Output } from '../../../mandate/seats/v1/ListAllocation';
import type { ApportionmentStage as _mandate_seats_v1_ApportionmentStage, ApportionmentStage__Output as _mandate_seats_v1_ApportionmentStage__Output } from '../../../mandate/seats/v1/ApportionmentStage';
import type { SeatTransfer as _mandate_seats_v1_SeatTransfer, SeatTransfer__Output as _mandate_seats_v1_SeatTransfer__Output } from '../../../mandate/seats/v1/SeatTransfer';

/**
 * The explained apportionment of a chamber.
 */
export interface ChamberAllocation {
  /**
   * The family.
   */
  'family'?: (_mandate_seats_v1_ChamberFamily);
  /**
   * The house size.
   */
  'seats'?: (number);
  /**
   * The districts, in request order.
   */
  'districts'?: (_mandate_seats_v1_DistrictAllocation)[];
  /**
   * The lists, in request order.
   */
  'lists'?: (_mandate_seats_v1_ListAllocation)[];
  /**
   * Every distribution in order with its closest call.
   */
  'stages'?: (_mandate_seats_v1_ApportionmentStage)[];
  /**
   * False when another result satisfies the same rule (an exact tie).
   */
  'unique'?: (boolean);
  /**
   * Biproportional: seat transfers that give another valid matrix.
   */
  'alternatives'?: (_mandate_seats_v1_SeatTransfer)[];
  /**
   * Biproportional: alternating-scaling iterations.
   */
  'iterations'?: (number);
  /**
   * Seats left undecided by exact ties.
   */
  'undecidedSeats'?: (number);
  /**
   * The steps in words.
   */
  'notes'?: (string)[];
}

/**
 * The explained apportionment of a chamber.
 */
export interface ChamberAllocation__Output {
  /**
   * The family.
   */
  'family': (_mandate_seats_v1_ChamberFamily__Output);
  /**
   * The house size.
   */
  'seats': (number);
  /**
   * The districts, in request order.
   */
  'districts': (_mandate_seats_v1_DistrictAllocation__Output)[];
  /**
   * The lists, in request order.
   */
  'lists': (_mandate_seats_v1_ListAllocation__Output)[];
  /**
   * Every distribution in order with its closest call.
   */
  'stages': (_mandate_seats_v1_ApportionmentStage__Output)[];
  /**
   * False when another result satisfies the same rule (an exact tie).
   */
  'unique': (boolean);
  /**
   * Biproportional: seat transfers that give another valid matrix.
   */
  'alternatives': (_mandate_seats_v1_SeatTransfer__Output)[];
  /**
   * Biproportional: alternating-scaling iterations.
   */
  'iterations': (number);
  /**
   * Seats left undecided by exact ties.
   */
  'undecidedSeats': (number);
  /**
   * The steps in words.
   */
  'notes': (string)[];
}
