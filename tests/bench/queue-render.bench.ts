// A queue's detail in Chromium over a cache with 90 days of samples for 30 queues: from opening
// the queue to its charts painted. The profile's platform is unreachable, as offline: the view
// reads the cache. `npm run bench queue-render`
import type { Page } from '@playwright/test';
import type { BenchResult, BenchSuite } from './bench.ts';
import { startOfflineConsole } from './offline-console.ts';
import { fillSamples } from './queues.bench.ts';

// Enough opens that the p95 is not simply the slowest one.
const opens = 60;

export const suite: BenchSuite = {
  name: 'queue-render',
  async run(): Promise<BenchResult[]> {
    const { filled: samples, url, browser, close } = await startOfflineConsole('queue-render', (db) => fillSamples(db, Date.now()));
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.goto(`${url}#/queues`);
      await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
      const times: number[] = [];
      for (let open = 0; open < opens; open++) times.push(await openToCharts(page, `queue-${open % 30}`, open % 2 === 0 ? '7 d' : '24 h'));
      times.sort((a, b) => a - b);
      const note = `${opens} opens of a queue (7 d and 24 h ranges), 30 queues, ${samples.toLocaleString('en-US')} samples over 90 days`;
      return [
        { name: 'queue detail: open to charts painted, p95', value: Math.round(times[Math.floor(times.length * 0.95)]!), unit: 'ms', target: '<= 300', note },
        { name: 'queue detail: open to charts painted, median', value: Math.round(times[Math.floor(times.length / 2)]!), unit: 'ms' },
      ];
    } finally {
      await close();
    }
  },
};

/** Opens the queue at the range, then times a fresh open (back to the overview and in again) to the depth chart's areas painted. */
async function openToCharts(page: Page, queue: string, range: string): Promise<number> {
  await page.evaluate((name) => (window.location.hash = `#/queues/${name}`), queue);
  await page.getByText(range, { exact: true }).click();
  await page.getByTestId('queue-depth-chart').locator('.recharts-area-area').first().waitFor();
  await page.evaluate(() => (window.location.hash = '#/queues'));
  await page.getByTestId('queue-row').first().waitFor();
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="queue-depth-chart"] .recharts-area-area') === null) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        window.location.hash = `#/queues/${name}`;
        setTimeout(() => reject(new Error(`the charts of ${name} were not painted within 30 s`)), 30_000);
      }),
    queue,
  );
}
