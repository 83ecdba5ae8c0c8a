import type { z } from 'zod';
import type { WorkerName } from '../start-worker.ts';

/**
 * One method of a worker: its input schema (parsed on arrival in the worker), and the types of
 * its answer and of the progress it reports on the way. Output and progress are types only:
 * they come from our own code on the other side.
 */
export interface RpcMethod<I extends z.ZodType = z.ZodType, O = unknown, P = unknown> {
  input: I;
  /** Type carriers, never set. */
  output?: O;
  progress?: P;
}

/** A method taking `input`, answering O and reporting P. */
export function method<O, P = never>() {
  return <I extends z.ZodType>(input: I): RpcMethod<I, O, P> => ({ input });
}

export type RpcMethods = Record<string, RpcMethod>;

/** What a worker is started with (parsed from workerData) and the methods it answers. */
export interface WorkerProtocol<D extends z.ZodType = z.ZodType, M extends RpcMethods = RpcMethods> {
  worker: WorkerName;
  data: D;
  methods: M;
}

export function workerProtocol<D extends z.ZodType, M extends RpcMethods>(protocol: WorkerProtocol<D, M>): WorkerProtocol<D, M> {
  return protocol;
}

export type InputOf<M> = M extends RpcMethod<infer I> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends RpcMethod<infer I> ? z.output<I> : never;
export type OutputOf<M> = M extends RpcMethod<z.ZodType, infer O> ? O : never;
export type ProgressOf<M> = M extends RpcMethod<z.ZodType, unknown, infer P> ? P : never;
