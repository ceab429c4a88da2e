// Original file: mandate/seats/v1/apportionment.proto

/**
 * What a margin field of PartyResult holds.
 */
export const MarginStatus = {
  /**
   * Not set.
   */
  MARGIN_STATUS_UNSPECIFIED: 'MARGIN_STATUS_UNSPECIFIED',
  /**
   * The margin is set and exact.
   */
  MARGIN_STATUS_COMPUTED: 'MARGIN_STATUS_COMPUTED',
  /**
   * No margin exists: no number of added votes gains a seat, or no loss of
   * votes costs one (the party holds no seat it could lose).
   */
  MARGIN_STATUS_NONE: 'MARGIN_STATUS_NONE',
  /**
   * Not computed: not requested, too many parties, or no exact method for
   * the rule; the allocation's notes say which.
   */
  MARGIN_STATUS_NOT_COMPUTED: 'MARGIN_STATUS_NOT_COMPUTED',
} as const;

/**
 * What a margin field of PartyResult holds.
 */
export type MarginStatus =
  /**
   * Not set.
   */
  | 'MARGIN_STATUS_UNSPECIFIED'
  | 0
  /**
   * The margin is set and exact.
   */
  | 'MARGIN_STATUS_COMPUTED'
  | 1
  /**
   * No margin exists: no number of added votes gains a seat, or no loss of
   * votes costs one (the party holds no seat it could lose).
   */
  | 'MARGIN_STATUS_NONE'
  | 2
  /**
   * Not computed: not requested, too many parties, or no exact method for
   * the rule; the allocation's notes say which.
   */
  | 'MARGIN_STATUS_NOT_COMPUTED'
  | 3

/**
 * What a margin field of PartyResult holds.
 */
export type MarginStatus__Output = typeof MarginStatus[keyof typeof MarginStatus]
