from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

CONTEST_KIND_PARTY_LIST: ContestKind
CONTEST_KIND_SINGLE_WINNER: ContestKind
CONTEST_KIND_UNSPECIFIED: ContestKind
DESCRIPTOR: _descriptor.FileDescriptor
LINE_ROLE_BALLOTS_CAST: LineRole
LINE_ROLE_BALLOTS_ISSUED: LineRole
LINE_ROLE_INVALID: LineRole
LINE_ROLE_REGISTERED: LineRole
LINE_ROLE_UNSPECIFIED: LineRole
LINE_ROLE_VALID: LineRole
RESULT_STATUS_CERTIFIED: ResultStatus
RESULT_STATUS_CORRECTION: ResultStatus
RESULT_STATUS_RECOUNT: ResultStatus
RESULT_STATUS_UNOFFICIAL_COMPLETE: ResultStatus
RESULT_STATUS_UNOFFICIAL_PARTIAL: ResultStatus
RESULT_STATUS_UNSPECIFIED: ResultStatus
RUNOFF_RULE_NONE: RunoffRule
RUNOFF_RULE_TIES_ADVANCE: RunoffRule
RUNOFF_RULE_TWO_LEADERS: RunoffRule
RUNOFF_RULE_UNSPECIFIED: RunoffRule
SEVERITY_ERROR: Severity
SEVERITY_UNSPECIFIED: Severity
SEVERITY_WARNING: Severity
TIER_KIND_LIST: TierKind
TIER_KIND_RESERVED: TierKind
TIER_KIND_SINGLE_MEMBER: TierKind
TIER_KIND_UNSPECIFIED: TierKind
TIER_LINK_COMPENSATORY: TierLink
TIER_LINK_LEVELING: TierLink
TIER_LINK_PARALLEL: TierLink
TIER_LINK_UNSPECIFIED: TierLink

class Chamber(_message.Message):
    __slots__ = ["display_name", "name", "seats", "tiers"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    name: str
    seats: int
    tiers: _containers.RepeatedCompositeFieldContainer[ChamberTier]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., seats: _Optional[int] = ..., tiers: _Optional[_Iterable[_Union[ChamberTier, _Mapping]]] = ...) -> None: ...

class ChamberTier(_message.Message):
    __slots__ = ["contest", "display_name", "districts", "id", "kind", "link", "linked_tier", "preset", "reserved_for", "seats", "single_member_districts"]
    CONTEST_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LINKED_TIER_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    PRESET_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FOR_FIELD_NUMBER: _ClassVar[int]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    SINGLE_MEMBER_DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    contest: str
    display_name: str
    districts: _containers.RepeatedCompositeFieldContainer[TierDistrict]
    id: str
    kind: TierKind
    link: TierLink
    linked_tier: str
    preset: str
    reserved_for: str
    seats: int
    single_member_districts: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[TierKind, str]] = ..., seats: _Optional[int] = ..., contest: _Optional[str] = ..., preset: _Optional[str] = ..., districts: _Optional[_Iterable[_Union[TierDistrict, _Mapping]]] = ..., single_member_districts: _Optional[str] = ..., reserved_for: _Optional[str] = ..., link: _Optional[_Union[TierLink, str]] = ..., linked_tier: _Optional[str] = ...) -> None: ...

class Choice(_message.Message):
    __slots__ = ["ballot_order", "color", "display_name", "id", "party", "short_name"]
    BALLOT_ORDER_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    PARTY_FIELD_NUMBER: _ClassVar[int]
    SHORT_NAME_FIELD_NUMBER: _ClassVar[int]
    ballot_order: int
    color: str
    display_name: str
    id: str
    party: str
    short_name: str
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., short_name: _Optional[str] = ..., ballot_order: _Optional[int] = ..., color: _Optional[str] = ..., party: _Optional[str] = ...) -> None: ...

class Contest(_message.Message):
    __slots__ = ["choices", "display_name", "district", "form", "kind", "majority_base", "majority_percent", "name", "runoff_rule", "seat_preset", "share_base", "status"]
    CHOICES_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_BASE_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_RULE_FIELD_NUMBER: _ClassVar[int]
    SEAT_PRESET_FIELD_NUMBER: _ClassVar[int]
    SHARE_BASE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    choices: _containers.RepeatedCompositeFieldContainer[Choice]
    display_name: str
    district: str
    form: ProtocolForm
    kind: ContestKind
    majority_base: LineRole
    majority_percent: int
    name: str
    runoff_rule: RunoffRule
    seat_preset: str
    share_base: LineRole
    status: ResultStatus
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., kind: _Optional[_Union[ContestKind, str]] = ..., choices: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ..., form: _Optional[_Union[ProtocolForm, _Mapping]] = ..., share_base: _Optional[_Union[LineRole, str]] = ..., majority_percent: _Optional[int] = ..., status: _Optional[_Union[ResultStatus, str]] = ..., majority_base: _Optional[_Union[LineRole, str]] = ..., runoff_rule: _Optional[_Union[RunoffRule, str]] = ..., district: _Optional[str] = ..., seat_preset: _Optional[str] = ...) -> None: ...

class ControlRelation(_message.Message):
    __slots__ = ["code", "expression", "message", "severity"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    EXPRESSION_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    code: str
    expression: str
    message: str
    severity: Severity
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ..., severity: _Optional[_Union[Severity, str]] = ..., expression: _Optional[str] = ...) -> None: ...

class Election(_message.Message):
    __slots__ = ["chambers", "contests", "create_time", "display_name", "election_date", "name", "single_member_districts"]
    CHAMBERS_FIELD_NUMBER: _ClassVar[int]
    CONTESTS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ELECTION_DATE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SINGLE_MEMBER_DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    chambers: _containers.RepeatedCompositeFieldContainer[Chamber]
    contests: _containers.RepeatedCompositeFieldContainer[Contest]
    create_time: _timestamp_pb2.Timestamp
    display_name: str
    election_date: str
    name: str
    single_member_districts: _containers.RepeatedCompositeFieldContainer[SingleMemberDistricts]
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., election_date: _Optional[str] = ..., contests: _Optional[_Iterable[_Union[Contest, _Mapping]]] = ..., create_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ..., single_member_districts: _Optional[_Iterable[_Union[SingleMemberDistricts, _Mapping]]] = ..., chambers: _Optional[_Iterable[_Union[Chamber, _Mapping]]] = ...) -> None: ...

class ProtocolForm(_message.Message):
    __slots__ = ["id", "lines", "registered_within_unit", "relations", "turnout_numerator"]
    ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_WITHIN_UNIT_FIELD_NUMBER: _ClassVar[int]
    RELATIONS_FIELD_NUMBER: _ClassVar[int]
    TURNOUT_NUMERATOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    lines: _containers.RepeatedCompositeFieldContainer[ProtocolLine]
    registered_within_unit: bool
    relations: _containers.RepeatedCompositeFieldContainer[ControlRelation]
    turnout_numerator: LineRole
    def __init__(self, id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[ProtocolLine, _Mapping]]] = ..., relations: _Optional[_Iterable[_Union[ControlRelation, _Mapping]]] = ..., turnout_numerator: _Optional[_Union[LineRole, str]] = ..., registered_within_unit: bool = ...) -> None: ...

class ProtocolLine(_message.Message):
    __slots__ = ["display_name", "id", "number", "roles"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    id: str
    number: str
    roles: _containers.RepeatedScalarFieldContainer[LineRole]
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[_Union[LineRole, str]]] = ...) -> None: ...

class ReportingUnit(_message.Message):
    __slots__ = ["display_name", "level", "name", "parent_unit", "registered_voters", "station"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_UNIT_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_VOTERS_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    level: str
    name: str
    parent_unit: str
    registered_voters: int
    station: bool
    def __init__(self, name: _Optional[str] = ..., parent_unit: _Optional[str] = ..., display_name: _Optional[str] = ..., level: _Optional[str] = ..., registered_voters: _Optional[int] = ..., station: bool = ...) -> None: ...

class SingleMemberDistrict(_message.Message):
    __slots__ = ["candidates", "display_name", "unit"]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[Choice]
    display_name: str
    unit: str
    def __init__(self, unit: _Optional[str] = ..., display_name: _Optional[str] = ..., candidates: _Optional[_Iterable[_Union[Choice, _Mapping]]] = ...) -> None: ...

class SingleMemberDistricts(_message.Message):
    __slots__ = ["display_name", "districts", "form", "id", "majority_base", "majority_percent", "runoff_rule", "share_base"]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICTS_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_BASE_FIELD_NUMBER: _ClassVar[int]
    MAJORITY_PERCENT_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_RULE_FIELD_NUMBER: _ClassVar[int]
    SHARE_BASE_FIELD_NUMBER: _ClassVar[int]
    display_name: str
    districts: _containers.RepeatedCompositeFieldContainer[SingleMemberDistrict]
    form: ProtocolForm
    id: str
    majority_base: LineRole
    majority_percent: int
    runoff_rule: RunoffRule
    share_base: LineRole
    def __init__(self, id: _Optional[str] = ..., display_name: _Optional[str] = ..., form: _Optional[_Union[ProtocolForm, _Mapping]] = ..., share_base: _Optional[_Union[LineRole, str]] = ..., majority_percent: _Optional[int] = ..., majority_base: _Optional[_Union[LineRole, str]] = ..., runoff_rule: _Optional[_Union[RunoffRule, str]] = ..., districts: _Optional[_Iterable[_Union[SingleMemberDistrict, _Mapping]]] = ...) -> None: ...

class TierDistrict(_message.Message):
    __slots__ = ["seats", "unit"]
    SEATS_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    seats: int
    unit: str
    def __init__(self, unit: _Optional[str] = ..., seats: _Optional[int] = ...) -> None: ...

class TierKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TierLink(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class RunoffRule(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ContestKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class LineRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class Severity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ResultStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
