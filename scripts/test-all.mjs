#!/usr/bin/env node
// Every check `npm test` runs, in order, each timed; the run fails if any step fails.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { projectRoot } from './node-version.mjs';
import { vitestFailures, vitestReportArgs } from './vitest-failures.mjs';

const steps = [
  ['typecheck', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['lint (layering and style)', 'eslint', ['--max-warnings', '0', '.']],
  ['unit and integration tests (Vitest)', 'vitest', ['run', ...vitestReportArgs]],
  ['end-to-end tests (Playwright, Chromium)', 'playwright', ['test']],
];

const env = { ...process.env, PATH: [join(projectRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
const results = [];
for (const [title, command, args] of steps) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: projectRoot, env, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  // Playwright empties test-results/ when it starts, so Vitest's failures are read at once.
  const failures = !ok && command === 'vitest' ? vitestFailures() : [];
  results.push({ title, ok, seconds: (Date.now() - started) / 1000, failures });
}

console.log('\n=== summary');
for (const { title, ok, seconds, failures } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${title} (${seconds.toFixed(1)} s)`);
  for (const failure of failures) console.log(`     ${failure}`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
