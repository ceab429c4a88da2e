// Original file: mandate/tally/v1/election.proto

import type { ProtocolLine as _mandate_tally_v1_ProtocolLine, ProtocolLine__Output as _mandate_tally_v1_ProtocolLine__Output } from '../../../mandate/tally/v1/ProtocolLine';
import type { ControlRelation as _mandate_tally_v1_ControlRelation, ControlRelation__Output as _mandate_tally_v1_ControlRelation__Output } from '../../../mandate/tally/v1/ControlRelation';
import type { LineRole as _mandate_tally_v1_LineRole, LineRole__Output as _mandate_tally_v1_LineRole__Output } from '../../../mandate/tally/v1/LineRole';

/**
 * The form of a polling-station protocol: numbered lines and the relations that
 * the election law requires between them.
 */
export interface ProtocolForm {
  /**
   * Stable identifier of the form, e.g. `ru-duma-2016-party-list`.
   */
  'id'?: (string);
  /**
   * The numbered lines of the protocol other than the votes per choice.
   */
  'lines'?: (_mandate_tally_v1_ProtocolLine)[];
  /**
   * Control relations checked on every submitted protocol.
   */
  'relations'?: (_mandate_tally_v1_ControlRelation)[];
  /**
   * The turnout the form's law defines, over the registered voters: which
   * quantity counts the voters who took part, `LINE_ROLE_BALLOTS_ISSUED`
   * (Russia: ballots issued, lines 3+4+5) or `LINE_ROLE_BALLOTS_CAST`
   * (ballots found in the boxes); a line must play it. Unset in a request:
   * ballots issued when a line plays that role, else ballots cast; responses
   * always state it. Totals, forensics and the page all use this one turnout.
   */
  'turnoutNumerator'?: (_mandate_tally_v1_LineRole);
  /**
   * When true, a protocol's registered voters (the sum of the lines playing
   * `LINE_ROLE_REGISTERED`) may not exceed the registered voters of its
   * station's unit (`ReportingUnit.registered_voters`, when it is known,
   * i.e. above 0): such a protocol is refused with `REGISTERED_ABOVE_UNIT`
   * naming the line. For laws whose voter lists are closed before the
   * count; where voters may be added on the day, leave it false.
   */
  'registeredWithinUnit'?: (boolean);
}

/**
 * The form of a polling-station protocol: numbered lines and the relations that
 * the election law requires between them.
 */
export interface ProtocolForm__Output {
  /**
   * Stable identifier of the form, e.g. `ru-duma-2016-party-list`.
   */
  'id': (string);
  /**
   * The numbered lines of the protocol other than the votes per choice.
   */
  'lines': (_mandate_tally_v1_ProtocolLine__Output)[];
  /**
   * Control relations checked on every submitted protocol.
   */
  'relations': (_mandate_tally_v1_ControlRelation__Output)[];
  /**
   * The turnout the form's law defines, over the registered voters: which
   * quantity counts the voters who took part, `LINE_ROLE_BALLOTS_ISSUED`
   * (Russia: ballots issued, lines 3+4+5) or `LINE_ROLE_BALLOTS_CAST`
   * (ballots found in the boxes); a line must play it. Unset in a request:
   * ballots issued when a line plays that role, else ballots cast; responses
   * always state it. Totals, forensics and the page all use this one turnout.
   */
  'turnoutNumerator': (_mandate_tally_v1_LineRole__Output);
  /**
   * When true, a protocol's registered voters (the sum of the lines playing
   * `LINE_ROLE_REGISTERED`) may not exceed the registered voters of its
   * station's unit (`ReportingUnit.registered_voters`, when it is known,
   * i.e. above 0): such a protocol is refused with `REGISTERED_ABOVE_UNIT`
   * naming the line. For laws whose voter lists are closed before the
   * count; where voters may be added on the day, leave it false.
   */
  'registeredWithinUnit': (boolean);
}
