import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CustomHttpPattern as _google_api_CustomHttpPattern, CustomHttpPattern__Output as _google_api_CustomHttpPattern__Output } from './google/api/CustomHttpPattern';
import type { Http as _google_api_Http, Http__Output as _google_api_Http__Output } from './google/api/Http';
import type { HttpRule as _google_api_HttpRule, HttpRule__Output as _google_api_HttpRule__Output } from './google/api/HttpRule';
import type { ResourceDescriptor as _google_api_ResourceDescriptor, ResourceDescriptor__Output as _google_api_ResourceDescriptor__Output } from './google/api/ResourceDescriptor';
import type { ResourceReference as _google_api_ResourceReference, ResourceReference__Output as _google_api_ResourceReference__Output } from './google/api/ResourceReference';
import type { DescriptorProto as _google_protobuf_DescriptorProto, DescriptorProto__Output as _google_protobuf_DescriptorProto__Output } from './google/protobuf/DescriptorProto';
import type { EnumDescriptorProto as _google_protobuf_EnumDescriptorProto, EnumDescriptorProto__Output as _google_protobuf_EnumDescriptorProto__Output } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions as _google_protobuf_EnumOptions, EnumOptions__Output as _google_protobuf_EnumOptions__Output } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto, EnumValueDescriptorProto__Output as _google_protobuf_EnumValueDescriptorProto__Output } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions as _google_protobuf_EnumValueOptions, EnumValueOptions__Output as _google_protobuf_EnumValueOptions__Output } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions, ExtensionRangeOptions__Output as _google_protobuf_ExtensionRangeOptions__Output } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet as _google_protobuf_FeatureSet, FeatureSet__Output as _google_protobuf_FeatureSet__Output } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults as _google_protobuf_FeatureSetDefaults, FeatureSetDefaults__Output as _google_protobuf_FeatureSetDefaults__Output } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto as _google_protobuf_FieldDescriptorProto, FieldDescriptorProto__Output as _google_protobuf_FieldDescriptorProto__Output } from './google/protobuf/FieldDescriptorProto';
import type { FieldOptions as _google_protobuf_FieldOptions, FieldOptions__Output as _google_protobuf_FieldOptions__Output } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto as _google_protobuf_FileDescriptorProto, FileDescriptorProto__Output as _google_protobuf_FileDescriptorProto__Output } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet as _google_protobuf_FileDescriptorSet, FileDescriptorSet__Output as _google_protobuf_FileDescriptorSet__Output } from './google/protobuf/FileDescriptorSet';
import type { FileOptions as _google_protobuf_FileOptions, FileOptions__Output as _google_protobuf_FileOptions__Output } from './google/protobuf/FileOptions';
import type { GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo, GeneratedCodeInfo__Output as _google_protobuf_GeneratedCodeInfo__Output } from './google/protobuf/GeneratedCodeInfo';
import type { MessageOptions as _google_protobuf_MessageOptions, MessageOptions__Output as _google_protobuf_MessageOptions__Output } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto as _google_protobuf_MethodDescriptorProto, MethodDescriptorProto__Output as _google_protobuf_MethodDescriptorProto__Output } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions as _google_protobuf_MethodOptions, MethodOptions__Output as _google_protobuf_MethodOptions__Output } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto as _google_protobuf_OneofDescriptorProto, OneofDescriptorProto__Output as _google_protobuf_OneofDescriptorProto__Output } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions as _google_protobuf_OneofOptions, OneofOptions__Output as _google_protobuf_OneofOptions__Output } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto, ServiceDescriptorProto__Output as _google_protobuf_ServiceDescriptorProto__Output } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions as _google_protobuf_ServiceOptions, ServiceOptions__Output as _google_protobuf_ServiceOptions__Output } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo as _google_protobuf_SourceCodeInfo, SourceCodeInfo__Output as _google_protobuf_SourceCodeInfo__Output } from './google/protobuf/SourceCodeInfo';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { UninterpretedOption as _google_protobuf_UninterpretedOption, UninterpretedOption__Output as _google_protobuf_UninterpretedOption__Output } from './google/protobuf/UninterpretedOption';
import type { AllocateContestRequest as _mandate_seats_v1_AllocateContestRequest, AllocateContestRequest__Output as _mandate_seats_v1_AllocateContestRequest__Output } from './mandate/seats/v1/AllocateContestRequest';
import type { Allocation as _mandate_seats_v1_Allocation, Allocation__Output as _mandate_seats_v1_Allocation__Output } from './mandate/seats/v1/Allocation';
import type { ApportionRequest as _mandate_seats_v1_ApportionRequest, ApportionRequest__Output as _mandate_seats_v1_ApportionRequest__Output } from './mandate/seats/v1/ApportionRequest';
import type { ApportionResponse as _mandate_seats_v1_ApportionResponse, ApportionResponse__Output as _mandate_seats_v1_ApportionResponse__Output } from './mandate/seats/v1/ApportionResponse';
import type { ApportionmentStage as _mandate_seats_v1_ApportionmentStage, ApportionmentStage__Output as _mandate_seats_v1_ApportionmentStage__Output } from './mandate/seats/v1/ApportionmentStage';
import type { Award as _mandate_seats_v1_Award, Award__Output as _mandate_seats_v1_Award__Output } from './mandate/seats/v1/Award';
import type { BiproportionalRule as _mandate_seats_v1_BiproportionalRule, BiproportionalRule__Output as _mandate_seats_v1_BiproportionalRule__Output } from './mandate/seats/v1/BiproportionalRule';
import type { Chamber as _mandate_seats_v1_Chamber, Chamber__Output as _mandate_seats_v1_Chamber__Output } from './mandate/seats/v1/Chamber';
import type { ChamberAllocation as _mandate_seats_v1_ChamberAllocation, ChamberAllocation__Output as _mandate_seats_v1_ChamberAllocation__Output } from './mandate/seats/v1/ChamberAllocation';
import type { ChamberComposition as _mandate_seats_v1_ChamberComposition, ChamberComposition__Output as _mandate_seats_v1_ChamberComposition__Output } from './mandate/seats/v1/ChamberComposition';
import type { ChamberDistrict as _mandate_seats_v1_ChamberDistrict, ChamberDistrict__Output as _mandate_seats_v1_ChamberDistrict__Output } from './mandate/seats/v1/ChamberDistrict';
import type { ChamberList as _mandate_seats_v1_ChamberList, ChamberList__Output as _mandate_seats_v1_ChamberList__Output } from './mandate/seats/v1/ChamberList';
import type { ChamberRule as _mandate_seats_v1_ChamberRule, ChamberRule__Output as _mandate_seats_v1_ChamberRule__Output } from './mandate/seats/v1/ChamberRule';
import type { ChamberThreshold as _mandate_seats_v1_ChamberThreshold, ChamberThreshold__Output as _mandate_seats_v1_ChamberThreshold__Output } from './mandate/seats/v1/ChamberThreshold';
import type { ContestAllocation as _mandate_seats_v1_ContestAllocation, ContestAllocation__Output as _mandate_seats_v1_ContestAllocation__Output } from './mandate/seats/v1/ContestAllocation';
import type { ContestDistrict as _mandate_seats_v1_ContestDistrict, ContestDistrict__Output as _mandate_seats_v1_ContestDistrict__Output } from './mandate/seats/v1/ContestDistrict';
import type { DistrictAllocation as _mandate_seats_v1_DistrictAllocation, DistrictAllocation__Output as _mandate_seats_v1_DistrictAllocation__Output } from './mandate/seats/v1/DistrictAllocation';
import type { DistrictApportionment as _mandate_seats_v1_DistrictApportionment, DistrictApportionment__Output as _mandate_seats_v1_DistrictApportionment__Output } from './mandate/seats/v1/DistrictApportionment';
import type { DistrictRule as _mandate_seats_v1_DistrictRule, DistrictRule__Output as _mandate_seats_v1_DistrictRule__Output } from './mandate/seats/v1/DistrictRule';
import type { DistrictSeats as _mandate_seats_v1_DistrictSeats, DistrictSeats__Output as _mandate_seats_v1_DistrictSeats__Output } from './mandate/seats/v1/DistrictSeats';
import type { Fraction as _mandate_seats_v1_Fraction, Fraction__Output as _mandate_seats_v1_Fraction__Output } from './mandate/seats/v1/Fraction';
import type { GetChamberCompositionRequest as _mandate_seats_v1_GetChamberCompositionRequest, GetChamberCompositionRequest__Output as _mandate_seats_v1_GetChamberCompositionRequest__Output } from './mandate/seats/v1/GetChamberCompositionRequest';
import type { GetPresetRequest as _mandate_seats_v1_GetPresetRequest, GetPresetRequest__Output as _mandate_seats_v1_GetPresetRequest__Output } from './mandate/seats/v1/GetPresetRequest';
import type { LevelingRule as _mandate_seats_v1_LevelingRule, LevelingRule__Output as _mandate_seats_v1_LevelingRule__Output } from './mandate/seats/v1/LevelingRule';
import type { ListAllocation as _mandate_seats_v1_ListAllocation, ListAllocation__Output as _mandate_seats_v1_ListAllocation__Output } from './mandate/seats/v1/ListAllocation';
import type { ListPresetsRequest as _mandate_seats_v1_ListPresetsRequest, ListPresetsRequest__Output as _mandate_seats_v1_ListPresetsRequest__Output } from './mandate/seats/v1/ListPresetsRequest';
import type { ListPresetsResponse as _mandate_seats_v1_ListPresetsResponse, ListPresetsResponse__Output as _mandate_seats_v1_ListPresetsResponse__Output } from './mandate/seats/v1/ListPresetsResponse';
import type { Party as _mandate_seats_v1_Party, Party__Output as _mandate_seats_v1_Party__Output } from './mandate/seats/v1/Party';
import type { PartyResult as _mandate_seats_v1_PartyResult, PartyResult__Output as _mandate_seats_v1_PartyResult__Output } from './mandate/seats/v1/PartyResult';
import type { PartySeats as _mandate_seats_v1_PartySeats, PartySeats__Output as _mandate_seats_v1_PartySeats__Output } from './mandate/seats/v1/PartySeats';
import type { Preset as _mandate_seats_v1_Preset, Preset__Output as _mandate_seats_v1_Preset__Output } from './mandate/seats/v1/Preset';
import type { Quorum as _mandate_seats_v1_Quorum, Quorum__Output as _mandate_seats_v1_Quorum__Output } from './mandate/seats/v1/Quorum';
import type { Rule as _mandate_seats_v1_Rule, Rule__Output as _mandate_seats_v1_Rule__Output } from './mandate/seats/v1/Rule';
import type { SeatCell as _mandate_seats_v1_SeatCell, SeatCell__Output as _mandate_seats_v1_SeatCell__Output } from './mandate/seats/v1/SeatCell';
import type { SeatTransfer as _mandate_seats_v1_SeatTransfer, SeatTransfer__Output as _mandate_seats_v1_SeatTransfer__Output } from './mandate/seats/v1/SeatTransfer';
import type { SeatsServiceClient as _mandate_seats_v1_SeatsServiceClient, SeatsServiceDefinition as _mandate_seats_v1_SeatsServiceDefinition } from './mandate/seats/v1/SeatsService';
import type { Threshold as _mandate_seats_v1_Threshold, Threshold__Output as _mandate_seats_v1_Threshold__Output } from './mandate/seats/v1/Threshold';
import type { Tie as _mandate_seats_v1_Tie, Tie__Output as _mandate_seats_v1_Tie__Output } from './mandate/seats/v1/Tie';
import type { TierComposition as _mandate_seats_v1_TierComposition, TierComposition__Output as _mandate_seats_v1_TierComposition__Output } from './mandate/seats/v1/TierComposition';
import type { WatchChamberCompositionRequest as _mandate_seats_v1_WatchChamberCompositionRequest, WatchChamberCompositionRequest__Output as _mandate_seats_v1_WatchChamberCompositionRequest__Output } from './mandate/seats/v1/WatchChamberCompositionRequest';
import type { WatchContestAllocationRequest as _mandate_seats_v1_WatchContestAllocationRequest, WatchContestAllocationRequest__Output as _mandate_seats_v1_WatchContestAllocationRequest__Output } from './mandate/seats/v1/WatchContestAllocationRequest';
import type { Chamber as _mandate_tally_v1_Chamber, Chamber__Output as _mandate_tally_v1_Chamber__Output } from './mandate/tally/v1/Chamber';
import type { ChamberTier as _mandate_tally_v1_ChamberTier, ChamberTier__Output as _mandate_tally_v1_ChamberTier__Output } from './mandate/tally/v1/ChamberTier';
import type { Change as _mandate_tally_v1_Change, Change__Output as _mandate_tally_v1_Change__Output } from './mandate/tally/v1/Change';
import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from './mandate/tally/v1/Checkpoint';
import type { Choice as _mandate_tally_v1_Choice, Choice__Output as _mandate_tally_v1_Choice__Output } from './mandate/tally/v1/Choice';
import type { ChoiceTotal as _mandate_tally_v1_ChoiceTotal, ChoiceTotal__Output as _mandate_tally_v1_ChoiceTotal__Output } from './mandate/tally/v1/ChoiceTotal';
import type { ConsistencyProof as _mandate_tally_v1_ConsistencyProof, ConsistencyProof__Output as _mandate_tally_v1_ConsistencyProof__Output } from './mandate/tally/v1/ConsistencyProof';
import type { Contest as _mandate_tally_v1_Contest, Contest__Output as _mandate_tally_v1_Contest__Output } from './mandate/tally/v1/Contest';
import type { ControlRelation as _mandate_tally_v1_ControlRelation, ControlRelation__Output as _mandate_tally_v1_ControlRelation__Output } from './mandate/tally/v1/ControlRelation';
import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from './mandate/tally/v1/Election';
import type { InclusionProof as _mandate_tally_v1_InclusionProof, InclusionProof__Output as _mandate_tally_v1_InclusionProof__Output } from './mandate/tally/v1/InclusionProof';
import type { LeaderStatus as _mandate_tally_v1_LeaderStatus, LeaderStatus__Output as _mandate_tally_v1_LeaderStatus__Output } from './mandate/tally/v1/LeaderStatus';
import type { LineTotal as _mandate_tally_v1_LineTotal, LineTotal__Output as _mandate_tally_v1_LineTotal__Output } from './mandate/tally/v1/LineTotal';
import type { LogEntry as _mandate_tally_v1_LogEntry, LogEntry__Output as _mandate_tally_v1_LogEntry__Output } from './mandate/tally/v1/LogEntry';
import type { LogReceipt as _mandate_tally_v1_LogReceipt, LogReceipt__Output as _mandate_tally_v1_LogReceipt__Output } from './mandate/tally/v1/LogReceipt';
import type { LogSpan as _mandate_tally_v1_LogSpan, LogSpan__Output as _mandate_tally_v1_LogSpan__Output } from './mandate/tally/v1/LogSpan';
import type { Protocol as _mandate_tally_v1_Protocol, Protocol__Output as _mandate_tally_v1_Protocol__Output } from './mandate/tally/v1/Protocol';
import type { ProtocolForm as _mandate_tally_v1_ProtocolForm, ProtocolForm__Output as _mandate_tally_v1_ProtocolForm__Output } from './mandate/tally/v1/ProtocolForm';
import type { ProtocolLine as _mandate_tally_v1_ProtocolLine, ProtocolLine__Output as _mandate_tally_v1_ProtocolLine__Output } from './mandate/tally/v1/ProtocolLine';
import type { ProtocolVersion as _mandate_tally_v1_ProtocolVersion, ProtocolVersion__Output as _mandate_tally_v1_ProtocolVersion__Output } from './mandate/tally/v1/ProtocolVersion';
import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from './mandate/tally/v1/Ratio';
import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from './mandate/tally/v1/ReportingUnit';
import type { SingleMemberDistrict as _mandate_tally_v1_SingleMemberDistrict, SingleMemberDistrict__Output as _mandate_tally_v1_SingleMemberDistrict__Output } from './mandate/tally/v1/SingleMemberDistrict';
import type { SingleMemberDistricts as _mandate_tally_v1_SingleMemberDistricts, SingleMemberDistricts__Output as _mandate_tally_v1_SingleMemberDistricts__Output } from './mandate/tally/v1/SingleMemberDistricts';
import type { TierDistrict as _mandate_tally_v1_TierDistrict, TierDistrict__Output as _mandate_tally_v1_TierDistrict__Output } from './mandate/tally/v1/TierDistrict';
import type { Totals as _mandate_tally_v1_Totals, Totals__Output as _mandate_tally_v1_Totals__Output } from './mandate/tally/v1/Totals';
import type { Violation as _mandate_tally_v1_Violation, Violation__Output as _mandate_tally_v1_Violation__Output } from './mandate/tally/v1/Violation';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    api: {
      CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern, _google_api_CustomHttpPattern__Output>
      FieldBehavior: EnumTypeDefinition
      Http: MessageTypeDefinition<_google_api_Http, _google_api_Http__Output>
      HttpRule: MessageTypeDefinition<_google_api_HttpRule, _google_api_HttpRule__Output>
      ResourceDescriptor: MessageTypeDefinition<_google_api_ResourceDescriptor, _google_api_ResourceDescriptor__Output>
      ResourceReference: MessageTypeDefinition<_google_api_ResourceReference, _google_api_ResourceReference__Output>
    }
    protobuf: {
      DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto, _google_protobuf_DescriptorProto__Output>
      Edition: EnumTypeDefinition
      EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto, _google_protobuf_EnumDescriptorProto__Output>
      EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions, _google_protobuf_EnumOptions__Output>
      EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto, _google_protobuf_EnumValueDescriptorProto__Output>
      EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions, _google_protobuf_EnumValueOptions__Output>
      ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions, _google_protobuf_ExtensionRangeOptions__Output>
      FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet, _google_protobuf_FeatureSet__Output>
      FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults, _google_protobuf_FeatureSetDefaults__Output>
      FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto, _google_protobuf_FieldDescriptorProto__Output>
      FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions, _google_protobuf_FieldOptions__Output>
      FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto, _google_protobuf_FileDescriptorProto__Output>
      FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet, _google_protobuf_FileDescriptorSet__Output>
      FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions, _google_protobuf_FileOptions__Output>
      GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo, _google_protobuf_GeneratedCodeInfo__Output>
      MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions, _google_protobuf_MessageOptions__Output>
      MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto, _google_protobuf_MethodDescriptorProto__Output>
      MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions, _google_protobuf_MethodOptions__Output>
      OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto, _google_protobuf_OneofDescriptorProto__Output>
      OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions, _google_protobuf_OneofOptions__Output>
      ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto, _google_protobuf_ServiceDescriptorProto__Output>
      ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions, _google_protobuf_ServiceOptions__Output>
      SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo, _google_protobuf_SourceCodeInfo__Output>
      SymbolVisibility: EnumTypeDefinition
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption, _google_protobuf_UninterpretedOption__Output>
    }
  }
  mandate: {
    seats: {
      v1: {
        AllocateContestRequest: MessageTypeDefinition<_mandate_seats_v1_AllocateContestRequest, _mandate_seats_v1_AllocateContestRequest__Output>
        Allocation: MessageTypeDefinition<_mandate_seats_v1_Allocation, _mandate_seats_v1_Allocation__Output>
        ApportionRequest: MessageTypeDefinition<_mandate_seats_v1_ApportionRequest, _mandate_seats_v1_ApportionRequest__Output>
        ApportionResponse: MessageTypeDefinition<_mandate_seats_v1_ApportionResponse, _mandate_seats_v1_ApportionResponse__Output>
        ApportionmentStage: MessageTypeDefinition<_mandate_seats_v1_ApportionmentStage, _mandate_seats_v1_ApportionmentStage__Output>
        Award: MessageTypeDefinition<_mandate_seats_v1_Award, _mandate_seats_v1_Award__Output>
        BiproportionalRule: MessageTypeDefinition<_mandate_seats_v1_BiproportionalRule, _mandate_seats_v1_BiproportionalRule__Output>
        Chamber: MessageTypeDefinition<_mandate_seats_v1_Chamber, _mandate_seats_v1_Chamber__Output>
        ChamberAllocation: MessageTypeDefinition<_mandate_seats_v1_ChamberAllocation, _mandate_seats_v1_ChamberAllocation__Output>
        ChamberComposition: MessageTypeDefinition<_mandate_seats_v1_ChamberComposition, _mandate_seats_v1_ChamberComposition__Output>
        ChamberDistrict: MessageTypeDefinition<_mandate_seats_v1_ChamberDistrict, _mandate_seats_v1_ChamberDistrict__Output>
        ChamberFamily: EnumTypeDefinition
        ChamberList: MessageTypeDefinition<_mandate_seats_v1_ChamberList, _mandate_seats_v1_ChamberList__Output>
        ChamberRule: MessageTypeDefinition<_mandate_seats_v1_ChamberRule, _mandate_seats_v1_ChamberRule__Output>
        ChamberThreshold: MessageTypeDefinition<_mandate_seats_v1_ChamberThreshold, _mandate_seats_v1_ChamberThreshold__Output>
        ContestAllocation: MessageTypeDefinition<_mandate_seats_v1_ContestAllocation, _mandate_seats_v1_ContestAllocation__Output>
        ContestDistrict: MessageTypeDefinition<_mandate_seats_v1_ContestDistrict, _mandate_seats_v1_ContestDistrict__Output>
        DistrictAllocation: MessageTypeDefinition<_mandate_seats_v1_DistrictAllocation, _mandate_seats_v1_DistrictAllocation__Output>
        DistrictApportionment: MessageTypeDefinition<_mandate_seats_v1_DistrictApportionment, _mandate_seats_v1_DistrictApportionment__Output>
        DistrictRule: MessageTypeDefinition<_mandate_seats_v1_DistrictRule, _mandate_seats_v1_DistrictRule__Output>
        DistrictSeats: MessageTypeDefinition<_mandate_seats_v1_DistrictSeats, _mandate_seats_v1_DistrictSeats__Output>
        Fraction: MessageTypeDefinition<_mandate_seats_v1_Fraction, _mandate_seats_v1_Fraction__Output>
        GetChamberCompositionRequest: MessageTypeDefinition<_mandate_seats_v1_GetChamberCompositionRequest, _mandate_seats_v1_GetChamberCompositionRequest__Output>
        GetPresetRequest: MessageTypeDefinition<_mandate_seats_v1_GetPresetRequest, _mandate_seats_v1_GetPresetRequest__Output>
        LevelingRule: MessageTypeDefinition<_mandate_seats_v1_LevelingRule, _mandate_seats_v1_LevelingRule__Output>
        ListAllocation: MessageTypeDefinition<_mandate_seats_v1_ListAllocation, _mandate_seats_v1_ListAllocation__Output>
        ListPresetsRequest: MessageTypeDefinition<_mandate_seats_v1_ListPresetsRequest, _mandate_seats_v1_ListPresetsRequest__Output>
        ListPresetsResponse: MessageTypeDefinition<_mandate_seats_v1_ListPresetsResponse, _mandate_seats_v1_ListPresetsResponse__Output>
        MarginStatus: EnumTypeDefinition
        Method: EnumTypeDefinition
        Party: MessageTypeDefinition<_mandate_seats_v1_Party, _mandate_seats_v1_Party__Output>
        PartyResult: MessageTypeDefinition<_mandate_seats_v1_PartyResult, _mandate_seats_v1_PartyResult__Output>
        PartySeats: MessageTypeDefinition<_mandate_seats_v1_PartySeats, _mandate_seats_v1_PartySeats__Output>
        Preset: MessageTypeDefinition<_mandate_seats_v1_Preset, _mandate_seats_v1_Preset__Output>
        Qualification: EnumTypeDefinition
        Quorum: MessageTypeDefinition<_mandate_seats_v1_Quorum, _mandate_seats_v1_Quorum__Output>
        Rule: MessageTypeDefinition<_mandate_seats_v1_Rule, _mandate_seats_v1_Rule__Output>
        SeatCell: MessageTypeDefinition<_mandate_seats_v1_SeatCell, _mandate_seats_v1_SeatCell__Output>
        SeatTransfer: MessageTypeDefinition<_mandate_seats_v1_SeatTransfer, _mandate_seats_v1_SeatTransfer__Output>
        /**
         * SeatsService turns votes into seats with exact arithmetic and explains every
         * step. It never stores protocols.
         */
        SeatsService: SubtypeConstructor<typeof grpc.Client, _mandate_seats_v1_SeatsServiceClient> & { service: _mandate_seats_v1_SeatsServiceDefinition }
        Threshold: MessageTypeDefinition<_mandate_seats_v1_Threshold, _mandate_seats_v1_Threshold__Output>
        Tie: MessageTypeDefinition<_mandate_seats_v1_Tie, _mandate_seats_v1_Tie__Output>
        TieRule: EnumTypeDefinition
        TierComposition: MessageTypeDefinition<_mandate_seats_v1_TierComposition, _mandate_seats_v1_TierComposition__Output>
        WatchChamberCompositionRequest: MessageTypeDefinition<_mandate_seats_v1_WatchChamberCompositionRequest, _mandate_seats_v1_WatchChamberCompositionRequest__Output>
        WatchContestAllocationRequest: MessageTypeDefinition<_mandate_seats_v1_WatchContestAllocationRequest, _mandate_seats_v1_WatchContestAllocationRequest__Output>
        Weighting: EnumTypeDefinition
      }
    }
    tally: {
      v1: {
        Chamber: MessageTypeDefinition<_mandate_tally_v1_Chamber, _mandate_tally_v1_Chamber__Output>
        ChamberTier: MessageTypeDefinition<_mandate_tally_v1_ChamberTier, _mandate_tally_v1_ChamberTier__Output>
        Change: MessageTypeDefinition<_mandate_tally_v1_Change, _mandate_tally_v1_Change__Output>
        Checkpoint: MessageTypeDefinition<_mandate_tally_v1_Checkpoint, _mandate_tally_v1_Checkpoint__Output>
        Choice: MessageTypeDefinition<_mandate_tally_v1_Choice, _mandate_tally_v1_Choice__Output>
        ChoiceTotal: MessageTypeDefinition<_mandate_tally_v1_ChoiceTotal, _mandate_tally_v1_ChoiceTotal__Output>
        ConsistencyProof: MessageTypeDefinition<_mandate_tally_v1_ConsistencyProof, _mandate_tally_v1_ConsistencyProof__Output>
        Contest: MessageTypeDefinition<_mandate_tally_v1_Contest, _mandate_tally_v1_Contest__Output>
        ContestKind: EnumTypeDefinition
        ControlRelation: MessageTypeDefinition<_mandate_tally_v1_ControlRelation, _mandate_tally_v1_ControlRelation__Output>
        Election: MessageTypeDefinition<_mandate_tally_v1_Election, _mandate_tally_v1_Election__Output>
        InclusionProof: MessageTypeDefinition<_mandate_tally_v1_InclusionProof, _mandate_tally_v1_InclusionProof__Output>
        LeaderStatus: MessageTypeDefinition<_mandate_tally_v1_LeaderStatus, _mandate_tally_v1_LeaderStatus__Output>
        LineRole: EnumTypeDefinition
        LineTotal: MessageTypeDefinition<_mandate_tally_v1_LineTotal, _mandate_tally_v1_LineTotal__Output>
        LogEntry: MessageTypeDefinition<_mandate_tally_v1_LogEntry, _mandate_tally_v1_LogEntry__Output>
        LogReceipt: MessageTypeDefinition<_mandate_tally_v1_LogReceipt, _mandate_tally_v1_LogReceipt__Output>
        LogSpan: MessageTypeDefinition<_mandate_tally_v1_LogSpan, _mandate_tally_v1_LogSpan__Output>
        Protocol: MessageTypeDefinition<_mandate_tally_v1_Protocol, _mandate_tally_v1_Protocol__Output>
        ProtocolForm: MessageTypeDefinition<_mandate_tally_v1_ProtocolForm, _mandate_tally_v1_ProtocolForm__Output>
        ProtocolLine: MessageTypeDefinition<_mandate_tally_v1_ProtocolLine, _mandate_tally_v1_ProtocolLine__Output>
        ProtocolVersion: MessageTypeDefinition<_mandate_tally_v1_ProtocolVersion, _mandate_tally_v1_ProtocolVersion__Output>
        Ratio: MessageTypeDefinition<_mandate_tally_v1_Ratio, _mandate_tally_v1_Ratio__Output>
        ReportingUnit: MessageTypeDefinition<_mandate_tally_v1_ReportingUnit, _mandate_tally_v1_ReportingUnit__Output>
        ResultStatus: EnumTypeDefinition
        RunoffRule: EnumTypeDefinition
        Severity: EnumTypeDefinition
        SingleMemberDistrict: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistrict, _mandate_tally_v1_SingleMemberDistrict__Output>
        SingleMemberDistricts: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistricts, _mandate_tally_v1_SingleMemberDistricts__Output>
        SubmissionKind: EnumTypeDefinition
        TierDistrict: MessageTypeDefinition<_mandate_tally_v1_TierDistrict, _mandate_tally_v1_TierDistrict__Output>
        TierKind: EnumTypeDefinition
        TierLink: EnumTypeDefinition
        Totals: MessageTypeDefinition<_mandate_tally_v1_Totals, _mandate_tally_v1_Totals__Output>
        Violation: MessageTypeDefinition<_mandate_tally_v1_Violation, _mandate_tally_v1_Violation__Output>
      }
    }
  }
}

