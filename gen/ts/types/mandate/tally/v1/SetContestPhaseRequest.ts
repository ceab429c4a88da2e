// Original file: mandate/tally/v1/tally_service.proto

import type { ResultStatus as _mandate_tally_v1_ResultStatus, ResultStatus__Output as _mandate_tally_v1_ResultStatus__Output } from '../../../mandate/tally/v1/ResultStatus';

/**
 * Request of SetContestPhase.
 */
export interface SetContestPhaseRequest {
  /**
   * Name of the contest, `elections/{election}/contests/{contest}`.
   */
  'name'?: (string);
  /**
   * CERTIFIED, RECOUNT or CORRECTION.
   */
  'phase'?: (_mandate_tally_v1_ResultStatus);
  /**
   * Why the phase changes; recorded with the change.
   */
  'reason'?: (string);
}

/**
 * Request of SetContestPhase.
 */
export interface SetContestPhaseRequest__Output {
  /**
   * Name of the contest, `elections/{election}/contests/{contest}`.
   */
  'name': (string);
  /**
   * CERTIFIED, RECOUNT or CORRECTION.
   */
  'phase': (_mandate_tally_v1_ResultStatus__Output);
  /**
   * Why the phase changes; recorded with the change.
   */
  'reason': (string);
}
