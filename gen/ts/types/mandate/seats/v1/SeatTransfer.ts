// Original file: mandate/seats/v1/chamber.proto

import type { SeatCell as _mandate_seats_v1_SeatCell, SeatCell__Output as _mandate_seats_v1_SeatCell__Output } from '../../../mandate/seats/v1/SeatCell';

/**
 * A cycle of seat moves that keeps every margin: one more seat in each add
 * cell, one less in each remove cell.
 */
export interface SeatTransfer {
  /**
   * Cells that gain a seat.
   */
  'add'?: (_mandate_seats_v1_SeatCell)[];
  /**
   * Cells that lose a seat.
   */
  'remove'?: (_mandate_seats_v1_SeatCell)[];
}

/**
 * A cycle of seat moves that keeps every margin: one more seat in each add
 * cell, one less in each remove cell.
 */
export interface SeatTransfer__Output {
  /**
   * Cells that gain a seat.
   */
  'add': (_mandate_seats_v1_SeatCell__Output)[];
  /**
   * Cells that lose a seat.
   */
  'remove': (_mandate_seats_v1_SeatCell__Output)[];
}
