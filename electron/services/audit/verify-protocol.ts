import { z } from 'zod';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';
import type { PackedReads } from './packed-reads.ts';

/** z.instanceof, typed for views of any buffer rather than of an ArrayBuffer only. */
const instanceOf = <T extends Uint8Array | Uint32Array>(type: abstract new (...args: never[]) => T) =>
  z.custom<T>((value) => value instanceof type, `not a ${type.name}`);

/**
 * Lines as one thread reads them (see readLines): whole lines in UTF-8, or texts that cannot be
 * put so, joined by "\n" (ends[i] is where line i ends; the next starts after the "\n"). Checked
 * as a whole when it reaches a worker, never line by line.
 */
const lineInput = z.union([
  z.object({ bytes: instanceOf<Uint8Array>(Uint8Array), lineCount: z.number().int().nonnegative() }),
  z.object({ text: z.string(), ends: instanceOf<Uint32Array>(Uint32Array) }),
]);

export type LineInput = z.output<typeof lineInput>;

/** A thread of verify's pool (see readEventBatches): parses and hashes the batches of lines it is sent. */
export const verifyProtocol = workerProtocol({
  worker: 'verify',
  data: z.object({}),
  methods: {
    /** The reads of a batch's lines, in order; its buffers are moved both ways. */
    readLines: method<PackedReads>()(lineInput),
  },
});

export type VerifyMethods = (typeof verifyProtocol)['methods'];
