// Original file: mandate/seats/v1/apportionment.proto

/**
 * An apportionment method.
 */
export const Method = {
  /**
   * Not set; rejected.
   */
  METHOD_UNSPECIFIED: 'METHOD_UNSPECIFIED',
  /**
   * D'Hondt (Jefferson): divisors 1, 2, 3, ...
   */
  METHOD_DHONDT: 'METHOD_DHONDT',
  /**
   * Sainte-Laguë (Webster): divisors 1, 3, 5, ...
   */
  METHOD_SAINTE_LAGUE: 'METHOD_SAINTE_LAGUE',
  /**
   * Sainte-Laguë with another first divisor (Rule.first_divisor), then 3, 5, ...
   */
  METHOD_MODIFIED_SAINTE_LAGUE: 'METHOD_MODIFIED_SAINTE_LAGUE',
  /**
   * Adams: divisors 0, 1, 2, ...
   */
  METHOD_ADAMS: 'METHOD_ADAMS',
  /**
   * Dean: harmonic mean divisors s(s+1)/(s+1/2).
   */
  METHOD_DEAN: 'METHOD_DEAN',
  /**
   * Huntington-Hill: geometric mean divisors sqrt(s(s+1)); used by the US House.
   */
  METHOD_HUNTINGTON_HILL: 'METHOD_HUNTINGTON_HILL',
  /**
   * Imperiali divisors 2, 3, 4, ...
   */
  METHOD_IMPERIALI_DIVISOR: 'METHOD_IMPERIALI_DIVISOR',
  /**
   * Danish divisors 1, 4, 7, 10, ...
   */
  METHOD_DANISH: 'METHOD_DANISH',
  /**
   * Hare (Hamilton) quota V/S with largest remainders.
   */
  METHOD_HARE: 'METHOD_HARE',
  /**
   * Droop quota floor(V/(S+1))+1 with largest remainders.
   */
  METHOD_DROOP: 'METHOD_DROOP',
  /**
   * Hagenbach-Bischoff quota V/(S+1) with largest remainders.
   */
  METHOD_HAGENBACH_BISCHOFF: 'METHOD_HAGENBACH_BISCHOFF',
  /**
   * Imperiali quota V/(S+2) with largest remainders.
   */
  METHOD_IMPERIALI_QUOTA: 'METHOD_IMPERIALI_QUOTA',
} as const;

/**
 * An apportionment method.
 */
export type Method =
  /**
   * Not set; rejected.
   */
  | 'METHOD_UNSPECIFIED'
  | 0
  /**
   * D'Hondt (Jefferson): divisors 1, 2, 3, ...
   */
  | 'METHOD_DHONDT'
  | 1
  /**
   * Sainte-Laguë (Webster): divisors 1, 3, 5, ...
   */
  | 'METHOD_SAINTE_LAGUE'
  | 2
  /**
   * Sainte-Laguë with another first divisor (Rule.first_divisor), then 3, 5, ...
   */
  | 'METHOD_MODIFIED_SAINTE_LAGUE'
  | 3
  /**
   * Adams: divisors 0, 1, 2, ...
   */
  | 'METHOD_ADAMS'
  | 4
  /**
   * Dean: harmonic mean divisors s(s+1)/(s+1/2).
   */
  | 'METHOD_DEAN'
  | 5
  /**
   * Huntington-Hill: geometric mean divisors sqrt(s(s+1)); used by the US House.
   */
  | 'METHOD_HUNTINGTON_HILL'
  | 6
  /**
   * Imperiali divisors 2, 3, 4, ...
   */
  | 'METHOD_IMPERIALI_DIVISOR'
  | 7
  /**
   * Danish divisors 1, 4, 7, 10, ...
   */
  | 'METHOD_DANISH'
  | 8
  /**
   * Hare (Hamilton) quota V/S with largest remainders.
   */
  | 'METHOD_HARE'
  | 9
  /**
   * Droop quota floor(V/(S+1))+1 with largest remainders.
   */
  | 'METHOD_DROOP'
  | 10
  /**
   * Hagenbach-Bischoff quota V/(S+1) with largest remainders.
   */
  | 'METHOD_HAGENBACH_BISCHOFF'
  | 11
  /**
   * Imperiali quota V/(S+2) with largest remainders.
   */
  | 'METHOD_IMPERIALI_QUOTA'
  | 12

/**
 * An apportionment method.
 */
export type Method__Output = typeof Method[keyof typeof Method]
