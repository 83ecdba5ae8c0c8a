// What encrypting a profile's cache (SQLCipher, issue 13) costs, as the ratio of the encrypted
// cache to a plain one filled and queried the same way in the same run: the sync's write of
// audit events with the full-text catch-up ("import"), and the audit view's queries on the
// reader's connection. `npm run bench cache-encryption`
import type Database from 'better-sqlite3';
import { createAuditSearch } from '../../electron/services/audit-search/audit-search.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import type { ReceivedAuditEvent } from '../../electron/services/cache/append-audit-page.ts';
import { newCacheKey, plainCache } from '../../electron/services/cache/cache-cipher.ts';
import type { CacheCipher } from '../../electron/services/cache/cache-cipher.ts';
import { cacheDbPath } from '../../electron/services/cache/cache-paths.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { openReaderDb } from '../../electron/services/reader/open-reader-db.ts';
import { fixtureNow, inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { hotQueries } from '../fixtures/audit-hot-queries.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = 200_000;
const pageSize = 10_000;
const fills = 2;
const rounds = 15;

interface Variant {
  name: 'plain' | 'encrypted';
  path: string;
  cipher: CacheCipher;
}

/** Writes every page as the sync does, then the full-text catch-up; the time of both, in ms. */
function fill(variant: Variant, pages: readonly ReceivedAuditEvent[][]): number {
  const { db } = openCacheDb(variant.path, { log: console.warn, cipher: variant.cipher });
  const started = performance.now();
  for (const page of pages) appendAuditPage(db, page);
  indexAuditText(db, { batchSize: pageSize });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** One pass of what the audit view asks: the hot queries, a page per view query, facets and a histogram. */
function queryPass(db: Database.Database): number {
  const started = performance.now();
  for (const query of hotQueries(db)) db.prepare(query.sql).all(...query.params);
  viewQueries(db);
  return performance.now() - started;
}

function viewQueries(db: Database.Database): void {
  const search = createAuditSearch(db, () => fixtureNow);
  for (const q of ['', 'outcome:denied', 'action:invoice.*', 'after:7d', 'login']) {
    search.search({ q, beforeSeq: events / 2, limit: 100, withTotal: false });
    search.facets(q);
    search.histogram(q, 120);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

export const suite: BenchSuite = {
  name: 'cache-encryption',
  async run() {
    const dir = makeDataDir('opsdeck-bench-cache-encryption-');
    try {
      const pages = [...inPages(receivedAuditEvents({ count: events }), pageSize)];
      const plain: Variant = { name: 'plain', path: cacheDbPath(dir.path, 'plain'), cipher: plainCache(cacheDbPath(dir.path, 'plain')) };
      const encrypted: Variant = { name: 'encrypted', path: cacheDbPath(dir.path, 'encrypted'), cipher: { profileId: 'encrypted', key: newCacheKey(), encrypt: true } };
      // Plain and encrypted in turn, the best of each: other work on the machine then weighs on both alike.
      const writes = { plain: [] as number[], encrypted: [] as number[] };
      for (let round = 1; round <= fills; round++) {
        for (const variant of [plain, encrypted]) {
          const path = round === 1 ? variant.path : cacheDbPath(dir.path, `${variant.name}-${round}`);
          writes[variant.name].push(fill({ ...variant, path }, pages));
        }
      }
      const plainWrite = Math.min(...writes.plain);
      const encryptedWrite = Math.min(...writes.encrypted);
      // As the app reads: a reader connection per source, kept (its first pass reads every page from the disk, and decrypts it).
      const readers = [plain, encrypted].map((variant) => openReaderDb(variant.path, variant.cipher)!);
      const passes = readers.map(() => [] as number[]);
      for (let pass = 0; pass <= rounds; pass++) readers.forEach((db, index) => passes[index]!.push(queryPass(db)));
      for (const db of readers) db.close();
      const [[plainCold, ...plainQueries], [encryptedCold, ...encryptedQueries]] = passes as [number[], number[]];
      const note = `${events.toLocaleString('en-US')} events; baseline: the same on a plain cache in this run`;
      const results: BenchResult[] = [
        {
          name: 'import: audit write + full-text catch-up, encrypted',
          value: round(encryptedWrite),
          baseline: round(plainWrite),
          unit: 'ms',
          target: '<= 1.5',
          note: `${note}; best of ${fills}; appendAuditPage in pages of ${pageSize.toLocaleString('en-US')}, then indexAuditText`,
        },
        {
          name: 'queries: audit view pass on the kept reader, encrypted',
          value: round(median(encryptedQueries)),
          baseline: round(median(plainQueries)),
          unit: 'ms',
          target: '<= 1.3',
          note: `${note}; median of ${rounds} passes after the first, each the hot queries, a page, facets and a histogram for 5 view queries`,
        },
        {
          name: 'queries: first pass on a new reader, encrypted',
          value: round(encryptedCold!),
          baseline: round(plainCold!),
          unit: 'ms',
          note: `${note}; every page read from the file (and decrypted) once: the first views after a start`,
        },
      ];
      return results;
    } finally {
      dir.remove();
    }
  },
};
