// Original file: mandate/tally/v1/tally_service.proto

import type { ProtocolRow as _mandate_tally_v1_ProtocolRow, ProtocolRow__Output as _mandate_tally_v1_ProtocolRow__Output } from '../../../mandate/tally/v1/ProtocolRow';

/**
 * Protocols of one contest as rows of counts in a fixed column order. Each
 * row is handled exactly as the SubmitProtocolRequest it stands for; an
 * import rejection's index counts protocols across the whole stream.
 */
export interface ProtocolRows {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent'?: (string);
  /**
   * What each count is: `lines.{line id}` or `votes.{choice id}`, in the
   * order of every row's counts.
   */
  'columns'?: (string)[];
  /**
   * The rows.
   */
  'rows'?: (_mandate_tally_v1_ProtocolRow)[];
}

/**
 * Protocols of one contest as rows of counts in a fixed column order. Each
 * row is handled exactly as the SubmitProtocolRequest it stands for; an
 * import rejection's index counts protocols across the whole stream.
 */
export interface ProtocolRows__Output {
  /**
   * The contest, `elections/{election}/contests/{contest}`.
   */
  'parent': (string);
  /**
   * What each count is: `lines.{line id}` or `votes.{choice id}`, in the
   * order of every row's counts.
   */
  'columns': (string)[];
  /**
   * The rows.
   */
  'rows': (_mandate_tally_v1_ProtocolRow__Output)[];
}
