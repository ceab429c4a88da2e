// Original file: mandate/seats/v1/seats_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AllocateContestRequest as _mandate_seats_v1_AllocateContestRequest, AllocateContestRequest__Output as _mandate_seats_v1_AllocateContestRequest__Output } from '../../../mandate/seats/v1/AllocateContestRequest';
import type { ApportionRequest as _mandate_seats_v1_ApportionRequest, ApportionRequest__Output as _mandate_seats_v1_ApportionRequest__Output } from '../../../mandate/seats/v1/ApportionRequest';
import type { ApportionResponse as _mandate_seats_v1_ApportionResponse, ApportionResponse__Output as _mandate_seats_v1_ApportionResponse__Output } from '../../../mandate/seats/v1/ApportionResponse';
import type { ChamberComposition as _mandate_seats_v1_ChamberComposition, ChamberComposition__Output as _mandate_seats_v1_ChamberComposition__Output } from '../../../mandate/seats/v1/ChamberComposition';
import type { ContestAllocation as _mandate_seats_v1_ContestAllocation, ContestAllocation__Output as _mandate_seats_v1_ContestAllocation__Output } from '../../../mandate/seats/v1/ContestAllocation';
import type { GetChamberCompositionRequest as _mandate_seats_v1_GetChamberCompositionRequest, GetChamberCompositionRequest__Output as _mandate_seats_v1_GetChamberCompositionRequest__Output } from '../../../mandate/seats/v1/GetChamberCompositionRequest';
import type { GetPresetRequest as _mandate_seats_v1_GetPresetRequest, GetPresetRequest__Output as _mandate_seats_v1_GetPresetRequest__Output } from '../../../mandate/seats/v1/GetPresetRequest';
import type { ListPresetsRequest as _mandate_seats_v1_ListPresetsRequest, ListPresetsRequest__Output as _mandate_seats_v1_ListPresetsRequest__Output } from '../../../mandate/seats/v1/ListPresetsRequest';
import type { ListPresetsResponse as _mandate_seats_v1_ListPresetsResponse, ListPresetsResponse__Output as _mandate_seats_v1_ListPresetsResponse__Output } from '../../../mandate/seats/v1/ListPresetsResponse';
import type { Preset as _mandate_seats_v1_Preset, Preset__Output as _mandate_seats_v1_Preset__Output } from '../../../mandate/seats/v1/Preset';
import type { WatchChamberCompositionRequest as _mandate_seats_v1_WatchChamberCompositionRequest, WatchChamberCompositionRequest__Output as _mandate_seats_v1_WatchChamberCompositionRequest__Output } from '../../../mandate/seats/v1/WatchChamberCompositionRequest';
import type { WatchContestAllocationRequest as _mandate_seats_v1_WatchContestAllocationRequest, WatchContestAllocationRequest__Output as _mandate_seats_v1_WatchContestAllocationRequest__Output } from '../../../mandate/seats/v1/WatchContestAllocationRequest';

/**
 * SeatsService turns votes into seats with exact arithmetic and explains every
 * step. It never stores protocols.
 */
export interface SeatsServiceClient extends grpc.Client {
  /**
   * Allocates a contest's seats from the tally's current totals of a unit: the
   * seats service reads the totals from the tally service, takes the threshold
   * base from the contest's legal share base, and says how much of the count
   * the seats stand on. A POST because the rule is a structured message; it
   * changes nothing.
   */
  AllocateContest(argument: _mandate_seats_v1_AllocateContestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  AllocateContest(argument: _mandate_seats_v1_AllocateContestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  AllocateContest(argument: _mandate_seats_v1_AllocateContestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  AllocateContest(argument: _mandate_seats_v1_AllocateContestRequest, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  /**
   * Allocates a contest's seats from the tally's current totals of a unit: the
   * seats service reads the totals from the tally service, takes the threshold
   * base from the contest's legal share base, and says how much of the count
   * the seats stand on. A POST because the rule is a structured message; it
   * changes nothing.
   */
  allocateContest(argument: _mandate_seats_v1_AllocateContestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  allocateContest(argument: _mandate_seats_v1_AllocateContestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  allocateContest(argument: _mandate_seats_v1_AllocateContestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  allocateContest(argument: _mandate_seats_v1_AllocateContestRequest, callback: grpc.requestCallback<_mandate_seats_v1_ContestAllocation__Output>): grpc.ClientUnaryCall;
  
  /**
   * Apportions seats among parties by an explicit rule or a named legal preset.
   */
  Apportion(argument: _mandate_seats_v1_ApportionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  Apportion(argument: _mandate_seats_v1_ApportionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  Apportion(argument: _mandate_seats_v1_ApportionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  Apportion(argument: _mandate_seats_v1_ApportionRequest, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Apportions seats among parties by an explicit rule or a named legal preset.
   */
  apportion(argument: _mandate_seats_v1_ApportionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  apportion(argument: _mandate_seats_v1_ApportionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  apportion(argument: _mandate_seats_v1_ApportionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  apportion(argument: _mandate_seats_v1_ApportionRequest, callback: grpc.requestCallback<_mandate_seats_v1_ApportionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Composes a chamber the election defines from the tally's current totals
   * of every tier's contests, all at one results version: seats by party per
   * tier and in total, and the seats still undecided.
   */
  GetChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  GetChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  GetChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  GetChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  /**
   * Composes a chamber the election defines from the tally's current totals
   * of every tier's contests, all at one results version: seats by party per
   * tier and in total, and the seats still undecided.
   */
  getChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  getChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  getChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  getChamberComposition(argument: _mandate_seats_v1_GetChamberCompositionRequest, callback: grpc.requestCallback<_mandate_seats_v1_ChamberComposition__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one legal preset.
   */
  GetPreset(argument: _mandate_seats_v1_GetPresetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  GetPreset(argument: _mandate_seats_v1_GetPresetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  GetPreset(argument: _mandate_seats_v1_GetPresetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  GetPreset(argument: _mandate_seats_v1_GetPresetRequest, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one legal preset.
   */
  getPreset(argument: _mandate_seats_v1_GetPresetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  getPreset(argument: _mandate_seats_v1_GetPresetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  getPreset(argument: _mandate_seats_v1_GetPresetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  getPreset(argument: _mandate_seats_v1_GetPresetRequest, callback: grpc.requestCallback<_mandate_seats_v1_Preset__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the legal presets.
   */
  ListPresets(argument: _mandate_seats_v1_ListPresetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  ListPresets(argument: _mandate_seats_v1_ListPresetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  ListPresets(argument: _mandate_seats_v1_ListPresetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  ListPresets(argument: _mandate_seats_v1_ListPresetsRequest, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the legal presets.
   */
  listPresets(argument: _mandate_seats_v1_ListPresetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  listPresets(argument: _mandate_seats_v1_ListPresetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  listPresets(argument: _mandate_seats_v1_ListPresetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  listPresets(argument: _mandate_seats_v1_ListPresetsRequest, callback: grpc.requestCallback<_mandate_seats_v1_ListPresetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a chamber's composition whenever the count changes, at most four
   * a second (the latest is always sent), resuming after a results version.
   */
  WatchChamberComposition(argument: _mandate_seats_v1_WatchChamberCompositionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ChamberComposition__Output>;
  WatchChamberComposition(argument: _mandate_seats_v1_WatchChamberCompositionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ChamberComposition__Output>;
  /**
   * Streams a chamber's composition whenever the count changes, at most four
   * a second (the latest is always sent), resuming after a results version.
   */
  watchChamberComposition(argument: _mandate_seats_v1_WatchChamberCompositionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ChamberComposition__Output>;
  watchChamberComposition(argument: _mandate_seats_v1_WatchChamberCompositionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ChamberComposition__Output>;
  
  /**
   * Streams a contest's allocation whenever the tally's totals of the unit
   * change, at most four a second (intermediate totals are skipped, the latest
   * is always sent), resuming after a results version.
   */
  WatchContestAllocation(argument: _mandate_seats_v1_WatchContestAllocationRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ContestAllocation__Output>;
  WatchContestAllocation(argument: _mandate_seats_v1_WatchContestAllocationRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ContestAllocation__Output>;
  /**
   * Streams a contest's allocation whenever the tally's totals of the unit
   * change, at most four a second (intermediate totals are skipped, the latest
   * is always sent), resuming after a results version.
   */
  watchContestAllocation(argument: _mandate_seats_v1_WatchContestAllocationRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ContestAllocation__Output>;
  watchContestAllocation(argument: _mandate_seats_v1_WatchContestAllocationRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mandate_seats_v1_ContestAllocation__Output>;
  
}

/**
 * SeatsService turns votes into seats with exact arithmetic and explains every
 * step. It never stores protocols.
 */
export interface SeatsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Allocates a contest's seats from the tally's current totals of a unit: the
   * seats service reads the totals from the tally service, takes the threshold
   * base from the contest's legal share base, and says how much of the count
   * the seats stand on. A POST because the rule is a structured message; it
   * changes nothing.
   */
  AllocateContest: grpc.handleUnaryCall<_mandate_seats_v1_AllocateContestRequest__Output, _mandate_seats_v1_ContestAllocation>;
  
  /**
   * Apportions seats among parties by an explicit rule or a named legal preset.
   */
  Apportion: grpc.handleUnaryCall<_mandate_seats_v1_ApportionRequest__Output, _mandate_seats_v1_ApportionResponse>;
  
  /**
   * Composes a chamber the election defines from the tally's current totals
   * of every tier's contests, all at one results version: seats by party per
   * tier and in total, and the seats still undecided.
   */
  GetChamberComposition: grpc.handleUnaryCall<_mandate_seats_v1_GetChamberCompositionRequest__Output, _mandate_seats_v1_ChamberComposition>;
  
  /**
   * Returns one legal preset.
   */
  GetPreset: grpc.handleUnaryCall<_mandate_seats_v1_GetPresetRequest__Output, _mandate_seats_v1_Preset>;
  
  /**
   * Lists the legal presets.
   */
  ListPresets: grpc.handleUnaryCall<_mandate_seats_v1_ListPresetsRequest__Output, _mandate_seats_v1_ListPresetsResponse>;
  
  /**
   * Streams a chamber's composition whenever the count changes, at most four
   * a second (the latest is always sent), resuming after a results version.
   */
  WatchChamberComposition: grpc.handleServerStreamingCall<_mandate_seats_v1_WatchChamberCompositionRequest__Output, _mandate_seats_v1_ChamberComposition>;
  
  /**
   * Streams a contest's allocation whenever the tally's totals of the unit
   * change, at most four a second (intermediate totals are skipped, the latest
   * is always sent), resuming after a results version.
   */
  WatchContestAllocation: grpc.handleServerStreamingCall<_mandate_seats_v1_WatchContestAllocationRequest__Output, _mandate_seats_v1_ContestAllocation>;
  
}

export interface SeatsServiceDefinition extends grpc.ServiceDefinition {
  AllocateContest: MethodDefinition<_mandate_seats_v1_AllocateContestRequest, _mandate_seats_v1_ContestAllocation, _mandate_seats_v1_AllocateContestRequest__Output, _mandate_seats_v1_ContestAllocation__Output>
  Apportion: MethodDefinition<_mandate_seats_v1_ApportionRequest, _mandate_seats_v1_ApportionResponse, _mandate_seats_v1_ApportionRequest__Output, _mandate_seats_v1_ApportionResponse__Output>
  GetChamberComposition: MethodDefinition<_mandate_seats_v1_GetChamberCompositionRequest, _mandate_seats_v1_ChamberComposition, _mandate_seats_v1_GetChamberCompositionRequest__Output, _mandate_seats_v1_ChamberComposition__Output>
  GetPreset: MethodDefinition<_mandate_seats_v1_GetPresetRequest, _mandate_seats_v1_Preset, _mandate_seats_v1_GetPresetRequest__Output, _mandate_seats_v1_Preset__Output>
  ListPresets: MethodDefinition<_mandate_seats_v1_ListPresetsRequest, _mandate_seats_v1_ListPresetsResponse, _mandate_seats_v1_ListPresetsRequest__Output, _mandate_seats_v1_ListPresetsResponse__Output>
  WatchChamberComposition: MethodDefinition<_mandate_seats_v1_WatchChamberCompositionRequest, _mandate_seats_v1_ChamberComposition, _mandate_seats_v1_WatchChamberCompositionRequest__Output, _mandate_seats_v1_ChamberComposition__Output>
  WatchContestAllocation: MethodDefinition<_mandate_seats_v1_WatchContestAllocationRequest, _mandate_seats_v1_ContestAllocation, _mandate_seats_v1_WatchContestAllocationRequest__Output, _mandate_seats_v1_ContestAllocation__Output>
}
