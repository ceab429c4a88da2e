import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CustomHttpPattern as _google_api_CustomHttpPattern, CustomHttpPattern__Output as _google_api_CustomHttpPattern__Output } from './google/api/CustomHttpPattern';
import type { Http as _google_api_Http, Http__Output as _google_api_Http__Output } from './google/api/Http';
import type { HttpBody as _google_api_HttpBody, HttpBody__Output as _google_api_HttpBody__Output } from './google/api/HttpBody';
import type { HttpRule as _google_api_HttpRule, HttpRule__Output as _google_api_HttpRule__Output } from './google/api/HttpRule';
import type { ResourceDescriptor as _google_api_ResourceDescriptor, ResourceDescriptor__Output as _google_api_ResourceDescriptor__Output } from './google/api/ResourceDescriptor';
import type { ResourceReference as _google_api_ResourceReference, ResourceReference__Output as _google_api_ResourceReference__Output } from './google/api/ResourceReference';
import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from './google/protobuf/Any';
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
import type { BatchCreateReportingUnitsRequest as _mandate_tally_v1_BatchCreateReportingUnitsRequest, BatchCreateReportingUnitsRequest__Output as _mandate_tally_v1_BatchCreateReportingUnitsRequest__Output } from './mandate/tally/v1/BatchCreateReportingUnitsRequest';
import type { BatchCreateReportingUnitsResponse as _mandate_tally_v1_BatchCreateReportingUnitsResponse, BatchCreateReportingUnitsResponse__Output as _mandate_tally_v1_BatchCreateReportingUnitsResponse__Output } from './mandate/tally/v1/BatchCreateReportingUnitsResponse';
import type { Chamber as _mandate_tally_v1_Chamber, Chamber__Output as _mandate_tally_v1_Chamber__Output } from './mandate/tally/v1/Chamber';
import type { ChamberTier as _mandate_tally_v1_ChamberTier, ChamberTier__Output as _mandate_tally_v1_ChamberTier__Output } from './mandate/tally/v1/ChamberTier';
import type { Change as _mandate_tally_v1_Change, Change__Output as _mandate_tally_v1_Change__Output } from './mandate/tally/v1/Change';
import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from './mandate/tally/v1/Checkpoint';
import type { Choice as _mandate_tally_v1_Choice, Choice__Output as _mandate_tally_v1_Choice__Output } from './mandate/tally/v1/Choice';
import type { ChoiceTotal as _mandate_tally_v1_ChoiceTotal, ChoiceTotal__Output as _mandate_tally_v1_ChoiceTotal__Output } from './mandate/tally/v1/ChoiceTotal';
import type { ConsistencyProof as _mandate_tally_v1_ConsistencyProof, ConsistencyProof__Output as _mandate_tally_v1_ConsistencyProof__Output } from './mandate/tally/v1/ConsistencyProof';
import type { Contest as _mandate_tally_v1_Contest, Contest__Output as _mandate_tally_v1_Contest__Output } from './mandate/tally/v1/Contest';
import type { ControlRelation as _mandate_tally_v1_ControlRelation, ControlRelation__Output as _mandate_tally_v1_ControlRelation__Output } from './mandate/tally/v1/ControlRelation';
import type { CreateElectionRequest as _mandate_tally_v1_CreateElectionRequest, CreateElectionRequest__Output as _mandate_tally_v1_CreateElectionRequest__Output } from './mandate/tally/v1/CreateElectionRequest';
import type { DigitTest as _mandate_tally_v1_DigitTest, DigitTest__Output as _mandate_tally_v1_DigitTest__Output } from './mandate/tally/v1/DigitTest';
import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from './mandate/tally/v1/Election';
import type { ElectionFingerprint as _mandate_tally_v1_ElectionFingerprint, ElectionFingerprint__Output as _mandate_tally_v1_ElectionFingerprint__Output } from './mandate/tally/v1/ElectionFingerprint';
import type { ExportElectionRequest as _mandate_tally_v1_ExportElectionRequest, ExportElectionRequest__Output as _mandate_tally_v1_ExportElectionRequest__Output } from './mandate/tally/v1/ExportElectionRequest';
import type { ExtremeStation as _mandate_tally_v1_ExtremeStation, ExtremeStation__Output as _mandate_tally_v1_ExtremeStation__Output } from './mandate/tally/v1/ExtremeStation';
import type { ExtremeStations as _mandate_tally_v1_ExtremeStations, ExtremeStations__Output as _mandate_tally_v1_ExtremeStations__Output } from './mandate/tally/v1/ExtremeStations';
import type { ForensicsDefinitions as _mandate_tally_v1_ForensicsDefinitions, ForensicsDefinitions__Output as _mandate_tally_v1_ForensicsDefinitions__Output } from './mandate/tally/v1/ForensicsDefinitions';
import type { ForensicsLeader as _mandate_tally_v1_ForensicsLeader, ForensicsLeader__Output as _mandate_tally_v1_ForensicsLeader__Output } from './mandate/tally/v1/ForensicsLeader';
import type { ForensicsRegion as _mandate_tally_v1_ForensicsRegion, ForensicsRegion__Output as _mandate_tally_v1_ForensicsRegion__Output } from './mandate/tally/v1/ForensicsRegion';
import type { ForensicsReport as _mandate_tally_v1_ForensicsReport, ForensicsReport__Output as _mandate_tally_v1_ForensicsReport__Output } from './mandate/tally/v1/ForensicsReport';
import type { GetCheckpointRequest as _mandate_tally_v1_GetCheckpointRequest, GetCheckpointRequest__Output as _mandate_tally_v1_GetCheckpointRequest__Output } from './mandate/tally/v1/GetCheckpointRequest';
import type { GetConsistencyProofRequest as _mandate_tally_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _mandate_tally_v1_GetConsistencyProofRequest__Output } from './mandate/tally/v1/GetConsistencyProofRequest';
import type { GetContestRequest as _mandate_tally_v1_GetContestRequest, GetContestRequest__Output as _mandate_tally_v1_GetContestRequest__Output } from './mandate/tally/v1/GetContestRequest';
import type { GetElectionRequest as _mandate_tally_v1_GetElectionRequest, GetElectionRequest__Output as _mandate_tally_v1_GetElectionRequest__Output } from './mandate/tally/v1/GetElectionRequest';
import type { GetForensicsReportRequest as _mandate_tally_v1_GetForensicsReportRequest, GetForensicsReportRequest__Output as _mandate_tally_v1_GetForensicsReportRequest__Output } from './mandate/tally/v1/GetForensicsReportRequest';
import type { GetInclusionProofRequest as _mandate_tally_v1_GetInclusionProofRequest, GetInclusionProofRequest__Output as _mandate_tally_v1_GetInclusionProofRequest__Output } from './mandate/tally/v1/GetInclusionProofRequest';
import type { GetProtocolRequest as _mandate_tally_v1_GetProtocolRequest, GetProtocolRequest__Output as _mandate_tally_v1_GetProtocolRequest__Output } from './mandate/tally/v1/GetProtocolRequest';
import type { GetReportingUnitRequest as _mandate_tally_v1_GetReportingUnitRequest, GetReportingUnitRequest__Output as _mandate_tally_v1_GetReportingUnitRequest__Output } from './mandate/tally/v1/GetReportingUnitRequest';
import type { GetTotalsRequest as _mandate_tally_v1_GetTotalsRequest, GetTotalsRequest__Output as _mandate_tally_v1_GetTotalsRequest__Output } from './mandate/tally/v1/GetTotalsRequest';
import type { ImportProtocolsRequest as _mandate_tally_v1_ImportProtocolsRequest, ImportProtocolsRequest__Output as _mandate_tally_v1_ImportProtocolsRequest__Output } from './mandate/tally/v1/ImportProtocolsRequest';
import type { ImportProtocolsResponse as _mandate_tally_v1_ImportProtocolsResponse, ImportProtocolsResponse__Output as _mandate_tally_v1_ImportProtocolsResponse__Output } from './mandate/tally/v1/ImportProtocolsResponse';
import type { ImportRejection as _mandate_tally_v1_ImportRejection, ImportRejection__Output as _mandate_tally_v1_ImportRejection__Output } from './mandate/tally/v1/ImportRejection';
import type { InclusionProof as _mandate_tally_v1_InclusionProof, InclusionProof__Output as _mandate_tally_v1_InclusionProof__Output } from './mandate/tally/v1/InclusionProof';
import type { IntegerPercentRegion as _mandate_tally_v1_IntegerPercentRegion, IntegerPercentRegion__Output as _mandate_tally_v1_IntegerPercentRegion__Output } from './mandate/tally/v1/IntegerPercentRegion';
import type { IntegerPercentTest as _mandate_tally_v1_IntegerPercentTest, IntegerPercentTest__Output as _mandate_tally_v1_IntegerPercentTest__Output } from './mandate/tally/v1/IntegerPercentTest';
import type { LeaderStatus as _mandate_tally_v1_LeaderStatus, LeaderStatus__Output as _mandate_tally_v1_LeaderStatus__Output } from './mandate/tally/v1/LeaderStatus';
import type { LineTotal as _mandate_tally_v1_LineTotal, LineTotal__Output as _mandate_tally_v1_LineTotal__Output } from './mandate/tally/v1/LineTotal';
import type { ListChangesRequest as _mandate_tally_v1_ListChangesRequest, ListChangesRequest__Output as _mandate_tally_v1_ListChangesRequest__Output } from './mandate/tally/v1/ListChangesRequest';
import type { ListChangesResponse as _mandate_tally_v1_ListChangesResponse, ListChangesResponse__Output as _mandate_tally_v1_ListChangesResponse__Output } from './mandate/tally/v1/ListChangesResponse';
import type { ListElectionsRequest as _mandate_tally_v1_ListElectionsRequest, ListElectionsRequest__Output as _mandate_tally_v1_ListElectionsRequest__Output } from './mandate/tally/v1/ListElectionsRequest';
import type { ListElectionsResponse as _mandate_tally_v1_ListElectionsResponse, ListElectionsResponse__Output as _mandate_tally_v1_ListElectionsResponse__Output } from './mandate/tally/v1/ListElectionsResponse';
import type { ListLogEntriesRequest as _mandate_tally_v1_ListLogEntriesRequest, ListLogEntriesRequest__Output as _mandate_tally_v1_ListLogEntriesRequest__Output } from './mandate/tally/v1/ListLogEntriesRequest';
import type { ListLogEntriesResponse as _mandate_tally_v1_ListLogEntriesResponse, ListLogEntriesResponse__Output as _mandate_tally_v1_ListLogEntriesResponse__Output } from './mandate/tally/v1/ListLogEntriesResponse';
import type { ListProtocolsRequest as _mandate_tally_v1_ListProtocolsRequest, ListProtocolsRequest__Output as _mandate_tally_v1_ListProtocolsRequest__Output } from './mandate/tally/v1/ListProtocolsRequest';
import type { ListProtocolsResponse as _mandate_tally_v1_ListProtocolsResponse, ListProtocolsResponse__Output as _mandate_tally_v1_ListProtocolsResponse__Output } from './mandate/tally/v1/ListProtocolsResponse';
import type { ListReportingUnitsRequest as _mandate_tally_v1_ListReportingUnitsRequest, ListReportingUnitsRequest__Output as _mandate_tally_v1_ListReportingUnitsRequest__Output } from './mandate/tally/v1/ListReportingUnitsRequest';
import type { ListReportingUnitsResponse as _mandate_tally_v1_ListReportingUnitsResponse, ListReportingUnitsResponse__Output as _mandate_tally_v1_ListReportingUnitsResponse__Output } from './mandate/tally/v1/ListReportingUnitsResponse';
import type { LogEntry as _mandate_tally_v1_LogEntry, LogEntry__Output as _mandate_tally_v1_LogEntry__Output } from './mandate/tally/v1/LogEntry';
import type { LogReceipt as _mandate_tally_v1_LogReceipt, LogReceipt__Output as _mandate_tally_v1_LogReceipt__Output } from './mandate/tally/v1/LogReceipt';
import type { LogSpan as _mandate_tally_v1_LogSpan, LogSpan__Output as _mandate_tally_v1_LogSpan__Output } from './mandate/tally/v1/LogSpan';
import type { Protocol as _mandate_tally_v1_Protocol, Protocol__Output as _mandate_tally_v1_Protocol__Output } from './mandate/tally/v1/Protocol';
import type { ProtocolForm as _mandate_tally_v1_ProtocolForm, ProtocolForm__Output as _mandate_tally_v1_ProtocolForm__Output } from './mandate/tally/v1/ProtocolForm';
import type { ProtocolLine as _mandate_tally_v1_ProtocolLine, ProtocolLine__Output as _mandate_tally_v1_ProtocolLine__Output } from './mandate/tally/v1/ProtocolLine';
import type { ProtocolRow as _mandate_tally_v1_ProtocolRow, ProtocolRow__Output as _mandate_tally_v1_ProtocolRow__Output } from './mandate/tally/v1/ProtocolRow';
import type { ProtocolRows as _mandate_tally_v1_ProtocolRows, ProtocolRows__Output as _mandate_tally_v1_ProtocolRows__Output } from './mandate/tally/v1/ProtocolRows';
import type { ProtocolVersion as _mandate_tally_v1_ProtocolVersion, ProtocolVersion__Output as _mandate_tally_v1_ProtocolVersion__Output } from './mandate/tally/v1/ProtocolVersion';
import type { Ratio as _mandate_tally_v1_Ratio, Ratio__Output as _mandate_tally_v1_Ratio__Output } from './mandate/tally/v1/Ratio';
import type { RegionCount as _mandate_tally_v1_RegionCount, RegionCount__Output as _mandate_tally_v1_RegionCount__Output } from './mandate/tally/v1/RegionCount';
import type { RegionViolations as _mandate_tally_v1_RegionViolations, RegionViolations__Output as _mandate_tally_v1_RegionViolations__Output } from './mandate/tally/v1/RegionViolations';
import type { RelationViolationCount as _mandate_tally_v1_RelationViolationCount, RelationViolationCount__Output as _mandate_tally_v1_RelationViolationCount__Output } from './mandate/tally/v1/RelationViolationCount';
import type { RelationViolations as _mandate_tally_v1_RelationViolations, RelationViolations__Output as _mandate_tally_v1_RelationViolations__Output } from './mandate/tally/v1/RelationViolations';
import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from './mandate/tally/v1/ReportingUnit';
import type { SetContestPhaseRequest as _mandate_tally_v1_SetContestPhaseRequest, SetContestPhaseRequest__Output as _mandate_tally_v1_SetContestPhaseRequest__Output } from './mandate/tally/v1/SetContestPhaseRequest';
import type { SingleMemberDistrict as _mandate_tally_v1_SingleMemberDistrict, SingleMemberDistrict__Output as _mandate_tally_v1_SingleMemberDistrict__Output } from './mandate/tally/v1/SingleMemberDistrict';
import type { SingleMemberDistricts as _mandate_tally_v1_SingleMemberDistricts, SingleMemberDistricts__Output as _mandate_tally_v1_SingleMemberDistricts__Output } from './mandate/tally/v1/SingleMemberDistricts';
import type { SubmitProtocolRequest as _mandate_tally_v1_SubmitProtocolRequest, SubmitProtocolRequest__Output as _mandate_tally_v1_SubmitProtocolRequest__Output } from './mandate/tally/v1/SubmitProtocolRequest';
import type { SubmitProtocolResponse as _mandate_tally_v1_SubmitProtocolResponse, SubmitProtocolResponse__Output as _mandate_tally_v1_SubmitProtocolResponse__Output } from './mandate/tally/v1/SubmitProtocolResponse';
import type { TallyServiceClient as _mandate_tally_v1_TallyServiceClient, TallyServiceDefinition as _mandate_tally_v1_TallyServiceDefinition } from './mandate/tally/v1/TallyService';
import type { TierDistrict as _mandate_tally_v1_TierDistrict, TierDistrict__Output as _mandate_tally_v1_TierDistrict__Output } from './mandate/tally/v1/TierDistrict';
import type { Totals as _mandate_tally_v1_Totals, Totals__Output as _mandate_tally_v1_Totals__Output } from './mandate/tally/v1/Totals';
import type { Violation as _mandate_tally_v1_Violation, Violation__Output as _mandate_tally_v1_Violation__Output } from './mandate/tally/v1/Violation';
import type { WatchTotalsRequest as _mandate_tally_v1_WatchTotalsRequest, WatchTotalsRequest__Output as _mandate_tally_v1_WatchTotalsRequest__Output } from './mandate/tally/v1/WatchTotalsRequest';
import type { WatchTotalsResponse as _mandate_tally_v1_WatchTotalsResponse, WatchTotalsResponse__Output as _mandate_tally_v1_WatchTotalsResponse__Output } from './mandate/tally/v1/WatchTotalsResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    api: {
      CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern, _google_api_CustomHttpPattern__Output>
      FieldBehavior: EnumTypeDefinition
      Http: MessageTypeDefinition<_google_api_Http, _google_api_Http__Output>
      HttpBody: MessageTypeDefinition<_google_api_HttpBody, _google_api_HttpBody__Output>
      HttpRule: MessageTypeDefinition<_google_api_HttpRule, _google_api_HttpRule__Output>
      ResourceDescriptor: MessageTypeDefinition<_google_api_ResourceDescriptor, _google_api_ResourceDescriptor__Output>
      ResourceReference: MessageTypeDefinition<_google_api_ResourceReference, _google_api_ResourceReference__Output>
    }
    protobuf: {
      Any: MessageTypeDefinition<_google_protobuf_Any, _google_protobuf_Any__Output>
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
    tally: {
      v1: {
        BatchCreateReportingUnitsRequest: MessageTypeDefinition<_mandate_tally_v1_BatchCreateReportingUnitsRequest, _mandate_tally_v1_BatchCreateReportingUnitsRequest__Output>
        BatchCreateReportingUnitsResponse: MessageTypeDefinition<_mandate_tally_v1_BatchCreateReportingUnitsResponse, _mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>
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
        CreateElectionRequest: MessageTypeDefinition<_mandate_tally_v1_CreateElectionRequest, _mandate_tally_v1_CreateElectionRequest__Output>
        DigitPosition: EnumTypeDefinition
        DigitTest: MessageTypeDefinition<_mandate_tally_v1_DigitTest, _mandate_tally_v1_DigitTest__Output>
        Election: MessageTypeDefinition<_mandate_tally_v1_Election, _mandate_tally_v1_Election__Output>
        ElectionFingerprint: MessageTypeDefinition<_mandate_tally_v1_ElectionFingerprint, _mandate_tally_v1_ElectionFingerprint__Output>
        ExportElectionRequest: MessageTypeDefinition<_mandate_tally_v1_ExportElectionRequest, _mandate_tally_v1_ExportElectionRequest__Output>
        ExtremeStation: MessageTypeDefinition<_mandate_tally_v1_ExtremeStation, _mandate_tally_v1_ExtremeStation__Output>
        ExtremeStations: MessageTypeDefinition<_mandate_tally_v1_ExtremeStations, _mandate_tally_v1_ExtremeStations__Output>
        ForensicsDefinitions: MessageTypeDefinition<_mandate_tally_v1_ForensicsDefinitions, _mandate_tally_v1_ForensicsDefinitions__Output>
        ForensicsLeader: MessageTypeDefinition<_mandate_tally_v1_ForensicsLeader, _mandate_tally_v1_ForensicsLeader__Output>
        ForensicsRegion: MessageTypeDefinition<_mandate_tally_v1_ForensicsRegion, _mandate_tally_v1_ForensicsRegion__Output>
        ForensicsReport: MessageTypeDefinition<_mandate_tally_v1_ForensicsReport, _mandate_tally_v1_ForensicsReport__Output>
        GetCheckpointRequest: MessageTypeDefinition<_mandate_tally_v1_GetCheckpointRequest, _mandate_tally_v1_GetCheckpointRequest__Output>
        GetConsistencyProofRequest: MessageTypeDefinition<_mandate_tally_v1_GetConsistencyProofRequest, _mandate_tally_v1_GetConsistencyProofRequest__Output>
        GetContestRequest: MessageTypeDefinition<_mandate_tally_v1_GetContestRequest, _mandate_tally_v1_GetContestRequest__Output>
        GetElectionRequest: MessageTypeDefinition<_mandate_tally_v1_GetElectionRequest, _mandate_tally_v1_GetElectionRequest__Output>
        GetForensicsReportRequest: MessageTypeDefinition<_mandate_tally_v1_GetForensicsReportRequest, _mandate_tally_v1_GetForensicsReportRequest__Output>
        GetInclusionProofRequest: MessageTypeDefinition<_mandate_tally_v1_GetInclusionProofRequest, _mandate_tally_v1_GetInclusionProofRequest__Output>
        GetProtocolRequest: MessageTypeDefinition<_mandate_tally_v1_GetProtocolRequest, _mandate_tally_v1_GetProtocolRequest__Output>
        GetReportingUnitRequest: MessageTypeDefinition<_mandate_tally_v1_GetReportingUnitRequest, _mandate_tally_v1_GetReportingUnitRequest__Output>
        GetTotalsRequest: MessageTypeDefinition<_mandate_tally_v1_GetTotalsRequest, _mandate_tally_v1_GetTotalsRequest__Output>
        ImportProtocolsRequest: MessageTypeDefinition<_mandate_tally_v1_ImportProtocolsRequest, _mandate_tally_v1_ImportProtocolsRequest__Output>
        ImportProtocolsResponse: MessageTypeDefinition<_mandate_tally_v1_ImportProtocolsResponse, _mandate_tally_v1_ImportProtocolsResponse__Output>
        ImportRejection: MessageTypeDefinition<_mandate_tally_v1_ImportRejection, _mandate_tally_v1_ImportRejection__Output>
        InclusionProof: MessageTypeDefinition<_mandate_tally_v1_InclusionProof, _mandate_tally_v1_InclusionProof__Output>
        IntegerPercentRegion: MessageTypeDefinition<_mandate_tally_v1_IntegerPercentRegion, _mandate_tally_v1_IntegerPercentRegion__Output>
        IntegerPercentTest: MessageTypeDefinition<_mandate_tally_v1_IntegerPercentTest, _mandate_tally_v1_IntegerPercentTest__Output>
        IntegerRule: EnumTypeDefinition
        LeaderStatus: MessageTypeDefinition<_mandate_tally_v1_LeaderStatus, _mandate_tally_v1_LeaderStatus__Output>
        LineRole: EnumTypeDefinition
        LineTotal: MessageTypeDefinition<_mandate_tally_v1_LineTotal, _mandate_tally_v1_LineTotal__Output>
        ListChangesRequest: MessageTypeDefinition<_mandate_tally_v1_ListChangesRequest, _mandate_tally_v1_ListChangesRequest__Output>
        ListChangesResponse: MessageTypeDefinition<_mandate_tally_v1_ListChangesResponse, _mandate_tally_v1_ListChangesResponse__Output>
        ListElectionsRequest: MessageTypeDefinition<_mandate_tally_v1_ListElectionsRequest, _mandate_tally_v1_ListElectionsRequest__Output>
        ListElectionsResponse: MessageTypeDefinition<_mandate_tally_v1_ListElectionsResponse, _mandate_tally_v1_ListElectionsResponse__Output>
        ListLogEntriesRequest: MessageTypeDefinition<_mandate_tally_v1_ListLogEntriesRequest, _mandate_tally_v1_ListLogEntriesRequest__Output>
        ListLogEntriesResponse: MessageTypeDefinition<_mandate_tally_v1_ListLogEntriesResponse, _mandate_tally_v1_ListLogEntriesResponse__Output>
        ListProtocolsRequest: MessageTypeDefinition<_mandate_tally_v1_ListProtocolsRequest, _mandate_tally_v1_ListProtocolsRequest__Output>
        ListProtocolsResponse: MessageTypeDefinition<_mandate_tally_v1_ListProtocolsResponse, _mandate_tally_v1_ListProtocolsResponse__Output>
        ListReportingUnitsRequest: MessageTypeDefinition<_mandate_tally_v1_ListReportingUnitsRequest, _mandate_tally_v1_ListReportingUnitsRequest__Output>
        ListReportingUnitsResponse: MessageTypeDefinition<_mandate_tally_v1_ListReportingUnitsResponse, _mandate_tally_v1_ListReportingUnitsResponse__Output>
        LogEntry: MessageTypeDefinition<_mandate_tally_v1_LogEntry, _mandate_tally_v1_LogEntry__Output>
        LogReceipt: MessageTypeDefinition<_mandate_tally_v1_LogReceipt, _mandate_tally_v1_LogReceipt__Output>
        LogSpan: MessageTypeDefinition<_mandate_tally_v1_LogSpan, _mandate_tally_v1_LogSpan__Output>
        Protocol: MessageTypeDefinition<_mandate_tally_v1_Protocol, _mandate_tally_v1_Protocol__Output>
        ProtocolForm: MessageTypeDefinition<_mandate_tally_v1_ProtocolForm, _mandate_tally_v1_ProtocolForm__Output>
        ProtocolLine: MessageTypeDefinition<_mandate_tally_v1_ProtocolLine, _mandate_tally_v1_ProtocolLine__Output>
        ProtocolRow: MessageTypeDefinition<_mandate_tally_v1_ProtocolRow, _mandate_tally_v1_ProtocolRow__Output>
        ProtocolRows: MessageTypeDefinition<_mandate_tally_v1_ProtocolRows, _mandate_tally_v1_ProtocolRows__Output>
        ProtocolVersion: MessageTypeDefinition<_mandate_tally_v1_ProtocolVersion, _mandate_tally_v1_ProtocolVersion__Output>
        Ratio: MessageTypeDefinition<_mandate_tally_v1_Ratio, _mandate_tally_v1_Ratio__Output>
        RegionCount: MessageTypeDefinition<_mandate_tally_v1_RegionCount, _mandate_tally_v1_RegionCount__Output>
        RegionViolations: MessageTypeDefinition<_mandate_tally_v1_RegionViolations, _mandate_tally_v1_RegionViolations__Output>
        RelationViolationCount: MessageTypeDefinition<_mandate_tally_v1_RelationViolationCount, _mandate_tally_v1_RelationViolationCount__Output>
        RelationViolations: MessageTypeDefinition<_mandate_tally_v1_RelationViolations, _mandate_tally_v1_RelationViolations__Output>
        ReportingUnit: MessageTypeDefinition<_mandate_tally_v1_ReportingUnit, _mandate_tally_v1_ReportingUnit__Output>
        ResultStatus: EnumTypeDefinition
        RunoffRule: EnumTypeDefinition
        SetContestPhaseRequest: MessageTypeDefinition<_mandate_tally_v1_SetContestPhaseRequest, _mandate_tally_v1_SetContestPhaseRequest__Output>
        Severity: EnumTypeDefinition
        SingleMemberDistrict: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistrict, _mandate_tally_v1_SingleMemberDistrict__Output>
        SingleMemberDistricts: MessageTypeDefinition<_mandate_tally_v1_SingleMemberDistricts, _mandate_tally_v1_SingleMemberDistricts__Output>
        SubmissionKind: EnumTypeDefinition
        SubmitProtocolRequest: MessageTypeDefinition<_mandate_tally_v1_SubmitProtocolRequest, _mandate_tally_v1_SubmitProtocolRequest__Output>
        SubmitProtocolResponse: MessageTypeDefinition<_mandate_tally_v1_SubmitProtocolResponse, _mandate_tally_v1_SubmitProtocolResponse__Output>
        /**
         * TallyService accepts polling-station protocols and serves the totals they
         * add up to at every level of the reporting hierarchy. It never computes seats.
         */
        TallyService: SubtypeConstructor<typeof grpc.Client, _mandate_tally_v1_TallyServiceClient> & { service: _mandate_tally_v1_TallyServiceDefinition }
        TierDistrict: MessageTypeDefinition<_mandate_tally_v1_TierDistrict, _mandate_tally_v1_TierDistrict__Output>
        TierKind: EnumTypeDefinition
        TierLink: EnumTypeDefinition
        Totals: MessageTypeDefinition<_mandate_tally_v1_Totals, _mandate_tally_v1_Totals__Output>
        Violation: MessageTypeDefinition<_mandate_tally_v1_Violation, _mandate_tally_v1_Violation__Output>
        WatchTotalsRequest: MessageTypeDefinition<_mandate_tally_v1_WatchTotalsRequest, _mandate_tally_v1_WatchTotalsRequest__Output>
        WatchTotalsResponse: MessageTypeDefinition<_mandate_tally_v1_WatchTotalsResponse, _mandate_tally_v1_WatchTotalsResponse__Output>
      }
    }
  }
}

