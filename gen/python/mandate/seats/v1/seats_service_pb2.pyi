from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from mandate.seats.v1 import apportionment_pb2 as _apportionment_pb2
from mandate.seats.v1 import chamber_pb2 as _chamber_pb2
from mandate.seats.v1 import chamber_composition_pb2 as _chamber_composition_pb2
from mandate.seats.v1 import contest_allocation_pb2 as _contest_allocation_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AllocateContestRequest(_message.Message):
    __slots__ = ["chamber_rule", "contest", "districts", "preset", "rule", "unit"]
    CHAMBER_RULE_FIELD_NUMBER: _ClassVar[int]
    CONTEST_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    chamber_rule: _chamber_pb2.ChamberRule
    contest: str
    districts: _containers.RepeatedCompositeFieldContainer[ContestDistrict]
    preset: str
    rule: _apportionment_pb2.Rule
    unit: str
    def __init__(self, contest: _Optional[str] = ..., unit: _Optional[str] = ..., preset: _Optional[str] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., districts: _Optional[_Iterable[_Union[ContestDistrict, _Mapping]]] = ..., chamber_rule: _Optional[_Union[_chamber_pb2.ChamberRule, _Mapping]] = ...) -> None: ...

class ApportionRequest(_message.Message):
    __slots__ = ["chamber", "include_awards", "parties", "preset", "rule", "skip_margins", "threshold_base"]
    CHAMBER_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_AWARDS_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    SKIP_MARGINS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_BASE_FIELD_NUMBER: _ClassVar[int]
    chamber: _chamber_pb2.Chamber
    include_awards: bool
    parties: _containers.RepeatedCompositeFieldContainer[_apportionment_pb2.Party]
    preset: str
    rule: _apportionment_pb2.Rule
    skip_margins: bool
    threshold_base: int
    def __init__(self, parties: _Optional[_Iterable[_Union[_apportionment_pb2.Party, _Mapping]]] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., preset: _Optional[str] = ..., threshold_base: _Optional[int] = ..., chamber: _Optional[_Union[_chamber_pb2.Chamber, _Mapping]] = ..., skip_margins: bool = ..., include_awards: bool = ...) -> None: ...

class ApportionResponse(_message.Message):
    __slots__ = ["allocation", "chamber_allocation", "chamber_rule", "rule"]
    ALLOCATION_FIELD_NUMBER: _ClassVar[int]
    CHAMBER_ALLOCATION_FIELD_NUMBER: _ClassVar[int]
    CHAMBER_RULE_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    allocation: _apportionment_pb2.Allocation
    chamber_allocation: _chamber_pb2.ChamberAllocation
    chamber_rule: _chamber_pb2.ChamberRule
    rule: _apportionment_pb2.Rule
    def __init__(self, allocation: _Optional[_Union[_apportionment_pb2.Allocation, _Mapping]] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., chamber_allocation: _Optional[_Union[_chamber_pb2.ChamberAllocation, _Mapping]] = ..., chamber_rule: _Optional[_Union[_chamber_pb2.ChamberRule, _Mapping]] = ...) -> None: ...

class ContestDistrict(_message.Message):
    __slots__ = ["area_km2", "leveling_seats", "population", "seats", "unit"]
    AREA_KM2_FIELD_NUMBER: _ClassVar[int]
    LEVELING_SEATS_FIELD_NUMBER: _ClassVar[int]
    POPULATION_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    area_km2: int
    leveling_seats: int
    population: int
    seats: int
    unit: str
    def __init__(self, unit: _Optional[str] = ..., seats: _Optional[int] = ..., leveling_seats: _Optional[int] = ..., population: _Optional[int] = ..., area_km2: _Optional[int] = ...) -> None: ...

class GetPresetRequest(_message.Message):
    __slots__ = ["name"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListPresetsRequest(_message.Message):
    __slots__ = ["page_size", "page_token"]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPresetsResponse(_message.Message):
    __slots__ = ["next_page_token", "presets"]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    PRESETS_FIELD_NUMBER: _ClassVar[int]
    next_page_token: str
    presets: _containers.RepeatedCompositeFieldContainer[Preset]
    def __init__(self, presets: _Optional[_Iterable[_Union[Preset, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class Preset(_message.Message):
    __slots__ = ["chamber_rule", "citations", "display_name", "name", "notes", "reserved_seats_source", "rule", "threshold_base"]
    CHAMBER_RULE_FIELD_NUMBER: _ClassVar[int]
    CITATIONS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    RESERVED_SEATS_SOURCE_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_BASE_FIELD_NUMBER: _ClassVar[int]
    chamber_rule: _chamber_pb2.ChamberRule
    citations: _containers.RepeatedScalarFieldContainer[str]
    display_name: str
    name: str
    notes: str
    reserved_seats_source: str
    rule: _apportionment_pb2.Rule
    threshold_base: str
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., threshold_base: _Optional[str] = ..., citations: _Optional[_Iterable[str]] = ..., notes: _Optional[str] = ..., chamber_rule: _Optional[_Union[_chamber_pb2.ChamberRule, _Mapping]] = ..., reserved_seats_source: _Optional[str] = ...) -> None: ...

class WatchContestAllocationRequest(_message.Message):
    __slots__ = ["chamber_rule", "contest", "districts", "preset", "rule", "since_version", "unit"]
    CHAMBER_RULE_FIELD_NUMBER: _ClassVar[int]
    CONTEST_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    SINCE_VERSION_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    chamber_rule: _chamber_pb2.ChamberRule
    contest: str
    districts: _containers.RepeatedCompositeFieldContainer[ContestDistrict]
    preset: str
    rule: _apportionment_pb2.Rule
    since_version: int
    unit: str
    def __init__(self, contest: _Optional[str] = ..., unit: _Optional[str] = ..., preset: _Optional[str] = ..., rule: _Optional[_Union[_apportionment_pb2.Rule, _Mapping]] = ..., since_version: _Optional[int] = ..., districts: _Optional[_Iterable[_Union[ContestDistrict, _Mapping]]] = ..., chamber_rule: _Optional[_Union[_chamber_pb2.ChamberRule, _Mapping]] = ...) -> None: ...
