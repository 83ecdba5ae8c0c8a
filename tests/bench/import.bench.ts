// Import throughput and memory: a large NDJSON export of ~720-byte events into a new source.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAuditFiles } from '../../electron/services/audit-import/import-audit-files.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const eventCount = Number(process.env.OPSDECK_BENCH_IMPORT_EVENTS ?? 1_000_000);

export const suite: BenchSuite = {
  name: 'import',
  async run(): Promise<BenchResult[]> {
    const dir = mkdtempSync(join(tmpdir(), 'opsdeck-bench-import-'));
    try {
      const file = join(dir, 'audit.ndjson');
      writeChainElsewhere(file, eventCount);
      const bytes = statSync(file).size;
      const rssBefore = process.memoryUsage.rss();
      let peakRss = rssBefore;
      // process.memoryUsage.rss() covers the whole process, worker threads included.
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
      const started = performance.now();
      const cpuAtStart = process.cpuUsage();
      let fieldsReady = 0;
      let fieldsCpu = 0;
      const result = await importAuditFiles({
        files: [{ path: file }],
        db: join(dir, 'sources', 'bench.sqlite'),
        sourceName: 'bench',
        skipInvalid: false,
        // Entering the text phase means rows and field indexes are committed.
        onProgress: ({ phase }) => {
          if (phase === 'text' && fieldsReady === 0) {
            fieldsReady = performance.now();
            fieldsCpu = cpuSeconds(cpuAtStart);
          }
        },
      });
      const textReady = performance.now();
      const textCpu = cpuSeconds(cpuAtStart);
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (result.events !== eventCount) throw new Error(`import bench: imported ${result.events} of ${eventCount} events`);
      const perSecond = (until: number) => Math.round(eventCount / ((until - started) / 1000));
      const mib = (value: number) => Math.round(value / 2 ** 20);
      const note = `${eventCount.toLocaleString('en-US')} events, ${Math.round(bytes / eventCount)} bytes each`;
      return [
        { name: 'import: searchable by fields', value: perSecond(fieldsReady), unit: 'events/s', target: '>= 100000', note: `${note}, ${((fieldsReady - started) / 1000).toFixed(1)} s, ${fieldsCpu.toFixed(1)} s CPU` },
        { name: 'import: full text ready', value: perSecond(textReady), unit: 'events/s', target: '>= 50000', note: `${((textReady - started) / 1000).toFixed(1)} s, ${textCpu.toFixed(1)} s CPU` },
        { name: 'import peak RSS', value: mib(peakRss), unit: 'MiB', target: '<= 500', note: `${mib(rssBefore)} MiB before importing` },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * CPU time of every thread of this process since `start`: on a machine others share, the
 * figure that shows whether a change made the import cheaper when the rates are noise.
 */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** Generates the file in a child process, so the memory that takes is not part of this one's RSS. */
function writeChainElsewhere(file: string, count: number): void {
  const fixture = join(import.meta.dirname, '..', 'fixtures', 'audit-chain.ts');
  const script = `const { writeChainFile } = await import(${JSON.stringify(fixture)}); writeChainFile(${JSON.stringify(file)}, ${count});`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`import bench: generating the events failed (exit ${child.status})`);
}
