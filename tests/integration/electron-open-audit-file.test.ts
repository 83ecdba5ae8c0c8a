import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from '../fakes/fake-electron.ts';
import { makeChain, toLines, writeExport } from '../fixtures/audit-chain.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';
import { createAuditFileOpener } from '../../electron/app/files/audit-file-opener.ts';
import { showFileProblem } from '../../electron/app/files/file-dialogs.ts';
import { sendConsoleEventOnceLoaded } from '../../electron/app/ipc/window-events.ts';
import { createLaunchQueue } from '../../electron/app/launch/launch-queue.ts';
import { receiveLaunches } from '../../electron/app/launch/os-handoff.ts';
import { registerDeepLinkScheme } from '../../electron/app/protocol/deep-links.ts';
import { createConsoleServices } from '../../electron/services/console-services.ts';
import type { ConsoleServices } from '../../electron/services/console-services.ts';
import { bridgeChannels } from '../../shared/preload-bridge.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

// What main.ts wires, over the fake electron module and the real services: the OS hands a launch's
// links and files to the running instance, files import as verified sources, links navigate.
const dataDir = makeDataDir();
const downloads = join(dataDir.path, 'Downloads');
let services: ConsoleServices;
let window: FakeBrowserWindow;

beforeAll(async () => {
  mkdirSync(downloads);
  const lines = toLines(makeChain(50));
  await writeExport(downloads, lines, { name: 'q3-audit.ndjson' });
  mkdirSync(join(downloads, 'gz'));
  await writeExport(join(downloads, 'gz'), lines, { name: 'q3-audit.ndjson.gz', gzip: true });
  writeFileSync(join(downloads, 'broken.ndjson'), `${lines[0]}\n{"id": "evt_cut`);
  services = createConsoleServices({ dataDir: dataDir.path, host: 'electron', version: 'test', demo: null });
});
afterAll(async () => {
  await services.close();
  dataDir.remove();
});

/** The launch handling of main.ts, started with this launch's command line. */
function startDesktop(argv = ['/opt/Opsdeck/opsdeck']) {
  resetFakeElectron();
  window = new FakeBrowserWindow({});
  const navigate = (route: string) => sendConsoleEventOnceLoaded(window.webContents, 'app/navigate', { route });
  const openAuditFile = createAuditFileOpener({ dataDir: dataDir.path, services, navigate, fail: (message) => showFileProblem(null, message) });
  const launches = createLaunchQueue();
  const realArgv = process.argv;
  process.argv = argv;
  try {
    receiveLaunches(launches.deliver, () => window.focus());
  } finally {
    process.argv = realArgv;
  }
  const startRoute = launches.startRoute();
  launches.open({ openRoute: navigate, openFile: (path) => void openAuditFile(path) });
  return { startRoute };
}

const navigations = () =>
  window.webContents.sent.filter(({ channel, message }) => channel === bridgeChannels.event && (message as { event: string }).event === 'app/navigate').map(({ message }) => (message as { payload: { route: string } }).payload.route);

async function openedSource(name: string) {
  await vi.waitFor(() => expect(navigations()).toContain(`#/audit?source=${encodeURIComponent(`import:${name}`)}`), { timeout: 45_000, interval: 100 });
  return (await services.handlers['sources/report']({ source: `import:${name}` })).report;
}

const sourceFiles = () => readdirSync(join(dataDir.path, 'sources')).filter((file) => file.endsWith('.sqlite')).sort();

beforeEach(() => rmSync(join(dataDir.path, 'sources'), { recursive: true, force: true }));

// Each import starts its workers (under tsx here): seconds each on a busy machine.
describe('audit exports the OS hands to Opsdeck (Electron host, over the fake electron module)', { timeout: 60_000 }, () => {
  it('a file given on the command line opens at start: the audit view first, then the imported source, verified', async () => {
    const { startRoute } = startDesktop(['/opt/Opsdeck/opsdeck', '--no-sandbox', join(downloads, 'q3-audit.ndjson')]);
    expect(startRoute).toBe('#/audit');
    expect(await openedSource('q3-audit')).toMatchObject({ intact: true, problem_counts: {} });
    expect(navigations()).toEqual(['#/audit', '#/audit?source=import%3Aq3-audit']);
  });

  it('a second launch hands its file, relative to where it was started, to the running instance, which comes to the front', async () => {
    startDesktop();
    fakeElectron.app.sendFromOs('second-instance', ['/opt/Opsdeck/opsdeck', '--allow-file-access-from-files', 'gz/q3-audit.ndjson.gz'], downloads);
    expect(window.focused).toBe(true);
    expect(await openedSource('q3-audit')).toMatchObject({ intact: true });
  });

  it('macOS open-file of a manifest opens the export beside it; a name already taken gets a number', async () => {
    startDesktop();
    fakeElectron.app.sendFromOs('open-file', join(downloads, 'q3-audit.ndjson'));
    await openedSource('q3-audit');
    const event = fakeElectron.app.sendFromOs('open-file', join(downloads, 'gz', 'q3-audit.ndjson.gz.manifest.json'));
    expect(event.defaultPrevented).toBe(true);
    expect(await openedSource('q3-audit-2')).toMatchObject({ intact: true });
    expect(sourceFiles()).toEqual(['q3-audit-2.sqlite', 'q3-audit.sqlite']);
  });

  it('a file that is not a valid export imports nothing: the job fails with its reason and no source is shown', async () => {
    startDesktop();
    fakeElectron.app.sendFromOs('second-instance', ['/opt/Opsdeck/opsdeck', 'broken.ndjson'], downloads);
    await vi.waitFor(
      async () => {
        const failed = (await services.handlers['jobs/list']({})).jobs.find((job) => job.label.includes('broken.ndjson'));
        expect(failed?.state).toBe('failed');
        expect(failed?.error).toMatch(/^broken\.ndjson:2: not JSON: \S/);
      },
      { timeout: 45_000, interval: 100 },
    );
    expect(navigations()).toEqual(['#/audit']);
    expect(readdirSync(join(dataDir.path, 'sources')).filter((file) => file.endsWith('.sqlite'))).toEqual([]);
  });

  it('a missing file, a manifest without its export, or a folder is refused in a message box that says why', async () => {
    startDesktop();
    fakeElectron.app.sendFromOs('open-file', join(downloads, 'gone.ndjson'));
    writeFileSync(join(downloads, 'lonely.ndjson.manifest.json'), '{}');
    fakeElectron.app.sendFromOs('second-instance', ['/opt/Opsdeck/opsdeck', 'lonely.ndjson.manifest.json'], downloads);
    mkdirSync(join(downloads, 'folder.ndjson'));
    fakeElectron.app.sendFromOs('open-file', join(downloads, 'folder.ndjson'));
    await vi.waitFor(() => expect(fakeElectron.dialog.messages).toHaveLength(3));
    expect(fakeElectron.dialog.messages.map(({ type, message }) => [type, message])).toEqual([
      ['error', 'Opsdeck could not open gone.ndjson: the file is not there (moved or deleted).'],
      ['error', 'Opsdeck could not open lonely.ndjson.manifest.json: the export it describes, lonely.ndjson, is not beside it.'],
      ['error', `Opsdeck could not open folder.ndjson: ${join(downloads, 'folder.ndjson')} is not a regular file.`],
    ]);
    expect(navigations()).toEqual([]);
  });

  it('ignores files of other kinds from open-file and argv', async () => {
    startDesktop();
    writeFileSync(join(downloads, 'notes.txt'), 'hello');
    fakeElectron.app.sendFromOs('open-file', join(downloads, 'notes.txt'));
    fakeElectron.app.sendFromOs('second-instance', ['/opt/Opsdeck/opsdeck', 'notes.txt', 'archive.gz'], downloads);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await services.handlers['jobs/list']({})).jobs.filter((job) => job.label.includes('notes') || job.label.includes('archive'))).toEqual([]);
    expect(fakeElectron.dialog.messages).toEqual([]);
  });
});

describe('opsdeck:// links the OS hands to Opsdeck (Electron host, over the fake electron module)', () => {
  it('starts at a link given on the command line, and registers as the handler of opsdeck://', () => {
    expect(startDesktop(['/opt/Opsdeck/opsdeck', 'opsdeck://tenant/ten_1']).startRoute).toBe('#/tenants/ten_1');
    registerDeepLinkScheme();
    expect(fakeElectron.app.protocolClients).toEqual([{ scheme: 'opsdeck' }]);
  });

  it('in development (`electron .`) registers the command that starts this app, not a bare Electron', () => {
    resetFakeElectron();
    const real = { argv: process.argv, defaultApp: process.defaultApp };
    Object.assign(process, { argv: ['/usr/bin/electron', '.'], defaultApp: true });
    try {
      registerDeepLinkScheme();
    } finally {
      Object.assign(process, real);
    }
    expect(fakeElectron.app.protocolClients).toEqual([{ scheme: 'opsdeck', path: process.execPath, args: [process.cwd()] }]);
  });

  it('routes macOS open-url and a second launch’s link to the window; unknown links go nowhere', () => {
    startDesktop();
    expect(fakeElectron.app.sendFromOs('open-url', 'opsdeck://queue/emails').defaultPrevented).toBe(true);
    fakeElectron.app.sendFromOs('open-url', 'opsdeck://evil/../../etc/passwd');
    fakeElectron.app.sendFromOs('open-url', 'https://evil.example/');
    fakeElectron.app.sendFromOs('second-instance', ['C:\\Opsdeck\\Opsdeck.exe', '--original-process-start-time=1', 'opsdeck://audit?q=outcome%3Adenied'], 'C:\\');
    expect(navigations()).toEqual(['#/queues/emails', '#/audit?q=outcome%3Adenied']);
  });

  it('holds a link that arrives while the page is loading until it has loaded', () => {
    startDesktop();
    window.webContents.loading = true;
    fakeElectron.app.sendFromOs('open-url', 'opsdeck://connection/con_9');
    expect(navigations()).toEqual([]);
    window.webContents.finishLoad();
    expect(navigations()).toEqual(['#/connectors/connection/con_9']);
  });
});
