// Original file: mandate/tally/v1/forensics.proto

import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { Long } from '@grpc/proto-loader';

/**
 * The two-dimensional histogram of stations by turnout and leader share,
 * the "election fingerprint" of Klimek, Yegorov, Hanel and Thurner (PNAS
 * 109(41), 2012). Fair elections tend to form one compact cluster; ballot
 * stuffing and invented results smear stations towards (100 %, 100 %).
 */
export interface ElectionFingerprint {
  /**
   * Bins per axis; bin b holds percentages in [100·b/bins, 100·(b+1)/bins),
   * the last bin also 100 % (and turnout above 100 %).
   */
  'bins'?: (number);
  /**
   * bins × bins station counts, row-major by turnout bin: counts[t*bins+s] is
   * turnout bin t, leader-share bin s.
   */
  'counts'?: (number | string | Long)[];
  /**
   * The largest count.
   */
  'maxCount'?: (number | string | Long);
  /**
   * Stations counted: those with registered voters and a non-zero share base.
   */
  'stations'?: (number | string | Long);
  /**
   * Stations left out (no registered voters or no share base).
   */
  'excludedStations'?: (number | string | Long);
  /**
   * Stations with more voters than registered, counted in the last turnout bin.
   */
  'overRegisteredStations'?: (number | string | Long);
  /**
   * Pearson's correlation between turnout and leader share over the stations.
   */
  'correlation'?: (number | string);
  /**
   * The leader's votes from stations with turnout above
   * definitions.high_turnout_percent, over all the leader's votes.
   */
  'leaderVotesHighTurnout'?: (_mandate_tally_v1_Ratio | null);
  /**
   * Stations with turnout above definitions.high_turnout_percent.
   */
  'highTurnoutStations'?: (number | string | Long);
  /**
   * The histogram as a standalone SVG heat map (log colour scale), with axes
   * "turnout %" and "leader share %".
   */
  'svg'?: (string);
}

/**
 * The two-dimensional histogram of stations by turnout and leader share,
 * the "election fingerprint" of Klimek, Yegorov, Hanel and Thurner (PNAS
 * 109(41), 2012). Fair elections tend to form one compact cluster; ballot
 * stuffing and invented results smear stations towards (100 %, 100 %).
 */
export interface ElectionFingerprint__Output {
  /**
   * Bins per axis; bin b holds percentages in [100·b/bins, 100·(b+1)/bins),
   * the last bin also 100 % (and turnout above 100 %).
   */
  'bins': (number);
  /**
   * bins × bins station counts, row-major by turnout bin: counts[t*bins+s] is
   * turnout bin t, leader-share bin s.
   */
  'counts': (string)[];
  /**
   * The largest count.
   */
  'maxCount': (string);
  /**
   * Stations counted: those with registered voters and a non-zero share base.
   */
  'stations': (string);
  /**
   * Stations left out (no registered voters or no share base).
   */
  'excludedStations': (string);
  /**
   * Stations with more voters than registered, counted in the last turnout bin.
   */
  'overRegisteredStations': (string);
  /**
   * Pearson's correlation between turnout and leader share over the stations.
   */
  'correlation': (number);
  /**
   * The leader's votes from stations with turnout above
   * definitions.high_turnout_percent, over all the leader's votes.
   */
  'leaderVotesHighTurnout': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * Stations with turnout above definitions.high_turnout_percent.
   */
  'highTurnoutStations': (string);
  /**
   * The histogram as a standalone SVG heat map (log colour scale), with axes
   * "turnout %" and "leader share %".
   */
  'svg': (string);
}
