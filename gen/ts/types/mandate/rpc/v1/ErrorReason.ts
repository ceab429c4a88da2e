// Original file: mandate/rpc/v1/error_reason.proto

/**
 * ErrorReason lists every `reason` of the `google.rpc.ErrorInfo` that each
 * error of the Mandate APIs carries (exactly one, domain `mandate.dev`).
 * Following AIP-193, a value's name is the reason string itself, so a client
 * matches `ErrorInfo.reason` against these names and never against the
 * message. A broken control relation of an election's form reports
 * CONTROL_RELATION_BROKEN here and the relation's own code (defined by the
 * election, not by the API) as the BadRequest field violation's reason.
 * 
 * The values are not prefixed with the enum's name: the reason strings are
 * the contract, and this file is its only content (see docs/decisions.md).
 */
export const ErrorReason = {
  /**
   * Never sent.
   */
  ERROR_REASON_UNSPECIFIED: 'ERROR_REASON_UNSPECIFIED',
  /**
   * INTERNAL: a bug; the cause is logged with the request id, never sent.
   */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /**
   * CANCELLED: the caller cancelled the call.
   */
  REQUEST_CANCELLED: 'REQUEST_CANCELLED',
  /**
   * DEADLINE_EXCEEDED: the call's deadline passed before it finished.
   */
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  /**
   * UNAVAILABLE: the server is stopping; reconnect and resume.
   */
  SERVER_STOPPING: 'SERVER_STOPPING',
  /**
   * UNAVAILABLE: a service does not answer (the gateway's or a daemon's
   * own backend).
   */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /**
   * RESOURCE_EXHAUSTED: load shedding (in-flight or per-caller rate bound).
   */
  OVERLOADED: 'OVERLOADED',
  /**
   * UNIMPLEMENTED: no such RPC.
   */
  METHOD_NOT_FOUND: 'METHOD_NOT_FOUND',
  /**
   * INVALID_ARGUMENT: a request without a more specific reason.
   */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /**
   * INVALID_ARGUMENT: a string field holds invalid UTF-8 (the field is named).
   */
  INVALID_UTF8: 'INVALID_UTF8',
  /**
   * INVALID_ARGUMENT: the request message is not valid protobuf.
   */
  INVALID_PROTOBUF: 'INVALID_PROTOBUF',
  /**
   * INVALID_ARGUMENT: a text field holds a NUL or another control character.
   */
  CONTROL_CHARACTER: 'CONTROL_CHARACTER',
  /**
   * INVALID_ARGUMENT: a text field is longer than its documented maximum.
   */
  TOO_LONG: 'TOO_LONG',
  /**
   * INVALID_ARGUMENT: a required field is empty.
   */
  REQUIRED: 'REQUIRED',
  /**
   * INVALID_ARGUMENT: exactly one of the named fields must be set.
   */
  ONE_OF: 'ONE_OF',
  /**
   * INVALID_ARGUMENT: a value is outside its documented range.
   */
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  /**
   * INVALID_ARGUMENT: a page token this server did not issue.
   */
  INVALID_PAGE_TOKEN: 'INVALID_PAGE_TOKEN',
  /**
   * INVALID_ARGUMENT: a negative page size.
   */
  NEGATIVE_PAGE_SIZE: 'NEGATIVE_PAGE_SIZE',
  /**
   * INVALID_ARGUMENT: a resource name of the wrong shape.
   */
  INVALID_RESOURCE_NAME: 'INVALID_RESOURCE_NAME',
  /**
   * UNAUTHENTICATED: the call needs a bearer token and has none.
   */
  TOKEN_MISSING: 'TOKEN_MISSING',
  /**
   * UNAUTHENTICATED: the token is forged, expired or unknown.
   */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /**
   * PERMISSION_DENIED: the token's role may not make this call.
   */
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  /**
   * PERMISSION_DENIED: the target is outside the token's election or units.
   */
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  /**
   * PERMISSION_DENIED: the method has no access rule (refused by default).
   */
  NO_ACCESS_RULE: 'NO_ACCESS_RULE',
  /**
   * 400: the body is not one JSON value of the request's shape (syntax,
   * comments, raw control characters, trailing data, a form-encoded body, a
   * wrong type, an unknown field or enum name, invalid UTF-8); the field is
   * named when there is one.
   */
  INVALID_JSON: 'INVALID_JSON',
  /**
   * 400: a query parameter does not parse as its field's type.
   */
  INVALID_QUERY_PARAMETER: 'INVALID_QUERY_PARAMETER',
  /**
   * 400: the request body could not be read.
   */
  BODY_UNREADABLE: 'BODY_UNREADABLE',
  /**
   * 413: the request body is larger than the gateway accepts.
   */
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  /**
   * 404: no route has this path.
   */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /**
   * 405: the path exists with other HTTP methods (listed in `Allow`).
   */
  HTTP_METHOD_NOT_ALLOWED: 'HTTP_METHOD_NOT_ALLOWED',
  /**
   * 400: the URL's path or query is not valid UTF-8 after unescaping.
   */
  INVALID_URL: 'INVALID_URL',
  /**
   * NOT_FOUND: no such election (ResourceInfo tally.mandate.dev/Election).
   */
  ELECTION_NOT_FOUND: 'ELECTION_NOT_FOUND',
  /**
   * NOT_FOUND: no such contest (tally.mandate.dev/Contest).
   */
  CONTEST_NOT_FOUND: 'CONTEST_NOT_FOUND',
  /**
   * NOT_FOUND: no such reporting unit (tally.mandate.dev/ReportingUnit).
   */
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  /**
   * NOT_FOUND: the station has no protocol (tally.mandate.dev/Protocol).
   */
  PROTOCOL_NOT_FOUND: 'PROTOCOL_NOT_FOUND',
  /**
   * NOT_FOUND: no totals for that name (tally.mandate.dev/Totals).
   */
  TOTALS_NOT_FOUND: 'TOTALS_NOT_FOUND',
  /**
   * NOT_FOUND: no log entry at that index (tally.mandate.dev/Checkpoint).
   */
  LOG_ENTRY_NOT_FOUND: 'LOG_ENTRY_NOT_FOUND',
  /**
   * ALREADY_EXISTS: a different resource with this identity exists (a
   * second original protocol, an election or unit with other content).
   */
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /**
   * ALREADY_EXISTS: a request id reused with other content.
   */
  REQUEST_ID_REUSED: 'REQUEST_ID_REUSED',
  /**
   * ABORTED: a correction names a version that is no longer current.
   */
  STALE_VERSION: 'STALE_VERSION',
  /**
   * FAILED_PRECONDITION: the contest is certified; open a correction or a
   * recount first.
   */
  CONTEST_CERTIFIED: 'CONTEST_CERTIFIED',
  /**
   * FAILED_PRECONDITION: a recount protocol while no recount is open.
   */
  RECOUNT_NOT_OPEN: 'RECOUNT_NOT_OPEN',
  /**
   * FAILED_PRECONDITION: the contest is already in the requested phase.
   */
  PHASE_UNCHANGED: 'PHASE_UNCHANGED',
  /**
   * FAILED_PRECONDITION: the election's log is empty (defined before the
   * log existed).
   */
  LOG_EMPTY: 'LOG_EMPTY',
  /**
   * INVALID_ARGUMENT: a protocol breaks one or more control relations of
   * its form; each violation's reason is the relation's own code.
   */
  CONTROL_RELATION_BROKEN: 'CONTROL_RELATION_BROKEN',
  /**
   * INVALID_ARGUMENT: a submission kind that is not known.
   */
  UNKNOWN_KIND: 'UNKNOWN_KIND',
  /**
   * INVALID_ARGUMENT: a phase that is not known.
   */
  INVALID_PHASE: 'INVALID_PHASE',
  /**
   * INVALID_ARGUMENT: an import column that is not a line or a choice.
   */
  INVALID_COLUMN: 'INVALID_COLUMN',
  /**
   * INVALID_ARGUMENT: the counts of an import row do not add up.
   */
  COUNTS_MISMATCH: 'COUNTS_MISMATCH',
  /**
   * FAILED_PRECONDITION: a correction or recount of a station that has no
   * protocol; submit an original first (retrying cannot help).
   */
  NOTHING_TO_CORRECT: 'NOTHING_TO_CORRECT',
  /**
   * An id that is not a valid identifier.
   */
  INVALID_ID: 'INVALID_ID',
  /**
   * Two items with one id.
   */
  DUPLICATE_ID: 'DUPLICATE_ID',
  /**
   * An id that matches two items.
   */
  AMBIGUOUS_ID: 'AMBIGUOUS_ID',
  /**
   * A code that is not valid.
   */
  INVALID_CODE: 'INVALID_CODE',
  /**
   * Two items with one code.
   */
  DUPLICATE_CODE: 'DUPLICATE_CODE',
  /**
   * A color that is not `#rrggbb`.
   */
  INVALID_COLOR: 'INVALID_COLOR',
  /**
   * A date that is not `YYYY-MM-DD`.
   */
  INVALID_DATE: 'INVALID_DATE',
  /**
   * A contest or unit kind that is not known.
   */
  INVALID_KIND: 'INVALID_KIND',
  /**
   * A line role that is not known.
   */
  INVALID_ROLE: 'INVALID_ROLE',
  /**
   * A form without a line of a required role.
   */
  MISSING_ROLE: 'MISSING_ROLE',
  /**
   * A severity that is not known.
   */
  INVALID_SEVERITY: 'INVALID_SEVERITY',
  /**
   * A control relation's expression that does not parse.
   */
  INVALID_EXPRESSION: 'INVALID_EXPRESSION',
  /**
   * An expression naming no line or choice of the form.
   */
  UNKNOWN_IDENTIFIER: 'UNKNOWN_IDENTIFIER',
  /**
   * A ballot order that is not 1..n.
   */
  INVALID_BALLOT_ORDER: 'INVALID_BALLOT_ORDER',
  /**
   * A choice missing from the ballot order.
   */
  NOT_IN_BALLOT_ORDER: 'NOT_IN_BALLOT_ORDER',
  /**
   * A setting that does not apply to this contest kind.
   */
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  /**
   * Units must form one tree with one root.
   */
  ONE_ROOT: 'ONE_ROOT',
  /**
   * Units whose parents form a cycle.
   */
  CYCLE: 'CYCLE',
  /**
   * A unit whose parent is not defined.
   */
  UNKNOWN_PARENT: 'UNKNOWN_PARENT',
  /**
   * A unit whose parent is a polling station.
   */
  PARENT_IS_STATION: 'PARENT_IS_STATION',
  /**
   * A protocol for a unit that is not a polling station.
   */
  NOT_A_STATION: 'NOT_A_STATION',
  /**
   * A negative count.
   */
  NEGATIVE_COUNT: 'NEGATIVE_COUNT',
  /**
   * A line the form does not have.
   */
  UNKNOWN_LINE: 'UNKNOWN_LINE',
  /**
   * A line of the form that the protocol lacks.
   */
  MISSING_LINE: 'MISSING_LINE',
  /**
   * A choice the contest does not have.
   */
  UNKNOWN_CHOICE: 'UNKNOWN_CHOICE',
  /**
   * A choice of the contest that the protocol lacks.
   */
  MISSING_CHOICE: 'MISSING_CHOICE',
  /**
   * An original protocol that names a version it replaces.
   */
  ORIGINAL_REPLACES: 'ORIGINAL_REPLACES',
  /**
   * NOT_FOUND: no such preset (seats.mandate.dev/Preset); the message
   * suggests the nearest preset id.
   */
  PRESET_NOT_FOUND: 'PRESET_NOT_FOUND',
  /**
   * FAILED_PRECONDITION: this seats server has no tally.
   */
  NO_TALLY: 'NO_TALLY',
  /**
   * UNAVAILABLE: the seats server cannot reach the tally.
   */
  TALLY_UNAVAILABLE: 'TALLY_UNAVAILABLE',
  /**
   * FAILED_PRECONDITION: nothing is counted yet.
   */
  NO_VOTES_COUNTED: 'NO_VOTES_COUNTED',
  /**
   * FAILED_PRECONDITION: the election has no reporting units.
   */
  NO_REPORTING_UNITS: 'NO_REPORTING_UNITS',
  /**
   * FAILED_PRECONDITION: the votes give no distribution of seats.
   */
  NO_DISTRIBUTION: 'NO_DISTRIBUTION',
  /**
   * A unit or station of another election than the contest or parent named.
   */
  OTHER_ELECTION: 'OTHER_ELECTION',
  /**
   * A rule or a preset is required (for a live contest: neither was given
   * and the contest names no `seat_preset`).
   */
  RULE_REQUIRED: 'RULE_REQUIRED',
  /**
   * A rule and a preset together.
   */
  RULE_AND_PRESET: 'RULE_AND_PRESET',
  /**
   * A negative version.
   */
  NEGATIVE_VERSION: 'NEGATIVE_VERSION',
  /**
   * A base taken from the totals cannot be set too.
   */
  BASE_FROM_TOTALS: 'BASE_FROM_TOTALS',
  /**
   * A base without a preset.
   */
  BASE_WITHOUT_PRESET: 'BASE_WITHOUT_PRESET',
  /**
   * A name of the wrong shape.
   */
  BAD_NAME: 'BAD_NAME',
  /**
   * A page token this server did not issue.
   */
  BAD_PAGE_TOKEN: 'BAD_PAGE_TOKEN',
  /**
   * A preset id that is not known.
   */
  UNKNOWN_PRESET: 'UNKNOWN_PRESET',
  /**
   * A method that is not known.
   */
  UNKNOWN_METHOD: 'UNKNOWN_METHOD',
  /**
   * A tie rule that is not known.
   */
  UNKNOWN_TIE_RULE: 'UNKNOWN_TIE_RULE',
  /**
   * A decimal that does not parse.
   */
  BAD_DECIMAL: 'BAD_DECIMAL',
  /**
   * No method.
   */
  METHOD_UNSPECIFIED: 'METHOD_UNSPECIFIED',
  /**
   * A method this engine does not have.
   */
  METHOD_UNKNOWN: 'METHOD_UNKNOWN',
  /**
   * A tie rule this engine does not have.
   */
  TIE_RULE_UNKNOWN: 'TIE_RULE_UNKNOWN',
  /**
   * Seats must be positive.
   */
  SEATS_NOT_POSITIVE: 'SEATS_NOT_POSITIVE',
  /**
   * More seats than the engine allocates.
   */
  TOO_MANY_SEATS: 'TOO_MANY_SEATS',
  /**
   * More parties than the engine allocates.
   */
  TOO_MANY_PARTIES: 'TOO_MANY_PARTIES',
  /**
   * No parties.
   */
  NO_PARTIES: 'NO_PARTIES',
  /**
   * A party without an id.
   */
  ID_REQUIRED: 'ID_REQUIRED',
  /**
   * Two parties with one id.
   */
  DUPLICATE_PARTY_ID: 'DUPLICATE_PARTY_ID',
  /**
   * Negative votes.
   */
  NEGATIVE_VOTES: 'NEGATIVE_VOTES',
  /**
   * No votes at all.
   */
  NO_VOTES: 'NO_VOTES',
  /**
   * Total votes above the engine's bound.
   */
  TOTAL_VOTES_TOO_LARGE: 'TOTAL_VOTES_TOO_LARGE',
  /**
   * No party reaches the threshold.
   */
  NO_PARTY_QUALIFIES: 'NO_PARTY_QUALIFIES',
  /**
   * An empty threshold.
   */
  THRESHOLD_EMPTY: 'THRESHOLD_EMPTY',
  /**
   * A negative threshold.
   */
  THRESHOLD_NEGATIVE: 'THRESHOLD_NEGATIVE',
  /**
   * A threshold above 100 %.
   */
  THRESHOLD_OVER_100: 'THRESHOLD_OVER_100',
  /**
   * A negative threshold in votes.
   */
  NEGATIVE_THRESHOLD_VOTES: 'NEGATIVE_THRESHOLD_VOTES',
  /**
   * A negative number of reserved seats.
   */
  NEGATIVE_RESERVED: 'NEGATIVE_RESERVED',
  /**
   * A negative minimum of seats.
   */
  NEGATIVE_MIN_SEATS: 'NEGATIVE_MIN_SEATS',
  /**
   * A negative maximum of seats.
   */
  NEGATIVE_MAX_SEATS: 'NEGATIVE_MAX_SEATS',
  /**
   * A maximum below the minimum.
   */
  MAX_BELOW_MIN: 'MAX_BELOW_MIN',
  /**
   * Minimums above the seats.
   */
  MIN_SEATS_EXCEED_SEATS: 'MIN_SEATS_EXCEED_SEATS',
  /**
   * A negative number of district wins.
   */
  NEGATIVE_DISTRICT_WINS: 'NEGATIVE_DISTRICT_WINS',
  /**
   * More district wins than seats.
   */
  DISTRICT_WINS_EXCEED_SEATS: 'DISTRICT_WINS_EXCEED_SEATS',
  /**
   * More district wins than the engine allows.
   */
  TOO_MANY_DISTRICT_WINS: 'TOO_MANY_DISTRICT_WINS',
  /**
   * A negative quota base.
   */
  NEGATIVE_BASE: 'NEGATIVE_BASE',
  /**
   * A quota base below the total votes.
   */
  BASE_BELOW_TOTAL_VOTES: 'BASE_BELOW_TOTAL_VOTES',
  /**
   * A quota base above the engine's bound.
   */
  BASE_TOO_LARGE: 'BASE_TOO_LARGE',
  /**
   * A negative ballot order.
   */
  NEGATIVE_BALLOT_ORDER: 'NEGATIVE_BALLOT_ORDER',
  /**
   * Two parties with one ballot order.
   */
  DUPLICATE_BALLOT_ORDER: 'DUPLICATE_BALLOT_ORDER',
  /**
   * Per-party maximums that leave fewer seats than the rule allocates.
   */
  CAPACITY_TOO_SMALL: 'CAPACITY_TOO_SMALL',
  /**
   * A first divisor where the method has none.
   */
  FIRST_DIVISOR_NOT_APPLICABLE: 'FIRST_DIVISOR_NOT_APPLICABLE',
  /**
   * A first divisor that is not positive.
   */
  FIRST_DIVISOR_NOT_POSITIVE: 'FIRST_DIVISOR_NOT_POSITIVE',
  /**
   * The method needs a first divisor.
   */
  FIRST_DIVISOR_REQUIRED: 'FIRST_DIVISOR_REQUIRED',
  /**
   * A first divisor with more digits than the engine keeps.
   */
  FIRST_DIVISOR_TOO_PRECISE: 'FIRST_DIVISOR_TOO_PRECISE',
  /**
   * A chamber's threshold base is not a count of votes the law allows.
   */
  BAD_BASE: 'BAD_BASE',
  /**
   * A single-pool threshold base was sent with a chamber request.
   */
  BASE_WITH_CHAMBER: 'BASE_WITH_CHAMBER',
  /**
   * Seats to districts: equal distribution figures tie for a seat (the law says lot).
   */
  DISTRICT_APPORTIONMENT_TIE: 'DISTRICT_APPORTIONMENT_TIE',
  /**
   * A district of a chamber has no seats.
   */
  DISTRICT_WITHOUT_SEATS: 'DISTRICT_WITHOUT_SEATS',
  /**
   * The rule family needs a divisor method here.
   */
  DIVISOR_METHOD_REQUIRED: 'DIVISOR_METHOD_REQUIRED',
  /**
   * Two districts of a chamber share an id.
   */
  DUPLICATE_DISTRICT_ID: 'DUPLICATE_DISTRICT_ID',
  /**
   * Two lists of a chamber share an id.
   */
  DUPLICATE_LIST_ID: 'DUPLICATE_LIST_ID',
  /**
   * A chamber rule without its family (independent, biproportional, leveling).
   */
  FAMILY_UNSPECIFIED: 'FAMILY_UNSPECIFIED',
  /**
   * Leveling fields were given to a family without leveling seats.
   */
  LEVELING_NOT_APPLICABLE: 'LEVELING_NOT_APPLICABLE',
  /**
   * A leveling seat could not be placed in any district with one free.
   */
  LEVELING_NOT_PLACED: 'LEVELING_NOT_PLACED',
  /**
   * The districts' leveling seats do not add up to the chamber's.
   */
  LEVELING_SEATS_MISMATCH: 'LEVELING_SEATS_MISMATCH',
  /**
   * The biproportional lower apportionment does not support this method.
   */
  LOWER_METHOD_UNSUPPORTED: 'LOWER_METHOD_UNSUPPORTED',
  /**
   * A district's area is negative.
   */
  NEGATIVE_AREA: 'NEGATIVE_AREA',
  /**
   * The area factor of the seats-to-districts rule is negative.
   */
  NEGATIVE_AREA_FACTOR: 'NEGATIVE_AREA_FACTOR',
  /**
   * A district's leveling seats are negative.
   */
  NEGATIVE_LEVELING_SEATS: 'NEGATIVE_LEVELING_SEATS',
  /**
   * A district's population is negative.
   */
  NEGATIVE_POPULATION: 'NEGATIVE_POPULATION',
  /**
   * A seat count is negative.
   */
  NEGATIVE_SEATS: 'NEGATIVE_SEATS',
  /**
   * No biproportional apportionment meets the district and list totals.
   */
  NO_BIPROPORTIONAL_SOLUTION: 'NO_BIPROPORTIONAL_SOLUTION',
  /**
   * The exact biproportional algorithm did not finish within its bound.
   */
  NO_CONVERGENCE: 'NO_CONVERGENCE',
  /**
   * A chamber without districts.
   */
  NO_DISTRICTS: 'NO_DISTRICTS',
  /**
   * Seats to districts: no seats are left once each district has its minimum.
   */
  NO_DISTRICT_SEATS_LEFT: 'NO_DISTRICT_SEATS_LEFT',
  /**
   * A chamber without lists.
   */
  NO_LISTS: 'NO_LISTS',
  /**
   * No list qualifies for the national (upper or leveling) distribution.
   */
  NO_NATIONAL_DISTRIBUTION: 'NO_NATIONAL_DISTRIBUTION',
  /**
   * A per-district override is given to a family that has none.
   */
  OVERRIDE_NOT_APPLICABLE: 'OVERRIDE_NOT_APPLICABLE',
  /**
   * Single-pool parties were sent with a chamber request.
   */
  PARTIES_WITH_CHAMBER: 'PARTIES_WITH_CHAMBER',
  /**
   * A percentage is negative.
   */
  PERCENT_NEGATIVE: 'PERCENT_NEGATIVE',
  /**
   * A percentage is above 100.
   */
  PERCENT_OVER_100: 'PERCENT_OVER_100',
  /**
   * A quorum rule sets neither a district nor a total percentage.
   */
  QUORUM_EMPTY: 'QUORUM_EMPTY',
  /**
   * The chamber's rule does not fit its districts or lists.
   */
  RULE_MISMATCH: 'RULE_MISMATCH',
  /**
   * A single-pool rule was sent with a chamber request.
   */
  RULE_WITH_CHAMBER: 'RULE_WITH_CHAMBER',
  /**
   * The districts' seats do not add up to the house.
   */
  SEATS_MISMATCH: 'SEATS_MISMATCH',
  /**
   * More list-by-district cells than a request may hold.
   */
  TOO_MANY_CELLS: 'TOO_MANY_CELLS',
  /**
   * More districts than a request may hold.
   */
  TOO_MANY_DISTRICTS: 'TOO_MANY_DISTRICTS',
  /**
   * More lists than a request may hold.
   */
  TOO_MANY_LISTS: 'TOO_MANY_LISTS',
  /**
   * A tie that the rule leaves undecided blocks the next stage.
   */
  UNDECIDED_TIE: 'UNDECIDED_TIE',
  /**
   * Votes name a district that the chamber does not have.
   */
  UNKNOWN_DISTRICT: 'UNKNOWN_DISTRICT',
  /**
   * Decimal votes where the family counts whole votes.
   */
  VOTES_NOT_INTEGER: 'VOTES_NOT_INTEGER',
  /**
   * A vote count above the engine's bound.
   */
  VOTES_TOO_LARGE: 'VOTES_TOO_LARGE',
  /**
   * An unknown weighting of the biproportional upper apportionment.
   */
  WEIGHTING_UNKNOWN: 'WEIGHTING_UNKNOWN',
  /**
   * The method needs a divisor for lists without seats.
   */
  ZERO_SEAT_DIVISOR_REQUIRED: 'ZERO_SEAT_DIVISOR_REQUIRED',
  /**
   * Votes that are not a whole or decimal number.
   */
  BAD_VOTES: 'BAD_VOTES',
  /**
   * A chamber preset was named for a single-pool request.
   */
  CHAMBER_PRESET: 'CHAMBER_PRESET',
  /**
   * An unknown chamber rule family.
   */
  FAMILY_UNKNOWN: 'FAMILY_UNKNOWN',
  /**
   * The majority base is a role that no line of the contest's form plays.
   */
  NO_LINE_FOR_ROLE: 'NO_LINE_FOR_ROLE',
  /**
   * An unknown runoff rule.
   */
  INVALID_RULE: 'INVALID_RULE',
  /**
   * A district names a unit that is not in the election's hierarchy.
   */
  UNIT_NOT_IN_HIERARCHY: 'UNIT_NOT_IN_HIERARCHY',
  /**
   * A unit is named as two districts.
   */
  DUPLICATE_DISTRICT: 'DUPLICATE_DISTRICT',
  /**
   * A unit was given beside districts (a district contest reads its
   * districts' totals).
   */
  UNIT_WITH_DISTRICTS: 'UNIT_WITH_DISTRICTS',
  /**
   * A single-pool rule was given beside districts.
   */
  RULE_WITH_DISTRICTS: 'RULE_WITH_DISTRICTS',
  /**
   * INVALID_ARGUMENT: a chamber's tiers (or a list tier's districts) do not
   * add up to its seats.
   */
  TIERS_DO_NOT_ADD_UP: 'TIERS_DO_NOT_ADD_UP',
  /**
   * FAILED_PRECONDITION: the chamber cannot be composed as defined (e.g. a
   * list tier names a preset the seats service does not know, or a tier's
   * rule refuses the tier's seats).
   */
  CHAMBER_NOT_COMPOSABLE: 'CHAMBER_NOT_COMPOSABLE',
  /**
   * INVALID_ARGUMENT: a station submitted a protocol of a single-member
   * district it does not belong to.
   */
  STATION_OUTSIDE_DISTRICT: 'STATION_OUTSIDE_DISTRICT',
  /**
   * NOT_FOUND: the election defines no chamber of that name.
   */
  CHAMBER_NOT_FOUND: 'CHAMBER_NOT_FOUND',
  /**
   * INVALID_ARGUMENT: a protocol's registered voters exceed those of its
   * station's unit, and the contest's form says they may not
   * (`ProtocolForm.registered_within_unit`).
   */
  REGISTERED_ABOVE_UNIT: 'REGISTERED_ABOVE_UNIT',
} as const;

/**
 * ErrorReason lists every `reason` of the `google.rpc.ErrorInfo` that each
 * error of the Mandate APIs carries (exactly one, domain `mandate.dev`).
 * Following AIP-193, a value's name is the reason string itself, so a client
 * matches `ErrorInfo.reason` against these names and never against the
 * message. A broken control relation of an election's form reports
 * CONTROL_RELATION_BROKEN here and the relation's own code (defined by the
 * election, not by the API) as the BadRequest field violation's reason.
 * 
 * The values are not prefixed with the enum's name: the reason strings are
 * the contract, and this file is its only content (see docs/decisions.md).
 */
export type ErrorReason =
  /**
   * Never sent.
   */
  | 'ERROR_REASON_UNSPECIFIED'
  | 0
  /**
   * INTERNAL: a bug; the cause is logged with the request id, never sent.
   */
  | 'INTERNAL_ERROR'
  | 1
  /**
   * CANCELLED: the caller cancelled the call.
   */
  | 'REQUEST_CANCELLED'
  | 2
  /**
   * DEADLINE_EXCEEDED: the call's deadline passed before it finished.
   */
  | 'DEADLINE_EXCEEDED'
  | 3
  /**
   * UNAVAILABLE: the server is stopping; reconnect and resume.
   */
  | 'SERVER_STOPPING'
  | 4
  /**
   * UNAVAILABLE: a service does not answer (the gateway's or a daemon's
   * own backend).
   */
  | 'SERVICE_UNAVAILABLE'
  | 5
  /**
   * RESOURCE_EXHAUSTED: load shedding (in-flight or per-caller rate bound).
   */
  | 'OVERLOADED'
  | 6
  /**
   * UNIMPLEMENTED: no such RPC.
   */
  | 'METHOD_NOT_FOUND'
  | 7
  /**
   * INVALID_ARGUMENT: a request without a more specific reason.
   */
  | 'INVALID_ARGUMENT'
  | 8
  /**
   * INVALID_ARGUMENT: a string field holds invalid UTF-8 (the field is named).
   */
  | 'INVALID_UTF8'
  | 9
  /**
   * INVALID_ARGUMENT: the request message is not valid protobuf.
   */
  | 'INVALID_PROTOBUF'
  | 10
  /**
   * INVALID_ARGUMENT: a text field holds a NUL or another control character.
   */
  | 'CONTROL_CHARACTER'
  | 11
  /**
   * INVALID_ARGUMENT: a text field is longer than its documented maximum.
   */
  | 'TOO_LONG'
  | 12
  /**
   * INVALID_ARGUMENT: a required field is empty.
   */
  | 'REQUIRED'
  | 13
  /**
   * INVALID_ARGUMENT: exactly one of the named fields must be set.
   */
  | 'ONE_OF'
  | 14
  /**
   * INVALID_ARGUMENT: a value is outside its documented range.
   */
  | 'OUT_OF_RANGE'
  | 15
  /**
   * INVALID_ARGUMENT: a page token this server did not issue.
   */
  | 'INVALID_PAGE_TOKEN'
  | 16
  /**
   * INVALID_ARGUMENT: a negative page size.
   */
  | 'NEGATIVE_PAGE_SIZE'
  | 17
  /**
   * INVALID_ARGUMENT: a resource name of the wrong shape.
   */
  | 'INVALID_RESOURCE_NAME'
  | 18
  /**
   * UNAUTHENTICATED: the call needs a bearer token and has none.
   */
  | 'TOKEN_MISSING'
  | 20
  /**
   * UNAUTHENTICATED: the token is forged, expired or unknown.
   */
  | 'TOKEN_INVALID'
  | 21
  /**
   * PERMISSION_DENIED: the token's role may not make this call.
   */
  | 'ROLE_NOT_ALLOWED'
  | 22
  /**
   * PERMISSION_DENIED: the target is outside the token's election or units.
   */
  | 'OUT_OF_SCOPE'
  | 23
  /**
   * PERMISSION_DENIED: the method has no access rule (refused by default).
   */
  | 'NO_ACCESS_RULE'
  | 24
  /**
   * 400: the body is not one JSON value of the request's shape (syntax,
   * comments, raw control characters, trailing data, a form-encoded body, a
   * wrong type, an unknown field or enum name, invalid UTF-8); the field is
   * named when there is one.
   */
  | 'INVALID_JSON'
  | 30
  /**
   * 400: a query parameter does not parse as its field's type.
   */
  | 'INVALID_QUERY_PARAMETER'
  | 31
  /**
   * 400: the request body could not be read.
   */
  | 'BODY_UNREADABLE'
  | 32
  /**
   * 413: the request body is larger than the gateway accepts.
   */
  | 'BODY_TOO_LARGE'
  | 33
  /**
   * 404: no route has this path.
   */
  | 'ROUTE_NOT_FOUND'
  | 35
  /**
   * 405: the path exists with other HTTP methods (listed in `Allow`).
   */
  | 'HTTP_METHOD_NOT_ALLOWED'
  | 36
  /**
   * 400: the URL's path or query is not valid UTF-8 after unescaping.
   */
  | 'INVALID_URL'
  | 37
  /**
   * NOT_FOUND: no such election (ResourceInfo tally.mandate.dev/Election).
   */
  | 'ELECTION_NOT_FOUND'
  | 40
  /**
   * NOT_FOUND: no such contest (tally.mandate.dev/Contest).
   */
  | 'CONTEST_NOT_FOUND'
  | 41
  /**
   * NOT_FOUND: no such reporting unit (tally.mandate.dev/ReportingUnit).
   */
  | 'UNIT_NOT_FOUND'
  | 42
  /**
   * NOT_FOUND: the station has no protocol (tally.mandate.dev/Protocol).
   */
  | 'PROTOCOL_NOT_FOUND'
  | 43
  /**
   * NOT_FOUND: no totals for that name (tally.mandate.dev/Totals).
   */
  | 'TOTALS_NOT_FOUND'
  | 44
  /**
   * NOT_FOUND: no log entry at that index (tally.mandate.dev/Checkpoint).
   */
  | 'LOG_ENTRY_NOT_FOUND'
  | 45
  /**
   * ALREADY_EXISTS: a different resource with this identity exists (a
   * second original protocol, an election or unit with other content).
   */
  | 'ALREADY_EXISTS'
  | 46
  /**
   * ALREADY_EXISTS: a request id reused with other content.
   */
  | 'REQUEST_ID_REUSED'
  | 47
  /**
   * ABORTED: a correction names a version that is no longer current.
   */
  | 'STALE_VERSION'
  | 48
  /**
   * FAILED_PRECONDITION: the contest is certified; open a correction or a
   * recount first.
   */
  | 'CONTEST_CERTIFIED'
  | 49
  /**
   * FAILED_PRECONDITION: a recount protocol while no recount is open.
   */
  | 'RECOUNT_NOT_OPEN'
  | 50
  /**
   * FAILED_PRECONDITION: the contest is already in the requested phase.
   */
  | 'PHASE_UNCHANGED'
  | 51
  /**
   * FAILED_PRECONDITION: the election's log is empty (defined before the
   * log existed).
   */
  | 'LOG_EMPTY'
  | 52
  /**
   * INVALID_ARGUMENT: a protocol breaks one or more control relations of
   * its form; each violation's reason is the relation's own code.
   */
  | 'CONTROL_RELATION_BROKEN'
  | 53
  /**
   * INVALID_ARGUMENT: a submission kind that is not known.
   */
  | 'UNKNOWN_KIND'
  | 54
  /**
   * INVALID_ARGUMENT: a phase that is not known.
   */
  | 'INVALID_PHASE'
  | 55
  /**
   * INVALID_ARGUMENT: an import column that is not a line or a choice.
   */
  | 'INVALID_COLUMN'
  | 56
  /**
   * INVALID_ARGUMENT: the counts of an import row do not add up.
   */
  | 'COUNTS_MISMATCH'
  | 57
  /**
   * FAILED_PRECONDITION: a correction or recount of a station that has no
   * protocol; submit an original first (retrying cannot help).
   */
  | 'NOTHING_TO_CORRECT'
  | 58
  /**
   * An id that is not a valid identifier.
   */
  | 'INVALID_ID'
  | 60
  /**
   * Two items with one id.
   */
  | 'DUPLICATE_ID'
  | 61
  /**
   * An id that matches two items.
   */
  | 'AMBIGUOUS_ID'
  | 62
  /**
   * A code that is not valid.
   */
  | 'INVALID_CODE'
  | 63
  /**
   * Two items with one code.
   */
  | 'DUPLICATE_CODE'
  | 64
  /**
   * A color that is not `#rrggbb`.
   */
  | 'INVALID_COLOR'
  | 65
  /**
   * A date that is not `YYYY-MM-DD`.
   */
  | 'INVALID_DATE'
  | 66
  /**
   * A contest or unit kind that is not known.
   */
  | 'INVALID_KIND'
  | 67
  /**
   * A line role that is not known.
   */
  | 'INVALID_ROLE'
  | 68
  /**
   * A form without a line of a required role.
   */
  | 'MISSING_ROLE'
  | 69
  /**
   * A severity that is not known.
   */
  | 'INVALID_SEVERITY'
  | 70
  /**
   * A control relation's expression that does not parse.
   */
  | 'INVALID_EXPRESSION'
  | 71
  /**
   * An expression naming no line or choice of the form.
   */
  | 'UNKNOWN_IDENTIFIER'
  | 72
  /**
   * A ballot order that is not 1..n.
   */
  | 'INVALID_BALLOT_ORDER'
  | 73
  /**
   * A choice missing from the ballot order.
   */
  | 'NOT_IN_BALLOT_ORDER'
  | 74
  /**
   * A setting that does not apply to this contest kind.
   */
  | 'NOT_APPLICABLE'
  | 75
  /**
   * Units must form one tree with one root.
   */
  | 'ONE_ROOT'
  | 76
  /**
   * Units whose parents form a cycle.
   */
  | 'CYCLE'
  | 77
  /**
   * A unit whose parent is not defined.
   */
  | 'UNKNOWN_PARENT'
  | 78
  /**
   * A unit whose parent is a polling station.
   */
  | 'PARENT_IS_STATION'
  | 79
  /**
   * A protocol for a unit that is not a polling station.
   */
  | 'NOT_A_STATION'
  | 80
  /**
   * A negative count.
   */
  | 'NEGATIVE_COUNT'
  | 81
  /**
   * A line the form does not have.
   */
  | 'UNKNOWN_LINE'
  | 82
  /**
   * A line of the form that the protocol lacks.
   */
  | 'MISSING_LINE'
  | 83
  /**
   * A choice the contest does not have.
   */
  | 'UNKNOWN_CHOICE'
  | 84
  /**
   * A choice of the contest that the protocol lacks.
   */
  | 'MISSING_CHOICE'
  | 85
  /**
   * An original protocol that names a version it replaces.
   */
  | 'ORIGINAL_REPLACES'
  | 86
  /**
   * NOT_FOUND: no such preset (seats.mandate.dev/Preset); the message
   * suggests the nearest preset id.
   */
  | 'PRESET_NOT_FOUND'
  | 100
  /**
   * FAILED_PRECONDITION: this seats server has no tally.
   */
  | 'NO_TALLY'
  | 101
  /**
   * UNAVAILABLE: the seats server cannot reach the tally.
   */
  | 'TALLY_UNAVAILABLE'
  | 102
  /**
   * FAILED_PRECONDITION: nothing is counted yet.
   */
  | 'NO_VOTES_COUNTED'
  | 103
  /**
   * FAILED_PRECONDITION: the election has no reporting units.
   */
  | 'NO_REPORTING_UNITS'
  | 104
  /**
   * FAILED_PRECONDITION: the votes give no distribution of seats.
   */
  | 'NO_DISTRIBUTION'
  | 105
  /**
   * A unit or station of another election than the contest or parent named.
   */
  | 'OTHER_ELECTION'
  | 106
  /**
   * A rule or a preset is required (for a live contest: neither was given
   * and the contest names no `seat_preset`).
   */
  | 'RULE_REQUIRED'
  | 107
  /**
   * A rule and a preset together.
   */
  | 'RULE_AND_PRESET'
  | 108
  /**
   * A negative version.
   */
  | 'NEGATIVE_VERSION'
  | 109
  /**
   * A base taken from the totals cannot be set too.
   */
  | 'BASE_FROM_TOTALS'
  | 110
  /**
   * A base without a preset.
   */
  | 'BASE_WITHOUT_PRESET'
  | 111
  /**
   * A name of the wrong shape.
   */
  | 'BAD_NAME'
  | 112
  /**
   * A page token this server did not issue.
   */
  | 'BAD_PAGE_TOKEN'
  | 113
  /**
   * A preset id that is not known.
   */
  | 'UNKNOWN_PRESET'
  | 114
  /**
   * A method that is not known.
   */
  | 'UNKNOWN_METHOD'
  | 115
  /**
   * A tie rule that is not known.
   */
  | 'UNKNOWN_TIE_RULE'
  | 116
  /**
   * A decimal that does not parse.
   */
  | 'BAD_DECIMAL'
  | 117
  /**
   * No method.
   */
  | 'METHOD_UNSPECIFIED'
  | 118
  /**
   * A method this engine does not have.
   */
  | 'METHOD_UNKNOWN'
  | 119
  /**
   * A tie rule this engine does not have.
   */
  | 'TIE_RULE_UNKNOWN'
  | 120
  /**
   * Seats must be positive.
   */
  | 'SEATS_NOT_POSITIVE'
  | 121
  /**
   * More seats than the engine allocates.
   */
  | 'TOO_MANY_SEATS'
  | 122
  /**
   * More parties than the engine allocates.
   */
  | 'TOO_MANY_PARTIES'
  | 123
  /**
   * No parties.
   */
  | 'NO_PARTIES'
  | 124
  /**
   * A party without an id.
   */
  | 'ID_REQUIRED'
  | 125
  /**
   * Two parties with one id.
   */
  | 'DUPLICATE_PARTY_ID'
  | 126
  /**
   * Negative votes.
   */
  | 'NEGATIVE_VOTES'
  | 127
  /**
   * No votes at all.
   */
  | 'NO_VOTES'
  | 128
  /**
   * Total votes above the engine's bound.
   */
  | 'TOTAL_VOTES_TOO_LARGE'
  | 129
  /**
   * No party reaches the threshold.
   */
  | 'NO_PARTY_QUALIFIES'
  | 130
  /**
   * An empty threshold.
   */
  | 'THRESHOLD_EMPTY'
  | 131
  /**
   * A negative threshold.
   */
  | 'THRESHOLD_NEGATIVE'
  | 132
  /**
   * A threshold above 100 %.
   */
  | 'THRESHOLD_OVER_100'
  | 133
  /**
   * A negative threshold in votes.
   */
  | 'NEGATIVE_THRESHOLD_VOTES'
  | 134
  /**
   * A negative number of reserved seats.
   */
  | 'NEGATIVE_RESERVED'
  | 135
  /**
   * A negative minimum of seats.
   */
  | 'NEGATIVE_MIN_SEATS'
  | 136
  /**
   * A negative maximum of seats.
   */
  | 'NEGATIVE_MAX_SEATS'
  | 137
  /**
   * A maximum below the minimum.
   */
  | 'MAX_BELOW_MIN'
  | 138
  /**
   * Minimums above the seats.
   */
  | 'MIN_SEATS_EXCEED_SEATS'
  | 139
  /**
   * A negative number of district wins.
   */
  | 'NEGATIVE_DISTRICT_WINS'
  | 140
  /**
   * More district wins than seats.
   */
  | 'DISTRICT_WINS_EXCEED_SEATS'
  | 141
  /**
   * More district wins than the engine allows.
   */
  | 'TOO_MANY_DISTRICT_WINS'
  | 142
  /**
   * A negative quota base.
   */
  | 'NEGATIVE_BASE'
  | 143
  /**
   * A quota base below the total votes.
   */
  | 'BASE_BELOW_TOTAL_VOTES'
  | 144
  /**
   * A quota base above the engine's bound.
   */
  | 'BASE_TOO_LARGE'
  | 145
  /**
   * A negative ballot order.
   */
  | 'NEGATIVE_BALLOT_ORDER'
  | 146
  /**
   * Two parties with one ballot order.
   */
  | 'DUPLICATE_BALLOT_ORDER'
  | 147
  /**
   * Per-party maximums that leave fewer seats than the rule allocates.
   */
  | 'CAPACITY_TOO_SMALL'
  | 148
  /**
   * A first divisor where the method has none.
   */
  | 'FIRST_DIVISOR_NOT_APPLICABLE'
  | 149
  /**
   * A first divisor that is not positive.
   */
  | 'FIRST_DIVISOR_NOT_POSITIVE'
  | 150
  /**
   * The method needs a first divisor.
   */
  | 'FIRST_DIVISOR_REQUIRED'
  | 151
  /**
   * A first divisor with more digits than the engine keeps.
   */
  | 'FIRST_DIVISOR_TOO_PRECISE'
  | 152
  /**
   * A chamber's threshold base is not a count of votes the law allows.
   */
  | 'BAD_BASE'
  | 153
  /**
   * A single-pool threshold base was sent with a chamber request.
   */
  | 'BASE_WITH_CHAMBER'
  | 154
  /**
   * Seats to districts: equal distribution figures tie for a seat (the law says lot).
   */
  | 'DISTRICT_APPORTIONMENT_TIE'
  | 155
  /**
   * A district of a chamber has no seats.
   */
  | 'DISTRICT_WITHOUT_SEATS'
  | 156
  /**
   * The rule family needs a divisor method here.
   */
  | 'DIVISOR_METHOD_REQUIRED'
  | 157
  /**
   * Two districts of a chamber share an id.
   */
  | 'DUPLICATE_DISTRICT_ID'
  | 158
  /**
   * Two lists of a chamber share an id.
   */
  | 'DUPLICATE_LIST_ID'
  | 159
  /**
   * A chamber rule without its family (independent, biproportional, leveling).
   */
  | 'FAMILY_UNSPECIFIED'
  | 160
  /**
   * Leveling fields were given to a family without leveling seats.
   */
  | 'LEVELING_NOT_APPLICABLE'
  | 161
  /**
   * A leveling seat could not be placed in any district with one free.
   */
  | 'LEVELING_NOT_PLACED'
  | 162
  /**
   * The districts' leveling seats do not add up to the chamber's.
   */
  | 'LEVELING_SEATS_MISMATCH'
  | 163
  /**
   * The biproportional lower apportionment does not support this method.
   */
  | 'LOWER_METHOD_UNSUPPORTED'
  | 164
  /**
   * A district's area is negative.
   */
  | 'NEGATIVE_AREA'
  | 165
  /**
   * The area factor of the seats-to-districts rule is negative.
   */
  | 'NEGATIVE_AREA_FACTOR'
  | 166
  /**
   * A district's leveling seats are negative.
   */
  | 'NEGATIVE_LEVELING_SEATS'
  | 167
  /**
   * A district's population is negative.
   */
  | 'NEGATIVE_POPULATION'
  | 168
  /**
   * A seat count is negative.
   */
  | 'NEGATIVE_SEATS'
  | 169
  /**
   * No biproportional apportionment meets the district and list totals.
   */
  | 'NO_BIPROPORTIONAL_SOLUTION'
  | 170
  /**
   * The exact biproportional algorithm did not finish within its bound.
   */
  | 'NO_CONVERGENCE'
  | 171
  /**
   * A chamber without districts.
   */
  | 'NO_DISTRICTS'
  | 172
  /**
   * Seats to districts: no seats are left once each district has its minimum.
   */
  | 'NO_DISTRICT_SEATS_LEFT'
  | 173
  /**
   * A chamber without lists.
   */
  | 'NO_LISTS'
  | 174
  /**
   * No list qualifies for the national (upper or leveling) distribution.
   */
  | 'NO_NATIONAL_DISTRIBUTION'
  | 175
  /**
   * A per-district override is given to a family that has none.
   */
  | 'OVERRIDE_NOT_APPLICABLE'
  | 176
  /**
   * Single-pool parties were sent with a chamber request.
   */
  | 'PARTIES_WITH_CHAMBER'
  | 177
  /**
   * A percentage is negative.
   */
  | 'PERCENT_NEGATIVE'
  | 178
  /**
   * A percentage is above 100.
   */
  | 'PERCENT_OVER_100'
  | 179
  /**
   * A quorum rule sets neither a district nor a total percentage.
   */
  | 'QUORUM_EMPTY'
  | 180
  /**
   * The chamber's rule does not fit its districts or lists.
   */
  | 'RULE_MISMATCH'
  | 181
  /**
   * A single-pool rule was sent with a chamber request.
   */
  | 'RULE_WITH_CHAMBER'
  | 182
  /**
   * The districts' seats do not add up to the house.
   */
  | 'SEATS_MISMATCH'
  | 183
  /**
   * More list-by-district cells than a request may hold.
   */
  | 'TOO_MANY_CELLS'
  | 184
  /**
   * More districts than a request may hold.
   */
  | 'TOO_MANY_DISTRICTS'
  | 185
  /**
   * More lists than a request may hold.
   */
  | 'TOO_MANY_LISTS'
  | 186
  /**
   * A tie that the rule leaves undecided blocks the next stage.
   */
  | 'UNDECIDED_TIE'
  | 187
  /**
   * Votes name a district that the chamber does not have.
   */
  | 'UNKNOWN_DISTRICT'
  | 188
  /**
   * Decimal votes where the family counts whole votes.
   */
  | 'VOTES_NOT_INTEGER'
  | 189
  /**
   * A vote count above the engine's bound.
   */
  | 'VOTES_TOO_LARGE'
  | 190
  /**
   * An unknown weighting of the biproportional upper apportionment.
   */
  | 'WEIGHTING_UNKNOWN'
  | 191
  /**
   * The method needs a divisor for lists without seats.
   */
  | 'ZERO_SEAT_DIVISOR_REQUIRED'
  | 192
  /**
   * Votes that are not a whole or decimal number.
   */
  | 'BAD_VOTES'
  | 193
  /**
   * A chamber preset was named for a single-pool request.
   */
  | 'CHAMBER_PRESET'
  | 194
  /**
   * An unknown chamber rule family.
   */
  | 'FAMILY_UNKNOWN'
  | 195
  /**
   * The majority base is a role that no line of the contest's form plays.
   */
  | 'NO_LINE_FOR_ROLE'
  | 196
  /**
   * An unknown runoff rule.
   */
  | 'INVALID_RULE'
  | 197
  /**
   * A district names a unit that is not in the election's hierarchy.
   */
  | 'UNIT_NOT_IN_HIERARCHY'
  | 198
  /**
   * A unit is named as two districts.
   */
  | 'DUPLICATE_DISTRICT'
  | 199
  /**
   * A unit was given beside districts (a district contest reads its
   * districts' totals).
   */
  | 'UNIT_WITH_DISTRICTS'
  | 200
  /**
   * A single-pool rule was given beside districts.
   */
  | 'RULE_WITH_DISTRICTS'
  | 201
  /**
   * INVALID_ARGUMENT: a chamber's tiers (or a list tier's districts) do not
   * add up to its seats.
   */
  | 'TIERS_DO_NOT_ADD_UP'
  | 202
  /**
   * FAILED_PRECONDITION: the chamber cannot be composed as defined (e.g. a
   * list tier names a preset the seats service does not know, or a tier's
   * rule refuses the tier's seats).
   */
  | 'CHAMBER_NOT_COMPOSABLE'
  | 203
  /**
   * INVALID_ARGUMENT: a station submitted a protocol of a single-member
   * district it does not belong to.
   */
  | 'STATION_OUTSIDE_DISTRICT'
  | 204
  /**
   * NOT_FOUND: the election defines no chamber of that name.
   */
  | 'CHAMBER_NOT_FOUND'
  | 205
  /**
   * INVALID_ARGUMENT: a protocol's registered voters exceed those of its
   * station's unit, and the contest's form says they may not
   * (`ProtocolForm.registered_within_unit`).
   */
  | 'REGISTERED_ABOVE_UNIT'
  | 206

/**
 * ErrorReason lists every `reason` of the `google.rpc.ErrorInfo` that each
 * error of the Mandate APIs carries (exactly one, domain `mandate.dev`).
 * Following AIP-193, a value's name is the reason string itself, so a client
 * matches `ErrorInfo.reason` against these names and never against the
 * message. A broken control relation of an election's form reports
 * CONTROL_RELATION_BROKEN here and the relation's own code (defined by the
 * election, not by the API) as the BadRequest field violation's reason.
 * 
 * The values are not prefixed with the enum's name: the reason strings are
 * the contract, and this file is its only content (see docs/decisions.md).
 */
export type ErrorReason__Output = typeof ErrorReason[keyof typeof ErrorReason]
