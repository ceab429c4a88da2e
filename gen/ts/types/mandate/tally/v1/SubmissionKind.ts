// Original file: mandate/tally/v1/protocol.proto

/**
 * Why a protocol version was submitted.
 */
export const SubmissionKind = {
  /**
   * Not set: rejected with INVALID_ARGUMENT (field `kind`); a submission
   * says what it is, the tally never guesses it.
   */
  SUBMISSION_KIND_UNSPECIFIED: 'SUBMISSION_KIND_UNSPECIFIED',
  /**
   * The first count of the station.
   */
  SUBMISSION_KIND_ORIGINAL: 'SUBMISSION_KIND_ORIGINAL',
  /**
   * A correction of an earlier version (an arithmetic or transcription error).
   */
  SUBMISSION_KIND_CORRECTION: 'SUBMISSION_KIND_CORRECTION',
  /**
   * The result of a recount ordered during a recount phase.
   */
  SUBMISSION_KIND_RECOUNT: 'SUBMISSION_KIND_RECOUNT',
} as const;

/**
 * Why a protocol version was submitted.
 */
export type SubmissionKind =
  /**
   * Not set: rejected with INVALID_ARGUMENT (field `kind`); a submission
   * says what it is, the tally never guesses it.
   */
  | 'SUBMISSION_KIND_UNSPECIFIED'
  | 0
  /**
   * The first count of the station.
   */
  | 'SUBMISSION_KIND_ORIGINAL'
  | 1
  /**
   * A correction of an earlier version (an arithmetic or transcription error).
   */
  | 'SUBMISSION_KIND_CORRECTION'
  | 2
  /**
   * The result of a recount ordered during a recount phase.
   */
  | 'SUBMISSION_KIND_RECOUNT'
  | 3

/**
 * Why a protocol version was submitted.
 */
export type SubmissionKind__Output = typeof SubmissionKind[keyof typeof SubmissionKind]
