from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mandate.seats.v1 import apportionment_pb2 as _apportionment_pb2
from mandate.seats.v1 import chamber_pb2 as _chamber_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from mandate.tally.v1 import log_pb2 as _log_pb2
from mandate.tally.v1 import totals_pb2 as _totals_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ContestAllocation(_message.Message):
    __slots__ = ["allocation", "chamber_allocation", "chamber_rule", "checkpoint", "contest", "district_totals", "generate_time", "note", "preset", "projection", "registered_reporting", "results_version", "rule", "stations_reporting", "stations_total", "status", "threshold_base", "threshold_base_role", "totals", "totals_generate_time", "unit_display_name"]
    ALLOCATION_FIELD_NUMBER: _ClassVar[int]
    CHAMBER_ALLOCATION_FIELD_NUMBER: _ClassVar[int]
    CHAMBER_RULE_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    CONTEST_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_TOTALS_FIELD_NUMBER: _ClassVar[int]
    GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_REPORTING_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    STATIONS_REPORTING_FIELD_NUMBER: _ClassVar[int]
    STATIONS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_BASE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_BASE_ROLE_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    allocation: _apportionment_pb2.Allocation
    chamber_allocation: _chamber_pb2.ChamberAllocation
    chamber_rule: _chamber_pb2.ChamberRule
    checkpoint: _log_pb2.Checkpoint
    contest: str
    district_totals: _containers.RepeatedScalarFieldContainer[str]
    generate_time: _timestamp_pb2.Timestamp
    note: str
    preset: str
    projection: bool
    registered_reporting: _totals_pb2.Ratio
    results_version: int
    rule: _apportionment_pb2.Rule
    stations_reporting: int
    stations_total: int
    status: _election_pb2.ResultStatus
    threshold_base: int
    threshold_base_role: _election_pb2.LineRole
    totals: str
    totals_generate_time: _timestamp_pb2.Timestamp
    unit_display_name: str
    def __init__(self, contest: _Optional[str] = ..., totals: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., allocation: _Optional[_Union[_apportionment_pb2.Allocation, _Mapping]] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., preset: _Optional[str] = ..., threshold_base: _Optional[int] = ..., threshold_base_role: _Optional[_Union[_election_pb2.LineRole, str]] = ..., results_version: _Optional[int] = ..., status: _Optional[_Union[_election_pb2.ResultStatus, str]] = ..., stations_reporting: _Optional[int] = ..., stations_total: _Optional[int] = ..., registered_reporting: _Optional[_Union[_totals_pb2.Ratio, _Mapping]] = ..., projection: bool = ..., note: _Optional[str] = ..., totals_generate_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., generate_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., checkpoint: _Optional[_Union[_log_pb2.Checkpoint, _Mapping]] = ..., chamber_allocation: _Optional[_Union[_chamber_pb2.ChamberAllocation, _Mapping]] = ..., district_totals: _Optional[_Iterable[str]] = ..., chamber_rule: _Optional[_Union[_chamber_pb2.ChamberRule, _Mapping]] = ...) -> None: ...
