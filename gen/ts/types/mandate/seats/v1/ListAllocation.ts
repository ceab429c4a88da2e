// Original file: mandate/seats/v1/chamber.proto

import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';
import type { Qualification as _mandate_seats_v1_Qualification, Qualification__Output as _mandate_seats_v1_Qualification__Output } from '../../../mandate/seats/v1/Qualification';

/**
 * The outcome for one list.
 */
export interface ListAllocation {
  /**
   * The list id.
   */
  'id'?: (string);
  /**
   * Display name.
   */
  'displayName'?: (string);
  /**
   * Votes over all districts, as given.
   */
  'votes'?: (_mandate_seats_v1_Fraction | null);
  /**
   * National qualification (threshold, quorum or leveling threshold).
   */
  'qualification'?: (_mandate_seats_v1_Qualification);
  /**
   * Qualification per district id.
   */
  'districtQualification'?: ({[key: string]: _mandate_seats_v1_Qualification});
  /**
   * Total seats, leveling seats included.
   */
  'seats'?: (number);
  /**
   * Seats per district id, leveling seats included.
   */
  'districtSeats'?: ({[key: string]: number});
  /**
   * Leveling seats in total.
   */
  'levelingSeats'?: (number);
  /**
   * Leveling seats per district id.
   */
  'districtLevelingSeats'?: ({[key: string]: number});
  /**
   * Leveling: the national number; biproportional: the upper seats.
   */
  'nationalSeats'?: (number);
  /**
   * Biproportional: the weighted total of the upper apportionment.
   */
  'upperWeight'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Biproportional: the list divisor.
   */
  'divisor'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Part of an exact tie.
   */
  'tiedForLast'?: (boolean);
  /**
   * Leveling: removed from the national distribution as over-represented.
   */
  'excludedOverrepresented'?: (boolean);
}

/**
 * The outcome for one list.
 */
export interface ListAllocation__Output {
  /**
   * The list id.
   */
  'id': (string);
  /**
   * Display name.
   */
  'displayName': (string);
  /**
   * Votes over all districts, as given.
   */
  'votes': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * National qualification (threshold, quorum or leveling threshold).
   */
  'qualification': (_mandate_seats_v1_Qualification__Output);
  /**
   * Qualification per district id.
   */
  'districtQualification': ({[key: string]: _mandate_seats_v1_Qualification__Output});
  /**
   * Total seats, leveling seats included.
   */
  'seats': (number);
  /**
   * Seats per district id, leveling seats included.
   */
  'districtSeats': ({[key: string]: number});
  /**
   * Leveling seats in total.
   */
  'levelingSeats': (number);
  /**
   * Leveling seats per district id.
   */
  'districtLevelingSeats': ({[key: string]: number});
  /**
   * Leveling: the national number; biproportional: the upper seats.
   */
  'nationalSeats': (number);
  /**
   * Biproportional: the weighted total of the upper apportionment.
   */
  'upperWeight': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Biproportional: the list divisor.
   */
  'divisor': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Part of an exact tie.
   */
  'tiedForLast': (boolean);
  /**
   * Leveling: removed from the national distribution as over-represented.
   */
  'excludedOverrepresented': (boolean);
}
