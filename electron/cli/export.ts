import { exportAudit } from '../services/audit-export/export-audit.ts';
import type { ExportFormat } from '../../shared/console-api/index.ts';
import type { CliCommand } from './command.ts';
import { auditSourceFlags, openAuditSource } from './open-audit-source.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';

const formats: ExportFormat[] = ['ndjson', 'csv', 'json'];

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the audit events of a query: NDJSON with a manifest (verifiable), CSV or JSON',
  usage: 'opsdeck export QUERY --out FILE [--format ndjson|csv|json] [--gzip] [--db PATH | --source NAME | --profile NAME]',
  async run(argv) {
    const { values, positionals } = parseFlags(
      'export',
      argv,
      { ...auditSourceFlags, out: { type: 'string' }, format: { type: 'string', default: 'ndjson' }, gzip: { type: 'boolean', default: false } },
      true,
    );
    if (values.out === undefined) throw new UsageError('export: --out FILE is required.');
    const format = values.format as ExportFormat;
    if (!formats.includes(format)) throw new UsageError(`export: --format must be one of ${formats.join(', ')}, got '${values.format}'.`);
    const source = await openAuditSource('export', values);
    try {
      const result = await exportAudit({
        search: source.search,
        q: positionals.join(' '),
        format,
        gzip: values.gzip,
        out: values.out,
        source: { platform: source.path, environment: 'cache' },
        onProgress: (written) => process.stderr.write(`\r${written.toLocaleString('en-US')} events`),
      });
      process.stderr.write('\n');
      console.log(`Wrote ${result.count.toLocaleString('en-US')} events to ${result.out}${result.manifestPath ? ` and its manifest ${result.manifestPath}` : ''}.`);
      return 0;
    } finally {
      source.close();
    }
  },
};
