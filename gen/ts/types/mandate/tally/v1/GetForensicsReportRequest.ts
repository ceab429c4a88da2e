// Original file: mandate/tally/v1/tally_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of GetForensicsReport. Besides the name it carries only the
 * parameters of the computation, all optional.
 */
export interface GetForensicsReportRequest {
  /**
   * Name of the report,
   * `elections/{election}/contests/{contest}/forensicsReports/{unit}`.
   */
  'name'?: (string);
  /**
   * Monte-Carlo replicates of the integer test's null model; default 1000,
   * at most 100000.
   */
  'replicates'?: (number);
  /**
   * Seed of the replicates: the same seed on the same protocols gives the
   * same report. Zero is a seed like any other (the default).
   */
  'seed'?: (number | string | Long);
}

/**
 * Request of GetForensicsReport. Besides the name it carries only the
 * parameters of the computation, all optional.
 */
export interface GetForensicsReportRequest__Output {
  /**
   * Name of the report,
   * `elections/{election}/contests/{contest}/forensicsReports/{unit}`.
   */
  'name': (string);
  /**
   * Monte-Carlo replicates of the integer test's null model; default 1000,
   * at most 100000.
   */
  'replicates': (number);
  /**
   * Seed of the replicates: the same seed on the same protocols gives the
   * same report. Zero is a seed like any other (the default).
   */
  'seed': (string);
}
