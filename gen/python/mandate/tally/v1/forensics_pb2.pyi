from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from mandate.tally.v1 import election_pb2 as _election_pb2
from mandate.tally.v1 import totals_pb2 as _totals_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
DIGIT_POSITION_LAST: DigitPosition
DIGIT_POSITION_SECOND: DigitPosition
DIGIT_POSITION_UNSPECIFIED: DigitPosition
INTEGER_RULE_PER_VALUE: IntegerRule
INTEGER_RULE_PUBLISHED: IntegerRule
INTEGER_RULE_UNSPECIFIED: IntegerRule

class DigitTest(_message.Message):
    __slots__ = ["chi_square", "choice", "counts", "degrees_of_freedom", "expected_probabilities", "label", "min_votes", "observed", "p_value", "position"]
    CHI_SQUARE_FIELD_NUMBER: _ClassVar[int]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    DEGREES_OF_FREEDOM_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_PROBABILITIES_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    MIN_VOTES_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    P_VALUE_FIELD_NUMBER: _ClassVar[int]
    chi_square: float
    choice: str
    counts: int
    degrees_of_freedom: int
    expected_probabilities: _containers.RepeatedScalarFieldContainer[float]
    label: str
    min_votes: int
    observed: _containers.RepeatedScalarFieldContainer[int]
    p_value: float
    position: DigitPosition
    def __init__(self, position: _Optional[_Union[DigitPosition, str]] = ..., choice: _Optional[str] = ..., min_votes: _Optional[int] = ..., counts: _Optional[int] = ..., observed: _Optional[_Iterable[int]] = ..., expected_probabilities: _Optional[_Iterable[float]] = ..., chi_square: _Optional[float] = ..., degrees_of_freedom: _Optional[int] = ..., p_value: _Optional[float] = ..., label: _Optional[str] = ...) -> None: ...

class ElectionFingerprint(_message.Message):
    __slots__ = ["bins", "correlation", "counts", "excluded_stations", "high_turnout_stations", "leader_votes_high_turnout", "max_count", "over_registered_stations", "stations", "svg"]
    BINS_FIELD_NUMBER: _ClassVar[int]
    CORRELATION_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_STATIONS_FIELD_NUMBER: _ClassVar[int]
    HIGH_TURNOUT_STATIONS_FIELD_NUMBER: _ClassVar[int]
    LEADER_VOTES_HIGH_TURNOUT_FIELD_NUMBER: _ClassVar[int]
    MAX_COUNT_FIELD_NUMBER: _ClassVar[int]
    OVER_REGISTERED_STATIONS_FIELD_NUMBER: _ClassVar[int]
    STATIONS_FIELD_NUMBER: _ClassVar[int]
    SVG_FIELD_NUMBER: _ClassVar[int]
    bins: int
    correlation: float
    counts: _containers.RepeatedScalarFieldContainer[int]
    excluded_stations: int
    high_turnout_stations: int
    leader_votes_high_turnout: _totals_pb2.Ratio
    max_count: int
    over_registered_stations: int
    stations: int
    svg: str
    def __init__(self, bins: _Optional[int] = ..., counts: _Optional[_Iterable[int]] = ..., max_count: _Optional[int] = ..., stations: _Optional[int] = ..., excluded_stations: _Optional[int] = ..., over_registered_stations: _Optional[int] = ..., correlation: _Optional[float] = ..., leader_votes_high_turnout: _Optional[_Union[_totals_pb2.Ratio, _Mapping]] = ..., high_turnout_stations: _Optional[int] = ..., svg: _Optional[str] = ...) -> None: ...

class ExtremeStation(_message.Message):
    __slots__ = ["leader_share", "protocol", "region", "registered_voters", "station", "turnout"]
    LEADER_SHARE_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_VOTERS_FIELD_NUMBER: _ClassVar[int]
    STATION_FIELD_NUMBER: _ClassVar[int]
    TURNOUT_FIELD_NUMBER: _ClassVar[int]
    leader_share: _totals_pb2.Ratio
    protocol: str
    region: str
    registered_voters: int
    station: str
    turnout: _totals_pb2.Ratio
    def __init__(self, protocol: _Optional[str] = ..., station: _Optional[str] = ..., region: _Optional[str] = ..., registered_voters: _Optional[int] = ..., turnout: _Optional[_Union[_totals_pb2.Ratio, _Mapping]] = ..., leader_share: _Optional[_Union[_totals_pb2.Ratio, _Mapping]] = ...) -> None: ...

class ExtremeStations(_message.Message):
    __slots__ = ["count", "percent", "stations"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    STATIONS_FIELD_NUMBER: _ClassVar[int]
    count: int
    percent: int
    stations: _containers.RepeatedCompositeFieldContainer[ExtremeStation]
    def __init__(self, percent: _Optional[int] = ..., count: _Optional[int] = ..., stations: _Optional[_Iterable[_Union[ExtremeStation, _Mapping]]] = ...) -> None: ...

class ForensicsDefinitions(_message.Message):
    __slots__ = ["extreme_percent", "fingerprint_bins", "high_turnout_percent", "integer_max_percent", "integer_rule", "integer_window_hundredths", "min_last_digit_votes", "min_registered_voters", "min_second_digit_votes", "replicates", "seed", "share_base", "turnout"]
    EXTREME_PERCENT_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_BINS_FIELD_NUMBER: _ClassVar[int]
    HIGH_TURNOUT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    INTEGER_MAX_PERCENT_FIELD_NUMBER: _ClassVar[int]
    INTEGER_RULE_FIELD_NUMBER: _ClassVar[int]
    INTEGER_WINDOW_HUNDREDTHS_FIELD_NUMBER: _ClassVar[int]
    MIN_LAST_DIGIT_VOTES_FIELD_NUMBER: _ClassVar[int]
    MIN_REGISTERED_VOTERS_FIELD_NUMBER: _ClassVar[int]
    MIN_SECOND_DIGIT_VOTES_FIELD_NUMBER: _ClassVar[int]
    REPLICATES_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    SHARE_BASE_FIELD_NUMBER: _ClassVar[int]
    TURNOUT_FIELD_NUMBER: _ClassVar[int]
    extreme_percent: int
    fingerprint_bins: int
    high_turnout_percent: int
    integer_max_percent: int
    integer_rule: IntegerRule
    integer_window_hundredths: int
    min_last_digit_votes: int
    min_registered_voters: int
    min_second_digit_votes: int
    replicates: int
    seed: int
    share_base: str
    turnout: str
    def __init__(self, turnout: _Optional[str] = ..., share_base: _Optional[str] = ..., min_registered_voters: _Optional[int] = ..., integer_window_hundredths: _Optional[int] = ..., integer_max_percent: _Optional[int] = ..., replicates: _Optional[int] = ..., seed: _Optional[int] = ..., fingerprint_bins: _Optional[int] = ..., high_turnout_percent: _Optional[int] = ..., extreme_percent: _Optional[int] = ..., min_last_digit_votes: _Optional[int] = ..., min_second_digit_votes: _Optional[int] = ..., integer_rule: _Optional[_Union[IntegerRule, str]] = ...) -> None: ...

class ForensicsLeader(_message.Message):
    __slots__ = ["choice", "display_name", "share", "votes"]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    choice: str
    display_name: str
    share: _totals_pb2.Ratio
    votes: int
    def __init__(self, choice: _Optional[str] = ..., display_name: _Optional[str] = ..., votes: _Optional[int] = ..., share: _Optional[_Union[_totals_pb2.Ratio, _Mapping]] = ...) -> None: ...

class ForensicsRegion(_message.Message):
    __slots__ = ["unit", "unit_display_name"]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    unit: str
    unit_display_name: str
    def __init__(self, unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ...) -> None: ...

class ForensicsReport(_message.Message):
    __slots__ = ["definitions", "digit_tests", "disclaimer", "extreme_stations", "fingerprint", "generate_time", "integer_percent_test", "leader", "name", "regions", "relation_violations", "results_version", "stations", "unit", "unit_display_name"]
    DEFINITIONS_FIELD_NUMBER: _ClassVar[int]
    DIGIT_TESTS_FIELD_NUMBER: _ClassVar[int]
    DISCLAIMER_FIELD_NUMBER: _ClassVar[int]
    EXTREME_STATIONS_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    GENERATE_TIME_FIELD_NUMBER: _ClassVar[int]
    INTEGER_PERCENT_TEST_FIELD_NUMBER: _ClassVar[int]
    LEADER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    RELATION_VIOLATIONS_FIELD_NUMBER: _ClassVar[int]
    RESULTS_VERSION_FIELD_NUMBER: _ClassVar[int]
    STATIONS_FIELD_NUMBER: _ClassVar[int]
    UNIT_DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    definitions: ForensicsDefinitions
    digit_tests: _containers.RepeatedCompositeFieldContainer[DigitTest]
    disclaimer: str
    extreme_stations: ExtremeStations
    fingerprint: ElectionFingerprint
    generate_time: _timestamp_pb2.Timestamp
    integer_percent_test: IntegerPercentTest
    leader: ForensicsLeader
    name: str
    regions: _containers.RepeatedCompositeFieldContainer[ForensicsRegion]
    relation_violations: RelationViolations
    results_version: int
    stations: int
    unit: str
    unit_display_name: str
    def __init__(self, name: _Optional[str] = ..., unit: _Optional[str] = ..., unit_display_name: _Optional[str] = ..., disclaimer: _Optional[str] = ..., definitions: _Optional[_Union[ForensicsDefinitions, _Mapping]] = ..., stations: _Optional[int] = ..., leader: _Optional[_Union[ForensicsLeader, _Mapping]] = ..., regions: _Optional[_Iterable[_Union[ForensicsRegion, _Mapping]]] = ..., relation_violations: _Optional[_Union[RelationViolations, _Mapping]] = ..., fingerprint: _Optional[_Union[ElectionFingerprint, _Mapping]] = ..., integer_percent_test: _Optional[_Union[IntegerPercentTest, _Mapping]] = ..., digit_tests: _Optional[_Iterable[_Union[DigitTest, _Mapping]]] = ..., extreme_stations: _Optional[_Union[ExtremeStations, _Mapping]] = ..., results_version: _Optional[int] = ..., generate_time: _Optional[_Union[_timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class IntegerPercentRegion(_message.Message):
    __slots__ = ["eligible_stations", "excess", "expected", "monte_carlo_mean", "monte_carlo_standard_deviation", "observed", "p_value", "standard_deviation", "unit"]
    ELIGIBLE_STATIONS_FIELD_NUMBER: _ClassVar[int]
    EXCESS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_MEAN_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_STANDARD_DEVIATION_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_FIELD_NUMBER: _ClassVar[int]
    P_VALUE_FIELD_NUMBER: _ClassVar[int]
    STANDARD_DEVIATION_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    eligible_stations: int
    excess: float
    expected: float
    monte_carlo_mean: float
    monte_carlo_standard_deviation: float
    observed: int
    p_value: float
    standard_deviation: float
    unit: str
    def __init__(self, unit: _Optional[str] = ..., eligible_stations: _Optional[int] = ..., observed: _Optional[int] = ..., expected: _Optional[float] = ..., standard_deviation: _Optional[float] = ..., excess: _Optional[float] = ..., monte_carlo_mean: _Optional[float] = ..., monte_carlo_standard_deviation: _Optional[float] = ..., p_value: _Optional[float] = ...) -> None: ...

class IntegerPercentTest(_message.Message):
    __slots__ = ["eligible_stations", "excess", "expected", "expected_share", "expected_turnout", "monte_carlo_max", "monte_carlo_mean", "monte_carlo_min", "monte_carlo_standard_deviation", "observed", "observed_share", "observed_turnout", "p_value", "regions", "share_histogram", "standard_deviation", "turnout_histogram", "z_score"]
    ELIGIBLE_STATIONS_FIELD_NUMBER: _ClassVar[int]
    EXCESS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_SHARE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_TURNOUT_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_MAX_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_MEAN_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_MIN_FIELD_NUMBER: _ClassVar[int]
    MONTE_CARLO_STANDARD_DEVIATION_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_SHARE_FIELD_NUMBER: _ClassVar[int]
    OBSERVED_TURNOUT_FIELD_NUMBER: _ClassVar[int]
    P_VALUE_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    SHARE_HISTOGRAM_FIELD_NUMBER: _ClassVar[int]
    STANDARD_DEVIATION_FIELD_NUMBER: _ClassVar[int]
    TURNOUT_HISTOGRAM_FIELD_NUMBER: _ClassVar[int]
    Z_SCORE_FIELD_NUMBER: _ClassVar[int]
    eligible_stations: int
    excess: float
    expected: float
    expected_share: float
    expected_turnout: float
    monte_carlo_max: int
    monte_carlo_mean: float
    monte_carlo_min: int
    monte_carlo_standard_deviation: float
    observed: int
    observed_share: int
    observed_turnout: int
    p_value: float
    regions: _containers.RepeatedCompositeFieldContainer[IntegerPercentRegion]
    share_histogram: _containers.RepeatedScalarFieldContainer[int]
    standard_deviation: float
    turnout_histogram: _containers.RepeatedScalarFieldContainer[int]
    z_score: float
    def __init__(self, eligible_stations: _Optional[int] = ..., observed: _Optional[int] = ..., observed_turnout: _Optional[int] = ..., observed_share: _Optional[int] = ..., expected: _Optional[float] = ..., expected_turnout: _Optional[float] = ..., expected_share: _Optional[float] = ..., standard_deviation: _Optional[float] = ..., excess: _Optional[float] = ..., z_score: _Optional[float] = ..., monte_carlo_mean: _Optional[float] = ..., monte_carlo_standard_deviation: _Optional[float] = ..., monte_carlo_min: _Optional[int] = ..., monte_carlo_max: _Optional[int] = ..., p_value: _Optional[float] = ..., regions: _Optional[_Iterable[_Union[IntegerPercentRegion, _Mapping]]] = ..., turnout_histogram: _Optional[_Iterable[int]] = ..., share_histogram: _Optional[_Iterable[int]] = ...) -> None: ...

class RegionCount(_message.Message):
    __slots__ = ["count", "unit"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    count: int
    unit: str
    def __init__(self, unit: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class RegionViolations(_message.Message):
    __slots__ = ["protocols_with_errors", "protocols_with_warnings", "stations", "unit"]
    PROTOCOLS_WITH_ERRORS_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_WITH_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    STATIONS_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    protocols_with_errors: int
    protocols_with_warnings: int
    stations: int
    unit: str
    def __init__(self, unit: _Optional[str] = ..., stations: _Optional[int] = ..., protocols_with_warnings: _Optional[int] = ..., protocols_with_errors: _Optional[int] = ...) -> None: ...

class RelationViolationCount(_message.Message):
    __slots__ = ["code", "protocols", "regions", "severity"]
    CODE_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    code: str
    protocols: int
    regions: _containers.RepeatedCompositeFieldContainer[RegionCount]
    severity: _election_pb2.Severity
    def __init__(self, code: _Optional[str] = ..., severity: _Optional[_Union[_election_pb2.Severity, str]] = ..., protocols: _Optional[int] = ..., regions: _Optional[_Iterable[_Union[RegionCount, _Mapping]]] = ...) -> None: ...

class RelationViolations(_message.Message):
    __slots__ = ["codes", "protocols_with_errors", "protocols_with_warnings", "regions"]
    CODES_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_WITH_ERRORS_FIELD_NUMBER: _ClassVar[int]
    PROTOCOLS_WITH_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    codes: _containers.RepeatedCompositeFieldContainer[RelationViolationCount]
    protocols_with_errors: int
    protocols_with_warnings: int
    regions: _containers.RepeatedCompositeFieldContainer[RegionViolations]
    def __init__(self, protocols_with_warnings: _Optional[int] = ..., protocols_with_errors: _Optional[int] = ..., codes: _Optional[_Iterable[_Union[RelationViolationCount, _Mapping]]] = ..., regions: _Optional[_Iterable[_Union[RegionViolations, _Mapping]]] = ...) -> None: ...

class IntegerRule(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DigitPosition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
