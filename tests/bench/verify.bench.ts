// Verify throughput and memory on a large export of ~700-byte events, streamed to a temp file.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyExportFile } from '../../electron/services/audit/verify-export-file.ts';
import { writeChainFile } from '../fixtures/audit-chain.ts';
import { againstBaseline } from './baseline.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const eventCount = Number(process.env.OPSDECK_BENCH_VERIFY_EVENTS ?? 1_000_000);

export const suite: BenchSuite = {
  name: 'verify',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-verify-'));
    try {
      const file = join(dir, 'audit.ndjson');
      writeChainFile(file, eventCount);
      const bytes = statSync(file).size;
      const rssBefore = process.memoryUsage.rss();
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
      const { result: report, seconds, baseline } = await againstBaseline({ file, events: eventCount }, () => verifyExportFile(file));
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (!report.intact || report.events !== eventCount) throw new Error(`verify bench: the generated chain did not verify: ${JSON.stringify(report.problem_counts)}`);
      const mib = (value: number) => Math.round(value / 2 ** 20);
      return [
        { name: 'verify NDJSON', value: Math.round(eventCount / seconds), unit: 'events/s', baseline, target: '>= 1.0', note: `${eventCount.toLocaleString('en-US')} events, ${Math.round(bytes / eventCount)} bytes each` },
        { name: 'verify peak RSS', value: mib(peakRss), unit: 'MiB', note: `${mib(rssBefore)} MiB before verifying` },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
