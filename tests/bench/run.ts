// `npm run bench [name-filter]`: runs every tests/bench/*.bench.ts suite, prints a table and
// writes bench-results/<timestamp>.json. Figures live here, never as timed test assertions.
// A speed figure carries a baseline measured in the same run (baseline.ts) and its target
// bounds the ratio to it, since these machines differ from one another by more than the targets.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { meetsTarget, targetedValue } from './bench.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const filter = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((file) => file.endsWith('.bench.ts') && (!filter || file.includes(filter))).sort();
const rows: Array<BenchResult & { suite: string; ratio: number | null; met: boolean | null }> = [];

for (const file of files) {
  const { suite } = (await import(join(dir, file))) as { suite: BenchSuite };
  console.log(`running ${suite.name} ...`);
  for (const result of await suite.run()) {
    const ratio = result.baseline === undefined ? null : Math.round(targetedValue(result) * 1000) / 1000;
    rows.push({ ...result, suite: suite.name, ratio, met: meetsTarget(result) });
  }
}

const table = rows.map((row) => ({
  suite: row.suite,
  figure: row.name,
  value: `${formatNumber(row.value)} ${row.unit}`,
  baseline: row.baseline === undefined ? '' : `${formatNumber(row.baseline)} ${row.unit}`,
  ratio: row.ratio === null ? '' : formatNumber(row.ratio),
  target: row.target === undefined ? '' : row.baseline === undefined ? `${row.target} ${row.unit}` : `ratio ${row.target}`,
  status: row.met === null ? '' : row.met ? 'met' : 'MISSED',
  note: row.note ?? '',
}));
console.table(table);

mkdirSync('bench-results', { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = join('bench-results', `${stamp}.json`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version };
writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), machine, results: rows }, null, 2)}\n`);
console.log(`wrote ${out}`);

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
