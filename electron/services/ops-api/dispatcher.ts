import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';

export interface NetworkOptions {
  proxyUrl: string | null;
  caFile: string | null;
}

/** The undici dispatcher for a profile's proxy and extra CA certificate, or undefined for the defaults. */
export function createDispatcher({ proxyUrl, caFile }: NetworkOptions): Dispatcher | undefined {
  if (proxyUrl === null && caFile === null) return undefined;
  const ca = caFile === null ? undefined : readCaFile(caFile);
  if (proxyUrl !== null) return new ProxyAgent({ uri: proxyUrl, requestTls: ca ? { ca } : undefined });
  return new Agent({ connect: { ca } });
}

function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the CA certificate file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      cause: error,
    });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${path} is not a PEM certificate file (no BEGIN CERTIFICATE line).`);
  return text;
}
