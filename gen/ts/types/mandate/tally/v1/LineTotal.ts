// Original file: mandate/tally/v1/totals.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The sum of one protocol line over the reporting stations of a unit.
 */
export interface LineTotal {
  /**
   * The line id of the form.
   */
  'line'?: (string);
  /**
   * The line's number on the paper protocol, when it has one.
   */
  'number'?: (string);
  /**
   * The line's name as printed on the protocol.
   */
  'displayName'?: (string);
  /**
   * The sum; int64, so a string in JSON.
   */
  'value'?: (number | string | Long);
}

/**
 * The sum of one protocol line over the reporting stations of a unit.
 */
export interface LineTotal__Output {
  /**
   * The line id of the form.
   */
  'line': (string);
  /**
   * The line's number on the paper protocol, when it has one.
   */
  'number': (string);
  /**
   * The line's name as printed on the protocol.
   */
  'displayName': (string);
  /**
   * The sum; int64, so a string in JSON.
   */
  'value': (string);
}
