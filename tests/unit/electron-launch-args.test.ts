import { describe, expect, it } from 'vitest';
import { auditEventsFile, isAuditFile, openedSourceName } from '../../electron/app/files/audit-file-kinds.ts';
import { argvSkip, launchRequest } from '../../electron/app/launch/launch-args.ts';
import { createLaunchQueue } from '../../electron/app/launch/launch-queue.ts';

const packaged = { skip: argvSkip(undefined), cwd: '/home/ana/Downloads' };

describe('a launch command line, sorted into links, files and the ignored rest (Electron host)', () => {
  it('finds opsdeck:// links among Chromium and OS switches (Windows and Linux hand links so)', () => {
    expect(launchRequest(['/opt/Opsdeck/opsdeck', '--no-sandbox', 'opsdeck://audit?q=outcome%3Adenied'], packaged)).toEqual({ routes: ['#/audit?q=outcome%3Adenied'], files: [] });
    expect(launchRequest(['C:\\Opsdeck\\Opsdeck.exe', '--allow-file-access-from-files', '--original-process-start-time=13370', 'OPSDECK://tenant/ten_1'], packaged)).toEqual({ routes: ['#/tenants/ten_1'], files: [] });
    expect(launchRequest(['/Applications/Opsdeck.app/Contents/MacOS/Opsdeck', '-psn_0_1234567'], packaged)).toEqual({ routes: [], files: [] });
    // A switch is never a file or a link, whatever its value looks like.
    expect(launchRequest(['opsdeck', '--log-file=run.ndjson', '-opsdeck://tenant/t1', '--trace-startup-file=a.manifest.json'], packaged)).toEqual({ routes: [], files: [] });
  });

  it('ignores links it does not know, malformed ones, and ones past their limits', () => {
    const argv = ['/opt/Opsdeck/opsdeck', 'opsdeck://nowhere', 'opsdeck://tenant/%E0%A4%A', `opsdeck://audit?q=${'a'.repeat(2_001)}`, 'opsdeck:', 'https://evil.example/'];
    expect(launchRequest(argv, packaged)).toEqual({ routes: [], files: [] });
  });

  it('takes audit exports as files, relative to the launching directory, and no other file', () => {
    const argv = ['/opt/Opsdeck/opsdeck', 'q3.ndjson', '/data/q3.NDJSON.GZ', '../q3.ndjson.gz.manifest.json', 'notes.txt', 'backup.gz', 'settings.json', '.ndjson'];
    expect(launchRequest(argv, packaged)).toEqual({
      routes: [],
      files: ['/home/ana/Downloads/q3.ndjson', '/data/q3.NDJSON.GZ', '/home/ana/q3.ndjson.gz.manifest.json'],
    });
  });

  it('skips the executable, and in development (`electron .`) the app path too', () => {
    expect(argvSkip(true)).toBe(2);
    // A project directory named like an export is still the app path, not a file to open.
    expect(launchRequest(['/usr/bin/electron', '/src/opsdeck.ndjson', 'opsdeck://queue/emails'], { skip: argvSkip(true), cwd: '/src' })).toEqual({ routes: ['#/queues/emails'], files: [] });
    expect(launchRequest(['/opt/Opsdeck/a.ndjson'], packaged)).toEqual({ routes: [], files: [] });
  });

  it('keeps links and files in the order given', () => {
    const argv = ['opsdeck', 'opsdeck://queue/a', 'x.ndjson', 'opsdeck://queue/b', 'y.ndjson'];
    expect(launchRequest(argv, { skip: 1, cwd: '/w' })).toEqual({ routes: ['#/queues/a', '#/queues/b'], files: ['/w/x.ndjson', '/w/y.ndjson'] });
  });
});

describe('audit export file kinds', () => {
  it('knows .ndjson, .ndjson.gz and .manifest.json, in any case, and a manifest stands for its export', () => {
    expect(['a.ndjson', 'A.NDJSON.GZ', 'a.ndjson.gz.manifest.json'].map(isAuditFile)).toEqual([true, true, true]);
    expect(['a.json', 'a.gz', 'a.csv', '.ndjson', 'a.ndjson.zip'].map(isAuditFile)).toEqual([false, false, false, false, false]);
    expect(auditEventsFile('/d/q3.ndjson.gz.manifest.json')).toBe('/d/q3.ndjson.gz');
    expect(auditEventsFile('/d/q3.ndjson.gz')).toBe('/d/q3.ndjson.gz');
  });

  it('names an opened file’s source after the file, with a number when the name is taken', () => {
    const taken = new Set(['q3', 'q3 2']);
    expect(openedSourceName('/d/q3.ndjson.gz', (name) => taken.has(name))).toBe('q3 3');
    expect(openedSourceName('/d/q4.ndjson', (name) => taken.has(name))).toBe('q4');
  });

  it('gives a file whose name has no letters or digits, or is too long, a name a source can have', () => {
    expect(openedSourceName('/d/日本語.ndjson', () => false)).toBe('Opened audit export');
    expect(openedSourceName('/d/---.ndjson', () => false)).toBe('Opened audit export');
    const long = openedSourceName(`/d/${'x'.repeat(240)}.ndjson`, (name) => name === 'x'.repeat(72));
    expect(long).toBe(`${'x'.repeat(72)} 2`);
    expect(long.length).toBeLessThanOrEqual(80);
  });
});

describe('launches that arrive before the app is ready (Electron host)', () => {
  it('waits, starts the window at the last link, then opens the files; later ones go straight through', () => {
    const queue = createLaunchQueue();
    queue.deliver({ routes: ['#/queues/a'], files: ['/w/x.ndjson'] });
    queue.deliver({ routes: ['#/tenants/t1'], files: [] });
    expect(queue.startRoute()).toBe('#/tenants/t1');
    const opened: string[] = [];
    queue.open({ openRoute: (route) => opened.push(`route ${route}`), openFile: (file) => opened.push(`file ${file}`) });
    expect(opened).toEqual(['file /w/x.ndjson']);
    queue.deliver({ routes: ['#/queues/b'], files: ['/w/y.ndjson'] });
    expect(opened).toEqual(['file /w/x.ndjson', 'route #/queues/b', 'file /w/y.ndjson']);
  });

  it('starts at the audit view when only files wait, and at the default screen when nothing does', () => {
    const withFile = createLaunchQueue();
    withFile.deliver({ routes: [], files: ['/w/x.ndjson'] });
    expect(withFile.startRoute()).toBe('#/audit');
    expect(createLaunchQueue().startRoute()).toBeNull();
  });
});
