// Original file: mandate/tally/v1/totals.proto

import type { ChoiceTotal as _mandate_tally_v1_ChoiceTotal, ChoiceTotal__Output as _mandate_tally_v1_ChoiceTotal__Output } from '../../../mandate/tally/v1/ChoiceTotal';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';
import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { ResultStatus as _mandate_tally_v1_ResultStatus, ResultStatus__Output as _mandate_tally_v1_ResultStatus__Output } from '../../../mandate/tally/v1/ResultStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { LeaderStatus as _mandate_tally_v1_LeaderStatus, LeaderStatus__Output as _mandate_tally_v1_LeaderStatus__Output } from '../../../mandate/tally/v1/LeaderStatus';
import type { LineTotal as _mandate_tally_v1_LineTotal, LineTotal__Output as _mandate_tally_v1_LineTotal__Output } from '../../../mandate/tally/v1/LineTotal';
import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { Long } from '@grpc/proto-loader';

/**
 * The aggregated results of one contest in one reporting unit, from the
 * current version of every station protocol below it.
 */
export interface Totals {
  /**
   * Resource name, `elections/{election}/contests/{contest}/totals/{unit}`.
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
   * Votes per choice, in ballot order.
   */
  'choices'?: (_mandate_tally_v1_ChoiceTotal)[];
  /**
   * Registered voters of the stations that have reported (protocol line).
   */
  'registeredVoters'?: (number | string | Long);
  /**
   * Ballots issued to voters.
   */
  'ballotsIssued'?: (number | string | Long);
  /**
   * Ballots cast (found in ballot boxes).
   */
  'ballotsCast'?: (number | string | Long);
  /**
   * Invalid ballots.
   */
  'invalid'?: (number | string | Long);
  /**
   * Valid ballots.
   */
  'valid'?: (number | string | Long);
  /**
   * The legal base that shares are taken of, and which role defines it.
   */
  'shareBase'?: (number | string | Long);
  /**
   * The role whose sum is the legal base (valid votes or ballots cast).
   */
  'shareBaseRole'?: (_mandate_tally_v1_LineRole);
  /**
   * Turnout among reporting stations as the contest's form defines it
   * (`ProtocolForm.turnout_numerator`); its definition says which in words.
   */
  'turnout'?: (_mandate_tally_v1_Ratio | null);
  /**
   * Stations under the unit whose protocol has been accepted.
   */
  'stationsReporting'?: (number | string | Long);
  /**
   * All stations under the unit.
   */
  'stationsTotal'?: (number | string | Long);
  /**
   * Registered voters of all stations under the unit, from the unit register.
   */
  'registeredVotersTotal'?: (number | string | Long);
  /**
   * Share of registered voters whose stations have reported.
   */
  'registeredReporting'?: (_mandate_tally_v1_Ratio | null);
  /**
   * Accepted protocols that carry at least one warning.
   */
  'protocolsWithWarnings'?: (number | string | Long);
  /**
   * Phase of the contest's results.
   */
  'status'?: (_mandate_tally_v1_ResultStatus);
  /**
   * Increases with every accepted change in the election (one counter per
   * election, so versions of one contest may skip); clients pass it to
   * ListChanges and WatchTotals to get only what changed since.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * When these totals were generated, to the second.
   */
  'generateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Single-winner contests: the leader and whether a runoff is needed.
   */
  'leader'?: (_mandate_tally_v1_LeaderStatus | null);
  /**
   * The sum of every line of the protocol form, in form order, so any line
   * (ballots received, in mobile boxes, ...) can be checked, not only the
   * ones with a role.
   */
  'lines'?: (_mandate_tally_v1_LineTotal)[];
  /**
   * The checkpoint of the election's log whose entries are exactly the
   * changes these totals include (up to results_version): recomputing the
   * totals from that log gives these numbers. Absent before the first
   * logged change.
   */
  'checkpoint'?: (_mandate_tally_v1_Checkpoint | null);
}

/**
 * The aggregated results of one contest in one reporting unit, from the
 * current version of every station protocol below it.
 */
export interface Totals__Output {
  /**
   * Resource name, `elections/{election}/contests/{contest}/totals/{unit}`.
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
   * Votes per choice, in ballot order.
   */
  'choices': (_mandate_tally_v1_ChoiceTotal__Output)[];
  /**
   * Registered voters of the stations that have reported (protocol line).
   */
  'registeredVoters': (string);
  /**
   * Ballots issued to voters.
   */
  'ballotsIssued': (string);
  /**
   * Ballots cast (found in ballot boxes).
   */
  'ballotsCast': (string);
  /**
   * Invalid ballots.
   */
  'invalid': (string);
  /**
   * Valid ballots.
   */
  'valid': (string);
  /**
   * The legal base that shares are taken of, and which role defines it.
   */
  'shareBase': (string);
  /**
   * The role whose sum is the legal base (valid votes or ballots cast).
   */
  'shareBaseRole': (_mandate_tally_v1_LineRole__Output);
  /**
   * Turnout among reporting stations as the contest's form defines it
   * (`ProtocolForm.turnout_numerator`); its definition says which in words.
   */
  'turnout': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * Stations under the unit whose protocol has been accepted.
   */
  'stationsReporting': (string);
  /**
   * All stations under the unit.
   */
  'stationsTotal': (string);
  /**
   * Registered voters of all stations under the unit, from the unit register.
   */
  'registeredVotersTotal': (string);
  /**
   * Share of registered voters whose stations have reported.
   */
  'registeredReporting': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * Accepted protocols that carry at least one warning.
   */
  'protocolsWithWarnings': (string);
  /**
   * Phase of the contest's results.
   */
  'status': (_mandate_tally_v1_ResultStatus__Output);
  /**
   * Increases with every accepted change in the election (one counter per
   * election, so versions of one contest may skip); clients pass it to
   * ListChanges and WatchTotals to get only what changed since.
   */
  'resultsVersion': (string);
  /**
   * When these totals were generated, to the second.
   */
  'generateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Single-winner contests: the leader and whether a runoff is needed.
   */
  'leader': (_mandate_tally_v1_LeaderStatus__Output | null);
  /**
   * The sum of every line of the protocol form, in form order, so any line
   * (ballots received, in mobile boxes, ...) can be checked, not only the
   * ones with a role.
   */
  'lines': (_mandate_tally_v1_LineTotal__Output)[];
  /**
   * The checkpoint of the election's log whose entries are exactly the
   * changes these totals include (up to results_version): recomputing the
   * totals from that log gives these numbers. Absent before the first
   * logged change.
   */
  'checkpoint': (_mandate_tally_v1_Checkpoint__Output | null);
}
