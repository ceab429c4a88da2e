// Original file: mandate/tally/v1/tally_service.proto

import type { SubmitProtocolRequest as _mandate_tally_v1_SubmitProtocolRequest, SubmitProtocolRequest__Output as _mandate_tally_v1_SubmitProtocolRequest__Output } from '../../../mandate/tally/v1/SubmitProtocolRequest';
import type { ProtocolRows as _mandate_tally_v1_ProtocolRows, ProtocolRows__Output as _mandate_tally_v1_ProtocolRows__Output } from '../../../mandate/tally/v1/ProtocolRows';

/**
 * One message of ImportProtocols: one protocol, or a batch of rows.
 */
export interface ImportProtocolsRequest {
  /**
   * The protocol, exactly as SubmitProtocol takes it. Set this or rows.
   */
  'protocol'?: (_mandate_tally_v1_SubmitProtocolRequest | null);
  /**
   * Many protocols of one contest in a compact form: the bulk loader's
   * choice, several times cheaper to encode and decode than maps.
   */
  'rows'?: (_mandate_tally_v1_ProtocolRows | null);
}

/**
 * One message of ImportProtocols: one protocol, or a batch of rows.
 */
export interface ImportProtocolsRequest__Output {
  /**
   * The protocol, exactly as SubmitProtocol takes it. Set this or rows.
   */
  'protocol': (_mandate_tally_v1_SubmitProtocolRequest__Output | null);
  /**
   * Many protocols of one contest in a compact form: the bulk loader's
   * choice, several times cheaper to encode and decode than maps.
   */
  'rows': (_mandate_tally_v1_ProtocolRows__Output | null);
}
