// Original file: mandate/tally/v1/tally_service.proto

import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from '../../../mandate/tally/v1/ReportingUnit';

/**
 * Request of BatchCreateReportingUnits.
 */
export interface BatchCreateReportingUnitsRequest {
  /**
   * The election, `elections/{election}`.
   */
  'parent'?: (string);
  /**
   * The units, each parent before its children; names must be under parent.
   */
  'units'?: (_mandate_tally_v1_ReportingUnit)[];
}

/**
 * Request of BatchCreateReportingUnits.
 */
export interface BatchCreateReportingUnitsRequest__Output {
  /**
   * The election, `elections/{election}`.
   */
  'parent': (string);
  /**
   * The units, each parent before its children; names must be under parent.
   */
  'units': (_mandate_tally_v1_ReportingUnit__Output)[];
}
