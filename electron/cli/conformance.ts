import { runConformance } from '../../platform/conformance/run.ts';
import type { CliCommand } from './command.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';

export const conformanceCommand: CliCommand = {
  name: 'conformance',
  summary: 'Check any Ops API server against the contract (shapes, paging, hash chain, errors, scopes, idempotency)',
  usage: 'opsdeck conformance --base-url URL --token T [--write-token T2] [--audit-events N]',
  async run(argv) {
    const { values } = parseFlags('conformance', argv, {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'write-token': { type: 'string' },
      'audit-events': { type: 'string' },
    });
    const baseUrl = values['base-url'];
    if (baseUrl === undefined || !/^https?:\/\//.test(baseUrl)) throw new UsageError('conformance: --base-url must be an http(s) URL, e.g. http://127.0.0.1:4010.');
    if (values.token === undefined) throw new UsageError('conformance: --token is required (a read-only token checks scope enforcement best).');
    const auditEvents = values['audit-events'] === undefined ? 10_000 : Number(values['audit-events']);
    if (!Number.isInteger(auditEvents) || auditEvents < 1) throw new UsageError(`conformance: --audit-events must be a whole number >= 1, got '${values['audit-events']}'.`);
    const report = await runConformance({ baseUrl, token: values.token, writeToken: values['write-token'] ?? null, auditEvents, log: (line) => console.log(line) });
    return report.failed === 0 ? 0 : 1;
  },
};
