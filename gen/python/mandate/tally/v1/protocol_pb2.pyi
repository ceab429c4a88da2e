from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
SUBMISSION_KIND_CORRECTION: SubmissionKind
SUBMISSION_KIND_ORIGINAL: SubmissionKind
SUBMISSION_KIND_RECOUNT: SubmissionKind
SUBMISSION_KIND_UNSPECIFIED: SubmissionKind

class Protocol(_message.Message):
    __slots__ = ["current", "name", "station", "versions"]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    current: ProtocolVersion
    name: str
    station: str
    versions: _containers.RepeatedCompositeFieldContainer[ProtocolVersion]
    def __init__(self, name: _Optional[str] = ..., station: _Optional[str] = ..., current: _Optional[_Union[ProtocolVersion, _Mapping]] = ..., versions: _Optional[_Iterable[_Union[ProtocolVersion, _Mapping]]] = ...) -> None: ...

class ProtocolVersion(_message.Message):
    __slots__ = ["accept_time", "kind", "leaf_index", "lines", "reason", "request_id", "results_version", "submitter", "superseded", "version", "votes", "warnings"]
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
    ACCEPT_TIME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    SUBMITTER_FIELD_NUMBER: _ClassVar[int]
    SUPERSEDED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    accept_time: _timestamp_pb2.Timestamp
    kind: SubmissionKind
    leaf_index: int
    lines: _containers.ScalarMap[str, int]
    reason: str
    request_id: str
    results_version: int
    submitter: str
    superseded: bool
    version: int
    votes: _containers.ScalarMap[str, int]
    warnings: _containers.RepeatedCompositeFieldContainer[Violation]
    def __init__(self, version: _Optional[int] = ..., kind: _Optional[_Union[SubmissionKind, str]] = ..., lines: _Optional[_Mapping[str, int]] = ..., votes: _Optional[_Mapping[str, int]] = ..., warnings: _Optional[_Iterable[_Union[Violation, _Mapping]]] = ..., reason: _Optional[str] = ..., request_id: _Optional[str] = ..., submitter: _Optional[str] = ..., accept_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., superseded: bool = ..., results_version: _Optional[int] = ..., leaf_index: _Optional[int] = ...) -> None: ...

class Violation(_message.Message):
    __slots__ = ["code", "lines", "message", "severity"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    code: str
    lines: _containers.RepeatedScalarFieldContainer[str]
    message: str
    severity: _election_pb2.Severity
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ..., severity: _Optional[_Union[_election_pb2.Severity, str]] = ..., lines: _Optional[_Iterable[str]] = ...) -> None: ...

class SubmissionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
