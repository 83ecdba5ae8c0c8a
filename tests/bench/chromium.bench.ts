// The audit view in Chromium on a 1,000,000-event source (issue 5): keystroke to rows painted,
// and long tasks while scrolling the whole result. `npm run bench chromium`
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { importedSourcePath } from '../../electron/services/audit-import/source-paths.ts';
import { appendAuditPage } from '../../electron/services/cache/append-audit-page.ts';
import { deferIndexes, restoreDeferredIndexes } from '../../electron/services/cache/deferred-indexes.ts';
import { indexAuditText } from '../../electron/services/cache/index-audit-text.ts';
import { openCacheDb } from '../../electron/services/cache/open-cache-db.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import { startWebHost } from '../../electron/web/server.ts';
import { chromiumLaunchOptions } from '../e2e/chromium.ts';
import { inPages, receivedAuditEvents } from '../fixtures/audit-events-for-cache.ts';
import { builtRendererDir } from '../../electron/web/renderer-dir.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const events = Number(process.env.OPSDECK_BENCH_CHROMIUM_EVENTS ?? 1_000_000);
// Kept between runs: building a million-event source takes a minute.
const dataDir = `/tmp/opsdeck-bench-chromium-${events}`;
const queries = (tenant: string) => ['outcome:denied', 'action:invoice.paid', `tenant:${tenant}`, 'after:30d', 'plan', '"payment failed"', `tenant:${tenant} plan`];
const keystrokesPerQuery = 5;

export const suite: BenchSuite = {
  name: 'chromium',
  async run() {
    const tenant = ensureSource();
    const services = createConsoleServices({ dataDir, host: 'web', version: 'bench', demo: null });
    const host = await startWebHost({ services, rendererDir: builtRendererDir() });
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.addInitScript(() => {
        const tasks: number[] = [];
        (window as unknown as { longTasks: number[] }).longTasks = tasks;
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${host.url}#/audit?source=import%3Abench`);
      await page.getByTestId('audit-table').getByRole('gridcell').first().waitFor({ timeout: 60_000 });

      const times: number[] = [];
      for (const query of queries(tenant)) for (let run = 0; run < keystrokesPerQuery; run++) times.push(await keystrokeToPaint(page, query));
      times.sort((a, b) => a - b);
      const scroll = await scrollLongTasks(page);
      return [
        { name: 'keystroke to rows painted, p95', value: Math.round(times[Math.floor(times.length * 0.95)]!), unit: 'ms', target: '<= 100', note: `${times.length} keystrokes over ${queries(tenant).length} queries, ${events.toLocaleString('en-US')} events` },
        { name: 'keystroke to rows painted, median', value: Math.round(times[Math.floor(times.length / 2)]!), unit: 'ms' },
        { name: 'longest task while scrolling', value: Math.round(scroll.longest), unit: 'ms', target: '<= 50', note: `${scroll.rows.toLocaleString('en-US')} rows scrolled through in ${scroll.seconds} s, ${scroll.tasks} long tasks` },
      ] satisfies BenchResult[];
    } finally {
      await browser.close();
      await host.close();
      await services.close();
    }
  },
};

/** Types a query's last character and times keydown → new count and rows in the DOM → next frame. */
async function keystrokeToPaint(page: Page, query: string): Promise<number> {
  const input = page.getByRole('textbox', { name: 'Audit query' });
  // From the unfiltered result each time, so the last keystroke always changes the result.
  await input.fill('');
  await page.getByTestId('audit-count').filter({ hasText: `${events.toLocaleString('en-US')} events` }).waitFor();
  await input.fill(query.slice(0, -1));
  await page.waitForTimeout(400);
  const painted = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const box = document.querySelector('input[aria-label="Audit query"]')!;
        const count = document.querySelector('[data-testid="audit-count"]')!;
        let start = 0;
        box.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true });
        const observer = new MutationObserver(() => {
          if (start === 0) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
        setTimeout(() => reject(new Error('no result painted within 30 s')), 30_000);
      }),
  );
  await input.press(query.at(-1)!);
  return painted;
}

/** Scrolls the unfiltered result for five seconds at a hard fling's speed (10 rows a frame, ~20,000 px/s), loading pages as it goes. */
async function scrollLongTasks(page: Page): Promise<{ longest: number; tasks: number; rows: number; seconds: number }> {
  await page.getByRole('textbox', { name: 'Audit query' }).fill('');
  await page.waitForTimeout(1_000);
  return page.evaluate(async () => {
    const tasks = (window as unknown as { longTasks: number[] }).longTasks;
    tasks.length = 0;
    const table = document.querySelector<HTMLElement>('[data-testid="audit-table"]')!;
    const until = performance.now() + 5_000;
    while (performance.now() < until) {
      table.scrollTop += 340;
      await new Promise(requestAnimationFrame);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { longest: Math.max(0, ...tasks), tasks: tasks.length, rows: Number(table.getAttribute('aria-rowcount')), seconds: 5 };
  });
}

/** Builds the source unless a previous run did; answers a busy tenant of it to search for. */
function ensureSource(): string {
  const path = importedSourcePath(dataDir, 'bench');
  if (!existsSync(path)) buildSource(path);
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT tenant_id FROM audit_events WHERE seq = ?').pluck().get(Math.floor(events / 2)) as string;
  } finally {
    db.close();
  }
}

function buildSource(path: string): void {
  mkdirSync(dataDir, { recursive: true });
  console.log(`building a ${events.toLocaleString('en-US')}-event source in ${dataDir} (kept for later runs) ...`);
  const { db } = openCacheDb(path, { log: console.warn });
  deferIndexes(db, 'audit_events');
  for (const page of inPages(receivedAuditEvents({ count: events }), 10_000)) appendAuditPage(db, page);
  restoreDeferredIndexes(db);
  indexAuditText(db, { batchSize: 50_000 });
  db.prepare('INSERT INTO source_info (name, created_at) VALUES (?, ?)').run('bench', Date.now());
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
