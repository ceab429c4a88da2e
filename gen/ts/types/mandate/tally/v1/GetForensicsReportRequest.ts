// Original file: mandate/tally/v1/tally_service.proto

import type { IntegerRule as _mandate_tally_v1_IntegerRule, IntegerRule__Output as _mandate_tally_v1_IntegerRule__Output } from '../../../mandate/tally/v1/IntegerRule';
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
  /**
   * Inclusion rule of the integer-percentage test; unspecified means
   * INTEGER_RULE_PUBLISHED, the rule of the paper the test is named after.
   */
  'integerRule'?: (_mandate_tally_v1_IntegerRule);
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
  /**
   * Inclusion rule of the integer-percentage test; unspecified means
   * INTEGER_RULE_PUBLISHED, the rule of the paper the test is named after.
   */
  'integerRule': (_mandate_tally_v1_IntegerRule__Output);
}
