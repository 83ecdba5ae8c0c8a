import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file the renderer may name by token: it never sends a path, and never sees one it did not pick. */
export interface RegisteredFile {
  token: string;
  name: string;
  size: number;
}

export type FileRegistry = ReturnType<typeof createFileRegistry>;

/**
 * Files handed between the renderer and the services by opaque token: uploads to the web host
 * (kept under `<dataDir>/transfers/`, removed on close), files picked or dropped in Electron,
 * and export results waiting to be downloaded.
 */
export function createFileRegistry(dataDir: string) {
  const dir = join(dataDir, 'transfers');
  const files = new Map<string, { path: string; name: string; downloadable: boolean }>();
  const newToken = () => randomBytes(18).toString('base64url');

  function describe(token: string): RegisteredFile {
    const file = files.get(token)!;
    return { token, name: file.name, size: statSync(file.path).size };
  }

  return {
    /** Streams an upload to disk; a failed or aborted upload leaves no file behind. */
    async upload(body: Readable, name: string): Promise<RegisteredFile> {
      mkdirSync(dir, { recursive: true });
      const token = newToken();
      const path = join(dir, token);
      try {
        await pipeline(body, createWriteStream(path));
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
      files.set(token, { path, name: basename(name), downloadable: false });
      return describe(token);
    },

    /** A file on this machine the user chose (Electron dialog or drop). */
    register(path: string): RegisteredFile {
      if (!statSync(path).isFile()) throw new Error(`${path} is not a regular file.`);
      const token = newToken();
      files.set(token, { path, name: basename(path), downloadable: false });
      return describe(token);
    },

    /** Where the user chose to save something (Electron's save dialog); it need not exist yet. */
    registerTarget(path: string): string {
      const token = newToken();
      files.set(token, { path, name: basename(path), downloadable: false });
      return token;
    },

    /** A fresh path for a file that will be offered as a download (an export made for the web host). */
    downloadPath(name: string): string {
      const folder = join(dir, newToken());
      mkdirSync(folder, { recursive: true });
      return join(folder, basename(name));
    },

    /** Makes a finished file downloadable by token. */
    offerDownload(path: string): { token: string; name: string } {
      const token = newToken();
      files.set(token, { path, name: basename(path), downloadable: true });
      return { token, name: basename(path) };
    },

    /** The path behind a token; a clear error for one this registry never issued. */
    path(token: string): string {
      const file = files.get(token);
      if (file === undefined) throw new Error('That file is no longer available (unknown file token); choose it again.');
      return file.path;
    },

    nameOf(token: string): string {
      return files.get(token)?.name ?? token;
    },

    download(token: string): { path: string; name: string } | null {
      const file = files.get(token);
      return file?.downloadable ? { path: file.path, name: file.name } : null;
    },

    close(): void {
      rmSync(dir, { recursive: true, force: true });
      files.clear();
    },
  };
}
