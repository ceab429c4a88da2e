// Original file: mandate/seats/v1/chamber.proto

/**
 * The rule family of a chamber elected in districts.
 */
export const ChamberFamily = {
  /**
   * Not set; rejected.
   */
  CHAMBER_FAMILY_UNSPECIFIED: 'CHAMBER_FAMILY_UNSPECIFIED',
  /**
   * Every district distributes its own seats (Spanish Congress); with
   * per-district overrides also a parallel chamber.
   */
  CHAMBER_FAMILY_INDEPENDENT: 'CHAMBER_FAMILY_INDEPENDENT',
  /**
   * Upper apportionment of list totals, lower apportionment of the list x
   * district matrix (double proportional, Swiss cantons).
   */
  CHAMBER_FAMILY_BIPROPORTIONAL: 'CHAMBER_FAMILY_BIPROPORTIONAL',
  /**
   * District seats plus national leveling seats (Norwegian Storting).
   */
  CHAMBER_FAMILY_LEVELING: 'CHAMBER_FAMILY_LEVELING',
} as const;

/**
 * The rule family of a chamber elected in districts.
 */
export type ChamberFamily =
  /**
   * Not set; rejected.
   */
  | 'CHAMBER_FAMILY_UNSPECIFIED'
  | 0
  /**
   * Every district distributes its own seats (Spanish Congress); with
   * per-district overrides also a parallel chamber.
   */
  | 'CHAMBER_FAMILY_INDEPENDENT'
  | 1
  /**
   * Upper apportionment of list totals, lower apportionment of the list x
   * district matrix (double proportional, Swiss cantons).
   */
  | 'CHAMBER_FAMILY_BIPROPORTIONAL'
  | 2
  /**
   * District seats plus national leveling seats (Norwegian Storting).
   */
  | 'CHAMBER_FAMILY_LEVELING'
  | 3

/**
 * The rule family of a chamber elected in districts.
 */
export type ChamberFamily__Output = typeof ChamberFamily[keyof typeof ChamberFamily]
