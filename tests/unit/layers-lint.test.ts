import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'opsdeck/layers').map((message) => message.message);
}

describe('layering lint rule', () => {
  it.each([
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;", "only electron/app/ (and the preload) may import 'electron'"],
    ['electron/web/x.ts', "import { app } from 'electron';\nexport const a = app;", "only electron/app/ (and the preload) may import 'electron'"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;", "renderer/ runs in the page: no Node built-ins ('node:fs')"],
    ['renderer/src/x.ts', "import { x } from '../../electron/services/dispatch.ts';\nexport const a = x;", "renderer may not import from electron/services ('../../electron/services/dispatch.ts')"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;", "renderer/ talks only to the console API: 'better-sqlite3' belongs to the main side"],
    ['shared/x.ts', "import { createHash } from 'node:crypto';\nexport const a = createHash;", "shared/ stays pure: it may import only zod, not 'node:crypto'"],
    ['shared/x.ts', "import React from 'react';\nexport const a = React;", "shared/ stays pure: it may import only zod, not 'react'"],
    ['shared/x.ts', "import { x } from '../electron/services/dispatch.ts';\nexport const a = x;", "shared may not import from electron/services ('../electron/services/dispatch.ts')"],
    ['electron/services/x.ts', "import { x } from '../app/ipc-binding.ts';\nexport const a = x;", "electron/services may not import from electron/app ('../app/ipc-binding.ts')"],
    ['platform/x.ts', "import { x } from '../renderer/src/main.tsx';\nexport const a = x;", "platform may not import from renderer ('../renderer/src/main.tsx')"],
  ])('%s: %s is refused', async (file, code, message) => {
    expect(await layerProblems(file, code)).toEqual([message]);
  });

  it.each([
    ['electron/app/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/services/x.ts', "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport const a = [readFileSync, z];"],
    ['renderer/src/x.ts', "import { consoleMethods } from '../../shared/console-api/index.ts';\nexport const a = consoleMethods;"],
    ['shared/x.ts', "import { z } from 'zod';\nimport { consoleMethods } from './console-api/index.ts';\nexport const a = [z, consoleMethods];"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});

describe('import cycle lint rule', () => {
  async function cycleProblems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((message) => message.ruleId === 'opsdeck/no-import-cycles').map((message) => message.message);
  }

  it('refuses an import that leads back to the importing file, type-only imports included, naming the chain', async () => {
    // ops-api-queue-source.ts imports queue-source.ts: queue-source.ts importing it back closes a cycle.
    const code = "import type { createOpsApiQueueSource } from './ops-api-queue-source.ts';\nexport type A = typeof createOpsApiQueueSource;";
    expect(await cycleProblems('electron/services/queues/queue-source.ts', code)).toEqual([
      'import cycle: electron/services/queues/queue-source.ts → electron/services/queues/ops-api-queue-source.ts → electron/services/queues/queue-source.ts',
    ]);
  });

  it('finds a cycle through several files', async () => {
    // sync-loop.ts → sync-tasks.ts → snapshot-tasks.ts → all-pages.ts: all-pages.ts importing sync-loop.ts closes it.
    const code = "import { createSyncLoop } from './sync-loop.ts';\nexport const a = createSyncLoop;";
    expect(await cycleProblems('electron/services/sync/all-pages.ts', code)).toEqual([
      'import cycle: electron/services/sync/all-pages.ts → electron/services/sync/sync-loop.ts → electron/services/sync/sync-tasks.ts → electron/services/sync/snapshot-tasks.ts → electron/services/sync/all-pages.ts',
    ]);
  });

  it('lets an import that leads nowhere back pass', async () => {
    const code = "import { IntegrityError } from './integrity-error.ts';\nexport const a = IntegrityError;";
    expect(await cycleProblems('electron/services/sync/all-pages.ts', code)).toEqual([]);
  });
});
