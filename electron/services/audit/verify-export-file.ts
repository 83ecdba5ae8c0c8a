import { access, stat } from 'node:fs/promises';
import type { VerifyReport } from '../../../shared/audit/verify-report.ts';
import { openNdjsonLines } from './ndjson-lines.ts';
import { defaultWorkerCount } from './read-event-batches.ts';
import type { KnownKey } from './public-keys.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { readExportManifest } from './read-export-manifest.ts';
import { UnreadableInputError } from './unreadable-input-error.ts';
import { verifyAuditLines } from './verify-audit-lines.ts';

export interface VerifyFileOptions {
  /** Defaults to `<file>.manifest.json` when that exists. */
  manifestFile?: string;
  keys?: KnownKey[];
  /** Worker threads to parse and hash on; by default none for small files, where starting them costs more than it saves. */
  workers?: number;
  /** Where the worker entry files are (the bundled ones in Electron); sources by default. */
  workerPaths?: WorkerPaths;
}

const smallFileBytes = 8 * 2 ** 20;

/** Verifies an NDJSON audit export (plain or gzip) against its manifest; UnreadableInputError when it cannot be read. */
export async function verifyExportFile(file: string, options: VerifyFileOptions = {}): Promise<VerifyReport> {
  const manifestFile = options.manifestFile ?? (await defaultManifest(file));
  const manifest = manifestFile === null ? null : await readExportManifest(manifestFile);
  try {
    const lines = await openNdjsonLines(file);
    const workers = options.workers ?? ((await stat(file)).size < smallFileBytes ? 0 : defaultWorkerCount());
    return await verifyAuditLines(lines.lineBytes(), {
      file,
      manifestFile,
      manifest,
      keys: options.keys ?? [],
      sha256: () => lines.content().sha256,
      workers,
      workerPaths: options.workerPaths,
    });
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw new UnreadableInputError(`cannot read ${file}: ${error.message}`, { cause: error });
  }
}

/** File system and zlib failures carry a code (ENOENT, Z_DATA_ERROR, ...); bugs do not. */
function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

async function defaultManifest(file: string): Promise<string | null> {
  const candidate = `${file}.manifest.json`;
  try {
    await access(candidate);
    return candidate;
  } catch {
    return null;
  }
}
