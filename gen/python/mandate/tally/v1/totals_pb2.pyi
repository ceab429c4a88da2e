from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from mandate.tally.v1 import log_pb2 as _log_pb2
from mandate.tally.v1 import protocol_pb2 as _protocol_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Change(_message.Message):
    __slots__ = ["accept_time", "kind", "protocol_version", "reason", "results_version", "station", "status", "units_added"]
    ACCEPT_TIME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    UNITS_ADDED_FIELD_NUMBER: _ClassVar[int]
    accept_time: _timestamp_pb2.Timestamp
    kind: _protocol_pb2.SubmissionKind
    protocol_version: int
    reason: str
    results_version: int
    station: str
    status: _election_pb2.ResultStatus
    units_added: int
    def __init__(self, results_version: _Optional[int] = ..., station: _Optional[str] = ..., protocol_version: _Optional[int] = ..., kind: _Optional[_Union[_protocol_pb2.SubmissionKind, str]] = ..., reason: _Optional[str] = ..., accept_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., status: _Optional[_Union[_election_pb2.ResultStatus, str]] = ..., units_added: _Optional[int] = ...) -> None: ...

class ChoiceTotal(_message.Message):
    __slots__ = ["choice", "display_name", "share", "votes"]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    choice: str
    display_name: str
    share: Ratio
    votes: int
    def __init__(self, choice: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[int] = ..., share: _Optional[_Union[Ratio, _Mapping]] = ...) -> None: ...

class LeaderStatus(_message.Message):
    __slots__ = ["choice", "has_majority", "majority_base", "majority_percent", "runoff_choices", "runoff_required", "runoff_rule", "runoff_undecided", "share", "wins_outright"]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    HAS_MAJORITY_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_BASE_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_CHOICES_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_RULE_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_UNDECIDED_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    WINS_OUTRIGHT_FIELD_NUMBER: _ClassVar[int]
    choice: str
    has_majority: bool
    majority_base: _election_pb2.LineRole
    majority_percent: int
    runoff_choices: _containers.RepeatedScalarFieldContainer[str]
    runoff_required: bool
    runoff_rule: _election_pb2.RunoffRule
    runoff_undecided: bool
    share: Ratio
    wins_outright: bool
    def __init__(self, choice: _Optional[str] = ..., has_majority: bool = ..., runoff_required: bool = ..., runoff_choices: _Optional[_Iterable[str]] = ..., share: _Optional[_Union[Ratio, _Mapping]] = ..., majority_percent: _Optional[int] = ..., majority_base: _Optional[_Union[_election_pb2.LineRole, str]] = ..., runoff_rule: _Optional[_Union[_election_pb2.RunoffRule, str]] = ..., wins_outright: bool = ..., runoff_undecided: bool = ...) -> None: ...

class LineTotal(_message.Message):
    __slots__ = ["display_name", "line", "number", "value"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LINE_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    line: str
    number: str
    value: int
    def __init__(self, line: _Optional[str] = ..., number: _Optional[str] = ..., display_name: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...

class Ratio(_message.Message):
    __slots__ = ["definition", "denominator", "numerator", "percent"]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    DENOMINATOR_FIELD_NUMBER: _ClassVar[int]
    NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    definition: str
    denominator: int
    numerator: int
    percent: str
    def __init__(self, numerator: _Optional[int] = ..., denominator: _Optional[int] = ..., percent: _Optional[str] = ..., definition: _Optional[str] = ...) -> None: ...

class Totals(_message.Message):
    __slots__ = ["ballots_cast", "ballots_issued", "checkpoint", "choices", "generate_time", "invalid", "leader", "lines", "name", "protocols_with_warnings", "registered_reporting", "registered_voters", "registered_voters_total", "results_version", "share_base", "share_base_role", "stations_reporting", "stations_total", "status", "turnout", "unit", "unit_display_name", "valid"]
    BALLOTS_CAST_FIELD_NUMBER: _ClassVar[int]
    BALLOTS_ISSUED_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    CHOICES_FIELD_NUMBER: _ClassVar[int]
    GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    INVALID_FIELD_NUMBER: _ClassVar[int]
    LEADER_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_WITH_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_REPORTING_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_VOTERS_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_VOTERS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    SHARE_BASE_FIELD_NUMBER: _ClassVar[int]
    SHARE_BASE_ROLE_FIELD_NUMBER: _ClassVar[int]
    STATIONS_REPORTING_FIELD_NUMBER: _ClassVar[int]
    STATIONS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TURNOUT_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    ballots_cast: int
    ballots_issued: int
    checkpoint: _log_pb2.Checkpoint
    choices: _containers.RepeatedCompositeFieldContainer[ChoiceTotal]
    generate_time: _timestamp_pb2.Timestamp
    invalid: int
    leader: LeaderStatus
    lines: _containers.RepeatedCompositeFieldContainer[LineTotal]
    name: str
    protocols_with_warnings: int
    registered_reporting: Ratio
    registered_voters: int
    registered_voters_total: int
    results_version: int
    share_base: int
    share_base_role: _election_pb2.LineRole
    stations_reporting: int
    stations_total: int
    status: _election_pb2.ResultStatus
    turnout: Ratio
    unit: str
    unit_display_name: str
    valid: int
    def __init__(self, name: _Optional[str] = ..., unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., choices: _Optional[_Iterable[_Union[ChoiceTotal, _Mapping]]] = ..., registered_voters: _Optional[int] = ..., ballots_issued: _Optional[int] = ..., ballots_cast: _Optional[int] = ..., invalid: _Optional[int] = ..., valid: _Optional[int] = ..., share_base: _Optional[int] = ..., share_base_role: _Optional[_Union[_election_pb2.LineRole, str]] = ..., turnout: _Optional[_Union[Ratio, _Mapping]] = ..., stations_reporting: _Optional[int] = ..., stations_total: _Optional[int] = ..., registered_voters_total: _Optional[int] = ..., registered_reporting: _Optional[_Union[Ratio, _Mapping]] = ..., protocols_with_warnings: _Optional[int] = ..., status: _Optional[_Union[_election_pb2.ResultStatus, str]] = ..., results_version: _Optional[int] = ..., generate_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., leader: _Optional[_Union[LeaderStatus, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[LineTotal, _Mapping]]] = ..., checkpoint: _Optional[_Union[_log_pb2.Checkpoint, _Mapping]] = ...) -> None: ...
