// Original file: mandate/seats/v1/chamber.proto

/**
 * How the upper apportionment weights a list's votes.
 */
export const Weighting = {
  /**
   * Votes divided by the district's seats (each voter has as many votes as
   * the district has seats); the default.
   */
  WEIGHTING_UNSPECIFIED: 'WEIGHTING_UNSPECIFIED',
  /**
   * Votes divided by the district's seats.
   */
  WEIGHTING_DIVIDE_BY_DISTRICT_SEATS: 'WEIGHTING_DIVIDE_BY_DISTRICT_SEATS',
  /**
   * Votes as given (voter numbers).
   */
  WEIGHTING_NONE: 'WEIGHTING_NONE',
} as const;

/**
 * How the upper apportionment weights a list's votes.
 */
export type Weighting =
  /**
   * Votes divided by the district's seats (each voter has as many votes as
   * the district has seats); the default.
   */
  | 'WEIGHTING_UNSPECIFIED'
  | 0
  /**
   * Votes divided by the district's seats.
   */
  | 'WEIGHTING_DIVIDE_BY_DISTRICT_SEATS'
  | 1
  /**
   * Votes as given (voter numbers).
   */
  | 'WEIGHTING_NONE'
  | 2

/**
 * How the upper apportionment weights a list's votes.
 */
export type Weighting__Output = typeof Weighting[keyof typeof Weighting]
