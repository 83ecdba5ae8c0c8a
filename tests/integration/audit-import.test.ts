import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../electron/services/audit-export/export-audit.ts';
import { ImportError, importAuditFiles } from '../../electron/services/audit-import/import-audit-files.ts';
import type { ImportOptions, ImportProgress } from '../../electron/services/audit-import/import-audit-files.ts';
import { importPhases } from '../../electron/services/audit-import/import-progress.ts';
import { runImportInWorker } from '../../electron/services/audit-import/run-import-worker.ts';
import { importedSourcePath } from '../../electron/services/audit-import/source-paths.ts';
import { openAuditReader } from '../../electron/services/audit-search/open-audit-reader.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import type { TestEvent } from '../fixtures/audit-chain.ts';
import { makeChain, seal, toLines } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

let dir: ReturnType<typeof makeDataDir>;
let db: string;

beforeEach(() => {
  dir = makeDataDir('opsdeck-import-');
  db = importedSourcePath(dir.path, 'q3-audit');
});
afterEach(() => dir.remove());

const write = (name: string, content: string | Buffer) => {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
};
const ndjson = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
const run = (files: string[], options: Partial<ImportOptions> = {}) =>
  importAuditFiles({ files: files.map((path) => ({ path })), db, sourceName: 'Q3 audit', skipInvalid: false, ...options });
const failure = async (promise: Promise<unknown>): Promise<ImportError> => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
};

function query<T>(sql: string, ...params: unknown[]): T[] {
  const reader = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return reader.prepare(sql).all(...params) as T[];
  } finally {
    reader.close();
  }
}
const rawOf = (seq: number) => query<{ raw: string }>('SELECT raw FROM audit_events WHERE seq = ?', seq)[0]?.raw;
const seqsOf = (path: string, q: string) => {
  const reader = openAuditReader(path)!;
  try {
    return reader.search.search({ q, limit: 1000, withTotal: false }).rows.map((row) => row.seq);
  } finally {
    reader.close();
  }
};
/** Every file in the data dir's sources folder: the import leaves its db (and report) and nothing else. */
const sourceFiles = () => readdirSync(join(dir.path, 'sources')).sort();

describe('importAuditFiles', () => {
  it('imports NDJSON as the sync stores events: raw lines byte for byte, field and text indexes, source rows', async () => {
    const lines = toLines(makeChain(50));
    const file = write('audit.ndjson', ndjson(lines));
    const progress: ImportProgress[] = [];

    const result = await run([file], { onProgress: (update) => progress.push(update) });

    expect(result).toEqual({
      db,
      events: 50,
      duplicatesIgnored: 0,
      skipped: 0,
      reportFile: null,
      files: [{ name: 'audit.ndjson', format: 'ndjson', lines: 50, events: 50, skipped: 0, sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), bytes: readFileSync(file).length }],
      verification: expect.objectContaining({ intact: true, events: 50, first_seq: 1, last_seq: 50 }),
    });
    expect(db).toBe(join(dir.path, 'sources', 'q3-audit.sqlite'));
    expect(sourceFiles()).toEqual(['q3-audit.sqlite']);
    expect(rawOf(7)).toBe(lines[6]);
    expect(query('SELECT resource, cursor, fts_indexed_upto FROM sync_state')).toEqual([{ resource: 'audit', cursor: '50', fts_indexed_upto: 50 }]);
    expect(query('SELECT name FROM source_info')).toEqual([{ name: 'Q3 audit' }]);
    expect(query('SELECT name, format, lines, events, skipped FROM source_files')).toEqual([{ name: 'audit.ndjson', format: 'ndjson', lines: 50, events: 50, skipped: 0 }]);
    expect(query('SELECT from_seq, to_seq, intact FROM verifications')).toEqual([{ from_seq: 1, to_seq: 50, intact: 1 }]);
    expect(query("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'audit_events_actor_id'")).toHaveLength(1);
    expect(query('SELECT count(*) AS n FROM deferred_indexes')).toEqual([{ n: 0 }]);
    // Statistics of the full-text tables taken while they were empty would mislead every later search.
    expect(query("SELECT DISTINCT tbl FROM sqlite_stat1 WHERE tbl GLOB 'audit_*' ORDER BY tbl")).toEqual([{ tbl: 'audit_events' }]);
    expect(query<{ journal_mode: string }>('PRAGMA journal_mode')[0]!.journal_mode).toBe('delete');

    const seqsWith = (actorId: string) => makeChain(50).filter((event) => (event.actor as { id: string }).id === actorId).map((event) => event.seq).reverse();
    expect(seqsOf(db, 'actor:usr_77hd02ka')).toEqual(seqsWith('usr_77hd02ka'));
    expect(seqsOf(db, 'Ribeiro')).toEqual(seqsWith('sup_0c1d'));
    expect(seqsWith('sup_0c1d')).toHaveLength(10);
    expect(progress[0]).toMatchObject({ file: 'audit.ndjson', fileIndex: 0, files: 1, bytesRead: 0, events: 0, phase: 'reading' });
  });

  it('tells gzip NDJSON and JSON arrays by their content, keeping each array element as written', async () => {
    const events = makeChain(30);
    const gzipped = write('first.bin', gzipSync(ndjson(toLines(events.slice(0, 10)))));
    const elements = events.slice(10).map((event) => JSON.stringify(event, null, 2));
    const array = write('rest.txt', `  [\n${elements.join(',\n')}\n]\n`);

    const result = await run([gzipped, array]);

    expect(result.events).toBe(30);
    expect(result.files.map(({ name, format, events: count }) => ({ name, format, count }))).toEqual([
      { name: 'first.bin', format: 'ndjson.gz', count: 10 },
      { name: 'rest.txt', format: 'json', count: 20 },
    ]);
    expect(result.files[0]!.sha256).toBe(createHash('sha256').update(ndjson(toLines(events.slice(0, 10)))).digest('hex'));
    expect(rawOf(11)).toBe(elements[0]);
    expect(rawOf(30)).toBe(elements[19]);
  });

  it('names the line a JSON array element starts on', async () => {
    const elements = makeChain(3).map((event) => JSON.stringify(event, null, 2));
    elements[2] = elements[2]!.replace('"outcome": "', '"outcome": "maybe-');
    const file = write('export.json', `[\n${elements.join(',\n')}\n]`);
    const startLine = 2 + elements[0]!.split('\n').length + elements[1]!.split('\n').length;

    const error = await failure(run([file]));

    expect(error.message).toBe(`export.json:${startLine}: field 'outcome': Invalid option: expected one of "success"|"failure"|"denied"`);
  });

  it("round-trips Opsdeck's CSV export: the same rows by field and by full text, formulas restored, no hashes", async () => {
    const [first, second, ...rest] = makeChain(40);
    const tricky = [
      seal({ ...first, actor: { type: 'user', id: 'usr_x', email: 'x@example.com', name: '=HYPERLINK("evil")' } }),
      seal({ ...second, target: { type: 'invoice', id: '-42', name: 'a, "quoted"\nline' } }),
      ...rest,
    ];
    const file = write('all.ndjson', ndjson(toLines(tricky)));
    await run([file]);
    const csv = join(dir.path, 'all.csv');
    const reader = openAuditReader(db)!;
    await exportAudit({ search: reader.search, q: '', format: 'csv', gzip: false, out: csv, source: { platform: 'test', environment: 'test' } });
    reader.close();
    expect(readFileSync(csv, 'utf8')).toContain(`"'=HYPERLINK(""evil"")"`);

    const fromCsv = importedSourcePath(dir.path, 'from-csv');
    const result = await importAuditFiles({ files: [{ path: csv, name: 'all.csv' }], db: fromCsv, sourceName: 'from CSV', skipInvalid: false });

    expect(result.files[0]).toMatchObject({ name: 'all.csv', format: 'csv', lines: 42, events: 40, skipped: 0 });
    for (const q of ['outcome:denied', 'actor:usr_x', 'action:invoice.paid', 'Ribeiro', 'HYPERLINK', 'Ünïcødé', 'line']) {
      expect(seqsOf(fromCsv, q), q).toEqual(seqsOf(db, q));
      expect(seqsOf(db, q).length, q).toBeGreaterThan(0);
    }
    expect(seqsOf(fromCsv, 'line')).toEqual([2]);
    const rows = (path: string) => {
      const opened = openAuditReader(path)!;
      const all = [...opened.search.matching('')].map(({ row }) => row);
      opened.close();
      return all;
    };
    expect(rows(fromCsv)).toEqual(rows(db));
    const stored = new Database(fromCsv, { readonly: true });
    expect(stored.prepare('SELECT prev_hash, hash FROM audit_events WHERE seq = 1').get()).toEqual({ prev_hash: '', hash: '' });
    expect(JSON.parse(stored.prepare('SELECT raw FROM audit_events WHERE seq = 1').pluck().get() as string)).toMatchObject({ actor: { name: '=HYPERLINK("evil")' } });
    expect(JSON.parse(stored.prepare('SELECT raw FROM audit_events WHERE seq = 2').pluck().get() as string)).toMatchObject({ target: { id: '-42', name: 'a, "quoted"\nline' } });
    stored.close();
  });

  it('aborts at the first invalid line in strict mode, naming file, line and reason, and leaves nothing behind', async () => {
    const lines = toLines(makeChain(30));
    lines[16] = lines[16]!.replace(/"actor":\{"type":"(\w+)","id":"[^"]*"/, '"actor":{"type":"$1","id":17');
    lines[24] = '{"not": "an event"';
    const file = write('audit.ndjson', ndjson(lines));

    const error = await failure(run([file]));

    expect(error.message).toBe("audit.ndjson:17: field 'actor.id': expected string");
    expect({ file: error.file, line: error.line, reason: error.reason }).toEqual({ file: 'audit.ndjson', line: 17, reason: "field 'actor.id': expected string" });
    expect(sourceFiles()).toEqual([]);
  });

  it('says why a line is not JSON, and what a missing file is', async () => {
    const lines = toLines(makeChain(6));
    lines[4] = '{"seq": 5,';
    const error = await failure(run([write('audit.ndjson', ndjson(lines))]));
    expect(error.message).toMatch(/^audit\.ndjson:5: not JSON: /);

    const missing = await failure(run([join(dir.path, 'nowhere.ndjson')]));
    expect(missing.message).toMatch(/^nowhere\.ndjson: cannot read the file: ENOENT/);
    expect(missing.line).toBeNull();

    const brokenGzip = await failure(run([write('broken.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad]))]));
    expect(brokenGzip.message).toMatch(/^broken\.gz:1: the gzip data is cut short or corrupt in this line, after 0 uncompressed bytes \(/);

    const [one, two] = toLines(makeChain(2));
    const unseparated = await failure(run([write('two.json', `[\n${one}\n${two}\n]`)]));
    expect(unseparated.message).toBe("two.json:3: expected ',' or ']' after an array element");
    const unclosed = await failure(run([write('open.json', `[${one},\n${two}\n`)]));
    expect(unclosed.message).toBe("open.json:3: the array is not closed: the file ends before its ']'");
    expect(sourceFiles()).toEqual([]);
  });

  it('skips invalid lines with skipInvalid, imports the rest and reports each skipped line', async () => {
    const lines = toLines(makeChain(20));
    lines[2] = 'garbage';
    lines[9] = lines[9]!.replace('"seq":10,', '"seq":"ten",');
    const file = write('audit.ndjson', ndjson(lines));

    const result = await run([file], { skipInvalid: true });

    expect(result).toMatchObject({ events: 18, skipped: 2, reportFile: `${db}.import-report.json` });
    expect(result.files[0]).toMatchObject({ lines: 20, events: 18, skipped: 2 });
    const report = JSON.parse(readFileSync(result.reportFile!, 'utf8')) as { skipped: Array<{ file: string; line: number; reason: string }>; count: number };
    expect(report.count).toBe(2);
    expect(report.skipped.map(({ file: name, line }) => `${name}:${line}`)).toEqual(['audit.ndjson:3', 'audit.ndjson:10']);
    expect(report.skipped[0]!.reason).toMatch(/^not JSON: /);
    expect(report.skipped[1]!.reason).toBe("field 'seq': expected number");
    expect(query<{ n: number }>('SELECT count(*) AS n FROM audit_events')[0]!.n).toBe(18);
    expect(sourceFiles()).toEqual(['q3-audit.sqlite', 'q3-audit.sqlite.import-report.json']);
  });

  it('ignores events repeated by overlapping exports and refuses a seq or id that conflicts with an earlier line', async () => {
    const events = makeChain(30);
    const a = write('a.ndjson', ndjson(toLines(events.slice(0, 20))));
    const b = write('b.ndjson', ndjson(toLines(events.slice(10))));
    const overlap = await run([a, b]);
    expect(overlap).toMatchObject({ events: 30, duplicatesIgnored: 10 });
    expect(overlap.files.map((file) => file.events)).toEqual([20, 10]);

    const conflicting = toLines([seal({ ...events[11]!, outcome: 'denied' })])[0]!;
    const strict = await failure(run([a, write('c.ndjson', ndjson([conflicting]))], { replace: true }));
    expect(strict.message).toBe('c.ndjson:1: seq 12 conflicts with line 12 of a.ndjson');

    const sameIdOtherSeq = toLines([{ ...events[25]!, seq: 99 }])[0]!;
    const d = write('d.ndjson', ndjson([toLines([events[25]!])[0]!, sameIdOtherSeq, conflicting]));
    const skipped = await run([a, d], { replace: true, skipInvalid: true });
    expect(skipped).toMatchObject({ events: 21, skipped: 2 });
    const report = JSON.parse(readFileSync(skipped.reportFile!, 'utf8')) as { skipped: Array<{ reason: string }> };
    expect(report.skipped.map((entry) => entry.reason)).toEqual([`id ${events[25]!.id} is already seq 26, line 1 of d.ndjson`, 'seq 12 conflicts with line 12 of a.ndjson']);
    expect(rawOf(12)).toBe(toLines([events[11]!])[0]);
  });

  it('tells overlaps and conflicts apart in long files too, where rows are written many at a time', async () => {
    const events = makeChain(300);
    const lines = toLines(events);
    const a = write('a.ndjson', ndjson(lines.slice(0, 200)));
    // Lines 1-101 repeat a's last 101 events; line 121 changes an event of a's.
    const conflicting = toLines([seal({ ...events[150]!, outcome: 'denied' })])[0]!;
    const b = write('b.ndjson', ndjson([...lines.slice(99, 219), conflicting, ...lines.slice(219)]));

    const strict = await failure(run([a, b]));
    expect(strict.message).toBe('b.ndjson:121: seq 151 conflicts with line 151 of a.ndjson');

    const skipped = await run([a, b], { skipInvalid: true });
    expect(skipped).toMatchObject({ events: 300, duplicatesIgnored: 101, skipped: 1 });
    expect(skipped.files.map((file) => file.events)).toEqual([200, 100]);
    expect(query('SELECT count(*) AS count, min(seq) AS first, max(seq) AS last FROM audit_events')).toEqual([{ count: 300, first: 1, last: 300 }]);
    expect(rawOf(151)).toBe(lines[150]);
  });

  it('stores raw as the text each line reads as: without a CRLF ending, non-ASCII as is, invalid UTF-8 as U+FFFD', async () => {
    const lines = toLines(makeChain(6));
    expect(lines[4]).toContain('Ünïcødé 5 ✓');
    const invalid = Buffer.from(lines[2]!.replace('"via":"dashboard"', '"via":"dash@board"'));
    invalid[invalid.indexOf('@')] = 0xff;
    const file = write('audit.ndjson', Buffer.concat([Buffer.from(`${lines[0]}\r\n${lines[1]}\n \t\r\n`), invalid, Buffer.from(`\n${lines.slice(3).join('\r\n')}`)]));

    const result = await run([file]);

    expect(result.events).toBe(6);
    const raws = query<{ raw: string; type: string }>('SELECT raw, typeof(raw) AS type FROM audit_events ORDER BY seq');
    expect(raws.map((row) => row.type)).toEqual(Array(6).fill('text'));
    expect(raws.map((row) => row.raw)).toEqual([lines[0], lines[1], invalid.toString('utf8'), ...lines.slice(3)]);
    expect(raws[2]!.raw).toContain('"via":"dash\uFFFDboard"');
    const storedBytes = query<{ bytes: string }>('SELECT hex(raw) AS bytes FROM audit_events WHERE seq = 3')[0]!.bytes;
    expect(storedBytes).toBe(Buffer.from(invalid.toString('utf8')).toString('hex').toUpperCase());
    expect(query("SELECT seq FROM audit_events WHERE raw ->> '$.target.name' = 'Ünïcødé 5 ✓'")).toEqual([{ seq: 5 }]);
  });

  it('reads files saved with a byte order mark and CRLF line ends: NDJSON, a JSON array and CSV', async () => {
    const lines = toLines(makeChain(20));
    const notepad = write('notepad.ndjson', `\uFEFF${lines.slice(0, 10).join('\r\n')}\r\n`);
    const array = write('notepad.json', `\uFEFF[\r\n${lines.slice(10).join(',\r\n')}\r\n]\r\n`);

    const result = await run([notepad, array]);

    expect(result.files.map(({ format, lines: count, events }) => ({ format, count, events }))).toEqual([
      { format: 'ndjson', count: 10, events: 10 },
      { format: 'json', count: 12, events: 10 },
    ]);
    expect(result.files[0]!.sha256).toBe(createHash('sha256').update(ndjson(lines.slice(0, 10))).digest('hex'));
    expect([rawOf(1), rawOf(10), rawOf(11), rawOf(20)]).toEqual([lines[0], lines[9], lines[10], lines[19]]);

    const csv = join(dir.path, 'all.csv');
    const reader = openAuditReader(db)!;
    await exportAudit({ search: reader.search, q: '', format: 'csv', gzip: false, out: csv, source: { platform: 'test', environment: 'test' } });
    reader.close();
    const excel = write('excel.csv', `\uFEFF${readFileSync(csv, 'utf8').replaceAll('\n', '\r\n')}`);
    const fromCsv = importedSourcePath(dir.path, 'from-excel');
    const imported = await importAuditFiles({ files: [{ path: excel }], db: fromCsv, sourceName: 'from Excel', skipInvalid: false });
    expect(imported.files[0]).toMatchObject({ format: 'csv', lines: 21, events: 20, skipped: 0 });
    expect(seqsOf(fromCsv, '')).toEqual(seqsOf(db, ''));
  });

  it('imports a tampered event as it is, raw byte for byte, for the verifier to find', async () => {
    const lines = toLines(makeChain(10));
    const tampered = lines[5]!.replace(/"outcome":"\w+"/, '"outcome":"denied"').replace('"ip":', '"ip" :');
    expect(tampered).not.toBe(lines[5]);
    lines[5] = tampered;

    const result = await run([write('audit.ndjson', ndjson(lines))]);

    expect(result.events).toBe(10);
    expect(rawOf(6)).toBe(tampered);
    expect(query('SELECT outcome, hash FROM audit_events WHERE seq = 6')).toEqual([{ outcome: 'denied', hash: (JSON.parse(tampered) as TestEvent).hash }]);
  });

  it('leaves nothing behind when aborted, and refuses an existing source unless told to replace it', async () => {
    const file = write('audit.ndjson', ndjson(toLines(makeChain(200))));
    const controller = new AbortController();
    const aborted = await run([file], { signal: controller.signal, onProgress: () => controller.abort() }).catch((error: unknown) => error);
    expect((aborted as Error).name).toBe('AbortError');
    expect(sourceFiles()).toEqual([]);

    await run([file]);
    await expect(run([file])).rejects.toThrow(`A source already exists at ${db}: import under another name, or replace it.`);
    const replaced = await run([write('small.ndjson', ndjson(toLines(makeChain(5))))], { replace: true });
    expect(replaced.events).toBe(5);
    expect(query('SELECT count(*) AS n FROM audit_events')).toEqual([{ n: 5 }]);
    expect(sourceFiles()).toEqual(['q3-audit.sqlite']);
  });

  it.each(['indexing', 'verifying'] as const)('stops its index thread and its verification when cancelled while %s, and leaves nothing behind', async (phase) => {
    const file = write('audit.ndjson', ndjson(toLines(makeChain(2_000))));
    const controller = new AbortController();
    const aborted = await run([file], { signal: controller.signal, onProgress: (update) => update.phase === phase && controller.abort() }).catch((error: unknown) => error);
    expect((aborted as Error).name).toBe('AbortError');
    expect(sourceFiles()).toEqual([]);
  });

  it('runs on a worker thread: progress, result, ImportError and cancel cross over', async () => {
    const lines = toLines(makeChain(100));
    const file = write('audit.ndjson', ndjson(lines));
    const phases = new Set<string>();
    const done = await runImportInWorker({ files: [{ path: file, name: 'upload-1.ndjson' }], db, sourceName: 'q3', skipInvalid: false, onProgress: (update) => phases.add(update.phase) }, sourceWorkerPaths).result;
    expect(done).toMatchObject({ events: 100, files: [{ name: 'upload-1.ndjson', format: 'ndjson' }], verification: { intact: true } });
    expect([...phases].sort()).toEqual([...importPhases].sort());

    lines[41] = '[]';
    const bad = write('bad.ndjson', ndjson(lines));
    const error = await failure(runImportInWorker({ files: [{ path: bad }], db: importedSourcePath(dir.path, 'bad'), sourceName: 'bad', skipInvalid: false }, sourceWorkerPaths).result);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ message: 'bad.ndjson:42: not a JSON object', file: 'bad.ndjson', line: 42, reason: 'not a JSON object' });

    const cancelled = runImportInWorker({ files: [{ path: file }], db: importedSourcePath(dir.path, 'cancelled'), sourceName: 'c', skipInvalid: false, onProgress: () => cancelled.cancel() }, sourceWorkerPaths);
    await expect(cancelled.result).rejects.toMatchObject({ name: 'AbortError', message: 'The import was cancelled.' });
    expect(sourceFiles()).toEqual(['q3-audit.sqlite']);
  });
});

describe('importedSourcePath', () => {
  it('names the file after a slug of the source name, and refuses a name with nothing to slug', () => {
    expect(importedSourcePath('/data', 'Q3 audit (prod), café')).toBe(join('/data', 'sources', 'Q3-audit-prod-cafe.sqlite'));
    expect(importedSourcePath('/data', 'q3_audit-2')).toBe(join('/data', 'sources', 'q3_audit-2.sqlite'));
    expect(() => importedSourcePath('/data', ' ✓ ')).toThrow("The source name ' ✓ ' has no letters or digits to name its file after; choose a name with some.");
  });
});
