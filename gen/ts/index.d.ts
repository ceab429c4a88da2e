// Types of index.js. The message and service types are generated into
// types/ by proto-loader-gen-types (make gen); this file is not generated.
import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition, Options } from '@grpc/proto-loader';
import type { ProtoGrpcType as TallyTypes } from './types/tally_service';
import type { ProtoGrpcType as SeatsTypes } from './types/seats_service';
import type { BadRequest__Output } from './types/google/rpc/BadRequest';
import type { ErrorInfo__Output } from './types/google/rpc/ErrorInfo';

/** Every package of the API: api.mandate.tally.v1.TallyService, api.mandate.seats.v1.SeatsService ... */
export type Api = TallyTypes & SeatsTypes;

export declare const api: Api;
export declare const definition: PackageDefinition;
/** The directory of the .proto files the API is loaded from. */
export declare const protoDir: string;
export { grpc };
export declare const options: Options;

/** A decoded detail of a google.rpc.Status, named by its type. */
export type Detail =
  | ({ '@type': 'google.rpc.BadRequest' } & BadRequest__Output)
  | ({ '@type': 'google.rpc.ErrorInfo' } & ErrorInfo__Output)
  | { '@type': string; [field: string]: unknown };

export interface StatusDetails {
  code: number;
  message: string;
  details: Detail[];
}

export declare function statusDetails(err: grpc.ServiceError | Error | null): StatusDetails | null;
export declare function badRequest(err: grpc.ServiceError | Error | null): (BadRequest__Output & { '@type': string }) | null;
export declare function errorInfo(err: grpc.ServiceError | Error | null): (ErrorInfo__Output & { '@type': string }) | null;
