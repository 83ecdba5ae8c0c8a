#!/usr/bin/env node
// The Vitest suite with the clock 400 days ahead (libfaketime; the monotonic clock stays real so
// timers behave). A test whose data or expectations are pinned to a date fails here at once.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { projectRoot } from './node-version.mjs';
import { vitestFailures, vitestReportArgs } from './vitest-failures.mjs';

const env = {
  ...process.env,
  PATH: [join(projectRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  FAKETIME_DONT_FAKE_MONOTONIC: '1',
};
console.log('\n=== unit and integration tests (Vitest), the clock 400 days ahead: faketime +400d vitest run');
const result = spawnSync('faketime', ['+400 days', 'vitest', 'run', ...vitestReportArgs], { cwd: projectRoot, env, stdio: 'inherit' });
if (result.status !== 0) {
  console.log('\n=== failed 400 days ahead');
  for (const failure of vitestFailures()) console.log(`     ${failure}`);
}
process.exit(result.status ?? 1);
