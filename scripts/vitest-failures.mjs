// The failed Vitest tests named in one line each (file, test, first line of the error), read from
// the JSON report, so a summary at the end of a long log still says what failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from './node-version.mjs';

export const vitestReport = join(projectRoot, 'test-results', 'vitest.json');
export const vitestReportArgs = ['--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`];

export function vitestFailures() {
  if (!existsSync(vitestReport)) return ['(no Vitest report was written)'];
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  return report.testResults.flatMap((file) => {
    const where = relative(projectRoot, file.name);
    const failedTests = file.assertionResults.filter((test) => test.status === 'failed');
    if (failedTests.length === 0 && file.status === 'failed') return [`${where}: ${firstLine(file.message)}`];
    return failedTests.map((test) => `${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
  });
}

function firstLine(text) {
  return (text ?? 'no message').split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no message';
}
