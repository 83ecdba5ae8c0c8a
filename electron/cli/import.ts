import { describeVerifyProblem } from '../../shared/audit/describe-verify-problem.ts';
import { sourceNameOfFile } from '../../shared/audit/source-name-of-file.ts';
import type { VerifyReport } from '../../shared/audit/verify-report.ts';
import { ImportError, importAuditFiles } from '../services/audit-import/import-audit-files.ts';
import type { ImportResult } from '../services/audit-import/import-audit-files.ts';
import { importedSourcePath } from '../services/audit-import/source-paths.ts';
import { summarizeVerification } from '../services/audit-sources/verifications.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import type { CliCommand } from './command.ts';
import { importProgressLines } from './import-progress-lines.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import audit files (NDJSON, gzip NDJSON, JSON array, Opsdeck CSV) into a named offline source: all or nothing',
  usage: 'opsdeck import FILE... [--source NAME | --db PATH] [--skip-invalid] [--replace] [--data-dir DIR]',
  async run(argv) {
    const { values, positionals } = parseFlags(
      'import',
      argv,
      {
        source: { type: 'string' },
        db: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
      true,
    );
    if (positionals.length === 0) throw new UsageError('import: expected at least one FILE.');
    if (values.source !== undefined && values.db !== undefined) throw new UsageError('import: give --source NAME or --db PATH, not both.');
    const name = values.source ?? sourceNameOfFile(values.db ?? positionals[0]!);
    const db = values.db ?? sourcePath(values['data-dir'] ?? defaultDataDir(), name);
    const progress = importProgressLines(process.stderr);
    try {
      const result = await importAuditFiles({
        files: positionals.map((path) => ({ path })),
        db,
        sourceName: name,
        skipInvalid: values['skip-invalid'],
        replace: values.replace,
        onProgress: progress.report,
      });
      progress.end();
      console.log(summary(result, name));
      return 0;
    } catch (error) {
      progress.end();
      if (!(error instanceof ImportError)) throw error;
      console.error(`opsdeck import: ${error.message}\nNothing was imported${values['skip-invalid'] ? '' : ' (--skip-invalid imports the valid lines and reports the others)'}.`);
      return 1;
    }
  },
};

function sourcePath(dataDir: string, name: string): string {
  try {
    return importedSourcePath(dataDir, name);
  } catch (error) {
    throw new UsageError(`import: ${(error as Error).message}`);
  }
}

function summary(result: ImportResult, name: string): string {
  const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  const parts = [`Imported ${plural(result.events, 'event')} from ${plural(result.files.length, 'file')} into source '${name}' (${result.db})`];
  if (result.skipped > 0) parts.push(`${plural(result.skipped, 'invalid line')} skipped, report: ${result.reportFile}`);
  if (result.duplicatesIgnored > 0) parts.push(`${plural(result.duplicatesIgnored, 'duplicate event')} ignored`);
  const csv = result.files.filter((file) => file.format === 'csv').map((file) => file.name);
  if (csv.length > 0) parts.push(`not verifiable: CSV carries no hashes (${csv.join(', ')})`);
  if (result.verification !== null) parts.push(verificationText(result.verification));
  return `${parts.join('; ')}.`;
}

/** "hash chain: 60 events, seq 1..60: every hash and link verified", or its problems and the first of them. */
function verificationText(report: VerifyReport): string {
  const { summary: text } = summarizeVerification(Date.now(), report);
  const first = report.problems[0];
  return `hash chain: ${text}${report.intact || first === undefined ? '' : ` (first: ${describeVerifyProblem(first)})`}`;
}
