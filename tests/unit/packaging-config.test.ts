import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFileSuffixes } from '../../electron/app/files/audit-file-kinds.ts';
import { makeDataDir } from '../fixtures/data-dir.ts';

// Read by electron-builder's own loader (the `extends` of the test build included) and checked
// against its schema, so the fuses asserted here are the ones a build would flip.
const root = join(import.meta.dirname, '../..');
const quiet = { add: () => undefined, isEnabled: false } as never;

async function load(file: string, projectDir = root): Promise<Configuration> {
  const config = await getConfig(projectDir, file, null);
  await validateConfiguration(config, quiet);
  return config;
}

const release = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

describe('Electron fuses in the packaging config', () => {
  it('release build: no running as Node, no NODE_OPTIONS, no --inspect, only the verified asar, encrypted cookies', async () => {
    expect((await load('electron-builder.yml')).electronFuses).toEqual(release);
  });

  it('test build: the release fuses with only the inspector arguments on, which Playwright’s _electron needs; built elsewhere', async () => {
    const test = await load('electron-builder.test.yml');
    expect(test.electronFuses).toEqual({ ...release, enableNodeCliInspectArguments: true });
    expect(test.directories?.output).not.toBe((await load('electron-builder.yml')).directories?.output);
  });

  const scratch = makeDataDir();
  afterAll(() => scratch.remove());

  it('the schema check this test relies on refuses a misspelt fuse', async () => {
    copyFileSync(join(root, 'package.json'), join(scratch.path, 'package.json'));
    writeFileSync(join(scratch.path, 'bad.yml'), 'electronFuses:\n  runAsNod: false\n');
    await expect(load('bad.yml', scratch.path)).rejects.toThrow(/configuration\.electronFuses/);
  });
});

describe('file associations and the opsdeck:// scheme in the packaging config', () => {
  it('registers opsdeck:// and every audit export kind on each OS (by its last extension, which is what OSes match)', async () => {
    const config = await load('electron-builder.yml');
    expect(config.protocols).toEqual([{ name: 'Opsdeck', schemes: ['opsdeck'] }]);
    const extensionsOn = (platform: 'mac' | 'linux' | 'win') =>
      [config.fileAssociations, config[platform]?.fileAssociations].flat().flatMap((association) => (association === undefined || association === null ? [] : [association.ext].flat()));
    const lastExtensions = auditFileSuffixes.map((suffix) => suffix.split('.').at(-1));
    expect(new Set(extensionsOn('mac'))).toEqual(new Set(lastExtensions));
    expect(new Set(extensionsOn('linux'))).toEqual(new Set(lastExtensions));
    // Windows: .ndjson by association; .gz and .json join "Open with" through resources/installer.nsh.
    expect(extensionsOn('win')).toEqual(['ndjson']);
    expect(config.nsis?.include).toBe('resources/installer.nsh');
  });

  it('never makes Opsdeck the default app of every .gz or .json on macOS', async () => {
    const mac = (await load('electron-builder.yml')).mac!.fileAssociations;
    expect([mac].flat().map((association) => [association!.ext, association!.rank])).toEqual([
      ['gz', 'Alternate'],
      ['json', 'Alternate'],
    ]);
  });
});

describe('auto-update in the packaging config', () => {
  it('publishes to a generic https server, with every channel file (a beta user also gets stable releases)', async () => {
    const config = await load('electron-builder.yml');
    expect(config.publish).toEqual({ provider: 'generic', url: expect.stringMatching(/^https:\/\/[^/]+\//) });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });
});
