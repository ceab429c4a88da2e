// Original file: mandate/seats/v1/chamber.proto

import type { ChamberDistrict as _mandate_seats_v1_ChamberDistrict, ChamberDistrict__Output as _mandate_seats_v1_ChamberDistrict__Output } from '../../../mandate/seats/v1/ChamberDistrict';
import type { ChamberList as _mandate_seats_v1_ChamberList, ChamberList__Output as _mandate_seats_v1_ChamberList__Output } from '../../../mandate/seats/v1/ChamberList';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';

/**
 * A parliament elected in districts: the districts, the lists with their
 * votes per district, and the rule. One request apportions the whole chamber.
 */
export interface Chamber {
  /**
   * The districts, at most 10,000.
   */
  'districts'?: (_mandate_seats_v1_ChamberDistrict)[];
  /**
   * The lists, at most 10,000 (and at most 1,000,000 districts x lists).
   */
  'lists'?: (_mandate_seats_v1_ChamberList)[];
  /**
   * The rule; required unless ApportionRequest.preset names a chamber preset.
   */
  'rule'?: (_mandate_seats_v1_ChamberRule | null);
  /**
   * The house size, when stated: it must equal the districts' seats (or the
   * district apportionment's seats). 0 = not stated.
   */
  'seats'?: (number);
}

/**
 * A parliament elected in districts: the districts, the lists with their
 * votes per district, and the rule. One request apportions the whole chamber.
 */
export interface Chamber__Output {
  /**
   * The districts, at most 10,000.
   */
  'districts': (_mandate_seats_v1_ChamberDistrict__Output)[];
  /**
   * The lists, at most 10,000 (and at most 1,000,000 districts x lists).
   */
  'lists': (_mandate_seats_v1_ChamberList__Output)[];
  /**
   * The rule; required unless ApportionRequest.preset names a chamber preset.
   */
  'rule': (_mandate_seats_v1_ChamberRule__Output | null);
  /**
   * The house size, when stated: it must equal the districts' seats (or the
   * district apportionment's seats). 0 = not stated.
   */
  'seats': (number);
}
