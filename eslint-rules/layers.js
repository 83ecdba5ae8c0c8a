// Keeps each layer to the imports DESIGN.md allows (the way VS Code enforces its layers).
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const nodeBuiltins = new Set(builtinModules);

/** Layer of a project file, or null outside the layered folders. */
function layerOf(file) {
  const path = relative(root, file).split('\\').join('/');
  if (path.startsWith('electron/app/')) return 'electron/app';
  if (path.startsWith('electron/services/')) return 'electron/services';
  if (path.startsWith('electron/web/')) return 'electron/web';
  if (path.startsWith('electron/')) return 'electron/cli';
  for (const layer of ['preload', 'renderer', 'shared', 'platform']) if (path.startsWith(`${layer}/`)) return layer;
  return null;
}

/** Which project layers each layer may import. */
const mayImport = {
  'electron/app': ['electron/app', 'electron/services', 'shared'],
  // The built-in Demo profile runs the reference platform in a worker of the main process.
  'electron/services': ['electron/services', 'platform', 'shared'],
  'electron/web': ['electron/web', 'electron/services', 'shared'],
  'electron/cli': ['electron/cli', 'electron/services', 'electron/web', 'platform', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  shared: ['shared'],
  platform: ['platform', 'shared'],
};

const isNodeBuiltin = (spec) => spec.startsWith('node:') || nodeBuiltins.has(spec.split('/')[0]);
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** Packages per layer: what a layer may not import, or (for shared) the only ones it may. */
function packageProblem(layer, spec) {
  const name = packageName(spec);
  if (layer === 'shared') {
    return isNodeBuiltin(spec) || name !== 'zod' ? `shared/ stays pure: it may import only zod, not '${spec}'` : null;
  }
  if (name === 'electron' && layer !== 'electron/app' && layer !== 'preload') {
    return `only electron/app/ (and the preload) may import 'electron'`;
  }
  if (layer === 'renderer') {
    if (isNodeBuiltin(spec)) return `renderer/ runs in the page: no Node built-ins ('${spec}')`;
    if (['better-sqlite3', '@napi-rs/keyring', 'ky', 'electron-updater'].includes(name)) {
      return `renderer/ talks only to the console API: '${name}' belongs to the main side`;
    }
  }
  if (layer === 'preload' && name !== 'electron' && name !== 'zod') {
    return `the sandboxed preload may import only electron and shared/, not '${spec}'`;
  }
  return null;
}

export default {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'Enforce the layer boundaries of DESIGN.md' },
        messages: { violation: '{{problem}}' },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const layer = layerOf(file);
        if (layer === null) return {};
        function check(node, spec) {
          if (typeof spec !== 'string') return;
          let problem;
          if (spec.startsWith('.')) {
            const target = layerOf(resolve(dirname(file), spec));
            if (target !== null && !mayImport[layer].includes(target)) {
              problem = `${layer} may not import from ${target} ('${spec}')`;
            }
          } else {
            problem = packageProblem(layer, spec);
          }
          if (problem) context.report({ node, messageId: 'violation', data: { problem } });
        }
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
          CallExpression: (node) =>
            node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal'
              ? check(node.arguments[0], node.arguments[0].value)
              : undefined,
        };
      },
    },
  },
};
