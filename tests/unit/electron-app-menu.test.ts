import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMenu, resetFakeElectron } from '../fakes/fake-electron.ts';
import { installAppMenu } from '../../electron/app/menu/app-menu.ts';
import type { MenuContext } from '../../electron/app/menu/app-menu.ts';

vi.mock('electron', async () => (await import('../fakes/fake-electron.ts')).fakeElectron);

const calls: string[] = [];
const actions = { openPalette: () => calls.push('palette'), openSettings: () => calls.push('settings'), openAuditFile: () => calls.push('open') };

/** The installed menu, one line per top menu: its label or role, then its items as role or "label accelerator". */
function installed(context: MenuContext): Record<string, string[]> {
  installAppMenu(actions, context);
  const describe = (item: MenuItemConstructorOptions) => item.role ?? (item.type === 'separator' ? '---' : `${item.label}${item.accelerator ? ` ${item.accelerator}` : ''}`);
  return Object.fromEntries(FakeMenu.applicationMenu!.items.map((menu) => [menu.label ?? menu.role, ((menu.submenu ?? []) as MenuItemConstructorOptions[]).map(describe)]));
}

function click(label: string): void {
  const items = FakeMenu.applicationMenu!.items.flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[]);
  const item = items.find((candidate) => candidate.label === label);
  if (item?.click === undefined) throw new Error(`no menu item '${label}'`);
  (item.click as () => void)();
}

beforeEach(() => {
  resetFakeElectron();
  calls.length = 0;
});

describe('native menus with the usual shortcuts (Electron host)', () => {
  it('on macOS: the app menu with Settings (⌘,), About, Hide and Quit; File, Edit, View, Window and Help', () => {
    const menu = installed({ platform: 'darwin', appName: 'Opsdeck', packaged: true });
    expect(Object.keys(menu)).toEqual(['Opsdeck', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(menu.Opsdeck).toEqual(['about', '---', 'Settings… CmdOrCtrl+,', '---', 'services', '---', 'hide', 'hideOthers', 'unhide', '---', 'quit']);
    expect(menu.File).toEqual(['Open Audit Export… CmdOrCtrl+O', '---', 'close']);
    expect(menu.Edit).toEqual(['undo', 'redo', '---', 'cut', 'copy', 'paste', 'selectAll', '---', 'Find… CmdOrCtrl+F']);
    expect(menu.View).toEqual(['reload', '---', 'resetZoom', 'zoomIn', 'zoomOut', '---', 'togglefullscreen']);
  });

  it('on Windows and Linux: no app menu; Settings and Quit under File, About under Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = installed({ platform, appName: 'Opsdeck', packaged: true });
      expect(Object.keys(menu)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
      expect(menu.File).toEqual(['Open Audit Export… CmdOrCtrl+O', '---', 'Settings CmdOrCtrl+,', '---', 'quit']);
      expect(menu.help).toEqual(['about']);
    }
  });

  it('offers developer tools only in development', () => {
    expect(installed({ platform: 'linux', appName: 'Opsdeck', packaged: false }).View).toEqual(['reload', 'forceReload', 'toggleDevTools', '---', 'resetZoom', 'zoomIn', 'zoomOut', '---', 'togglefullscreen']);
    expect(installed({ platform: 'linux', appName: 'Opsdeck', packaged: true }).View).not.toContain('toggleDevTools');
  });

  it('Find opens the command palette; Settings and Open Audit Export… do what they say', () => {
    installed({ platform: 'darwin', appName: 'Opsdeck', packaged: true });
    click('Find…');
    click('Settings…');
    click('Open Audit Export…');
    expect(calls).toEqual(['palette', 'settings', 'open']);
  });
});
