import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

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
import type { ChamberComposition as _mandate_seats_v1_ChamberComposition, ChamberComposition__Output as _mandate_seats_v1_ChamberComposition__Output } from './mandate/seats/v1/ChamberComposition';
import type { DistrictSeats as _mandate_seats_v1_DistrictSeats, DistrictSeats__Output as _mandate_seats_v1_DistrictSeats__Output } from './mandate/seats/v1/DistrictSeats';
import type { GetChamberCompositionRequest as _mandate_seats_v1_GetChamberCompositionRequest, GetChamberCompositionRequest__Output as _mandate_seats_v1_GetChamberCompositionRequest__Output } from './mandate/seats/v1/GetChamberCompositionRequest';
import type { PartySeats as _mandate_seats_v1_PartySeats, PartySeats__Output as _mandate_seats_v1_PartySeats__Output } from './mandate/seats/v1/PartySeats';
import type { TierComposition as _mandate_seats_v1_TierComposition, TierComposition__Output as _mandate_seats_v1_TierComposition__Output } from './mandate/seats/v1/TierComposition';
import type { WatchChamberCompositionRequest as _mandate_seats_v1_WatchChamberCompositionRequest, WatchChamberCompositionRequest__Output as _mandate_seats_v1_WatchChamberCompositionRequest__Output } from './mandate/seats/v1/WatchChamberCompositionRequest';
import type { Chamber as _mandate_tally_v1_Chamber, Chamber__Output as _mandate_tally_v1_Chamber__Output } from './mandate/tally/v1/Chamber';
import type { ChamberTier as _mandate_tally_v1_ChamberTier, ChamberTier__Output as _mandate_tally_v1_ChamberTier__Output } from './mandate/tally/v1/ChamberTier';
import type { Choice as _mandate_tally_v1_Choice, Choice__Output as _mandate_tally_v1_Choice__Output } from './mandate/tally/v1/Choice';
import type { Contest as _mandate_tally_v1_Contest, Contest__Output as _mandate_tally_v1_Contest__Output } from './mandate/tally/v1/Contest';
import type { ControlRelation as _mandate_tally_v1_ControlRelation, ControlRelation__Output as _mandate_tally_v1_ControlRelation__Output } from './mandate/tally/v1/ControlRelation';
import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from './mandate/tally/v1/Election';
import type { ProtocolForm as _mandate_tally_v1_ProtocolForm, ProtocolForm__Output as _mandate_tally_v1_ProtocolForm__Output } from './mandate/tally/v1/ProtocolForm';
import type { ProtocolLine as _mandate_tally_v1_ProtocolLine, ProtocolLine__Output as _mandate_tally_v1_ProtocolLine__Output } from './mandate/tally/v1/ProtocolLine';
import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from './mandate/tally/v1/ReportingUnit';
import type { SingleMemberDistrict as _mandate_tally_v1_SingleMemberDistrict, SingleMemberDistrict__Output as _mandate_tally_v1_SingleMemberDistrict__Output } from './mandate/tally/v1/SingleMemberDistrict';
import type { SingleMemberDistricts as _mandate_tally_v1_SingleMemberDistricts, SingleMemberDistricts__Output as _mandate_tally_v1_SingleMemberDistricts__Output } from './mandate/tally/v1/SingleMemberDistricts';
import type { TierDistrict as _mandate_tally_v1_TierDistrict, TierDistrict__Output as _mandate_tally_v1_TierDistrict__Output } from './mandate/tally/v1/TierDistrict';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    api: {
      FieldBehavior: EnumTypeDefinition
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
        ChamberComposition: MessageTypeDefinition<_mandate_seats_v1_ChamberComposition, _mandate_seats_v1_ChamberComposition__Output>
        DistrictSeats: MessageTypeDefinition<_mandate_seats_v1_DistrictSeats, _mandate_seats_v1_DistrictSeats__Output>
        GetChamberCompositionRequest: MessageTypeDefinition<_mandate_seats_v1_GetChamberCompositionRequest, _mandate_seats_v1_GetChamberCompositionRequest__Output>
        PartySeats: MessageTypeDefinition<_mandate_seats_v1_PartySeats, _mandate_seats_v1_PartySeats__Output>
        TierComposition: MessageTypeDefinition<_mandate_seats_v1_TierComposition, _mandate_seats_v1_TierComposition__Output>
        WatchChamberCompositionRequest: MessageTypeDefinition<_mandate_seats_v1_WatchChamberCompositionRequest, _mandate_seats_v1_WatchChamberCompositionRequest__Output>
      }
    }
    tally: {
      v1: {
        Chamber: MessageTypeDefinition<_mandate_tally_v1_Chamber, _mandate_tally_v1_Chamber__Output>
        ChamberTier: MessageTypeDefinition<_mandate_tally_v1_ChamberTier, _mandate_tally_v1_ChamberTier__Output>
        Choice: MessageTypeDefinition<_mandate_tally_v1_Choice, _mandate_tally_v1_Choice__Output>
        Contest: MessageTypeDefinition<_mandate_tally_v1_Contest, _mandate_tally_v1_Contest__Output>
        ContestKind: EnumTypeDefinition
        ControlRelation: MessageTypeDefinition<_mandate_tally_v1_ControlRelation, _mandate_tally_v1_ControlRelation__Output>
        Election: MessageTypeDefinition<_mandate_tally_v1_Election, _mandate_tally_v1_Election__Output>
        LineRole: EnumTypeDefinition
        ProtocolForm: MessageTypeDefinition<_mandate_tally_v1_ProtocolForm, _mandate_tally_v1_ProtocolForm__Output>
        ProtocolLine: MessageTypeDefinition<_mandate_tally_v1_ProtocolLine, _mandate_tally_v1_ProtocolLine__Output>
        ReportingUnit: MessageTypeDefinition<_mandate_tally_v1_ReportingUnit, _mandate_tally_v1_ReportingUnit__Output>
        ResultStatus: EnumTypeDefinition
        RunoffRule: EnumTypeDefinition
        Severity: EnumTypeDefinition
        SingleMemberDistrict: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistrict, _mandate_tally_v1_SingleMemberDistrict__Output>
        SingleMemberDistricts: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistricts, _mandate_tally_v1_SingleMemberDistricts__Output>
        TierDistrict: MessageTypeDefinition<_mandate_tally_v1_TierDistrict, _mandate_tally_v1_TierDistrict__Output>
        TierKind: EnumTypeDefinition
        TierLink: EnumTypeDefinition
      }
    }
  }
}

