// Original file: mandate/seats/v1/seats_service.proto

import type { Party as _mandate_seats_v1_Party, Party__Output as _mandate_seats_v1_Party__Output } from '../../../mandate/seats/v1/Party';
import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { Chamber as _mandate_seats_v1_Chamber, Chamber__Output as _mandate_seats_v1_Chamber__Output } from '../../../mandate/seats/v1/Chamber';
import type { Long } from '@grpc/proto-loader';

/**
 * Request of Apportion.
 */
export interface ApportionRequest {
  /**
   * The parties, at most 100,000.
   */
  'parties'?: (_mandate_seats_v1_Party)[];
  /**
   * The rule; required unless preset is given.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
  /**
   * A preset name, `presets/{preset}`, used instead of rule. Its threshold base
   * is taken from threshold_base when the preset leaves it to the caller.
   */
  'preset'?: (string);
  /**
   * With a preset: the legal base of the threshold (e.g. all ballots cast).
   */
  'thresholdBase'?: (number | string | Long);
  /**
   * A chamber elected in districts, instead of parties and rule. Its rule
   * may come from a chamber preset.
   */
  'chamber'?: (_mandate_seats_v1_Chamber | null);
  /**
   * Skip the margins (votes_to_gain, votes_to_lose): their status is then
   * MARGIN_STATUS_NOT_COMPUTED. For bulk runs where only the seats matter.
   */
  'skipMargins'?: (boolean);
  /**
   * List the award steps of divisor methods (Allocation.awards); they are
   * built only when asked.
   */
  'includeAwards'?: (boolean);
}

/**
 * Request of Apportion.
 */
export interface ApportionRequest__Output {
  /**
   * The parties, at most 100,000.
   */
  'parties': (_mandate_seats_v1_Party__Output)[];
  /**
   * The rule; required unless preset is given.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
  /**
   * A preset name, `presets/{preset}`, used instead of rule. Its threshold base
   * is taken from threshold_base when the preset leaves it to the caller.
   */
  'preset': (string);
  /**
   * With a preset: the legal base of the threshold (e.g. all ballots cast).
   */
  'thresholdBase': (string);
  /**
   * A chamber elected in districts, instead of parties and rule. Its rule
   * may come from a chamber preset.
   */
  'chamber': (_mandate_seats_v1_Chamber__Output | null);
  /**
   * Skip the margins (votes_to_gain, votes_to_lose): their status is then
   * MARGIN_STATUS_NOT_COMPUTED. For bulk runs where only the seats matter.
   */
  'skipMargins': (boolean);
  /**
   * List the award steps of divisor methods (Allocation.awards); they are
   * built only when asked.
   */
  'includeAwards': (boolean);
}
