// Original file: mandate/tally/v1/tally_service.proto

import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from '../../../mandate/tally/v1/ReportingUnit';

/**
 * Response of ListReportingUnits.
 */
export interface ListReportingUnitsResponse {
  /**
   * The units, ordered by id.
   */
  'reportingUnits'?: (_mandate_tally_v1_ReportingUnit)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListReportingUnits.
 */
export interface ListReportingUnitsResponse__Output {
  /**
   * The units, ordered by id.
   */
  'reportingUnits': (_mandate_tally_v1_ReportingUnit__Output)[];
  /**
   * Token for the next page; empty on the last.
   */
  'nextPageToken': (string);
}
