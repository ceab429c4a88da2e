from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.api import resource_pb2 as _resource_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from mandate.tally.v1 import forensics_pb2 as _forensics_pb2
from mandate.tally.v1 import log_pb2 as _log_pb2
from mandate.tally.v1 import protocol_pb2 as _protocol_pb2
from mandate.tally.v1 import totals_pb2 as _totals_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BatchCreateReportingUnitsRequest(_message.Message):
    __slots__ = ["parent", "units"]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    parent: str
    units: _containers.RepeatedCompositeFieldContainer[_election_pb2.ReportingUnit]
    def __init__(self, parent: _Optional[str] = ..., units: _Optional[_Iterable[_Union[_election_pb2.ReportingUnit, _Mapping]]] = ...) -> None: ...

class BatchCreateReportingUnitsResponse(_message.Message):
    __slots__ = ["created_count", "results_version", "units"]
    CREATED_COUNT_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    created_count: int
    results_version: int
    units: _containers.RepeatedCompositeFieldContainer[_election_pb2.ReportingUnit]
    def __init__(self, units: _Optional[_Iterable[_Union[_election_pb2.ReportingUnit, _Mapping]]] = ..., created_count: _Optional[int] = ..., results_version: _Optional[int] = ...) -> None: ...

class CreateElectionRequest(_message.Message):
    __slots__ = ["election", "election_id"]
    ELECTION_FIELD_NUMBER: _ClassVar[int]
    ELECTION_ID_FIELD_NUMBER: _ClassVar[int]
    election: _election_pb2.Election
    election_id: str
    def __init__(self, election_id: _Optional[str] = ..., election: _Optional[_Union[_election_pb2.Election, _Mapping]] = ...) -> None: ...

class ExportElectionRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetCheckpointRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetConsistencyProofRequest(_message.Message):
    __slots__ = ["first_tree_size", "name", "second_tree_size"]
    FIRST_TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SECOND_TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    first_tree_size: int
    name: str
    second_tree_size: int
    def __init__(self, name: _Optional[str] = ..., first_tree_size: _Optional[int] = ..., second_tree_size: _Optional[int] = ...) -> None: ...

class GetContestRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetElectionRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetForensicsReportRequest(_message.Message):
    __slots__ = ["integer_rule", "name", "replicates", "seed"]
    INTEGER_RULE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REPLICATES_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    integer_rule: _forensics_pb2.IntegerRule
    name: str
    replicates: int
    seed: int
    def __init__(self, name: _Optional[str] = ..., replicates: _Optional[int] = ..., seed: _Optional[int] = ..., integer_rule: _Optional[_Union[_forensics_pb2.IntegerRule, str]] = ...) -> None: ...

class GetInclusionProofRequest(_message.Message):
    __slots__ = ["leaf_index", "name", "tree_size"]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    leaf_index: int
    name: str
    tree_size: int
    def __init__(self, name: _Optional[str] = ..., leaf_index: _Optional[int] = ..., tree_size: _Optional[int] = ...) -> None: ...

class GetProtocolRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetReportingUnitRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class GetTotalsRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ImportProtocolsRequest(_message.Message):
    __slots__ = ["protocol", "rows"]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    protocol: SubmitProtocolRequest
    rows: ProtocolRows
    def __init__(self, protocol: _Optional[_Union[SubmitProtocolRequest, _Mapping]] = ..., rows: _Optional[_Union[ProtocolRows, _Mapping]] = ...) -> None: ...

class ImportProtocolsResponse(_message.Message):
    __slots__ = ["accepted", "log_span", "rejections", "replayed", "results_version"]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    LOG_SPAN_FIELD_NUMBER: _ClassVar[int]
    REJECTIONS_FIELD_NUMBER: _ClassVar[int]
    REPLAYED_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    accepted: int
    log_span: _log_pb2.LogSpan
    rejections: _containers.RepeatedCompositeFieldContainer[ImportRejection]
    replayed: int
    results_version: int
    def __init__(self, accepted: _Optional[int] = ..., replayed: _Optional[int] = ..., rejections: _Optional[_Iterable[_Union[ImportRejection, _Mapping]]] = ..., results_version: _Optional[int] = ..., log_span: _Optional[_Union[_log_pb2.LogSpan, _Mapping]] = ...) -> None: ...

class ImportRejection(_message.Message):
    __slots__ = ["code", "index", "message", "receipt", "request_id", "station", "violations"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    VIOLATIONS_FIELD_NUMBER: _ClassVar[int]
    code: str
    index: int
    message: str
    receipt: _log_pb2.LogReceipt
    request_id: str
    station: str
    violations: _containers.RepeatedCompositeFieldContainer[_protocol_pb2.Violation]
    def __init__(self, index: _Optional[int] = ..., request_id: _Optional[str] = ..., station: _Optional[str] = ..., code: _Optional[str] = ..., message: _Optional[str] = ..., violations: _Optional[_Iterable[_Union[_protocol_pb2.Violation, _Mapping]]] = ..., receipt: _Optional[_Union[_log_pb2.LogReceipt, _Mapping]] = ...) -> None: ...

class ListChangesRequest(_message.Message):
    __slots__ = ["name", "page_size", "since_version"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    SINCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    page_size: int
    since_version: int
    def __init__(self, name: _Optional[str] = ..., since_version: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class ListChangesResponse(_message.Message):
    __slots__ = ["changes", "more", "next_since_version", "totals"]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    MORE_FIELD_NUMBER: _ClassVar[int]
    NEXT_SINCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[_totals_pb2.Change]
    more: bool
    next_since_version: int
    totals: _totals_pb2.Totals
    def __init__(self, changes: _Optional[_Iterable[_Union[_totals_pb2.Change, _Mapping]]] = ..., totals: _Optional[_Union[_totals_pb2.Totals, _Mapping]] = ..., next_since_version: _Optional[int] = ..., more: bool = ...) -> None: ...

class ListElectionsRequest(_message.Message):
    __slots__ = ["page_size", "page_token"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListElectionsResponse(_message.Message):
    __slots__ = ["elections", "next_page_token"]
    ELECTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    elections: _containers.RepeatedCompositeFieldContainer[_election_pb2.Election]
    next_page_token: str
    def __init__(self, elections: _Optional[_Iterable[_Union[_election_pb2.Election, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListLogEntriesRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "parent"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListLogEntriesResponse(_message.Message):
    __slots__ = ["log_entries", "next_page_token"]
    LOG_ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    log_entries: _containers.RepeatedCompositeFieldContainer[_log_pb2.LogEntry]
    next_page_token: str
    def __init__(self, log_entries: _Optional[_Iterable[_Union[_log_pb2.LogEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListProtocolsRequest(_message.Message):
    __slots__ = ["has_warnings", "min_version", "page_size", "page_token", "parent", "unit"]
    HAS_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    MIN_VERSION_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    has_warnings: bool
    min_version: int
    page_size: int
    page_token: str
    parent: str
    unit: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., unit: _Optional[str] = ..., has_warnings: bool = ..., min_version: _Optional[int] = ...) -> None: ...

class ListProtocolsResponse(_message.Message):
    __slots__ = ["next_page_token", "protocols"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    protocols: _containers.RepeatedCompositeFieldContainer[_protocol_pb2.Protocol]
    def __init__(self, protocols: _Optional[_Iterable[_Union[_protocol_pb2.Protocol, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListReportingUnitsRequest(_message.Message):
    __slots__ = ["page_size", "page_token", "parent", "parent_unit"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PARENT_UNIT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    parent: str
    parent_unit: str
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., parent_unit: _Optional[str] = ...) -> None: ...

class ListReportingUnitsResponse(_message.Message):
    __slots__ = ["next_page_token", "reporting_units"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    REPORTING_UNITS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    reporting_units: _containers.RepeatedCompositeFieldContainer[_election_pb2.ReportingUnit]
    def __init__(self, reporting_units: _Optional[_Iterable[_Union[_election_pb2.ReportingUnit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ProtocolRow(_message.Message):
    __slots__ = ["counts", "kind", "reason", "replaces_version", "request_id", "station"]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACES_VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.RepeatedScalarFieldContainer[int]
    kind: _protocol_pb2.SubmissionKind
    reason: str
    replaces_version: int
    request_id: str
    station: str
    def __init__(self, station: _Optional[str] = ..., request_id: _Optional[str] = ..., counts: _Optional[_Iterable[int]] = ..., kind: _Optional[_Union[_protocol_pb2.SubmissionKind, str]] = ..., replaces_version: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ProtocolRows(_message.Message):
    __slots__ = ["columns", "parent", "rows"]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedScalarFieldContainer[str]
    parent: str
    rows: _containers.RepeatedCompositeFieldContainer[ProtocolRow]
    def __init__(self, parent: _Optional[str] = ..., columns: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[ProtocolRow, _Mapping]]] = ...) -> None: ...

class SetContestPhaseRequest(_message.Message):
    __slots__ = ["name", "phase", "reason"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    phase: _election_pb2.ResultStatus
    reason: str
    def __init__(self, name: _Optional[str] = ..., phase: _Optional[_Union[_election_pb2.ResultStatus, str]] = ..., reason: _Optional[str] = ...) -> None: ...

class SubmitProtocolRequest(_message.Message):
    __slots__ = ["kind", "lines", "parent", "reason", "replaces_version", "request_id", "station", "votes"]
    class LinesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class VotesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REPLACES_VERSION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    kind: _protocol_pb2.SubmissionKind
    lines: _containers.ScalarMap[str, int]
    parent: str
    reason: str
    replaces_version: int
    request_id: str
    station: str
    votes: _containers.ScalarMap[str, int]
    def __init__(self, parent: _Optional[str] = ..., station: _Optional[str] = ..., lines: _Optional[_Mapping[str, int]] = ..., votes: _Optional[_Mapping[str, int]] = ..., request_id: _Optional[str] = ..., replaces_version: _Optional[int] = ..., reason: _Optional[str] = ..., kind: _Optional[_Union[_protocol_pb2.SubmissionKind, str]] = ...) -> None: ...

class SubmitProtocolResponse(_message.Message):
    __slots__ = ["protocol", "receipt", "results_version", "warnings"]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    protocol: _protocol_pb2.Protocol
    receipt: _log_pb2.LogReceipt
    results_version: int
    warnings: _containers.RepeatedCompositeFieldContainer[_protocol_pb2.Violation]
    def __init__(self, protocol: _Optional[_Union[_protocol_pb2.Protocol, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[_protocol_pb2.Violation, _Mapping]]] = ..., results_version: _Optional[int] = ..., receipt: _Optional[_Union[_log_pb2.LogReceipt, _Mapping]] = ...) -> None: ...

class WatchTotalsRequest(_message.Message):
    __slots__ = ["name", "since_version"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SINCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    since_version: int
    def __init__(self, name: _Optional[str] = ..., since_version: _Optional[int] = ...) -> None: ...

class WatchTotalsResponse(_message.Message):
    __slots__ = ["changes", "totals"]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    changes: _containers.RepeatedCompositeFieldContainer[_totals_pb2.Change]
    totals: _totals_pb2.Totals
    def __init__(self, totals: _Optional[_Union[_totals_pb2.Totals, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[_totals_pb2.Change, _Mapping]]] = ...) -> None: ...
