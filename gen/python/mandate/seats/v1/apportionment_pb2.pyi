from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
MARGIN_STATUS_COMPUTED: MarginStatus
MARGIN_STATUS_NONE: MarginStatus
MARGIN_STATUS_NOT_COMPUTED: MarginStatus
MARGIN_STATUS_UNSPECIFIED: MarginStatus
METHOD_ADAMS: Method
METHOD_DANISH: Method
METHOD_DEAN: Method
METHOD_DHONDT: Method
METHOD_DROOP: Method
METHOD_HAGENBACH_BISCHOFF: Method
METHOD_HARE: Method
METHOD_HUNTINGTON_HILL: Method
METHOD_IMPERIALI_DIVISOR: Method
METHOD_IMPERIALI_QUOTA: Method
METHOD_MODIFIED_SAINTE_LAGUE: Method
METHOD_SAINTE_LAGUE: Method
METHOD_UNSPECIFIED: Method
QUALIFICATION_DISTRICT_WINS: Qualification
QUALIFICATION_EXEMPT: Qualification
QUALIFICATION_FAILED: Qualification
QUALIFICATION_NO_THRESHOLD: Qualification
QUALIFICATION_PASSED: Qualification
QUALIFICATION_RUNNER_UP: Qualification
QUALIFICATION_UNSPECIFIED: Qualification
TIE_RULE_BALLOT_ORDER: TieRule
TIE_RULE_LOT: TieRule
TIE_RULE_MORE_VOTES: TieRule
TIE_RULE_UNDECIDED: TieRule
TIE_RULE_UNSPECIFIED: TieRule

class Allocation(_message.Message):
    __slots__ = ["awards", "awards_truncated", "divisor_max", "divisor_min", "effective_parties_seats", "effective_parties_votes", "gallagher_index", "house_size", "loosemore_hanby_index", "method", "notes", "overhang_seats", "parties", "quota", "reserved_seats", "seats", "seed", "tie_rule", "ties", "undecided_seats"]
    AWARDS_FIELD_NUMBER: _ClassVar[int]
    AWARDS_TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    DIVISOR_MAX_FIELD_NUMBER: _ClassVar[int]
    DIVISOR_MIN_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_PARTIES_SEATS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_PARTIES_VOTES_FIELD_NUMBER: _ClassVar[int]
    GALLAGHER_INDEX_FIELD_NUMBER: _ClassVar[int]
    HOUSE_SIZE_FIELD_NUMBER: _ClassVar[int]
    LOOSEMORE_HANBY_INDEX_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    OVERHANG_SEATS_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    QUOTA_FIELD_NUMBER: _ClassVar[int]
    RESERVED_SEATS_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TIES_FIELD_NUMBER: _ClassVar[int]
    TIE_RULE_FIELD_NUMBER: _ClassVar[int]
    UNDECIDED_SEATS_FIELD_NUMBER: _ClassVar[int]
    awards: _containers.RepeatedCompositeFieldContainer[Award]
    awards_truncated: bool
    divisor_max: Fraction
    divisor_min: Fraction
    effective_parties_seats: float
    effective_parties_votes: float
    gallagher_index: float
    house_size: int
    loosemore_hanby_index: float
    method: Method
    notes: _containers.RepeatedScalarFieldContainer[str]
    overhang_seats: int
    parties: _containers.RepeatedCompositeFieldContainer[PartyResult]
    quota: Fraction
    reserved_seats: int
    seats: int
    seed: int
    tie_rule: TieRule
    ties: _containers.RepeatedCompositeFieldContainer[Tie]
    undecided_seats: int
    def __init__(self, method: _Optional[_Union[Method, str]] = ..., seats: _Optional[int] = ..., house_size: _Optional[int] = ..., reserved_seats: _Optional[int] = ..., overhang_seats: _Optional[int] = ..., parties: _Optional[_Iterable[_Union[PartyResult, _Mapping]]] = ..., awards: _Optional[_Iterable[_Union[Award, _Mapping]]] = ..., awards_truncated: bool = ..., divisor_min: _Optional[_Union[Fraction, _Mapping]] = ..., divisor_max: _Optional[_Union[Fraction, _Mapping]] = ..., quota: _Optional[_Union[Fraction, _Mapping]] = ..., ties: _Optional[_Iterable[_Union[Tie, _Mapping]]] = ..., undecided_seats: _Optional[int] = ..., tie_rule: _Optional[_Union[TieRule, str]] = ..., seed: _Optional[int] = ..., gallagher_index: _Optional[float] = ..., loosemore_hanby_index: _Optional[float] = ..., effective_parties_votes: _Optional[float] = ..., effective_parties_seats: _Optional[float] = ..., notes: _Optional[_Iterable[str]] = ...) -> None: ...

class Award(_message.Message):
    __slots__ = ["party", "quotient", "seat"]
    PARTY_FIELD_NUMBER: _ClassVar[int]
    QUOTIENT_FIELD_NUMBER: _ClassVar[int]
    SEAT_FIELD_NUMBER: _ClassVar[int]
    party: str
    quotient: Fraction
    seat: int
    def __init__(self, seat: _Optional[int] = ..., party: _Optional[str] = ..., quotient: _Optional[_Union[Fraction, _Mapping]] = ...) -> None: ...

class Fraction(_message.Message):
    __slots__ = ["decimal", "denominator", "numerator"]
    DECIMAL_FIELD_NUMBER: _ClassVar[int]
    DENOMINATOR_FIELD_NUMBER: _ClassVar[int]
    NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    decimal: str
    denominator: str
    numerator: str
    def __init__(self, numerator: _Optional[str] = ..., denominator: _Optional[str] = ..., decimal: _Optional[str] = ...) -> None: ...

class Party(_message.Message):
    __slots__ = ["ballot_order", "display_name", "district_wins", "exempt", "id", "votes"]
    BALLOT_ORDER_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_WINS_FIELD_NUMBER: _ClassVar[int]
    EXEMPT_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    ballot_order: int
    display_name: str
    district_wins: int
    exempt: bool
    id: str
    votes: int
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[int] = ..., district_wins: _Optional[int] = ..., exempt: bool = ..., ballot_order: _Optional[int] = ...) -> None: ...

class PartyResult(_message.Message):
    __slots__ = ["display_name", "district_wins", "id", "overhang_seats", "qualification", "remainder", "seats", "share", "tied_for_last", "votes", "votes_to_gain", "votes_to_gain_status", "votes_to_lose", "votes_to_lose_status", "whole_seats"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_WINS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    OVERHANG_SEATS_FIELD_NUMBER: _ClassVar[int]
    QUALIFICATION_FIELD_NUMBER: _ClassVar[int]
    REMAINDER_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    TIED_FOR_LAST_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    VOTES_TO_GAIN_FIELD_NUMBER: _ClassVar[int]
    VOTES_TO_GAIN_STATUS_FIELD_NUMBER: _ClassVar[int]
    VOTES_TO_LOSE_FIELD_NUMBER: _ClassVar[int]
    VOTES_TO_LOSE_STATUS_FIELD_NUMBER: _ClassVar[int]
    WHOLE_SEATS_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    district_wins: int
    id: str
    overhang_seats: int
    qualification: Qualification
    remainder: Fraction
    seats: int
    share: Fraction
    tied_for_last: bool
    votes: int
    votes_to_gain: int
    votes_to_gain_status: MarginStatus
    votes_to_lose: int
    votes_to_lose_status: MarginStatus
    whole_seats: int
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[int] = ..., qualification: _Optional[_Union[Qualification, str]] = ..., share: _Optional[_Union[Fraction, _Mapping]] = ..., seats: _Optional[int] = ..., whole_seats: _Optional[int] = ..., remainder: _Optional[_Union[Fraction, _Mapping]] = ..., district_wins: _Optional[int] = ..., overhang_seats: _Optional[int] = ..., tied_for_last: bool = ..., votes_to_gain: _Optional[int] = ..., votes_to_lose: _Optional[int] = ..., votes_to_gain_status: _Optional[_Union[MarginStatus, str]] = ..., votes_to_lose_status: _Optional[_Union[MarginStatus, str]] = ...) -> None: ...

class Rule(_message.Message):
    __slots__ = ["first_divisor", "max_seats_per_party", "method", "min_seats_per_party", "overhang", "reserved_seats", "runner_up_guaranteed", "seats", "seed", "threshold", "tie_rule"]
    FIRST_DIVISOR_FIELD_NUMBER: _ClassVar[int]
    MAX_SEATS_PER_PARTY_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    MIN_SEATS_PER_PARTY_FIELD_NUMBER: _ClassVar[int]
    OVERHANG_FIELD_NUMBER: _ClassVar[int]
    RESERVED_SEATS_FIELD_NUMBER: _ClassVar[int]
    RUNNER_UP_GUARANTEED_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    TIE_RULE_FIELD_NUMBER: _ClassVar[int]
    first_divisor: str
    max_seats_per_party: int
    method: Method
    min_seats_per_party: int
    overhang: bool
    reserved_seats: int
    runner_up_guaranteed: bool
    seats: int
    seed: int
    threshold: Threshold
    tie_rule: TieRule
    def __init__(self, method: _Optional[_Union[Method, str]] = ..., seats: _Optional[int] = ..., reserved_seats: _Optional[int] = ..., first_divisor: _Optional[str] = ..., threshold: _Optional[_Union[Threshold, _Mapping]] = ..., runner_up_guaranteed: bool = ..., min_seats_per_party: _Optional[int] = ..., max_seats_per_party: _Optional[int] = ..., overhang: bool = ..., tie_rule: _Optional[_Union[TieRule, str]] = ..., seed: _Optional[int] = ...) -> None: ...

class Threshold(_message.Message):
    __slots__ = ["base", "or_district_wins_at_least", "percent", "votes"]
    BASE_FIELD_NUMBER: _ClassVar[int]
    OR_DISTRICT_WINS_AT_LEAST_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    base: int
    or_district_wins_at_least: int
    percent: str
    votes: int
    def __init__(self, percent: _Optional[str] = ..., base: _Optional[int] = ..., votes: _Optional[int] = ..., or_district_wins_at_least: _Optional[int] = ...) -> None: ...

class Tie(_message.Message):
    __slots__ = ["parties", "seats", "winners"]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    WINNERS_FIELD_NUMBER: _ClassVar[int]
    parties: _containers.RepeatedScalarFieldContainer[str]
    seats: int
    winners: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, parties: _Optional[_Iterable[str]] = ..., seats: _Optional[int] = ..., winners: _Optional[_Iterable[str]] = ...) -> None: ...

class Method(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TieRule(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Qualification(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class MarginStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
