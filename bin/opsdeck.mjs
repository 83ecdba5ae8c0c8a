#!/usr/bin/env node
// Entry for `npx opsdeck`: runs electron/cli.ts under a Node new enough for the project,
// using the Node that `npm start` / `npm test` bootstrapped into .tools/ when the system's is older.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { localNode, nodeIsRecentEnough } from '../scripts/node-version.mjs';

if (!nodeIsRecentEnough(process.versions.node)) {
  const node = localNode();
  if (node === null) {
    console.error(
      `opsdeck needs Node >= 22.12 (this is ${process.version}). Run \`npm start\` once to bootstrap Node 24 into .tools/, or install Node 24.`,
    );
    process.exit(2);
  }
  const result = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../electron/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
