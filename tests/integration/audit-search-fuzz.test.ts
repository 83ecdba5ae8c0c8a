import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAuditFiles } from '../../electron/services/audit-import/import-audit-files.ts';
import { importedSourcePath } from '../../electron/services/audit-import/source-paths.ts';
import { openAuditReader } from '../../electron/services/audit-search/open-audit-reader.ts';
import type { AuditReader } from '../../electron/services/audit-search/open-audit-reader.ts';
import { makeChain, toLines } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { fuzzed } from '../fixtures/fuzz.ts';
import { anyQuery, queryLike } from '../fixtures/fuzz-queries.ts';

// Bad input, fuzzed: whatever is typed into the audit search reaches SQLite and FTS5 only as a
// valid statement. A query that parses is answered; one that does not is its error, at its column.

const dir = makeDataDir('opsdeck-search-fuzz-');
let reader: AuditReader;

beforeAll(async () => {
  const file = join(dir.path, 'audit.ndjson');
  writeFileSync(file, `${toLines(makeChain(150)).join('\n')}\n`);
  const db = importedSourcePath(dir.path, 'fuzz');
  await importAuditFiles({ files: [{ path: file }], db, sourceName: 'fuzz', skipInvalid: false });
  reader = openAuditReader(db)!;
});
afterAll(() => {
  reader.close();
  dir.remove();
});

describe('audit search, fuzzed queries', () => {
  it('answers every query with rows or an error at a column, and its facets, histogram and export rows without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(queryLike, anyQuery), (q) => {
        const result = reader.search.search({ q, limit: 20, withTotal: true });
        if (result.error !== null) {
          expect(result.error.position).toBeGreaterThanOrEqual(1);
          expect(result.rows).toEqual([]);
          return;
        }
        expect(result.rows.length).toBeLessThanOrEqual(Math.min(20, result.total!));
        reader.search.facets(q);
        const histogram = reader.search.histogram(q, 30);
        expect(histogram.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(result.total);
        expect([...reader.search.matchingRaw(q)]).toHaveLength(result.total!);
      }),
      fuzzed('audit search', 300),
    );
  });

  // Regression the property found (FUZZ_SEED=1): a NUL ended the FTS5 expression early, "unterminated string".
  it('searches text with a NUL in it as words on either side of a space', () => {
    const spaced = reader.search.search({ q: '"Ünïcødé 5"', limit: 5, withTotal: true });
    expect(spaced.total).toBeGreaterThan(0);
    expect(reader.search.search({ q: '"Ünïcødé\u00005"', limit: 5, withTotal: true })).toMatchObject({ error: null, total: spaced.total });
    expect(reader.search.search({ q: '\u0000', limit: 5, withTotal: true })).toMatchObject({ error: null });
  });
});
