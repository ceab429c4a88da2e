// Original file: mandate/tally/v1/election.proto

/**
 * How serious a broken control relation is.
 */
export const Severity = {
  /**
   * Not set; rejected in requests.
   */
  SEVERITY_UNSPECIFIED: 'SEVERITY_UNSPECIFIED',
  /**
   * Arithmetic that cannot be true: the protocol is rejected.
   */
  SEVERITY_ERROR: 'SEVERITY_ERROR',
  /**
   * Possible but unusual: the protocol is accepted and flagged for review.
   */
  SEVERITY_WARNING: 'SEVERITY_WARNING',
} as const;

/**
 * How serious a broken control relation is.
 */
export type Severity =
  /**
   * Not set; rejected in requests.
   */
  | 'SEVERITY_UNSPECIFIED'
  | 0
  /**
   * Arithmetic that cannot be true: the protocol is rejected.
   */
  | 'SEVERITY_ERROR'
  | 1
  /**
   * Possible but unusual: the protocol is accepted and flagged for review.
   */
  | 'SEVERITY_WARNING'
  | 2

/**
 * How serious a broken control relation is.
 */
export type Severity__Output = typeof Severity[keyof typeof Severity]
