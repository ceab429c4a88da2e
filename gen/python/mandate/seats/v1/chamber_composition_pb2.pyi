from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ChamberComposition(_message.Message):
    __slots__ = ["chamber", "display_name", "generate_time", "note", "parties", "projection", "results_version", "seats", "tiers", "total_seats", "undecided_seats"]
    CHAMBER_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SEATS_FIELD_NUMBER: _ClassVar[int]
    UNDECIDED_SEATS_FIELD_NUMBER: _ClassVar[int]
    chamber: str
    display_name: str
    generate_time: _timestamp_pb2.Timestamp
    note: str
    parties: _containers.RepeatedCompositeFieldContainer[PartySeats]
    projection: bool
    results_version: int
    seats: int
    tiers: _containers.RepeatedCompositeFieldContainer[TierComposition]
    total_seats: int
    undecided_seats: int
    def __init__(self, chamber: _Optional[str] = ..., display_name: _Optional[str] = ..., seats: _Optional[int] = ..., total_seats: _Optional[int] = ..., parties: _Optional[_Iterable[_Union[PartySeats, _Mapping]]] = ..., tiers: _Optional[_Iterable[_Union[TierComposition, _Mapping]]] = ..., undecided_seats: _Optional[int] = ..., results_version: _Optional[int] = ..., projection: bool = ..., note: _Optional[str] = ..., generate_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DistrictSeats(_message.Message):
    __slots__ = ["closest_call", "contest", "decided", "display_name", "leader", "leader_party", "party_seats", "runoff_required", "seats", "stations_reporting", "stations_total", "unit"]
    class PartySeatsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    CLOSEST_CALL_FIELD_NUMBER: _ClassVar[int]
    CONTEST_FIELD_NUMBER: _ClassVar[int]
    DECIDED_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LEADER_FIELD_NUMBER: _ClassVar[int]
    LEADER_PARTY_FIELD_NUMBER: _ClassVar[int]
    PARTY_SEATS_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    STATIONS_REPORTING_FIELD_NUMBER: _ClassVar[int]
    STATIONS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    closest_call: str
    contest: str
    decided: bool
    display_name: str
    leader: str
    leader_party: str
    party_seats: _containers.ScalarMap[str, int]
    runoff_required: bool
    seats: int
    stations_reporting: int
    stations_total: int
    unit: str
    def __init__(self, unit: _Optional[str] = ..., display_name: _Optional[str] = ..., seats: _Optional[int] = ..., party_seats: _Optional[_Mapping[str, int]] = ..., contest: _Optional[str] = ..., leader: _Optional[str] = ..., leader_party: _Optional[str] = ..., decided: bool = ..., runoff_required: bool = ..., closest_call: _Optional[str] = ..., stations_reporting: _Optional[int] = ..., stations_total: _Optional[int] = ...) -> None: ...

class GetChamberCompositionRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class PartySeats(_message.Message):
    __slots__ = ["color", "display_name", "overhang_seats", "party", "seats"]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    OVERHANG_SEATS_FIELD_NUMBER: _ClassVar[int]
    PARTY_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    color: str
    display_name: str
    overhang_seats: int
    party: str
    seats: int
    def __init__(self, party: _Optional[str] = ..., display_name: _Optional[str] = ..., color: _Optional[str] = ..., seats: _Optional[int] = ..., overhang_seats: _Optional[int] = ...) -> None: ...

class TierComposition(_message.Message):
    __slots__ = ["display_name", "districts", "id", "kind", "link", "note", "parties", "preset", "projection", "seats", "totals", "undecided_seats"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    PROJECTION_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    UNDECIDED_SEATS_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    districts: _containers.RepeatedCompositeFieldContainer[DistrictSeats]
    id: str
    kind: _election_pb2.TierKind
    link: _election_pb2.TierLink
    note: str
    parties: _containers.RepeatedCompositeFieldContainer[PartySeats]
    preset: str
    projection: bool
    seats: int
    totals: _containers.RepeatedScalarFieldContainer[str]
    undecided_seats: int
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[_election_pb2.TierKind, str]] = ..., link: _Optional[_Union[_election_pb2.TierLink, str]] = ..., seats: _Optional[int] = ..., parties: _Optional[_Iterable[_Union[PartySeats, _Mapping]]] = ..., undecided_seats: _Optional[int] = ..., districts: _Optional[_Iterable[_Union[DistrictSeats, _Mapping]]] = ..., totals: _Optional[_Iterable[str]] = ..., projection: bool = ..., note: _Optional[str] = ..., preset: _Optional[str] = ...) -> None: ...

class WatchChamberCompositionRequest(_message.Message):
    __slots__ = ["name", "since_version"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SINCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    name: str
    since_version: int
    def __init__(self, name: _Optional[str] = ..., since_version: _Optional[int] = ...) -> None: ...
