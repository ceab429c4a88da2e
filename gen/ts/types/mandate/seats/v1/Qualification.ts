// Original file: mandate/seats/v1/apportionment.proto

/**
 * Why a party does or does not take part in the distribution.
 */
export const Qualification = {
  /**
   * Not set.
   */
  QUALIFICATION_UNSPECIFIED: 'QUALIFICATION_UNSPECIFIED',
  /**
   * No threshold applies.
   */
  QUALIFICATION_NO_THRESHOLD: 'QUALIFICATION_NO_THRESHOLD',
  /**
   * At or above the threshold.
   */
  QUALIFICATION_PASSED: 'QUALIFICATION_PASSED',
  /**
   * Below the threshold and no other route.
   */
  QUALIFICATION_FAILED: 'QUALIFICATION_FAILED',
  /**
   * Below the threshold but enough district wins.
   */
  QUALIFICATION_DISTRICT_WINS: 'QUALIFICATION_DISTRICT_WINS',
  /**
   * Exempt from the threshold.
   */
  QUALIFICATION_EXEMPT: 'QUALIFICATION_EXEMPT',
  /**
   * Below the threshold but taking part as the runner-up.
   */
  QUALIFICATION_RUNNER_UP: 'QUALIFICATION_RUNNER_UP',
} as const;

/**
 * Why a party does or does not take part in the distribution.
 */
export type Qualification =
  /**
   * Not set.
   */
  | 'QUALIFICATION_UNSPECIFIED'
  | 0
  /**
   * No threshold applies.
   */
  | 'QUALIFICATION_NO_THRESHOLD'
  | 1
  /**
   * At or above the threshold.
   */
  | 'QUALIFICATION_PASSED'
  | 2
  /**
   * Below the threshold and no other route.
   */
  | 'QUALIFICATION_FAILED'
  | 3
  /**
   * Below the threshold but enough district wins.
   */
  | 'QUALIFICATION_DISTRICT_WINS'
  | 4
  /**
   * Exempt from the threshold.
   */
  | 'QUALIFICATION_EXEMPT'
  | 5
  /**
   * Below the threshold but taking part as the runner-up.
   */
  | 'QUALIFICATION_RUNNER_UP'
  | 6

/**
 * Why a party does or does not take part in the distribution.
 */
export type Qualification__Output = typeof Qualification[keyof typeof Qualification]
