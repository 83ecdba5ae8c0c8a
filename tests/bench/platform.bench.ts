// The default demo data set (120 tenants, 250,000 audit events): how long it takes and how big it is.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openPlatformDb } from '../../platform/db/schema.ts';
import { generateDemoData } from '../../platform/demo-data/generate.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import type { BenchSuite } from './bench.ts';

const events = 250_000;

export const suite: BenchSuite = {
  name: 'platform demo data',
  async run() {
    const dir = makeDataDir('opsdeck-bench-platform-');
    try {
      const dbPath = join(dir.path, 'platform.db');
      const { db } = openPlatformDb(dbPath);
      const started = performance.now();
      generateDemoData(db, { seed: 42, tenants: 120, events, now: Date.parse('2026-11-20T12:00:00.000Z') });
      const seconds = (performance.now() - started) / 1000;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return [
        { name: 'generate default data set', value: Math.round(seconds * 100) / 100, unit: 's', target: '<= 10', note: '120 tenants, 250,000 audit events, 8 days of queue metrics' },
        { name: 'audit events generated per second (overall)', value: Math.round(events / seconds), unit: 'events/s' },
        { name: 'database size', value: Math.round(statSync(dbPath).size / 1e6), unit: 'MB' },
      ];
    } finally {
      dir.remove();
    }
  },
};
