import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/services/audit-import/import-error.ts';
import { IntegrityError } from '../../electron/services/sync/integrity-error.ts';
import { startWorkerClient } from '../../electron/services/workers/rpc/worker-client.ts';
import { exerciseProtocol } from '../fixtures/workers/rpc-exercise.ts';

const paths = () => fileURLToPath(new URL('../fixtures/workers/exercise.worker.ts', import.meta.url));
const clients: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

function start(greeting = 'Hello') {
  const client = startWorkerClient(exerciseProtocol, paths, { greeting });
  clients.push(client);
  return client;
}

describe('the worker RPC helper', () => {
  it('answers a call with the worker started from its parsed data', async () => {
    expect(await start().call('greet', { name: 'Ada' })).toBe('Hello, Ada');
  });

  it('reports progress in order before the answer', async () => {
    const seen: number[] = [];
    expect(await start().call('count', { to: 5 }, { onProgress: (step) => seen.push(step) })).toBe(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses bad input in the worker, naming the method and the field', async () => {
    await expect(start().call('greet', { name: '' })).rejects.toThrow(/invalid input to greet: field 'name': /);
    await expect(start().call('greet', { name: 5 } as never)).rejects.toThrow(/field 'name'/);
  });

  it('refuses bad start data, and a failed start, with the reason; calls then reject', async () => {
    const bad = startWorkerClient(exerciseProtocol, paths, { greeting: 42 } as never);
    clients.push(bad);
    await expect(bad.ready).rejects.toThrow(/The reader worker could not start: invalid start data: field 'greeting': /);
    const refused = start('refuse');
    await expect(refused.ready).rejects.toThrow('The reader worker could not start: told to refuse');
    await expect(refused.call('greet', { name: 'Ada' })).rejects.toThrow('told to refuse');
  });

  it('cancels a call through its signal, as an AbortError, and keeps serving others', async () => {
    const client = start();
    const controller = new AbortController();
    const waiting = client.call('waitForCancel', {}, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(await client.call('greet', { name: 'again' })).toBe('Hello, again');
  });

  it('brings errors across with their class and fields, and never with an empty message', async () => {
    const client = start();
    const integrity = await client.call('fail', { kind: 'integrity' }).catch((error: unknown) => error);
    expect(integrity).toBeInstanceOf(IntegrityError);
    expect(integrity).toMatchObject({ seq: 777, id: 'evt_777', problem: 'links to nothing' });
    const imported = await client.call('fail', { kind: 'import' }).catch((error: unknown) => error);
    expect(imported).toBeInstanceOf(ImportError);
    expect(imported).toMatchObject({ file: 'audit.ndjson', line: 12, reason: 'not JSON', message: 'audit.ndjson:12: not JSON' });
    await expect(client.call('fail', { kind: 'empty' })).rejects.toThrow('Error with no message');
    await expect(client.call('fail', { kind: 'thrown-string' })).rejects.toThrow('a non-error was thrown: a string');
  });

  it('moves buffers both ways when asked', async () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const answer = await start().call('sum', { bytes }, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0); // moved, not copied
    expect(answer.sum).toBe(256);
    expect([...answer.bytes]).toEqual([1, 2, 3, 250]);
  });

  it('rejects open calls when the worker is closed', async () => {
    const client = start();
    await client.ready;
    const waiting = expect(client.call('waitForCancel', {})).rejects.toThrow('The reader worker was closed.');
    await client.close();
    await waiting;
  });
});
