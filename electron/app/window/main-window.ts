import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { openExternalSafely } from './open-external.ts';
import { originOf } from './url-origin.ts';
import type { Rect } from './visible-bounds.ts';
import { windowSize } from './window-size.ts';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  trustedOrigins: string[];
  placement: { bounds: Rect; maximized: boolean };
}

/** The one window, locked down per the Electron security checklist. */
export function createMainWindow({ preloadPath, startUrl, trustedOrigins, placement }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: windowSize.min.width,
    minHeight: windowSize.min.height,
    show: false,
    title: 'Opsdeck',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff',
    // Bundled into out/main/index.js: paths are relative to that file, not to this one.
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    const origin = originOf(url);
    if (origin === null || !trustedOrigins.includes(origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(startUrl);
  return window;
}
