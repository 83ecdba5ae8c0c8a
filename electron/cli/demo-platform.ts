import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../../platform/server.ts';
import type { CliCommand } from './command.ts';
import { parseFlags, parsePort } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';
import { waitForStopSignal } from './wait-for-stop.ts';

export const demoPlatformCommand: CliCommand = {
  name: 'demo-platform',
  summary: 'Run the reference Ops API server with deterministic demo data',
  usage: 'opsdeck demo-platform [--port 4010] [--host 127.0.0.1] [--seed 42] [--tenants 120] [--events 250000] [--live] [--db PATH]',
  async run(argv) {
    const { values } = parseFlags('demo-platform', argv, {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      tenants: { type: 'string' },
      events: { type: 'string' },
      live: { type: 'boolean', default: false },
      db: { type: 'string' },
    });
    const seed = wholeNumber('seed', values.seed, 42, 0, 2 ** 32 - 1);
    const tenants = wholeNumber('tenants', values.tenants, 120, 1, 100_000);
    const events = wholeNumber('events', values.events, 250_000, 0, 50_000_000);
    const scratch = values.db === undefined ? mkdtempSync(join(tmpdir(), 'opsdeck-demo-platform-')) : null;
    const dbPath = values.db ?? join(scratch!, 'platform.db');

    console.log(`Preparing demo data (seed ${seed}, ${tenants} tenants, ${events} audit events) in ${dbPath} ...`);
    const platform = await startPlatform({ dbPath, port: parsePort('demo-platform', values.port, 4010), host: values.host, seed, tenants, events, live: values.live });
    console.log(platform.generationMs === null ? 'Reused the existing database.' : `Generated in ${(platform.generationMs / 1000).toFixed(1)} s.`);
    console.log(`Ops API running at ${platform.url} (paths under /v1)${values.live ? ', live activity on' : ''}`);
    console.log(`  full-access token:  ${platform.tokens.full}`);
    console.log(`  read-only token:    ${platform.tokens.readOnly}`);
    console.log(`  audit-only token:   ${platform.tokens.auditOnly}`);
    console.log('Press Ctrl+C to stop.');
    return waitForStopSignal(async () => {
      await platform.close();
      if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
    });
  },
};

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`demo-platform: --${flag} must be a whole number from ${min} to ${max}, got '${value}'.`);
  }
  return number;
}
