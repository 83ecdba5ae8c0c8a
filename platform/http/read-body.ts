import type { IncomingMessage } from 'node:http';
import { invalidParameters, payloadTooLarge } from './problem.ts';

const maxBytes = 64 * 1024;

/** The request's JSON body ({} when empty); a problem when it is too large or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw payloadTooLarge(`The request body exceeds ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidParameters(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
