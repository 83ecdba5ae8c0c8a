// `npm run openapi`: writes docs/openapi.json from the zod schemas (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiJson } from '../platform/openapi-json.ts';

const out = join(import.meta.dirname, '..', 'docs', 'openapi.json');
writeFileSync(out, openApiJson());
console.log(`wrote ${out}`);
