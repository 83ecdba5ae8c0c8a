import { parentPort, workerData } from 'node:worker_threads';
import type { z } from 'zod';
import { describeIssues } from '../../../../shared/console-api/index.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import type { OutputOf, ParsedInputOf, ProgressOf, RpcMethods, WorkerProtocol } from './protocol.ts';
import type { Transferring } from './transfer.ts';
import { unwrapTransfer } from './transfer.ts';
import { toWire } from './wire-error.ts';

export interface CallContext<P> {
  /** Reports progress to the caller (with buffers to move, wrapped in transferring()). */
  progress(value: P | Transferring<P>): void;
  /** Aborted when the caller cancels. */
  signal: AbortSignal;
}

export type Handlers<M extends RpcMethods> = {
  [K in keyof M]: (
    input: ParsedInputOf<M[K]>,
    context: CallContext<ProgressOf<M[K]>>,
  ) => OutputOf<M[K]> | Transferring<OutputOf<M[K]>> | Promise<OutputOf<M[K]> | Transferring<OutputOf<M[K]>>>;
};

/**
 * The worker's side of the RPC: parses workerData and every call's input with the protocol's
 * schemas, runs `start` once, then answers calls (concurrently, each cancellable) until closed.
 */
export async function serveWorker<D extends z.ZodType, M extends RpcMethods>(
  protocol: WorkerProtocol<D, M>,
  start: (data: z.output<D>) => Handlers<M> | Promise<Handlers<M>>,
): Promise<void> {
  const port = parentPort!;
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let handlers: Handlers<M>;
  try {
    const data = protocol.data.safeParse(workerData);
    if (!data.success) throw new Error(`invalid start data: ${describeIssues(data.error)}`);
    handlers = await start(data.data);
  } catch (error) {
    post({ kind: 'start-failed', error: toWire(error) });
    return;
  }

  const running = new Map<number, AbortController>();
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'cancel') return running.get(message.id)?.abort();
    void answer(message.id, message.method, message.input);
  });
  post({ kind: 'ready' });

  async function answer(id: number, name: string, input: unknown) {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const spec = Object.hasOwn(protocol.methods, name) ? protocol.methods[name]! : null;
      if (spec === null) throw new Error(`${protocol.worker} worker: no method '${name}'`);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw new Error(`${protocol.worker} worker: invalid input to ${name}: ${describeIssues(parsed.error)}`);
      const handler = handlers[name as keyof M]!;
      const progress = (value: unknown) => {
        const { value: sent, transfer } = unwrapTransfer(value);
        post({ kind: 'progress', id, value: sent }, transfer);
      };
      const { value, transfer } = unwrapTransfer(await handler(parsed.data as never, { progress, signal: controller.signal }));
      post({ kind: 'result', id, value }, transfer);
    } catch (error) {
      post({ kind: 'error', id, error: toWire(controller.signal.aborted ? new DOMException('The call was cancelled.', 'AbortError') : error) });
    } finally {
      running.delete(id);
    }
  }
}
