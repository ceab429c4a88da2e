// Original file: mandate/tally/v1/tally_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BatchCreateReportingUnitsRequest as _mandate_tally_v1_BatchCreateReportingUnitsRequest, BatchCreateReportingUnitsRequest__Output as _mandate_tally_v1_BatchCreateReportingUnitsRequest__Output } from '../../../mandate/tally/v1/BatchCreateReportingUnitsRequest';
import type { BatchCreateReportingUnitsResponse as _mandate_tally_v1_BatchCreateReportingUnitsResponse, BatchCreateReportingUnitsResponse__Output as _mandate_tally_v1_BatchCreateReportingUnitsResponse__Output } from '../../../mandate/tally/v1/BatchCreateReportingUnitsResponse';
import type { Checkpoint as _mandate_tally_v1_Checkpoint, Checkpoint__Output as _mandate_tally_v1_Checkpoint__Output } from '../../../mandate/tally/v1/Checkpoint';
import type { ConsistencyProof as _mandate_tally_v1_ConsistencyProof, ConsistencyProof__Output as _mandate_tally_v1_ConsistencyProof__Output } from '../../../mandate/tally/v1/ConsistencyProof';
import type { Contest as _mandate_tally_v1_Contest, Contest__Output as _mandate_tally_v1_Contest__Output } from '../../../mandate/tally/v1/Contest';
import type { CreateElectionRequest as _mandate_tally_v1_CreateElectionRequest, CreateElectionRequest__Output as _mandate_tally_v1_CreateElectionRequest__Output } from '../../../mandate/tally/v1/CreateElectionRequest';
import type { Election as _mandate_tally_v1_Election, Election__Output as _mandate_tally_v1_Election__Output } from '../../../mandate/tally/v1/Election';
import type { ExportElectionRequest as _mandate_tally_v1_ExportElectionRequest, ExportElectionRequest__Output as _mandate_tally_v1_ExportElectionRequest__Output } from '../../../mandate/tally/v1/ExportElectionRequest';
import type { ForensicsReport as _mandate_tally_v1_ForensicsReport, ForensicsReport__Output as _mandate_tally_v1_ForensicsReport__Output } from '../../../mandate/tally/v1/ForensicsReport';
import type { GetCheckpointRequest as _mandate_tally_v1_GetCheckpointRequest, GetCheckpointRequest__Output as _mandate_tally_v1_GetCheckpointRequest__Output } from '../../../mandate/tally/v1/GetCheckpointRequest';
import type { GetConsistencyProofRequest as _mandate_tally_v1_GetConsistencyProofRequest, GetConsistencyProofRequest__Output as _mandate_tally_v1_GetConsistencyProofRequest__Output } from '../../../mandate/tally/v1/GetConsistencyProofRequest';
import type { GetContestRequest as _mandate_tally_v1_GetContestRequest, GetContestRequest__Output as _mandate_tally_v1_GetContestRequest__Output } from '../../../mandate/tally/v1/GetContestRequest';
import type { GetElectionRequest as _mandate_tally_v1_GetElectionRequest, GetElectionRequest__Output as _mandate_tally_v1_GetElectionRequest__Output } from '../../../mandate/tally/v1/GetElectionRequest';
import type { GetForensicsReportRequest as _mandate_tally_v1_GetForensicsReportRequest, GetForensicsReportRequest__Output as _mandate_tally_v1_GetForensicsReportRequest__Output } from '../../../mandate/tally/v1/GetForensicsReportRequest';
import type { GetInclusionProofRequest as _mandate_tally_v1_GetInclusionProofRequest, GetInclusionProofRequest__Output as _mandate_tally_v1_GetInclusionProofRequest__Output } from '../../../mandate/tally/v1/GetInclusionProofRequest';
import type { GetProtocolRequest as _mandate_tally_v1_GetProtocolRequest, GetProtocolRequest__Output as _mandate_tally_v1_GetProtocolRequest__Output } from '../../../mandate/tally/v1/GetProtocolRequest';
import type { GetReportingUnitRequest as _mandate_tally_v1_GetReportingUnitRequest, GetReportingUnitRequest__Output as _mandate_tally_v1_GetReportingUnitRequest__Output } from '../../../mandate/tally/v1/GetReportingUnitRequest';
import type { GetTotalsRequest as _mandate_tally_v1_GetTotalsRequest, GetTotalsRequest__Output as _mandate_tally_v1_GetTotalsRequest__Output } from '../../../mandate/tally/v1/GetTotalsRequest';
import type { HttpBody as _google_api_HttpBody, HttpBody__Output as _google_api_HttpBody__Output } from '../../../google/api/HttpBody';
import type { ImportProtocolsRequest as _mandate_tally_v1_ImportProtocolsRequest, ImportProtocolsRequest__Output as _mandate_tally_v1_ImportProtocolsRequest__Output } from '../../../mandate/tally/v1/ImportProtocolsRequest';
import type { ImportProtocolsResponse as _mandate_tally_v1_ImportProtocolsResponse, ImportProtocolsResponse__Output as _mandate_tally_v1_ImportProtocolsResponse__Output } from '../../../mandate/tally/v1/ImportProtocolsResponse';
import type { InclusionProof as _mandate_tally_v1_InclusionProof, InclusionProof__Output as _mandate_tally_v1_InclusionProof__Output } from '../../../mandate/tally/v1/InclusionProof';
import type { ListChangesRequest as _mandate_tally_v1_ListChangesRequest, ListChangesRequest__Output as _mandate_tally_v1_ListChangesRequest__Output } from '../../../mandate/tally/v1/ListChangesRequest';
import type { ListChangesResponse as _mandate_tally_v1_ListChangesResponse, ListChangesResponse__Output as _mandate_tally_v1_ListChangesResponse__Output } from '../../../mandate/tally/v1/ListChangesResponse';
import type { ListElectionsRequest as _mandate_tally_v1_ListElectionsRequest, ListElectionsRequest__Output as _mandate_tally_v1_ListElectionsRequest__Output } from '../../../mandate/tally/v1/ListElectionsRequest';
import type { ListElectionsResponse as _mandate_tally_v1_ListElectionsResponse, ListElectionsResponse__Output as _mandate_tally_v1_ListElectionsResponse__Output } from '../../../mandate/tally/v1/ListElectionsResponse';
import type { ListLogEntriesRequest as _mandate_tally_v1_ListLogEntriesRequest, ListLogEntriesRequest__Output as _mandate_tally_v1_ListLogEntriesRequest__Output } from '../../../mandate/tally/v1/ListLogEntriesRequest';
import type { ListLogEntriesResponse as _mandate_tally_v1_ListLogEntriesResponse, ListLogEntriesResponse__Output as _mandate_tally_v1_ListLogEntriesResponse__Output } from '../../../mandate/tally/v1/ListLogEntriesResponse';
import type { ListProtocolsRequest as _mandate_tally_v1_ListProtocolsRequest, ListProtocolsRequest__Output as _mandate_tally_v1_ListProtocolsRequest__Output } from '../../../mandate/tally/v1/ListProtocolsRequest';
import type { ListProtocolsResponse as _mandate_tally_v1_ListProtocolsResponse, ListProtocolsResponse__Output as _mandate_tally_v1_ListProtocolsResponse__Output } from '../../../mandate/tally/v1/ListProtocolsResponse';
import type { ListReportingUnitsRequest as _mandate_tally_v1_ListReportingUnitsRequest, ListReportingUnitsRequest__Output as _mandate_tally_v1_ListReportingUnitsRequest__Output } from '../../../mandate/tally/v1/ListReportingUnitsRequest';
import type { ListReportingUnitsResponse as _mandate_tally_v1_ListReportingUnitsResponse, ListReportingUnitsResponse__Output as _mandate_tally_v1_ListReportingUnitsResponse__Output } from '../../../mandate/tally/v1/ListReportingUnitsResponse';
import type { Protocol as _mandate_tally_v1_Protocol, Protocol__Output as _mandate_tally_v1_Protocol__Output } from '../../../mandate/tally/v1/Protocol';
import type { ReportingUnit as _mandate_tally_v1_ReportingUnit, ReportingUnit__Output as _mandate_tally_v1_ReportingUnit__Output } from '../../../mandate/tally/v1/ReportingUnit';
import type { SetContestPhaseRequest as _mandate_tally_v1_SetContestPhaseRequest, SetContestPhaseRequest__Output as _mandate_tally_v1_SetContestPhaseRequest__Output } from '../../../mandate/tally/v1/SetContestPhaseRequest';
import type { SubmitProtocolRequest as _mandate_tally_v1_SubmitProtocolRequest, SubmitProtocolRequest__Output as _mandate_tally_v1_SubmitProtocolRequest__Output } from '../../../mandate/tally/v1/SubmitProtocolRequest';
import type { SubmitProtocolResponse as _mandate_tally_v1_SubmitProtocolResponse, SubmitProtocolResponse__Output as _mandate_tally_v1_SubmitProtocolResponse__Output } from '../../../mandate/tally/v1/SubmitProtocolResponse';
import type { Totals as _mandate_tally_v1_Totals, Totals__Output as _mandate_tally_v1_Totals__Output } from '../../../mandate/tally/v1/Totals';
import type { WatchTotalsRequest as _mandate_tally_v1_WatchTotalsRequest, WatchTotalsRequest__Output as _mandate_tally_v1_WatchTotalsRequest__Output } from '../../../mandate/tally/v1/WatchTotalsRequest';
import type { WatchTotalsResponse as _mandate_tally_v1_WatchTotalsResponse, WatchTotalsResponse__Output as _mandate_tally_v1_WatchTotalsResponse__Output } from '../../../mandate/tally/v1/WatchTotalsResponse';

/**
 * TallyService accepts polling-station protocols and serves the totals they
 * add up to at every level of the reporting hierarchy. It never computes seats.
 */
export interface TallyServiceClient extends grpc.Client {
  /**
   * Adds reporting units (regions, districts, stations) to an election.
   * Units already present with the same content are left as they are. A
   * call that creates units is a change of the results: it takes the
   * election's next results version, and ListChanges and WatchTotals send
   * it (`Change.units_added`). Units are never changed or removed.
   */
  BatchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  BatchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  BatchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  BatchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds reporting units (regions, districts, stations) to an election.
   * Units already present with the same content are left as they are. A
   * call that creates units is a change of the results: it takes the
   * election's next results version, and ListChanges and WatchTotals send
   * it (`Change.units_added`). Units are never changed or removed.
   */
  batchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  batchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  batchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  batchCreateReportingUnits(argument: _mandate_tally_v1_BatchCreateReportingUnitsRequest, callback: grpc.requestCallback<_mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Defines an election with its contests. Sending the same definition again
   * returns the stored election; a different one under the same id fails with
   * ALREADY_EXISTS.
   */
  CreateElection(argument: _mandate_tally_v1_CreateElectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  CreateElection(argument: _mandate_tally_v1_CreateElectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  CreateElection(argument: _mandate_tally_v1_CreateElectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  CreateElection(argument: _mandate_tally_v1_CreateElectionRequest, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  /**
   * Defines an election with its contests. Sending the same definition again
   * returns the stored election; a different one under the same id fails with
   * ALREADY_EXISTS.
   */
  createElection(argument: _mandate_tally_v1_CreateElectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  createElection(argument: _mandate_tally_v1_CreateElectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  createElection(argument: _mandate_tally_v1_CreateElectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  createElection(argument: _mandate_tally_v1_CreateElectionRequest, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams the public export of an election as a ZIP archive: the signed
   * checkpoint, the whole log, every protocol version (CSV), the totals of
   * every unit (JSON) and the same results as NIST SP 1500-100 JSON, all of
   * one instant (docs/verification.md). Over HTTP it is a plain download.
   */
  ExportElection(argument: _mandate_tally_v1_ExportElectionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_google_api_HttpBody__Output>;
  ExportElection(argument: _mandate_tally_v1_ExportElectionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_google_api_HttpBody__Output>;
  /**
   * Streams the public export of an election as a ZIP archive: the signed
   * checkpoint, the whole log, every protocol version (CSV), the totals of
   * every unit (JSON) and the same results as NIST SP 1500-100 JSON, all of
   * one instant (docs/verification.md). Over HTTP it is a plain download.
   */
  exportElection(argument: _mandate_tally_v1_ExportElectionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_google_api_HttpBody__Output>;
  exportElection(argument: _mandate_tally_v1_ExportElectionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_google_api_HttpBody__Output>;
  
  /**
   * Returns a signed checkpoint of an election's log: the one published
   * last (`elections/{e}/checkpoints/latest`; one is published every few
   * seconds while the log grows), one of the whole log made now
   * (`.../checkpoints/current`), or the one of a tree size (`.../checkpoints/115`).
   */
  GetCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  GetCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a signed checkpoint of an election's log: the one published
   * last (`elections/{e}/checkpoints/latest`; one is published every few
   * seconds while the log grows), one of the whole log made now
   * (`.../checkpoints/current`), or the one of a tree size (`.../checkpoints/115`).
   */
  getCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  getCheckpoint(argument: _mandate_tally_v1_GetCheckpointRequest, callback: grpc.requestCallback<_mandate_tally_v1_Checkpoint__Output>): grpc.ClientUnaryCall;
  
  /**
   * Proves that the tree of an earlier checkpoint is a prefix of the tree
   * of a later one: the log only grew in between.
   */
  GetConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  GetConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  /**
   * Proves that the tree of an earlier checkpoint is a prefix of the tree
   * of a later one: the log only grew in between.
   */
  getConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  getConsistencyProof(argument: _mandate_tally_v1_GetConsistencyProofRequest, callback: grpc.requestCallback<_mandate_tally_v1_ConsistencyProof__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one contest with its form and current status.
   */
  GetContest(argument: _mandate_tally_v1_GetContestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  GetContest(argument: _mandate_tally_v1_GetContestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  GetContest(argument: _mandate_tally_v1_GetContestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  GetContest(argument: _mandate_tally_v1_GetContestRequest, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one contest with its form and current status.
   */
  getContest(argument: _mandate_tally_v1_GetContestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  getContest(argument: _mandate_tally_v1_GetContestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  getContest(argument: _mandate_tally_v1_GetContestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  getContest(argument: _mandate_tally_v1_GetContestRequest, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one election with its contests.
   */
  GetElection(argument: _mandate_tally_v1_GetElectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  GetElection(argument: _mandate_tally_v1_GetElectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  GetElection(argument: _mandate_tally_v1_GetElectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  GetElection(argument: _mandate_tally_v1_GetElectionRequest, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one election with its contests.
   */
  getElection(argument: _mandate_tally_v1_GetElectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  getElection(argument: _mandate_tally_v1_GetElectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  getElection(argument: _mandate_tally_v1_GetElectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  getElection(argument: _mandate_tally_v1_GetElectionRequest, callback: grpc.requestCallback<_mandate_tally_v1_Election__Output>): grpc.ClientUnaryCall;
  
  /**
   * Computes statistical indicators of anomalies from the current protocols
   * of a contest in a unit: control-relation warnings, the turnout ×
   * leader-share fingerprint, the integer-percentage test, digit tests and
   * the most extreme stations. They are indicators for observers and
   * researchers, not evidence of fraud; the report says so.
   */
  GetForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  GetForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  GetForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  GetForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  /**
   * Computes statistical indicators of anomalies from the current protocols
   * of a contest in a unit: control-relation warnings, the turnout ×
   * leader-share fingerprint, the integer-percentage test, digit tests and
   * the most extreme stations. They are indicators for observers and
   * researchers, not evidence of fraud; the report says so.
   */
  getForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  getForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  getForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  getForensicsReport(argument: _mandate_tally_v1_GetForensicsReportRequest, callback: grpc.requestCallback<_mandate_tally_v1_ForensicsReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Proves that an entry of an election's log is in the tree of a
   * checkpoint.
   */
  GetInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  GetInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  /**
   * Proves that an entry of an election's log is in the tree of a
   * checkpoint.
   */
  getInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  getInclusionProof(argument: _mandate_tally_v1_GetInclusionProofRequest, callback: grpc.requestCallback<_mandate_tally_v1_InclusionProof__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns a station's protocol with all its versions.
   */
  GetProtocol(argument: _mandate_tally_v1_GetProtocolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  GetProtocol(argument: _mandate_tally_v1_GetProtocolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  GetProtocol(argument: _mandate_tally_v1_GetProtocolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  GetProtocol(argument: _mandate_tally_v1_GetProtocolRequest, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a station's protocol with all its versions.
   */
  getProtocol(argument: _mandate_tally_v1_GetProtocolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  getProtocol(argument: _mandate_tally_v1_GetProtocolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  getProtocol(argument: _mandate_tally_v1_GetProtocolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  getProtocol(argument: _mandate_tally_v1_GetProtocolRequest, callback: grpc.requestCallback<_mandate_tally_v1_Protocol__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one reporting unit.
   */
  GetReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  GetReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  GetReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  GetReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one reporting unit.
   */
  getReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  getReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  getReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  getReportingUnit(argument: _mandate_tally_v1_GetReportingUnitRequest, callback: grpc.requestCallback<_mandate_tally_v1_ReportingUnit__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns the totals of a contest in a unit, served from memory.
   */
  GetTotals(argument: _mandate_tally_v1_GetTotalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  GetTotals(argument: _mandate_tally_v1_GetTotalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  GetTotals(argument: _mandate_tally_v1_GetTotalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  GetTotals(argument: _mandate_tally_v1_GetTotalsRequest, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  /**
   * Returns the totals of a contest in a unit, served from memory.
   */
  getTotals(argument: _mandate_tally_v1_GetTotalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  getTotals(argument: _mandate_tally_v1_GetTotalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  getTotals(argument: _mandate_tally_v1_GetTotalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  getTotals(argument: _mandate_tally_v1_GetTotalsRequest, callback: grpc.requestCallback<_mandate_tally_v1_Totals__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams many protocols in one call for bulk loading; each is handled as by
   * SubmitProtocol and rejected rows are reported, not fatal.
   */
  ImportProtocols(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  ImportProtocols(metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  ImportProtocols(options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  ImportProtocols(callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  /**
   * Streams many protocols in one call for bulk loading; each is handled as by
   * SubmitProtocol and rejected rows are reported, not fatal.
   */
  importProtocols(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  importProtocols(metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  importProtocols(options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  importProtocols(callback: grpc.requestCallback<_mandate_tally_v1_ImportProtocolsResponse__Output>): grpc.ClientWritableStream<_mandate_tally_v1_ImportProtocolsRequest>;
  
  /**
   * Returns only what changed in a unit's totals since a results version, for
   * clients that poll.
   */
  ListChanges(argument: _mandate_tally_v1_ListChangesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  ListChanges(argument: _mandate_tally_v1_ListChangesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  ListChanges(argument: _mandate_tally_v1_ListChangesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  ListChanges(argument: _mandate_tally_v1_ListChangesRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns only what changed in a unit's totals since a results version, for
   * clients that poll.
   */
  listChanges(argument: _mandate_tally_v1_ListChangesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  listChanges(argument: _mandate_tally_v1_ListChangesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  listChanges(argument: _mandate_tally_v1_ListChangesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  listChanges(argument: _mandate_tally_v1_ListChangesRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListChangesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the defined elections.
   */
  ListElections(argument: _mandate_tally_v1_ListElectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  ListElections(argument: _mandate_tally_v1_ListElectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  ListElections(argument: _mandate_tally_v1_ListElectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  ListElections(argument: _mandate_tally_v1_ListElectionsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the defined elections.
   */
  listElections(argument: _mandate_tally_v1_ListElectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  listElections(argument: _mandate_tally_v1_ListElectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  listElections(argument: _mandate_tally_v1_ListElectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  listElections(argument: _mandate_tally_v1_ListElectionsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListElectionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the entries of an election's log, oldest first.
   */
  ListLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  ListLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  ListLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  ListLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the entries of an election's log, oldest first.
   */
  listLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  listLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  listLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  listLogEntries(argument: _mandate_tally_v1_ListLogEntriesRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListLogEntriesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the current protocols of the stations under a unit.
   */
  ListProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  ListProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  ListProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  ListProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the current protocols of the stations under a unit.
   */
  listProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  listProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  listProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  listProtocols(argument: _mandate_tally_v1_ListProtocolsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListProtocolsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the units directly below a unit, or the root when none is given.
   */
  ListReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  ListReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  ListReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  ListReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the units directly below a unit, or the root when none is given.
   */
  listReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  listReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  listReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  listReportingUnits(argument: _mandate_tally_v1_ListReportingUnitsRequest, callback: grpc.requestCallback<_mandate_tally_v1_ListReportingUnitsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves a contest's results to another phase: certification closes
   * submissions; recount and correction reopen them.
   */
  SetContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  SetContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  SetContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  SetContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  /**
   * Moves a contest's results to another phase: certification closes
   * submissions; recount and correction reopen them.
   */
  setContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  setContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  setContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  setContestPhase(argument: _mandate_tally_v1_SetContestPhaseRequest, callback: grpc.requestCallback<_mandate_tally_v1_Contest__Output>): grpc.ClientUnaryCall;
  
  /**
   * Submits a station's protocol, or a correction of it. Idempotent by
   * request_id: the same request again returns the original response.
   */
  SubmitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  SubmitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  SubmitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  SubmitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Submits a station's protocol, or a correction of it. Idempotent by
   * request_id: the same request again returns the original response.
   */
  submitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  submitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  submitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  submitProtocol(argument: _mandate_tally_v1_SubmitProtocolRequest, callback: grpc.requestCallback<_mandate_tally_v1_SubmitProtocolResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a unit's totals whenever they change, resuming after a results
   * version.
   */
  WatchTotals(argument: _mandate_tally_v1_WatchTotalsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_tally_v1_WatchTotalsResponse__Output>;
  WatchTotals(argument: _mandate_tally_v1_WatchTotalsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_tally_v1_WatchTotalsResponse__Output>;
  /**
   * Streams a unit's totals whenever they change, resuming after a results
   * version.
   */
  watchTotals(argument: _mandate_tally_v1_WatchTotalsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_tally_v1_WatchTotalsResponse__Output>;
  watchTotals(argument: _mandate_tally_v1_WatchTotalsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_tally_v1_WatchTotalsResponse__Output>;
  
}

/**
 * TallyService accepts polling-station protocols and serves the totals they
 * add up to at every level of the reporting hierarchy. It never computes seats.
 */
export interface TallyServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds reporting units (regions, districts, stations) to an election.
   * Units already present with the same content are left as they are. A
   * call that creates units is a change of the results: it takes the
   * election's next results version, and ListChanges and WatchTotals send
   * it (`Change.units_added`). Units are never changed or removed.
   */
  BatchCreateReportingUnits: grpc.handleUnaryCall<_mandate_tally_v1_BatchCreateReportingUnitsRequest__Output, _mandate_tally_v1_BatchCreateReportingUnitsResponse>;
  
  /**
   * Defines an election with its contests. Sending the same definition again
   * returns the stored election; a different one under the same id fails with
   * ALREADY_EXISTS.
   */
  CreateElection: grpc.handleUnaryCall<_mandate_tally_v1_CreateElectionRequest__Output, _mandate_tally_v1_Election>;
  
  /**
   * Streams the public export of an election as a ZIP archive: the signed
   * checkpoint, the whole log, every protocol version (CSV), the totals of
   * every unit (JSON) and the same results as NIST SP 1500-100 JSON, all of
   * one instant (docs/verification.md). Over HTTP it is a plain download.
   */
  ExportElection: grpc.handleServerStreamingCall<_mandate_tally_v1_ExportElectionRequest__Output, _google_api_HttpBody>;
  
  /**
   * Returns a signed checkpoint of an election's log: the one published
   * last (`elections/{e}/checkpoints/latest`; one is published every few
   * seconds while the log grows), one of the whole log made now
   * (`.../checkpoints/current`), or the one of a tree size (`.../checkpoints/115`).
   */
  GetCheckpoint: grpc.handleUnaryCall<_mandate_tally_v1_GetCheckpointRequest__Output, _mandate_tally_v1_Checkpoint>;
  
  /**
   * Proves that the tree of an earlier checkpoint is a prefix of the tree
   * of a later one: the log only grew in between.
   */
  GetConsistencyProof: grpc.handleUnaryCall<_mandate_tally_v1_GetConsistencyProofRequest__Output, _mandate_tally_v1_ConsistencyProof>;
  
  /**
   * Returns one contest with its form and current status.
   */
  GetContest: grpc.handleUnaryCall<_mandate_tally_v1_GetContestRequest__Output, _mandate_tally_v1_Contest>;
  
  /**
   * Returns one election with its contests.
   */
  GetElection: grpc.handleUnaryCall<_mandate_tally_v1_GetElectionRequest__Output, _mandate_tally_v1_Election>;
  
  /**
   * Computes statistical indicators of anomalies from the current protocols
   * of a contest in a unit: control-relation warnings, the turnout ×
   * leader-share fingerprint, the integer-percentage test, digit tests and
   * the most extreme stations. They are indicators for observers and
   * researchers, not evidence of fraud; the report says so.
   */
  GetForensicsReport: grpc.handleUnaryCall<_mandate_tally_v1_GetForensicsReportRequest__Output, _mandate_tally_v1_ForensicsReport>;
  
  /**
   * Proves that an entry of an election's log is in the tree of a
   * checkpoint.
   */
  GetInclusionProof: grpc.handleUnaryCall<_mandate_tally_v1_GetInclusionProofRequest__Output, _mandate_tally_v1_InclusionProof>;
  
  /**
   * Returns a station's protocol with all its versions.
   */
  GetProtocol: grpc.handleUnaryCall<_mandate_tally_v1_GetProtocolRequest__Output, _mandate_tally_v1_Protocol>;
  
  /**
   * Returns one reporting unit.
   */
  GetReportingUnit: grpc.handleUnaryCall<_mandate_tally_v1_GetReportingUnitRequest__Output, _mandate_tally_v1_ReportingUnit>;
  
  /**
   * Returns the totals of a contest in a unit, served from memory.
   */
  GetTotals: grpc.handleUnaryCall<_mandate_tally_v1_GetTotalsRequest__Output, _mandate_tally_v1_Totals>;
  
  /**
   * Streams many protocols in one call for bulk loading; each is handled as by
   * SubmitProtocol and rejected rows are reported, not fatal.
   */
  ImportProtocols: grpc.handleClientStreamingCall<_mandate_tally_v1_ImportProtocolsRequest__Output, _mandate_tally_v1_ImportProtocolsResponse>;
  
  /**
   * Returns only what changed in a unit's totals since a results version, for
   * clients that poll.
   */
  ListChanges: grpc.handleUnaryCall<_mandate_tally_v1_ListChangesRequest__Output, _mandate_tally_v1_ListChangesResponse>;
  
  /**
   * Lists the defined elections.
   */
  ListElections: grpc.handleUnaryCall<_mandate_tally_v1_ListElectionsRequest__Output, _mandate_tally_v1_ListElectionsResponse>;
  
  /**
   * Lists the entries of an election's log, oldest first.
   */
  ListLogEntries: grpc.handleUnaryCall<_mandate_tally_v1_ListLogEntriesRequest__Output, _mandate_tally_v1_ListLogEntriesResponse>;
  
  /**
   * Lists the current protocols of the stations under a unit.
   */
  ListProtocols: grpc.handleUnaryCall<_mandate_tally_v1_ListProtocolsRequest__Output, _mandate_tally_v1_ListProtocolsResponse>;
  
  /**
   * Lists the units directly below a unit, or the root when none is given.
   */
  ListReportingUnits: grpc.handleUnaryCall<_mandate_tally_v1_ListReportingUnitsRequest__Output, _mandate_tally_v1_ListReportingUnitsResponse>;
  
  /**
   * Moves a contest's results to another phase: certification closes
   * submissions; recount and correction reopen them.
   */
  SetContestPhase: grpc.handleUnaryCall<_mandate_tally_v1_SetContestPhaseRequest__Output, _mandate_tally_v1_Contest>;
  
  /**
   * Submits a station's protocol, or a correction of it. Idempotent by
   * request_id: the same request again returns the original response.
   */
  SubmitProtocol: grpc.handleUnaryCall<_mandate_tally_v1_SubmitProtocolRequest__Output, _mandate_tally_v1_SubmitProtocolResponse>;
  
  /**
   * Streams a unit's totals whenever they change, resuming after a results
   * version.
   */
  WatchTotals: grpc.handleServerStreamingCall<_mandate_tally_v1_WatchTotalsRequest__Output, _mandate_tally_v1_WatchTotalsResponse>;
  
}

export interface TallyServiceDefinition extends grpc.ServiceDefinition {
  BatchCreateReportingUnits: MethodDefinition<_mandate_tally_v1_BatchCreateReportingUnitsRequest, _mandate_tally_v1_BatchCreateReportingUnitsResponse, _mandate_tally_v1_BatchCreateReportingUnitsRequest__Output, _mandate_tally_v1_BatchCreateReportingUnitsResponse__Output>
  CreateElection: MethodDefinition<_mandate_tally_v1_CreateElectionRequest, _mandate_tally_v1_Election, _mandate_tally_v1_CreateElectionRequest__Output, _mandate_tally_v1_Election__Output>
  ExportElection: MethodDefinition<_mandate_tally_v1_ExportElectionRequest, _google_api_HttpBody, _mandate_tally_v1_ExportElectionRequest__Output, _google_api_HttpBody__Output>
  GetCheckpoint: MethodDefinition<_mandate_tally_v1_GetCheckpointRequest, _mandate_tally_v1_Checkpoint, _mandate_tally_v1_GetCheckpointRequest__Output, _mandate_tally_v1_Checkpoint__Output>
  GetConsistencyProof: MethodDefinition<_mandate_tally_v1_GetConsistencyProofRequest, _mandate_tally_v1_ConsistencyProof, _mandate_tally_v1_GetConsistencyProofRequest__Output, _mandate_tally_v1_ConsistencyProof__Output>
  GetContest: MethodDefinition<_mandate_tally_v1_GetContestRequest, _mandate_tally_v1_Contest, _mandate_tally_v1_GetContestRequest__Output, _mandate_tally_v1_Contest__Output>
  GetElection: MethodDefinition<_mandate_tally_v1_GetElectionRequest, _mandate_tally_v1_Election, _mandate_tally_v1_GetElectionRequest__Output, _mandate_tally_v1_Election__Output>
  GetForensicsReport: MethodDefinition<_mandate_tally_v1_GetForensicsReportRequest, _mandate_tally_v1_ForensicsReport, _mandate_tally_v1_GetForensicsReportRequest__Output, _mandate_tally_v1_ForensicsReport__Output>
  GetInclusionProof: MethodDefinition<_mandate_tally_v1_GetInclusionProofRequest, _mandate_tally_v1_InclusionProof, _mandate_tally_v1_GetInclusionProofRequest__Output, _mandate_tally_v1_InclusionProof__Output>
  GetProtocol: MethodDefinition<_mandate_tally_v1_GetProtocolRequest, _mandate_tally_v1_Protocol, _mandate_tally_v1_GetProtocolRequest__Output, _mandate_tally_v1_Protocol__Output>
  GetReportingUnit: MethodDefinition<_mandate_tally_v1_GetReportingUnitRequest, _mandate_tally_v1_ReportingUnit, _mandate_tally_v1_GetReportingUnitRequest__Output, _mandate_tally_v1_ReportingUnit__Output>
  GetTotals: MethodDefinition<_mandate_tally_v1_GetTotalsRequest, _mandate_tally_v1_Totals, _mandate_tally_v1_GetTotalsRequest__Output, _mandate_tally_v1_Totals__Output>
  ImportProtocols: MethodDefinition<_mandate_tally_v1_ImportProtocolsRequest, _mandate_tally_v1_ImportProtocolsResponse, _mandate_tally_v1_ImportProtocolsRequest__Output, _mandate_tally_v1_ImportProtocolsResponse__Output>
  ListChanges: MethodDefinition<_mandate_tally_v1_ListChangesRequest, _mandate_tally_v1_ListChangesResponse, _mandate_tally_v1_ListChangesRequest__Output, _mandate_tally_v1_ListChangesResponse__Output>
  ListElections: MethodDefinition<_mandate_tally_v1_ListElectionsRequest, _mandate_tally_v1_ListElectionsResponse, _mandate_tally_v1_ListElectionsRequest__Output, _mandate_tally_v1_ListElectionsResponse__Output>
  ListLogEntries: MethodDefinition<_mandate_tally_v1_ListLogEntriesRequest, _mandate_tally_v1_ListLogEntriesResponse, _mandate_tally_v1_ListLogEntriesRequest__Output, _mandate_tally_v1_ListLogEntriesResponse__Output>
  ListProtocols: MethodDefinition<_mandate_tally_v1_ListProtocolsRequest, _mandate_tally_v1_ListProtocolsResponse, _mandate_tally_v1_ListProtocolsRequest__Output, _mandate_tally_v1_ListProtocolsResponse__Output>
  ListReportingUnits: MethodDefinition<_mandate_tally_v1_ListReportingUnitsRequest, _mandate_tally_v1_ListReportingUnitsResponse, _mandate_tally_v1_ListReportingUnitsRequest__Output, _mandate_tally_v1_ListReportingUnitsResponse__Output>
  SetContestPhase: MethodDefinition<_mandate_tally_v1_SetContestPhaseRequest, _mandate_tally_v1_Contest, _mandate_tally_v1_SetContestPhaseRequest__Output, _mandate_tally_v1_Contest__Output>
  SubmitProtocol: MethodDefinition<_mandate_tally_v1_SubmitProtocolRequest, _mandate_tally_v1_SubmitProtocolResponse, _mandate_tally_v1_SubmitProtocolRequest__Output, _mandate_tally_v1_SubmitProtocolResponse__Output>
  WatchTotals: MethodDefinition<_mandate_tally_v1_WatchTotalsRequest, _mandate_tally_v1_WatchTotalsResponse, _mandate_tally_v1_WatchTotalsRequest__Output, _mandate_tally_v1_WatchTotalsResponse__Output>
}
