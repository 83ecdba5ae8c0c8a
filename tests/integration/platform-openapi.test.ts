import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openApiJson } from '../../platform/openapi-json.ts';
import { operations } from '../../shared/ops-api/index.ts';

const root = join(import.meta.dirname, '..', '..');
const checkedIn = join(root, 'docs', 'openapi.json');

it('docs/openapi.json is what `npm run openapi` generates now', () => {
  expect(readFileSync(checkedIn, 'utf8'), 'docs/openapi.json is stale: run `npm run openapi`').toBe(openApiJson());
});

it('documents every operation with its success and error responses', () => {
  const document = JSON.parse(openApiJson()) as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
  for (const [id, operation] of Object.entries(operations)) {
    const documented = document.paths[operation.path]?.[operation.method];
    expect(documented?.operationId, `${operation.method} ${operation.path}`).toBe(id);
    expect(Object.keys(documented!.responses)).toContain(String(operation.status));
    if (operation.scope !== null) expect(Object.keys(documented!.responses)).toContain('401');
  }
});

it('passes the Spectral OpenAPI linter (spectral:oas) without errors or warnings', () => {
  const cli = join(root, 'node_modules', '@stoplight', 'spectral-cli', 'dist', 'index.js');
  const result = spawnSync(process.execPath, [cli, 'lint', checkedIn, '--ruleset', join(root, '.spectral.yaml'), '--fail-severity', 'warn'], { encoding: 'utf8' });
  expect(result.status, result.stdout + result.stderr).toBe(0);
});
