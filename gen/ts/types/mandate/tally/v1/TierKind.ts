// Original file: mandate/tally/v1/election.proto

/**
 * How a tier's seats are filled.
 */
export const TierKind = {
  /**
   * Not set; rejected.
   */
  TIER_KIND_UNSPECIFIED: 'TIER_KIND_UNSPECIFIED',
  /**
   * Party lists share the seats by a rule, nationally or in districts.
   */
  TIER_KIND_LIST: 'TIER_KIND_LIST',
  /**
   * One seat per single-member district, to its winner's party.
   */
  TIER_KIND_SINGLE_MEMBER: 'TIER_KIND_SINGLE_MEMBER',
  /**
   * Seats filled outside the count (e.g. by an appointed body).
   */
  TIER_KIND_RESERVED: 'TIER_KIND_RESERVED',
} as const;

/**
 * How a tier's seats are filled.
 */
export type TierKind =
  /**
   * Not set; rejected.
   */
  | 'TIER_KIND_UNSPECIFIED'
  | 0
  /**
   * Party lists share the seats by a rule, nationally or in districts.
   */
  | 'TIER_KIND_LIST'
  | 1
  /**
   * One seat per single-member district, to its winner's party.
   */
  | 'TIER_KIND_SINGLE_MEMBER'
  | 2
  /**
   * Seats filled outside the count (e.g. by an appointed body).
   */
  | 'TIER_KIND_RESERVED'
  | 3

/**
 * How a tier's seats are filled.
 */
export type TierKind__Output = typeof TierKind[keyof typeof TierKind]
