// Original file: mandate/tally/v1/forensics.proto

import type { ForensicsDefinitions as _mandate_tally_v1_ForensicsDefinitions, ForensicsDefinitions__Output as _mandate_tally_v1_ForensicsDefinitions__Output } from '../../../mandate/tally/v1/ForensicsDefinitions';
import type { ForensicsLeader as _mandate_tally_v1_ForensicsLeader, ForensicsLeader__Output as _mandate_tally_v1_ForensicsLeader__Output } from '../../../mandate/tally/v1/ForensicsLeader';
import type { ForensicsRegion as _mandate_tally_v1_ForensicsRegion, ForensicsRegion__Output as _mandate_tally_v1_ForensicsRegion__Output } from '../../../mandate/tally/v1/ForensicsRegion';
import type { RelationViolations as _mandate_tally_v1_RelationViolations, RelationViolations__Output as _mandate_tally_v1_RelationViolations__Output } from '../../../mandate/tally/v1/RelationViolations';
import type { ElectionFingerprint as _mandate_tally_v1_ElectionFingerprint, ElectionFingerprint__Output as _mandate_tally_v1_ElectionFingerprint__Output } from '../../../mandate/tally/v1/ElectionFingerprint';
import type { IntegerPercentTest as _mandate_tally_v1_IntegerPercentTest, IntegerPercentTest__Output as _mandate_tally_v1_IntegerPercentTest__Output } from '../../../mandate/tally/v1/IntegerPercentTest';
import type { DigitTest as _mandate_tally_v1_DigitTest, DigitTest__Output as _mandate_tally_v1_DigitTest__Output } from '../../../mandate/tally/v1/DigitTest';
import type { ExtremeStations as _mandate_tally_v1_ExtremeStations, ExtremeStations__Output as _mandate_tally_v1_ExtremeStations__Output } from '../../../mandate/tally/v1/ExtremeStations';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * Statistical indicators of anomalies in the current station protocols of
 * one contest under one reporting unit, for observers and researchers. They
 * are indicators, never verdicts: honest elections can show each of them and
 * manipulated ones can avoid them; `disclaimer` says so with the definitions
 * used. Counts are int64 (strings in JSON); statistics (expected counts,
 * standard deviations, correlations, p-values) are estimates and are doubles.
 */
export interface ForensicsReport {
  /**
   * Resource name,
   * `elections/{election}/contests/{contest}/forensicsReports/{unit}`.
   */
  'name'?: (string);
  /**
   * Resource name of the reporting unit.
   */
  'unit'?: (string);
  /**
   * Human-readable name of the unit.
   */
  'unitDisplayName'?: (string);
  /**
   * What these indicators are and are not, and the definitions used, in
   * words: statistical indicators, not evidence of fraud.
   */
  'disclaimer'?: (string);
  /**
   * The definitions and parameters used.
   */
  'definitions'?: (_mandate_tally_v1_ForensicsDefinitions | null);
  /**
   * Stations under the unit with an accepted protocol: the stations analysed.
   */
  'stations'?: (number | string | Long);
  /**
   * The choice with the most votes over the stations analysed.
   */
  'leader'?: (_mandate_tally_v1_ForensicsLeader | null);
  /**
   * The units the stations are grouped by (the children of the unit: the
   * regions of a nation), ordered by id.
   */
  'regions'?: (_mandate_tally_v1_ForensicsRegion)[];
  /**
   * Control-relation violations per code and per region.
   */
  'relationViolations'?: (_mandate_tally_v1_RelationViolations | null);
  /**
   * The turnout × leader-share histogram (election fingerprint).
   */
  'fingerprint'?: (_mandate_tally_v1_ElectionFingerprint | null);
  /**
   * The integer-percentage test.
   */
  'integerPercentTest'?: (_mandate_tally_v1_IntegerPercentTest | null);
  /**
   * Last-digit and second-digit tests of the vote counts, for every choice
   * together and for the leader; weak signals.
   */
  'digitTests'?: (_mandate_tally_v1_DigitTest)[];
  /**
   * Stations where turnout and leader share are both very high.
   */
  'extremeStations'?: (_mandate_tally_v1_ExtremeStations | null);
  /**
   * The election's results version the protocols analysed include.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * When the report was computed.
   */
  'generateTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * Statistical indicators of anomalies in the current station protocols of
 * one contest under one reporting unit, for observers and researchers. They
 * are indicators, never verdicts: honest elections can show each of them and
 * manipulated ones can avoid them; `disclaimer` says so with the definitions
 * used. Counts are int64 (strings in JSON); statistics (expected counts,
 * standard deviations, correlations, p-values) are estimates and are doubles.
 */
export interface ForensicsReport__Output {
  /**
   * Resource name,
   * `elections/{election}/contests/{contest}/forensicsReports/{unit}`.
   */
  'name': (string);
  /**
   * Resource name of the reporting unit.
   */
  'unit': (string);
  /**
   * Human-readable name of the unit.
   */
  'unitDisplayName': (string);
  /**
   * What these indicators are and are not, and the definitions used, in
   * words: statistical indicators, not evidence of fraud.
   */
  'disclaimer': (string);
  /**
   * The definitions and parameters used.
   */
  'definitions': (_mandate_tally_v1_ForensicsDefinitions__Output | null);
  /**
   * Stations under the unit with an accepted protocol: the stations analysed.
   */
  'stations': (string);
  /**
   * The choice with the most votes over the stations analysed.
   */
  'leader': (_mandate_tally_v1_ForensicsLeader__Output | null);
  /**
   * The units the stations are grouped by (the children of the unit: the
   * regions of a nation), ordered by id.
   */
  'regions': (_mandate_tally_v1_ForensicsRegion__Output)[];
  /**
   * Control-relation violations per code and per region.
   */
  'relationViolations': (_mandate_tally_v1_RelationViolations__Output | null);
  /**
   * The turnout × leader-share histogram (election fingerprint).
   */
  'fingerprint': (_mandate_tally_v1_ElectionFingerprint__Output | null);
  /**
   * The integer-percentage test.
   */
  'integerPercentTest': (_mandate_tally_v1_IntegerPercentTest__Output | null);
  /**
   * Last-digit and second-digit tests of the vote counts, for every choice
   * together and for the leader; weak signals.
   */
  'digitTests': (_mandate_tally_v1_DigitTest__Output)[];
  /**
   * Stations where turnout and leader share are both very high.
   */
  'extremeStations': (_mandate_tally_v1_ExtremeStations__Output | null);
  /**
   * The election's results version the protocols analysed include.
   */
  'resultsVersion': (string);
  /**
   * When the report was computed.
   */
  'generateTime': (_google_protobuf_Timestamp__Output | null);
}
