import type { ResourceLimits, Worker } from 'node:worker_threads';
import { errorReason } from '../../error-reason.ts';
import type { z } from 'zod';
import { startWorker } from '../start-worker.ts';
import type { WorkerPaths } from '../start-worker.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import type { InputOf, OutputOf, ProgressOf, RpcMethods, WorkerProtocol } from './protocol.ts';
import { fromWire } from './wire-error.ts';

export interface CallOptions<P> {
  onProgress?: (progress: P) => void;
  /** Aborting cancels the call in the worker; the call then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Buffers of the input to move to the worker instead of copying. */
  transfer?: ArrayBuffer[];
}

export interface WorkerClient<M extends RpcMethods> {
  call<K extends keyof M & string>(method: K, input: InputOf<M[K]>, options?: CallOptions<ProgressOf<M[K]>>): Promise<OutputOf<M[K]>>;
  /** Resolves once the worker has started; rejects with why it could not. */
  ready: Promise<void>;
  /** Stops the worker; calls still open reject. */
  close(): Promise<void>;
}

interface OpenCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: never) => void;
}

/**
 * Starts a worker that serves `protocol` (see serveWorker) and calls its methods. Every worker
 * of the main process is reached this way: one message shape, one error shape, progress and
 * cancel for every method.
 */
export function startWorkerClient<D extends z.ZodType, M extends RpcMethods>(
  protocol: WorkerProtocol<D, M>,
  paths: WorkerPaths,
  data: z.input<D>,
  resourceLimits?: ResourceLimits,
): WorkerClient<M> {
  const worker: Worker = startWorker(paths(protocol.worker), data, resourceLimits);
  const open = new Map<number, OpenCall>();
  let nextId = 0;
  let stopped: Error | null = null;
  let settleReady: { resolve(): void; reject(error: Error): void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  ready.catch(() => {}); // also surfaces through every call

  function stop(error: Error) {
    if (stopped !== null) return;
    stopped = error;
    settleReady.reject(error);
    for (const call of open.values()) call.reject(error);
    open.clear();
  }

  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'ready') return settleReady.resolve();
    if (message.kind === 'start-failed') return stop(new Error(`The ${protocol.worker} worker could not start: ${fromWire(message.error).message}`, { cause: fromWire(message.error) }));
    const call = open.get(message.id);
    if (call === undefined) return;
    if (message.kind === 'progress') return call.onProgress?.(message.value as never);
    open.delete(message.id);
    if (message.kind === 'result') call.resolve(message.value);
    else call.reject(fromWire(message.error));
  });
  worker.on('error', (error: unknown) => stop(new Error(`The ${protocol.worker} worker failed: ${errorReason(error)}`, { cause: error })));
  worker.on('exit', (code) => stop(new Error(`The ${protocol.worker} worker stopped (exit code ${code}).`)));

  return {
    ready,
    call(method, input, { onProgress, signal, transfer = [] } = {}) {
      if (stopped !== null) return Promise.reject(stopped);
      if (signal?.aborted) return Promise.reject(new DOMException('The call was cancelled.', 'AbortError'));
      const id = nextId++;
      const cancel = () => worker.postMessage({ kind: 'cancel', id } satisfies ToWorker);
      signal?.addEventListener('abort', cancel, { once: true });
      const answer = new Promise<unknown>((resolve, reject) => open.set(id, { resolve, reject, ...(onProgress ? { onProgress: onProgress as (progress: never) => void } : {}) }));
      worker.postMessage({ kind: 'call', id, method, input } satisfies ToWorker, transfer);
      return answer.finally(() => signal?.removeEventListener('abort', cancel)) as Promise<OutputOf<M[typeof method]>>;
    },
    async close() {
      stop(new Error(`The ${protocol.worker} worker was closed.`));
      await worker.terminate();
    },
  };
}
