// One audit source's read-only connection on its own thread, so a slow query (an exact count
// over a million events, a common word's histogram) never blocks the main process.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditReaderWorkerData, ReaderReply, ReaderRequest } from '../audit-search/audit-reader-messages.ts';
import { openAuditReader } from '../audit-search/open-audit-reader.ts';

const { dbPath } = workerData as AuditReaderWorkerData;
const post = (reply: ReaderReply) => parentPort!.postMessage(reply);
const reader = openAuditReader(dbPath);
post({ kind: 'ready', available: reader !== null });

parentPort!.on('message', ({ id, method, args }: ReaderRequest) => {
  try {
    const value = (reader!.search[method] as (...values: unknown[]) => unknown)(...args);
    post({ kind: 'answer', id, ok: true, value });
  } catch (error) {
    post({ kind: 'answer', id, ok: false, message: (error as Error).message });
  }
});
