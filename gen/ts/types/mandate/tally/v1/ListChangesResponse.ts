// Original file: mandate/tally/v1/tally_service.proto

import type { Change as _mandate_tally_v1_Change, Change__Output as _mandate_tally_v1_Change__Output } from '../../../mandate/tally/v1/Change';
import type { Totals as _mandate_tally_v1_Totals, Totals__Output as _mandate_tally_v1_Totals__Output } from '../../../mandate/tally/v1/Totals';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of ListChanges.
 */
export interface ListChangesResponse {
  /**
   * The changes under the unit after since_version, oldest first.
   */
  'changes'?: (_mandate_tally_v1_Change)[];
  /**
   * The current totals. They include every change returned and possibly
   * later ones (listed by the next call); results are never rewound.
   */
  'totals'?: (_mandate_tally_v1_Totals | null);
  /**
   * Pass this as since_version next time (like the AP API's nextrequest).
   */
  'nextSinceVersion'?: (number | string | Long);
  /**
   * Whether more changes remain beyond page_size.
   */
  'more'?: (boolean);
}

/**
 * Response of ListChanges.
 */
export interface ListChangesResponse__Output {
  /**
   * The changes under the unit after since_version, oldest first.
   */
  'changes': (_mandate_tally_v1_Change__Output)[];
  /**
   * The current totals. They include every change returned and possibly
   * later ones (listed by the next call); results are never rewound.
   */
  'totals': (_mandate_tally_v1_Totals__Output | null);
  /**
   * Pass this as since_version next time (like the AP API's nextrequest).
   */
  'nextSinceVersion': (string);
  /**
   * Whether more changes remain beyond page_size.
   */
  'more': (boolean);
}
