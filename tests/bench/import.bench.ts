// Import: a large NDJSON export of ~720-byte events into a new source, the whole of what
// `opsdeck import` runs, until it returns with the source searchable by fields and full text
// and its hash chain verified; how long any phase went without reporting progress; memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importAuditFiles } from '../../electron/services/audit-import/import-audit-files.ts';
import type { ImportProgress } from '../../electron/services/audit-import/import-audit-files.ts';
import { phaseComplete } from '../../electron/services/audit-import/import-progress.ts';
import type { ImportPhase } from '../../electron/services/audit-import/import-progress.ts';
import { againstBaseline } from './baseline.ts';
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
      const reports = new ProgressTimes();
      const cpuAtStart = process.cpuUsage();
      const { result, seconds, baseline } = await againstBaseline({ file, events: eventCount }, async () => {
        reports.start();
        const imported = await importAuditFiles({ files: [{ path: file }], db: join(dir, 'sources', 'bench.sqlite'), sourceName: 'bench', skipInvalid: false, onProgress: reports.add });
        reports.end();
        return imported;
      });
      const { user, system } = process.cpuUsage(cpuAtStart);
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      if (result.events !== eventCount) throw new Error(`import bench: imported ${result.events} of ${eventCount} events`);
      if (result.verification?.intact !== true) throw new Error(`import bench: the imported chain did not verify: ${JSON.stringify(result.verification?.problem_counts)}`);
      const perSecond = (after: number) => Math.round(eventCount / after);
      const mib = (value: number) => Math.round(value / 2 ** 20);
      const ready = (phase: ImportPhase) => `${phase} ${reports.completedAt(phase).toFixed(1)} s`;
      const phases: ImportPhase[] = ['reading', 'indexing', 'verifying', 'text'];
      const silence = reports.longestSilence();
      return [
        {
          name: 'import: searchable by fields and full text, source verified',
          value: perSecond(seconds),
          unit: 'events/s',
          baseline,
          target: '>= 0.33',
          note: `${eventCount.toLocaleString('en-US')} events, ${Math.round(bytes / eventCount)} bytes each, ${seconds.toFixed(1)} s (${((user + system) / 1e6).toFixed(1)} s CPU, the baselines' included); complete: ${phases.map(ready).join(', ')}`,
        },
        { name: 'import: searchable by fields', value: perSecond(reports.completedAt('indexing')), unit: 'events/s', baseline },
        { name: 'import: longest silence between progress reports', value: Math.round(silence.ms), unit: 'ms', target: '<= 2000', note: silence.where },
        { name: 'import peak RSS', value: mib(peakRss), unit: 'MiB', target: '<= 500', note: `${mib(rssBefore)} MiB before importing` },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * When each phase reported: the longest wait between two reports of a phase under way, from the
 * start to the first report, and from the last report to the import's return.
 */
class ProgressTimes {
  private started = 0;
  private readonly last = new Map<ImportPhase, number>();
  private readonly completed = new Map<ImportPhase, number>();
  private silence = { ms: 0, where: '' };

  start(): void {
    this.started = performance.now();
  }

  readonly add = (progress: ImportProgress): void => {
    const now = performance.now();
    if (this.last.size === 0) this.note(now - this.started, 'from the start to the first report');
    const previous = this.last.get(progress.phase);
    if (previous !== undefined) this.note(now - previous, `between two reports of ${progress.phase}`);
    this.last.set(progress.phase, now);
    if (phaseComplete(progress) && !this.completed.has(progress.phase)) this.completed.set(progress.phase, now);
  };

  end(): void {
    this.note(performance.now() - Math.max(...this.last.values()), 'from the last report to the return');
  }

  /** Seconds from the start to the phase's report that it was complete. */
  completedAt(phase: ImportPhase): number {
    const at = this.completed.get(phase);
    if (at === undefined) throw new Error(`import bench: the ${phase} phase never reported that it was complete`);
    return (at - this.started) / 1000;
  }

  longestSilence(): { ms: number; where: string } {
    return this.silence;
  }

  private note(ms: number, where: string): void {
    if (ms > this.silence.ms) this.silence = { ms, where };
  }
}

/** Generates the file in a child process, so the memory that takes is not part of this one's RSS. */
function writeChainElsewhere(file: string, count: number): void {
  const fixture = join(import.meta.dirname, '..', 'fixtures', 'audit-chain.ts');
  const script = `const { writeChainFile } = await import(${JSON.stringify(fixture)}); writeChainFile(${JSON.stringify(file)}, ${count});`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`import bench: generating the events failed (exit ${child.status})`);
}
