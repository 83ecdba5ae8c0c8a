// The operating-system packages each command needs. On Debian/Ubuntu as root they are installed;
// elsewhere the exact list is printed. Plain JS: runs on Node 20.
import { spawnSync } from 'node:child_process';

/** Debian package -> the command that proves it is there. */
const needs = {
  start: {},
  test: {
    chromium: 'chromium',
    'gnome-keyring': 'gnome-keyring-daemon',
    dbus: 'dbus-daemon',
    'dbus-x11': 'dbus-launch',
    'libsecret-tools': 'secret-tool',
    'redis-server': 'redis-server',
    xvfb: 'Xvfb',
    xauth: 'xauth',
    'fonts-liberation': null,
  },
};
needs['test-later'] = { ...needs.test, faketime: 'faketime' };

const elsewhere = {
  test: 'Chromium (set OPSDECK_CHROMIUM to its path if it is not /usr/bin/chromium), redis-server, and on Linux gnome-keyring, dbus and libsecret-tools',
  'test-later': 'libfaketime (the faketime command), redis-server, and on Linux gnome-keyring, dbus and libsecret-tools',
};

export function ensureSystemPackages(mode) {
  if (process.platform !== 'linux') return;
  const missing = Object.entries(needs[mode]).filter(([pkg, command]) =>
    command === null ? !dpkgHas(pkg) : !commandExists(command),
  ).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const canInstall = commandExists('apt-get') && process.getuid?.() === 0;
  if (!canInstall) {
    console.error(
      commandExists('apt-get')
        ? `Missing system packages. Install them with:\n  sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`
        : `Missing system packages: ${elsewhere[mode]}. Install them with your package manager and run again.`,
    );
    process.exit(1);
  }
  console.log(`Installing system packages: ${missing.join(' ')} ...`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: aptEnv });
    if (result.status !== 0) {
      console.error(`apt-get ${args[0]} failed; install these yourself: ${missing.join(' ')}`);
      process.exit(1);
    }
  }
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function dpkgHas(pkg) {
  return spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;
}
