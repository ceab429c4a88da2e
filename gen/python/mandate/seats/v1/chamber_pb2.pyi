from google.api import field_behavior_pb2 as _field_behavior_pb2
from mandate.seats.v1 import apportionment_pb2 as _apportionment_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CHAMBER_FAMILY_BIPROPORTIONAL: ChamberFamily
CHAMBER_FAMILY_INDEPENDENT: ChamberFamily
CHAMBER_FAMILY_LEVELING: ChamberFamily
CHAMBER_FAMILY_UNSPECIFIED: ChamberFamily
DESCRIPTOR: _descriptor.FileDescriptor
WEIGHTING_DIVIDE_BY_DISTRICT_SEATS: Weighting
WEIGHTING_NONE: Weighting
WEIGHTING_UNSPECIFIED: Weighting

class ApportionmentStage(_message.Message):
    __slots__ = ["closest_call", "divisor", "first_out", "last_win", "method", "name", "notes", "seats", "tie"]
    CLOSEST_CALL_FIELD_NUMBER: _ClassVar[int]
    DIVISOR_FIELD_NUMBER: _ClassVar[int]
    FIRST_OUT_FIELD_NUMBER: _ClassVar[int]
    LAST_WIN_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    TIE_FIELD_NUMBER: _ClassVar[int]
    closest_call: _apportionment_pb2.Fraction
    divisor: _apportionment_pb2.Fraction
    first_out: _apportionment_pb2.Fraction
    last_win: _apportionment_pb2.Fraction
    method: _apportionment_pb2.Method
    name: str
    notes: _containers.RepeatedScalarFieldContainer[str]
    seats: int
    tie: bool
    def __init__(self, name: _Optional[str] = ..., method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., seats: _Optional[int] = ..., divisor: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., last_win: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., first_out: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., closest_call: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., tie: bool = ..., notes: _Optional[_Iterable[str]] = ...) -> None: ...

class BiproportionalRule(_message.Message):
    __slots__ = ["district_winner_min_one_seat", "district_winner_tie_exception", "lower_method", "quorum", "round_weights", "upper_first_divisor", "upper_method", "weighting"]
    DISTRICT_WINNER_MIN_ONE_SEAT_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_WINNER_TIE_EXCEPTION_FIELD_NUMBER: _ClassVar[int]
    LOWER_METHOD_FIELD_NUMBER: _ClassVar[int]
    QUORUM_FIELD_NUMBER: _ClassVar[int]
    ROUND_WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    UPPER_FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    UPPER_METHOD_FIELD_NUMBER: _ClassVar[int]
    WEIGHTING_FIELD_NUMBER: _ClassVar[int]
    district_winner_min_one_seat: bool
    district_winner_tie_exception: bool
    lower_method: _apportionment_pb2.Method
    quorum: Quorum
    round_weights: bool
    upper_first_divisor: str
    upper_method: _apportionment_pb2.Method
    weighting: Weighting
    def __init__(self, upper_method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., upper_first_divisor: _Optional[str] = ..., lower_method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., weighting: _Optional[_Union[Weighting, str]] = ..., round_weights: bool = ..., quorum: _Optional[_Union[Quorum, _Mapping]] = ..., district_winner_min_one_seat: bool = ..., district_winner_tie_exception: bool = ...) -> None: ...

class Chamber(_message.Message):
    __slots__ = ["districts", "lists", "rule", "seats"]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    districts: _containers.RepeatedCompositeFieldContainer[ChamberDistrict]
    lists: _containers.RepeatedCompositeFieldContainer[ChamberList]
    rule: ChamberRule
    seats: int
    def __init__(self, districts: _Optional[_Iterable[_Union[ChamberDistrict, _Mapping]]] = ..., lists: _Optional[_Iterable[_Union[ChamberList, _Mapping]]] = ..., rule: _Optional[_Union[ChamberRule, _Mapping]] = ..., seats: _Optional[int] = ...) -> None: ...

class ChamberAllocation(_message.Message):
    __slots__ = ["alternatives", "districts", "family", "iterations", "lists", "notes", "seats", "stages", "undecided_seats", "unique"]
    ALTERNATIVES_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    ITERATIONS_FIELD_NUMBER: _ClassVar[int]
    LISTS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    UNDECIDED_SEATS_FIELD_NUMBER: _ClassVar[int]
    UNIQUE_FIELD_NUMBER: _ClassVar[int]
    alternatives: _containers.RepeatedCompositeFieldContainer[SeatTransfer]
    districts: _containers.RepeatedCompositeFieldContainer[DistrictAllocation]
    family: ChamberFamily
    iterations: int
    lists: _containers.RepeatedCompositeFieldContainer[ListAllocation]
    notes: _containers.RepeatedScalarFieldContainer[str]
    seats: int
    stages: _containers.RepeatedCompositeFieldContainer[ApportionmentStage]
    undecided_seats: int
    unique: bool
    def __init__(self, family: _Optional[_Union[ChamberFamily, str]] = ..., seats: _Optional[int] = ..., districts: _Optional[_Iterable[_Union[DistrictAllocation, _Mapping]]] = ..., lists: _Optional[_Iterable[_Union[ListAllocation, _Mapping]]] = ..., stages: _Optional[_Iterable[_Union[ApportionmentStage, _Mapping]]] = ..., unique: bool = ..., alternatives: _Optional[_Iterable[_Union[SeatTransfer, _Mapping]]] = ..., iterations: _Optional[int] = ..., undecided_seats: _Optional[int] = ..., notes: _Optional[_Iterable[str]] = ...) -> None: ...

class ChamberDistrict(_message.Message):
    __slots__ = ["area_km2", "display_name", "id", "leveling_seats", "override", "population", "seats", "threshold_base"]
    AREA_KM2_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LEVELING_SEATS_FIELD_NUMBER: _ClassVar[int]
    OVERRIDE_FIELD_NUMBER: _ClassVar[int]
    POPULATION_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_BASE_FIELD_NUMBER: _ClassVar[int]
    area_km2: int
    display_name: str
    id: str
    leveling_seats: int
    override: DistrictRule
    population: int
    seats: int
    threshold_base: int
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., seats: _Optional[int] = ..., leveling_seats: _Optional[int] = ..., threshold_base: _Optional[int] = ..., population: _Optional[int] = ..., area_km2: _Optional[int] = ..., override: _Optional[_Union[DistrictRule, _Mapping]] = ...) -> None: ...

class ChamberList(_message.Message):
    __slots__ = ["ballot_order", "display_name", "exempt", "id", "votes"]
    class VotesEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BALLOT_ORDER_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    EXEMPT_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    ballot_order: int
    display_name: str
    exempt: bool
    id: str
    votes: _containers.ScalarMap[str, str]
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[_Mapping[str, str]] = ..., exempt: bool = ..., ballot_order: _Optional[int] = ...) -> None: ...

class ChamberRule(_message.Message):
    __slots__ = ["biproportional", "district_apportionment", "district_threshold_percent", "family", "first_divisor", "leveling", "method", "national_threshold", "seed", "tie_rule"]
    BIPROPORTIONAL_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_APPORTIONMENT_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    FAMILY_FIELD_NUMBER: _ClassVar[int]
    FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    LEVELING_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    NATIONAL_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TIE_RULE_FIELD_NUMBER: _ClassVar[int]
    biproportional: BiproportionalRule
    district_apportionment: DistrictApportionment
    district_threshold_percent: str
    family: ChamberFamily
    first_divisor: str
    leveling: LevelingRule
    method: _apportionment_pb2.Method
    national_threshold: ChamberThreshold
    seed: int
    tie_rule: _apportionment_pb2.TieRule
    def __init__(self, family: _Optional[_Union[ChamberFamily, str]] = ..., method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., first_divisor: _Optional[str] = ..., district_threshold_percent: _Optional[str] = ..., national_threshold: _Optional[_Union[ChamberThreshold, _Mapping]] = ..., tie_rule: _Optional[_Union[_apportionment_pb2.TieRule, str]] = ..., seed: _Optional[int] = ..., biproportional: _Optional[_Union[BiproportionalRule, _Mapping]] = ..., leveling: _Optional[_Union[LevelingRule, _Mapping]] = ..., district_apportionment: _Optional[_Union[DistrictApportionment, _Mapping]] = ...) -> None: ...

class ChamberThreshold(_message.Message):
    __slots__ = ["base", "percent"]
    BASE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    base: int
    percent: str
    def __init__(self, percent: _Optional[str] = ..., base: _Optional[int] = ...) -> None: ...

class DistrictAllocation(_message.Message):
    __slots__ = ["allocation", "display_name", "divisor", "id", "leveling_seats", "seats", "votes"]
    ALLOCATION_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DIVISOR_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LEVELING_SEATS_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    allocation: _apportionment_pb2.Allocation
    display_name: str
    divisor: _apportionment_pb2.Fraction
    id: str
    leveling_seats: int
    seats: int
    votes: _apportionment_pb2.Fraction
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., seats: _Optional[int] = ..., leveling_seats: _Optional[int] = ..., divisor: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., votes: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., allocation: _Optional[_Union[_apportionment_pb2.Allocation, _Mapping]] = ...) -> None: ...

class DistrictApportionment(_message.Message):
    __slots__ = ["area_factor", "first_divisor", "method", "seats"]
    AREA_FACTOR_FIELD_NUMBER: _ClassVar[int]
    FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    area_factor: str
    first_divisor: str
    method: _apportionment_pb2.Method
    seats: int
    def __init__(self, seats: _Optional[int] = ..., method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., first_divisor: _Optional[str] = ..., area_factor: _Optional[str] = ...) -> None: ...

class DistrictRule(_message.Message):
    __slots__ = ["first_divisor", "method", "threshold_percent", "tie_rule"]
    FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    TIE_RULE_FIELD_NUMBER: _ClassVar[int]
    first_divisor: str
    method: _apportionment_pb2.Method
    threshold_percent: str
    tie_rule: _apportionment_pb2.TieRule
    def __init__(self, method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., first_divisor: _Optional[str] = ..., threshold_percent: _Optional[str] = ..., tie_rule: _Optional[_Union[_apportionment_pb2.TieRule, str]] = ...) -> None: ...

class LevelingRule(_message.Message):
    __slots__ = ["national_first_divisor", "national_method", "national_seats", "threshold_percent", "zero_seat_divisor"]
    NATIONAL_FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    NATIONAL_METHOD_FIELD_NUMBER: _ClassVar[int]
    NATIONAL_SEATS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    ZERO_SEAT_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    national_first_divisor: str
    national_method: _apportionment_pb2.Method
    national_seats: int
    threshold_percent: str
    zero_seat_divisor: str
    def __init__(self, threshold_percent: _Optional[str] = ..., national_seats: _Optional[int] = ..., national_method: _Optional[_Union[_apportionment_pb2.Method, str]] = ..., national_first_divisor: _Optional[str] = ..., zero_seat_divisor: _Optional[str] = ...) -> None: ...

class ListAllocation(_message.Message):
    __slots__ = ["display_name", "district_leveling_seats", "district_qualification", "district_seats", "divisor", "excluded_overrepresented", "id", "leveling_seats", "national_seats", "qualification", "seats", "tied_for_last", "upper_weight", "votes"]
    class DistrictLevelingSeatsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class DistrictQualificationEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _apportionment_pb2.Qualification
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_apportionment_pb2.Qualification, str]] = ...) -> None: ...
    class DistrictSeatsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_LEVELING_SEATS_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_SEATS_FIELD_NUMBER: _ClassVar[int]
    DIVISOR_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_OVERREPRESENTED_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    LEVELING_SEATS_FIELD_NUMBER: _ClassVar[int]
    NATIONAL_SEATS_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    TIED_FOR_LAST_FIELD_NUMBER: _ClassVar[int]
    UPPER_WEIGHT_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    district_leveling_seats: _containers.ScalarMap[str, int]
    district_qualification: _containers.ScalarMap[str, _apportionment_pb2.Qualification]
    district_seats: _containers.ScalarMap[str, int]
    divisor: _apportionment_pb2.Fraction
    excluded_overrepresented: bool
    id: str
    leveling_seats: int
    national_seats: int
    qualification: _apportionment_pb2.Qualification
    seats: int
    tied_for_last: bool
    upper_weight: _apportionment_pb2.Fraction
    votes: _apportionment_pb2.Fraction
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., qualification: _Optional[_Union[_apportionment_pb2.Qualification, str]] = ..., district_qualification: _Optional[_Mapping[str, _apportionment_pb2.Qualification]] = ..., seats: _Optional[int] = ..., district_seats: _Optional[_Mapping[str, int]] = ..., leveling_seats: _Optional[int] = ..., district_leveling_seats: _Optional[_Mapping[str, int]] = ..., national_seats: _Optional[int] = ..., upper_weight: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., divisor: _Optional[_Union[_apportionment_pb2.Fraction, _Mapping]] = ..., tied_for_last: bool = ..., excluded_overrepresented: bool = ...) -> None: ...

class Quorum(_message.Message):
    __slots__ = ["all", "any_district_percent", "total_percent"]
    ALL_FIELD_NUMBER: _ClassVar[int]
    ANY_DISTRICT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PERCENT_FIELD_NUMBER: _ClassVar[int]
    all: bool
    any_district_percent: str
    total_percent: str
    def __init__(self, any_district_percent: _Optional[str] = ..., total_percent: _Optional[str] = ..., all: bool = ...) -> None: ...

class SeatCell(_message.Message):
    __slots__ = ["district", "list"]
    DISTRICT_FIELD_NUMBER: _ClassVar[int]
    LIST_FIELD_NUMBER: _ClassVar[int]
    district: str
    list: str
    def __init__(self, list: _Optional[str] = ..., district: _Optional[str] = ...) -> None: ...

class SeatTransfer(_message.Message):
    __slots__ = ["add", "remove"]
    ADD_FIELD_NUMBER: _ClassVar[int]
    REMOVE_FIELD_NUMBER: _ClassVar[int]
    add: _containers.RepeatedCompositeFieldContainer[SeatCell]
    remove: _containers.RepeatedCompositeFieldContainer[SeatCell]
    def __init__(self, add: _Optional[_Iterable[_Union[SeatCell, _Mapping]]] = ..., remove: _Optional[_Iterable[_Union[SeatCell, _Mapping]]] = ...) -> None: ...

class ChamberFamily(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Weighting(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
