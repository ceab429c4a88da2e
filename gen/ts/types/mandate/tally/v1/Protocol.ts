// Original file: mandate/tally/v1/protocol.proto

import type { ProtocolVersion as _mandate_tally_v1_ProtocolVersion, ProtocolVersion__Output as _mandate_tally_v1_ProtocolVersion__Output } from '../../../mandate/tally/v1/ProtocolVersion';

/**
 * The protocol of one polling station for one contest, with every version it
 * has had. A correction adds a version; nothing is overwritten.
 */
export interface Protocol {
  /**
   * Resource name, `elections/{election}/contests/{contest}/protocols/{unit}`
   * where `{unit}` is the polling station's unit id.
   */
  'name'?: (string);
  /**
   * Resource name of the polling station, `elections/{election}/units/{unit}`.
   */
  'station'?: (string);
  /**
   * The version that counts in the totals.
   */
  'current'?: (_mandate_tally_v1_ProtocolVersion | null);
  /**
   * Every version, oldest first; filled by GetProtocol, empty in lists.
   */
  'versions'?: (_mandate_tally_v1_ProtocolVersion)[];
}

/**
 * The protocol of one polling station for one contest, with every version it
 * has had. A correction adds a version; nothing is overwritten.
 */
export interface Protocol__Output {
  /**
   * Resource name, `elections/{election}/contests/{contest}/protocols/{unit}`
   * where `{unit}` is the polling station's unit id.
   */
  'name': (string);
  /**
   * Resource name of the polling station, `elections/{election}/units/{unit}`.
   */
  'station': (string);
  /**
   * The version that counts in the totals.
   */
  'current': (_mandate_tally_v1_ProtocolVersion__Output | null);
  /**
   * Every version, oldest first; filled by GetProtocol, empty in lists.
   */
  'versions': (_mandate_tally_v1_ProtocolVersion__Output)[];
}
