import { app, ipcMain, Notification, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createConsoleServices } from '../services/console-services.ts';
import { createDispatch } from '../services/dispatch.ts';
import { appOrigin, registerAppScheme, serveRenderer } from './app-protocol.ts';
import { routeFromArgs } from '../../shared/deep-link.ts';
import { handleDeepLinks } from './deep-links.ts';
import { bindFileIpc } from './file-ipc.ts';
import { bindConsoleApi } from './ipc-binding.ts';
import { createMainWindow } from './main-window.ts';
import { createSenderCheck } from './sender-check.ts';
import { originOf } from './url-origin.ts';
import { showQueueAlertNotifications } from './notifications/queue-alert-notifications.ts';

// electron-vite sets this in `npm run dev` only; production loads app://opsdeck/.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const startUrl = devServerUrl ?? `${appOrigin}/index.html`;
const trustedOrigins = [originOf(startUrl)!];

if (process.env.OPSDECK_DATA_DIR) app.setPath('userData', process.env.OPSDECK_DATA_DIR);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  // A link that started the app opens with the first page; later ones navigate the open window.
  let pendingRoute = routeFromArgs(process.argv);

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  handleDeepLinks((route) => {
    if (mainWindow === null) pendingRoute = route;
    else mainWindow.webContents.send('console:event', { event: 'app/navigate', payload: { route } });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(join(import.meta.dirname, '../renderer'));

    const services = createConsoleServices({
      dataDir: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      workers: (name) => join(import.meta.dirname, `${name}.worker.js`),
    });
    app.on('will-quit', () => void services.close());
    const isTrusted = createSenderCheck(() => mainWindow?.webContents ?? null, trustedOrigins);
    bindConsoleApi(ipcMain, createDispatch(services.handlers), isTrusted);
    bindFileIpc(ipcMain, services.files, isTrusted, () => mainWindow);
    services.events.subscribe((event, payload) => mainWindow?.webContents.send('console:event', { event, payload }));
    showQueueAlertNotifications(services.events, ({ title, body }) => Notification.isSupported() && new Notification({ title, body }).show());

    mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/index.cjs'), startUrl: `${startUrl}${pendingRoute ?? ''}`, trustedOrigins });
    pendingRoute = null;
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
}
