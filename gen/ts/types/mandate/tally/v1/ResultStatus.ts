// Original file: mandate/tally/v1/election.proto

/**
 * The phase of a contest's results.
 */
export const ResultStatus = {
  /**
   * Not set.
   */
  RESULT_STATUS_UNSPECIFIED: 'RESULT_STATUS_UNSPECIFIED',
  /**
   * Some stations have not reported yet.
   */
  RESULT_STATUS_UNOFFICIAL_PARTIAL: 'RESULT_STATUS_UNOFFICIAL_PARTIAL',
  /**
   * Every station has reported; not yet certified.
   */
  RESULT_STATUS_UNOFFICIAL_COMPLETE: 'RESULT_STATUS_UNOFFICIAL_COMPLETE',
  /**
   * Certified by the administrator; submissions are closed.
   */
  RESULT_STATUS_CERTIFIED: 'RESULT_STATUS_CERTIFIED',
  /**
   * A recount is open after certification.
   */
  RESULT_STATUS_RECOUNT: 'RESULT_STATUS_RECOUNT',
  /**
   * A correction phase is open after certification.
   */
  RESULT_STATUS_CORRECTION: 'RESULT_STATUS_CORRECTION',
} as const;

/**
 * The phase of a contest's results.
 */
export type ResultStatus =
  /**
   * Not set.
   */
  | 'RESULT_STATUS_UNSPECIFIED'
  | 0
  /**
   * Some stations have not reported yet.
   */
  | 'RESULT_STATUS_UNOFFICIAL_PARTIAL'
  | 1
  /**
   * Every station has reported; not yet certified.
   */
  | 'RESULT_STATUS_UNOFFICIAL_COMPLETE'
  | 2
  /**
   * Certified by the administrator; submissions are closed.
   */
  | 'RESULT_STATUS_CERTIFIED'
  | 3
  /**
   * A recount is open after certification.
   */
  | 'RESULT_STATUS_RECOUNT'
  | 4
  /**
   * A correction phase is open after certification.
   */
  | 'RESULT_STATUS_CORRECTION'
  | 5

/**
 * The phase of a contest's results.
 */
export type ResultStatus__Output = typeof ResultStatus[keyof typeof ResultStatus]
