import { createHash } from 'node:crypto';
import { exportManifestFormat } from '../../../shared/audit/export-manifest.ts';
import type { ExportManifest } from '../../../shared/audit/export-manifest.ts';
import { signManifest } from './manifest-signature.ts';
import { countLineBreaks } from './ndjson-lines.ts';
import type { ManifestSigner } from './manifest-signature.ts';

/** What a manifest says beyond what the lines themselves give. */
export interface ManifestContext {
  createdAt: string;
  source: { platform: string; environment: string };
  query: Record<string, unknown> | null;
  signer?: ManifestSigner;
}

/**
 * Builds the manifest of an NDJSON export from its lines as they are written, each followed by
 * "\n" (the sha256 is of exactly those bytes). Only the first and last lines are parsed.
 */
export class ExportManifestBuilder {
  private readonly hash = createHash('sha256');
  private count = 0;
  private first: EventEnds | null = null;
  private lastText: string | null = null;

  add(text: string): void {
    this.addLines(Buffer.from(`${text}\n`));
  }

  /** Lines as written, in UTF-8, each ended by "\n": many at once cost one hash update. */
  addLines(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.hash.update(chunk);
    if (this.first === null) this.first = eventEnds(chunk.toString('utf8', 0, chunk.indexOf(lineBreak)), this.count + 1);
    this.count += countLineBreaks(chunk);
    this.lastText = chunk.toString('utf8', chunk.lastIndexOf(lineBreak, chunk.length - 2) + 1, chunk.length - 1);
  }

  finish(context: ManifestContext): ExportManifest {
    const last = this.lastText === null ? null : eventEnds(this.lastText, this.count);
    const manifest: ExportManifest = {
      format: exportManifestFormat,
      count: this.count,
      first_seq: this.first?.seq ?? null,
      last_seq: last?.seq ?? null,
      first_prev_hash: this.first?.prevHash ?? null,
      last_hash: last?.hash ?? null,
      sha256: this.hash.digest('hex'),
      created_at: context.createdAt,
      source: context.source,
      query: context.query,
    };
    return context.signer === undefined ? manifest : signManifest(manifest, context.signer);
  }
}

/** The manifest of `lines` written one per line; see ExportManifestBuilder. */
export async function buildExportManifest(lines: AsyncIterable<string> | Iterable<string>, context: ManifestContext): Promise<ExportManifest> {
  const builder = new ExportManifestBuilder();
  for await (const text of lines) builder.add(text);
  return builder.finish(context);
}

const lineBreak = 0x0a;

interface EventEnds {
  seq: number;
  prevHash: string;
  hash: string;
}

function eventEnds(text: string, line: number): EventEnds {
  const event = parseOrNull(text) as Partial<Record<'seq' | 'prev_hash' | 'hash', unknown>> | null;
  if (typeof event?.seq !== 'number' || typeof event.prev_hash !== 'string' || typeof event.hash !== 'string') {
    throw new Error(`line ${line} of the export is not an audit event with seq, prev_hash and hash`);
  }
  return { seq: event.seq, prevHash: event.prev_hash, hash: event.hash };
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
