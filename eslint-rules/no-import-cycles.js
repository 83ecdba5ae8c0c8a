// Fails on an import cycle between the project's own modules, type-only imports included: a
// cycle means two files each need the other, so neither has one job.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const specifiers = /(?:^|[\s;}])(?:import|export)\b[^;'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const parsed = new Map();

/** The project file a relative specifier names, or null when it names none. */
function resolveSpecifier(from, spec) {
  const path = resolve(dirname(from), spec);
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The project files a file on disk imports, read once per change of the file. */
function importsOnDisk(file) {
  const mtime = statSync(file).mtimeMs;
  const known = parsed.get(file);
  if (known?.mtime === mtime) return known.imports;
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(specifiers)].map((match) => resolveSpecifier(file, match[1] ?? match[2])).filter((path) => path !== null);
  parsed.set(file, { mtime, imports });
  return imports;
}

/** The shortest chain of imports from `start` back to `file`, or null. */
function pathBack(start, file) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const next of current === file ? [] : importsOnDisk(current)) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, current);
      if (next === file) {
        const chain = [];
        for (let at = file; at !== null; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      queue.push(next);
    }
  }
  return null;
}

const shortName = (path) => relative(root, path).split('\\').join('/');

export default {
  rules: {
    'no-import-cycles': {
      meta: {
        type: 'problem',
        docs: { description: 'Forbid import cycles between project modules' },
        messages: { cycle: 'import cycle: {{chain}}' },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        function check(node, spec) {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = resolveSpecifier(file, spec);
          if (target === null || target === file) return;
          const back = pathBack(target, file);
          if (back !== null) context.report({ node, messageId: 'cycle', data: { chain: [file, ...back].map(shortName).join(' → ') } });
        }
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};
