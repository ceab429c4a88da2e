// Original file: mandate/tally/v1/election.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A node of the reporting hierarchy: nation, region, district or polling
 * station.
 */
export interface ReportingUnit {
  /**
   * Resource name, `elections/{election}/units/{unit}`.
   */
  'name'?: (string);
  /**
   * Resource name of the enclosing unit; empty for the root.
   */
  'parentUnit'?: (string);
  /**
   * Human-readable name.
   */
  'displayName'?: (string);
  /**
   * Level in the hierarchy, e.g. `nation`, `region`, `district`, `station`.
   */
  'level'?: (string);
  /**
   * Voters registered at this polling station; zero for aggregate units.
   */
  'registeredVoters'?: (number | string | Long);
  /**
   * Whether this unit is a polling station that submits protocols.
   */
  'station'?: (boolean);
}

/**
 * A node of the reporting hierarchy: nation, region, district or polling
 * station.
 */
export interface ReportingUnit__Output {
  /**
   * Resource name, `elections/{election}/units/{unit}`.
   */
  'name': (string);
  /**
   * Resource name of the enclosing unit; empty for the root.
   */
  'parentUnit': (string);
  /**
   * Human-readable name.
   */
  'displayName': (string);
  /**
   * Level in the hierarchy, e.g. `nation`, `region`, `district`, `station`.
   */
  'level': (string);
  /**
   * Voters registered at this polling station; zero for aggregate units.
   */
  'registeredVoters': (string);
  /**
   * Whether this unit is a polling station that submits protocols.
   */
  'station': (boolean);
}
