// Original file: mandate/tally/v1/tally_service.proto

import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from '../../../mandate/tally/v1/ReportingUnit';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of BatchCreateReportingUnits.
 */
export interface BatchCreateReportingUnitsResponse {
  /**
   * The units as stored.
   */
  'units'?: (_mandate_tally_v1_ReportingUnit)[];
  /**
   * How many of the units this call created; the others existed already
   * with the same content (a retry, or an importer sending every unit it
   * meets).
   */
  'createdCount'?: (number);
  /**
   * The results version of the change the created units are (0 when the
   * call created none): a client watching the totals sees it there.
   */
  'resultsVersion'?: (number | string | Long);
}

/**
 * Response of BatchCreateReportingUnits.
 */
export interface BatchCreateReportingUnitsResponse__Output {
  /**
   * The units as stored.
   */
  'units': (_mandate_tally_v1_ReportingUnit__Output)[];
  /**
   * How many of the units this call created; the others existed already
   * with the same content (a retry, or an importer sending every unit it
   * meets).
   */
  'createdCount': (number);
  /**
   * The results version of the change the created units are (0 when the
   * call created none): a client watching the totals sees it there.
   */
  'resultsVersion': (string);
}
