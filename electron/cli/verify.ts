import { describeVerifyProblem } from '../../shared/audit/describe-verify-problem.ts';
import type { VerifyReport } from '../../shared/audit/verify-report.ts';
import { readPublicKeys } from '../services/audit/public-keys.ts';
import { UnreadableInputError } from '../services/audit/unreadable-input-error.ts';
import { verifyExportFile } from '../services/audit/verify-export-file.ts';
import type { CliCommand } from './command.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';

/** Problems printed in the human output; --json has them all (up to the report's own limit). */
const printedProblems = 200;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Prove an audit export (NDJSON, optionally gzip) was not altered: exit 0 intact, 1 problems, 2 unreadable',
  usage: 'opsdeck verify FILE [--manifest M] [--key PEM]... [--json]',
  async run(argv) {
    const { values, positionals } = parseFlags(
      'verify',
      argv,
      { manifest: { type: 'string' }, key: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(`verify: expected one FILE, got ${positionals.length}.`);
    const file = positionals[0]!;
    let report: VerifyReport;
    try {
      const keys = (await Promise.all((values.key ?? []).map(readPublicKeys))).flat();
      report = await verifyExportFile(file, { manifestFile: values.manifest, keys });
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error;
      console.error(`opsdeck verify: ${error.message}`);
      return 2;
    }
    console.log(values.json ? JSON.stringify(report, null, 2) : reportText(report));
    return report.intact ? 0 : 1;
  },
};

function reportText(report: VerifyReport): string {
  const total = Object.values(report.problem_counts).reduce((sum, count) => sum + count, 0);
  const counts = Object.entries(report.problem_counts).map(([kind, count]) => `${count} ${kind.replaceAll('_', ' ')}`);
  const lines = [
    `${report.file}${report.manifest_file === null ? ' (no manifest)' : ` with manifest ${report.manifest_file}`}`,
    `  ${report.events} events on ${report.lines} lines${report.first_seq === null ? '' : `, seq ${report.first_seq}..${report.last_seq}`}, sha256 ${report.sha256}`,
    `  signature: ${report.signature.status.replaceAll('_', ' ')}. ${report.signature.detail}`,
    `  completeness: ${report.completeness.status.replaceAll('_', ' ')}. ${report.completeness.detail}`,
    report.intact ? 'INTACT' : `NOT INTACT: ${total === 0 ? `signature ${report.signature.status.replaceAll('_', ' ')}` : `${total} problem${total === 1 ? '' : 's'} (${counts.join(', ')})`}`,
    ...report.problems.slice(0, printedProblems).map((problem) => `  ${describeVerifyProblem(problem)}`),
  ];
  const unlisted = total - Math.min(report.problems.length, printedProblems);
  if (unlisted > 0) lines.push(`  ... and ${unlisted} more (--json lists ${report.problems.length} of them)`);
  return lines.join('\n');
}
