// Original file: mandate/tally/v1/election.proto

/**
 * How a tier's seats relate to another tier's.
 */
export const TierLink = {
  /**
   * Not set: parallel.
   */
  TIER_LINK_UNSPECIFIED: 'TIER_LINK_UNSPECIFIED',
  /**
   * The tier is filled on its own; the chamber adds the tiers up.
   */
  TIER_LINK_PARALLEL: 'TIER_LINK_PARALLEL',
  /**
   * Mixed-member compensatory: the list votes decide each party's share of
   * this tier and the linked tier together; a party's seats here are its
   * share less what it won in the linked tier, and a party that won more
   * there keeps them (overhang: the chamber grows).
   */
  TIER_LINK_COMPENSATORY: 'TIER_LINK_COMPENSATORY',
  /**
   * Leveling: as compensatory, but the chamber keeps its size: a party that
   * won more in the linked tier than its share is set aside with those
   * seats and the shares are computed again among the others.
   */
  TIER_LINK_LEVELING: 'TIER_LINK_LEVELING',
} as const;

/**
 * How a tier's seats relate to another tier's.
 */
export type TierLink =
  /**
   * Not set: parallel.
   */
  | 'TIER_LINK_UNSPECIFIED'
  | 0
  /**
   * The tier is filled on its own; the chamber adds the tiers up.
   */
  | 'TIER_LINK_PARALLEL'
  | 1
  /**
   * Mixed-member compensatory: the list votes decide each party's share of
   * this tier and the linked tier together; a party's seats here are its
   * share less what it won in the linked tier, and a party that won more
   * there keeps them (overhang: the chamber grows).
   */
  | 'TIER_LINK_COMPENSATORY'
  | 2
  /**
   * Leveling: as compensatory, but the chamber keeps its size: a party that
   * won more in the linked tier than its share is set aside with those
   * seats and the shares are computed again among the others.
   */
  | 'TIER_LINK_LEVELING'
  | 3

/**
 * How a tier's seats relate to another tier's.
 */
export type TierLink__Output = typeof TierLink[keyof typeof TierLink]
