// Original file: mandate/seats/v1/contest_allocation.proto

import type { Allocation as _mandate_seats_v1_Allocation, Allocation__Output as _mandate_seats_v1_Allocation__Output } from '../../../mandate/seats/v1/Allocation';
import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from '../../../mandate/seats/v1/Rule';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';
import type { ResultStatus as _mandate_tally_v1_ResultStatus, ResultStatus__Output as _mandate_tally_v1_ResultStatus__Output } from '../../../mandate/tally/v1/ResultStatus';
import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from '../../../mandate/tally/v1/Ratio';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { ChamberAllocation as _mandate_seats_v1_ChamberAllocation, ChamberAllocation__Output as _mandate_seats_v1_ChamberAllocation__Output } from '../../../mandate/seats/v1/ChamberAllocation';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from '../../../mandate/seats/v1/ChamberRule';
import type { Long } from '@grpc/proto-loader';

/**
 * The seats of a contest allocated from the tally's current totals of one
 * reporting unit, with what those totals are: their results version, phase
 * and how much of the count they cover. The seats service computes it on
 * every request and stores nothing.
 */
export interface ContestAllocation {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'contest'?: (string);
  /**
   * The totals the seats are allocated from,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'totals'?: (string);
  /**
   * Human-readable name of the reporting unit.
   */
  'unitDisplayName'?: (string);
  /**
   * The explained allocation, one party per choice of the contest in ballot
   * order. Absent while no votes are counted (a watch says so in note).
   */
  'allocation'?: (_mandate_seats_v1_Allocation | null);
  /**
   * The rule applied: the preset's or the request's, with the threshold base
   * taken from the totals.
   */
  'rule'?: (_mandate_seats_v1_Rule | null);
  /**
   * The preset applied, `presets/{preset}`: the request's, or the contest's
   * `seat_preset` when the request named no rule; empty with a rule.
   */
  'preset'?: (string);
  /**
   * The legal base of the threshold percentage: the contest's share base in
   * these totals (its valid votes, or all ballots cast including invalid
   * ones, as the contest defines); int64, so a string in JSON.
   */
  'thresholdBase'?: (number | string | Long);
  /**
   * Which protocol quantity threshold_base is the sum of.
   */
  'thresholdBaseRole'?: (_mandate_tally_v1_LineRole);
  /**
   * The results version of the totals; pass it as since_version to resume a
   * watch.
   */
  'resultsVersion'?: (number | string | Long);
  /**
   * Phase of the contest's results.
   */
  'status'?: (_mandate_tally_v1_ResultStatus);
  /**
   * Stations under the unit whose protocol is counted.
   */
  'stationsReporting'?: (number | string | Long);
  /**
   * All stations under the unit.
   */
  'stationsTotal'?: (number | string | Long);
  /**
   * Share of the unit's registered voters whose stations have reported.
   */
  'registeredReporting'?: (_mandate_tally_v1_Ratio | null);
  /**
   * Whether the seats are a projection from a partial count: some stations
   * have not reported and the results are not certified.
   */
  'projection'?: (boolean);
  /**
   * What the allocation stands for, in words, e.g. "Projection from 29 of 48
   * stations (60.42 %) ...".
   */
  'note'?: (string);
  /**
   * When the tally generated the totals, to the second.
   */
  'totalsGenerateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When the seats were allocated.
   */
  'generateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * The signed checkpoint of the tally's log the totals were computed from:
   * its entries are exactly the changes up to results_version, so anyone
   * can recompute the totals, and then these seats, from that log.
   */
  'checkpoint'?: (_mandate_tally_v1_Checkpoint | null);
  /**
   * A district contest: the seats per district and per list and in total,
   * all from the totals of one results version. `totals` is then the
   * election's root totals and the station counts are the districts' sums.
   */
  'chamberAllocation'?: (_mandate_seats_v1_ChamberAllocation | null);
  /**
   * A district contest: the totals of each district, in request order.
   */
  'districtTotals'?: (string)[];
  /**
   * A district contest: the chamber rule applied.
   */
  'chamberRule'?: (_mandate_seats_v1_ChamberRule | null);
}

/**
 * The seats of a contest allocated from the tally's current totals of one
 * reporting unit, with what those totals are: their results version, phase
 * and how much of the count they cover. The seats service computes it on
 * every request and stores nothing.
 */
export interface ContestAllocation__Output {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'contest': (string);
  /**
   * The totals the seats are allocated from,
   * `elections/{election}/contests/{contest}/totals/{unit}`.
   */
  'totals': (string);
  /**
   * Human-readable name of the reporting unit.
   */
  'unitDisplayName': (string);
  /**
   * The explained allocation, one party per choice of the contest in ballot
   * order. Absent while no votes are counted (a watch says so in note).
   */
  'allocation': (_mandate_seats_v1_Allocation__Output | null);
  /**
   * The rule applied: the preset's or the request's, with the threshold base
   * taken from the totals.
   */
  'rule': (_mandate_seats_v1_Rule__Output | null);
  /**
   * The preset applied, `presets/{preset}`: the request's, or the contest's
   * `seat_preset` when the request named no rule; empty with a rule.
   */
  'preset': (string);
  /**
   * The legal base of the threshold percentage: the contest's share base in
   * these totals (its valid votes, or all ballots cast including invalid
   * ones, as the contest defines); int64, so a string in JSON.
   */
  'thresholdBase': (string);
  /**
   * Which protocol quantity threshold_base is the sum of.
   */
  'thresholdBaseRole': (_mandate_tally_v1_LineRole__Output);
  /**
   * The results version of the totals; pass it as since_version to resume a
   * watch.
   */
  'resultsVersion': (string);
  /**
   * Phase of the contest's results.
   */
  'status': (_mandate_tally_v1_ResultStatus__Output);
  /**
   * Stations under the unit whose protocol is counted.
   */
  'stationsReporting': (string);
  /**
   * All stations under the unit.
   */
  'stationsTotal': (string);
  /**
   * Share of the unit's registered voters whose stations have reported.
   */
  'registeredReporting': (_mandate_tally_v1_Ratio__Output | null);
  /**
   * Whether the seats are a projection from a partial count: some stations
   * have not reported and the results are not certified.
   */
  'projection': (boolean);
  /**
   * What the allocation stands for, in words, e.g. "Projection from 29 of 48
   * stations (60.42 %) ...".
   */
  'note': (string);
  /**
   * When the tally generated the totals, to the second.
   */
  'totalsGenerateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the seats were allocated.
   */
  'generateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * The signed checkpoint of the tally's log the totals were computed from:
   * its entries are exactly the changes up to results_version, so anyone
   * can recompute the totals, and then these seats, from that log.
   */
  'checkpoint': (_mandate_tally_v1_Checkpoint__Output | null);
  /**
   * A district contest: the seats per district and per list and in total,
   * all from the totals of one results version. `totals` is then the
   * election's root totals and the station counts are the districts' sums.
   */
  'chamberAllocation': (_mandate_seats_v1_ChamberAllocation__Output | null);
  /**
   * A district contest: the totals of each district, in request order.
   */
  'districtTotals': (string)[];
  /**
   * A district contest: the chamber rule applied.
   */
  'chamberRule': (_mandate_seats_v1_ChamberRule__Output | null);
}
