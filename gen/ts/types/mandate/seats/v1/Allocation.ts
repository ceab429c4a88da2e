// Original file: mandate/seats/v1/apportionment.proto

import type { Method as _mandate_seats_v1_Method, Method__Output as _mandate_seats_v1_Method__Output } from '../../../mandate/seats/v1/Method';
import type { PartyResult as _mandate_seats_v1_PartyResult, PartyResult__Output as _mandate_seats_v1_PartyResult__Output } from '../../../mandate/seats/v1/PartyResult';
import type { Award as _mandate_seats_v1_Award, Award__Output as _mandate_seats_v1_Award__Output } from '../../../mandate/seats/v1/Award';
import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from '../../../mandate/seats/v1/Fraction';
import type { Tie as _mandate_seats_v1_Tie, Tie__Output as _mandate_seats_v1_Tie__Output } from '../../../mandate/seats/v1/Tie';
import type { TieRule as _mandate_seats_v1_TieRule, TieRule__Output as _mandate_seats_v1_TieRule__Output } from '../../../mandate/seats/v1/TieRule';
import type { Long } from '@grpc/proto-loader';

/**
 * An explained allocation.
 */
export interface Allocation {
  /**
   * The method used.
   */
  'method'?: (_mandate_seats_v1_Method);
  /**
   * Seats distributed, including any overhang.
   */
  'seats'?: (number);
  /**
   * Seats distributed plus reserved seats.
   */
  'houseSize'?: (number);
  /**
   * Reserved seats, not distributed.
   */
  'reservedSeats'?: (number);
  /**
   * Seats added by overhang.
   */
  'overhangSeats'?: (number);
  /**
   * One entry per party of the request, in request order.
   */
  'parties'?: (_mandate_seats_v1_PartyResult)[];
  /**
   * Divisor methods: seat awards in order (the first 10,000 at most); empty
   * when the request skipped them.
   */
  'awards'?: (_mandate_seats_v1_Award)[];
  /**
   * Whether awards were cut at 10,000.
   */
  'awardsTruncated'?: (boolean);
  /**
   * Divisor methods: the lowest divisor that gives this allocation.
   */
  'divisorMin'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Divisor methods: the highest divisor that gives this allocation.
   */
  'divisorMax'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Quota methods: the quota.
   */
  'quota'?: (_mandate_seats_v1_Fraction | null);
  /**
   * Ties for the last seat(s), resolved or not.
   */
  'ties'?: (_mandate_seats_v1_Tie)[];
  /**
   * Seats left undecided by a tie under TIE_RULE_UNDECIDED.
   */
  'undecidedSeats'?: (number);
  /**
   * The tie rule applied.
   */
  'tieRule'?: (_mandate_seats_v1_TieRule);
  /**
   * The seed of the lot, so anyone can reproduce the draw.
   */
  'seed'?: (number | string | Long);
  /**
   * Gallagher least-squares index of disproportionality, in percent points.
   */
  'gallagherIndex'?: (number | string);
  /**
   * Loosemore-Hanby index of disproportionality, in percent points.
   */
  'loosemoreHanbyIndex'?: (number | string);
  /**
   * Effective number of parties by votes (Laakso-Taagepera).
   */
  'effectivePartiesVotes'?: (number | string);
  /**
   * Effective number of parties by seats.
   */
  'effectivePartiesSeats'?: (number | string);
  /**
   * The steps in words.
   */
  'notes'?: (string)[];
}

/**
 * An explained allocation.
 */
export interface Allocation__Output {
  /**
   * The method used.
   */
  'method': (_mandate_seats_v1_Method__Output);
  /**
   * Seats distributed, including any overhang.
   */
  'seats': (number);
  /**
   * Seats distributed plus reserved seats.
   */
  'houseSize': (number);
  /**
   * Reserved seats, not distributed.
   */
  'reservedSeats': (number);
  /**
   * Seats added by overhang.
   */
  'overhangSeats': (number);
  /**
   * One entry per party of the request, in request order.
   */
  'parties': (_mandate_seats_v1_PartyResult__Output)[];
  /**
   * Divisor methods: seat awards in order (the first 10,000 at most); empty
   * when the request skipped them.
   */
  'awards': (_mandate_seats_v1_Award__Output)[];
  /**
   * Whether awards were cut at 10,000.
   */
  'awardsTruncated': (boolean);
  /**
   * Divisor methods: the lowest divisor that gives this allocation.
   */
  'divisorMin': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Divisor methods: the highest divisor that gives this allocation.
   */
  'divisorMax': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Quota methods: the quota.
   */
  'quota': (_mandate_seats_v1_Fraction__Output | null);
  /**
   * Ties for the last seat(s), resolved or not.
   */
  'ties': (_mandate_seats_v1_Tie__Output)[];
  /**
   * Seats left undecided by a tie under TIE_RULE_UNDECIDED.
   */
  'undecidedSeats': (number);
  /**
   * The tie rule applied.
   */
  'tieRule': (_mandate_seats_v1_TieRule__Output);
  /**
   * The seed of the lot, so anyone can reproduce the draw.
   */
  'seed': (string);
  /**
   * Gallagher least-squares index of disproportionality, in percent points.
   */
  'gallagherIndex': (number);
  /**
   * Loosemore-Hanby index of disproportionality, in percent points.
   */
  'loosemoreHanbyIndex': (number);
  /**
   * Effective number of parties by votes (Laakso-Taagepera).
   */
  'effectivePartiesVotes': (number);
  /**
   * Effective number of parties by seats.
   */
  'effectivePartiesSeats': (number);
  /**
   * The steps in words.
   */
  'notes': (string)[];
}
