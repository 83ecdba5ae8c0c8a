import type { CliCommand } from './command.ts';
import { auditSourceFlags, openAuditSource } from './open-audit-source.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search a cached audit trail with the query language, newest first',
  usage: 'opsdeck search QUERY [--db PATH | --source NAME | --profile NAME] [--limit N] [--json]',
  async run(argv) {
    const { values, positionals } = parseFlags('search', argv, { ...auditSourceFlags, limit: { type: 'string' }, json: { type: 'boolean', default: false } }, true);
    const q = positionals.join(' ');
    const limit = Number(values.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`search: --limit must be a whole number from 1 to 1000, got '${values.limit}'.`);
    const source = await openAuditSource('search', values);
    try {
      const result = source.search.search({ q, limit, withTotal: true });
      if (result.error) throw new UsageError(`search: ${result.error.message}\n  ${q}\n  ${' '.repeat(result.error.position - 1)}${'^'.repeat(Math.max(1, result.error.length))}`);
      if (values.json) {
        console.log(JSON.stringify({ total: result.total, rows: result.rows }, null, 2));
        return 0;
      }
      for (const row of result.rows) {
        console.log([row.occurredAt, row.outcome.padEnd(7), row.action.padEnd(28), row.actorEmail ?? row.actorId, row.tenantId ?? '-'].join('  '));
      }
      console.log(`${result.rows.length} of ${result.total!.toLocaleString('en-US')} matching events (${result.tookMs} ms)`);
      return 0;
    } finally {
      source.close();
    }
  },
};
