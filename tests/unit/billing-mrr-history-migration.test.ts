// Migration 011 fills the MRR-by-month table from the billing already cached, so an existing cache
// shows MRR movements before its next billing sync.
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/services/cache/migrate.ts';
import { cacheMigrations } from '../../electron/services/cache/migrations/index.ts';

it('fills mrr_history from each cached tenant_billing row, and it goes with its billing row', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const before = cacheMigrations.filter((migration) => migration.name !== 'mrr-history' && migration.version < 11);
  migrate(db, before, ':memory:');
  const raw = (history: Array<{ month: string; mrr_cents: number }>) => JSON.stringify({ subscription: null, payment_method: null, invoices: [], upcoming_invoice: null, mrr_history: history });
  db.prepare('INSERT INTO tenant_billing (tenant_id, fetched_at, raw) VALUES (?, 1, ?)').run('ten_a', raw([{ month: '2026-10', mrr_cents: 4_900 }, { month: '2026-11', mrr_cents: 29_900 }]));
  db.prepare('INSERT INTO tenant_billing (tenant_id, fetched_at, raw) VALUES (?, 1, ?)').run('ten_b', raw([]));

  migrate(db, cacheMigrations.filter((migration) => migration.version <= 11), ':memory:');
  expect(db.prepare('SELECT tenant_id, month, mrr_cents FROM mrr_history ORDER BY tenant_id, month').all()).toEqual([
    { tenant_id: 'ten_a', month: '2026-10', mrr_cents: 4_900 },
    { tenant_id: 'ten_a', month: '2026-11', mrr_cents: 29_900 },
  ]);
  db.prepare('DELETE FROM tenant_billing WHERE tenant_id = ?').run('ten_a');
  expect(db.prepare('SELECT count(*) FROM mrr_history').pluck().get()).toBe(0);
  db.close();
});
