import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { ReaderReply, ReaderRequest, RemoteAuditSearch, RemoteMethod } from './audit-reader-messages.ts';

export interface AuditReaderThread {
  search: RemoteAuditSearch;
  close(): Promise<void>;
}

const methods: RemoteMethod[] = ['search', 'facets', 'histogram', 'event', 'suggest', 'tenantIdOf', 'oldestTs'];

/**
 * Starts a reader thread on a source's database; null when the database has no audit schema
 * yet (the first sync has not created it), in which case the thread is gone again.
 */
export async function startAuditReaderThread(dbPath: string, workers: WorkerPaths): Promise<AuditReaderThread | null> {
  const worker: Worker = startWorker(workers('audit-reader'), { dbPath });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  const available = await new Promise<boolean>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (reply: ReaderReply) => {
      if (reply.kind === 'ready') return resolve(reply.available);
      const waiter = waiting.get(reply.id)!;
      waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.message));
    });
  });
  worker.on('error', (error) => {
    for (const waiter of waiting.values()) waiter.reject(error);
    waiting.clear();
  });
  if (!available) {
    await worker.terminate();
    return null;
  }
  const call = (method: RemoteMethod, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies ReaderRequest);
    });
  const search = Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => call(method, args)])) as RemoteAuditSearch;
  return {
    search,
    close: async () => {
      await worker.terminate();
    },
  };
}
