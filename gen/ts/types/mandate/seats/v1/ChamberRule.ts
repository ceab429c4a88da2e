// Original file: mandate/seats/v1/chamber.proto

import type { ChamberFamily as _mandate_seats_v1_ChamberFamily, ChamberFamily__Output as _mandate_seats_v1_ChamberFamily__Output } from '../../../mandate/seats/v1/ChamberFamily';
import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { ChamberThreshold as _mandate_seats_v1_ChamberThreshold, ChamberThreshold__Output as _mandate_seats_v1_ChamberThreshold__Output } from '../../../mandate/seats/v1/ChamberThreshold';
import type { TieRule as _mandate_seats_v1_TieRule, TieRule__Output as _mandate_seats_v1_TieRule__Output } from '../../../mandate/seats/v1/TieRule';
import type { BiproportionalRule as _mandate_seats_v1_BiproportionalRule, BiproportionalRule__Output as _mandate_seats_v1_BiproportionalRule__Output } from '../../../mandate/seats/v1/BiproportionalRule';
import type { LevelingRule as _mandate_seats_v1_LevelingRule, LevelingRule__Output as _mandate_seats_v1_LevelingRule__Output } from '../../../mandate/seats/v1/LevelingRule';
import type { DistrictApportionment as _mandate_seats_v1_DistrictApportionment, DistrictApportionment__Output as _mandate_seats_v1_DistrictApportionment__Output } from '../../../mandate/seats/v1/DistrictApportionment';
import type { Long } from '@grpc/proto-loader';

/**
 * The law of a chamber.
 */
export interface ChamberRule {
  /**
   * The family.
   */
  'family'?: (_mandate_seats_v1_ChamberFamily);
  /**
   * Independent: the method in every district; leveling: the method of the
   * district seats.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Modified Sainte-Laguë only: the first divisor, e.g. "1.4".
   */
  'firstDivisor'?: (string);
  /**
   * Independent: the district threshold in percent of each district's
   * threshold_base (inclusive); empty = none.
   */
  'districtThresholdPercent'?: (string);
  /**
   * Independent: the nationwide threshold; lists below it take part nowhere.
   */
  'nationalThreshold'?: (_mandate_seats_v1_ChamberThreshold | null);
  /**
   * The tie rule of every single distribution.
   */
  'tieRule'?: (_mandate_seats_v1_TieRule);
  /**
   * The seed of a lot.
   */
  'seed'?: (number | string | Long);
  /**
   * Biproportional: its rule.
   */
  'biproportional'?: (_mandate_seats_v1_BiproportionalRule | null);
  /**
   * Leveling: its rule.
   */
  'leveling'?: (_mandate_seats_v1_LevelingRule | null);
  /**
   * When set, the districts' seats are computed from population and area.
   */
  'districtApportionment'?: (_mandate_seats_v1_DistrictApportionment | null);
}

/**
 * The law of a chamber.
 */
export interface ChamberRule__Output {
  /**
   * The family.
   */
  'family': (_mandate_seats_v1_ChamberFamily__Output);
  /**
   * Independent: the method in every district; leveling: the method of the
   * district seats.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Modified Sainte-Laguë only: the first divisor, e.g. "1.4".
   */
  'firstDivisor': (string);
  /**
   * Independent: the district threshold in percent of each district's
   * threshold_base (inclusive); empty = none.
   */
  'districtThresholdPercent': (string);
  /**
   * Independent: the nationwide threshold; lists below it take part nowhere.
   */
  'nationalThreshold': (_mandate_seats_v1_ChamberThreshold__Output | null);
  /**
   * The tie rule of every single distribution.
   */
  'tieRule': (_mandate_seats_v1_TieRule__Output);
  /**
   * The seed of a lot.
   */
  'seed': (string);
  /**
   * Biproportional: its rule.
   */
  'biproportional': (_mandate_seats_v1_BiproportionalRule__Output | null);
  /**
   * Leveling: its rule.
   */
  'leveling': (_mandate_seats_v1_LevelingRule__Output | null);
  /**
   * When set, the districts' seats are computed from population and area.
   */
  'districtApportionment': (_mandate_seats_v1_DistrictApportionment__Output | null);
}
