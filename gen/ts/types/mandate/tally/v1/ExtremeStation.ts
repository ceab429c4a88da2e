// Original file: mandate/tally/v1/forensics.proto

import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { Long } from '@grpc/proto-loader';

/**
 * One extreme station, with a link to its protocol.
 */
export interface ExtremeStation {
  /**
   * Resource name of its protocol,
   * `elections/{election}/contests/{contest}/protocols/{unit}`.
   */
  'protocol'?: (string);
  /**
   * Resource name of the station, `elections/{election}/units/{unit}`.
   */
  'station'?: (string);
  /**
   * Resource name of the region it is counted in.
   */
  'region'?: (string);
  /**
   * Registered voters.
   */
  'registeredVoters'?: (number | string | Long);
  /**
   * Turnout, as definitions.turnout says.
   */
  'turnout'?: (_mandate_tally_v1_Ratio | null);
  /**
   * Leader share of the share base.
   */
  'leaderShare'?: (_mandate_tally_v1_Ratio | null);
}

/**
 * One extreme station, with a link to its protocol.
 */
export interface ExtremeStation__Output {
  /**
   * Resource name of its protocol,
   * `elections/{election}/contests/{contest}/protocols/{unit}`.
   */
  'protocol': (string);
  /**
   * Resource name of the station, `elections/{election}/units/{unit}`.
   */
  'station': (string);
  /**
   * Resource name of the region it is counted in.
   */
  'region': (string);
  /**
   * Registered voters.
   */
  'registeredVoters': (string);
  /**
   * Turnout, as definitions.turnout says.
   */
  'turnout': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * Leader share of the share base.
   */
  'leaderShare': (_mandate_tally_v1_Ratio__Output | null);
}
