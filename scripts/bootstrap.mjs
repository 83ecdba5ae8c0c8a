#!/usr/bin/env node
// `npm start` and `npm test` on a fresh clone: bring Node 24, the system packages and the npm
// dependencies, build, then start the console or run every test. `test-later` runs the Vitest
// suite again with the clock 400 days ahead (what CI adds), so a test that depends on the date it
// runs fails the day it is written. Plain JS: runs on Node 20.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { electronBinaryPath, electronMissingReason } from './electron-binary.mjs';
import { localNode, localNodeDir, nodeIsRecentEnough, projectRoot } from './node-version.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

const mode = process.argv[2];
if (mode !== 'start' && mode !== 'test' && mode !== 'test-later') {
  console.error('usage: node scripts/bootstrap.mjs start|test|test-later');
  process.exit(2);
}

ensureRecentNode();
const env = {
  ...process.env,
  PATH: [dirname(process.execPath), join(projectRoot, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};
const nodeHeaders = join(localNodeDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
if (process.execPath.startsWith(localNodeDir) && existsSync(join(nodeHeaders, 'include'))) {
  env.npm_config_nodedir = nodeHeaders;
}

ensureSystemPackages(mode);
ensureNpmDependencies();
run('Building', 'electron-vite', ['build', '--logLevel', 'warn']);
process.exit(mode === 'start' ? start() : mode === 'test' ? test(join(projectRoot, 'scripts', 'test-all.mjs')) : test(join(projectRoot, 'scripts', 'test-later.mjs')));

function ensureRecentNode() {
  if (nodeIsRecentEnough(process.versions.node)) return;
  let node = localNode();
  if (node === null) {
    console.log(`Node ${process.version} is older than the 22.12 Opsdeck needs; installing Node 24 from the npm registry into .tools/ ...`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', localNodeDir, '--no-save', '--no-audit', '--no-fund', 'node@24'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    node = localNode();
    if (result.status !== 0 || node === null) {
      console.error('Could not install Node 24 from the npm registry. Install Node >= 22.12 yourself (https://nodejs.org) and run again.');
      process.exit(1);
    }
  }
  const result = spawnSync(node, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

function ensureNpmDependencies() {
  const installed = join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = join(projectRoot, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  run('Installing npm dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
}

function start() {
  let electron = electronBinaryPath();
  if (electron === null) {
    spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'electron', 'install.js')], { env, stdio: 'ignore', timeout: 120_000 });
    electron = electronBinaryPath();
  }
  if (electron !== null) return spawnSync(electron, [projectRoot], { env, stdio: 'inherit' }).status ?? 1;
  console.log(`Electron is not available (${electronMissingReason}); starting the web host instead.`);
  return spawnSync(process.execPath, [join(projectRoot, 'bin', 'opsdeck.mjs'), 'serve', '--open'], { env, stdio: 'inherit' }).status ?? 1;
}

function test(runner) {
  if (process.platform !== 'linux') return spawnSync(process.execPath, [runner], { env, stdio: 'inherit' }).status ?? 1;
  // A private D-Bus session with an unlocked Secret Service, so keychain tests use the real thing.
  const keyringHome = mkdtempSync(join(tmpdir(), 'opsdeck-keyring-'));
  const inner = `echo -n opsdeck | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" "$1"`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, process.execPath, runner], {
    env: { ...env, XDG_DATA_HOME: keyringHome },
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

function run(title, command, args) {
  console.log(`${title} ...`);
  const result = spawnSync(command, args, { cwd: projectRoot, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`${title} failed (${command} ${args.join(' ')} exited with ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}
