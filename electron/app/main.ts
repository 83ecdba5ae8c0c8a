import { app, ipcMain, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createConsoleServices } from '../services/console-services.ts';
import { createDispatch } from '../services/dispatch.ts';
import type { HostHandlers } from '../../shared/console-api/index.ts';
import { createAuditFileOpener } from './files/audit-file-opener.ts';
import { chooseAuditFiles, showFileProblem } from './files/file-dialogs.ts';
import { bindFileIpc } from './files/file-ipc.ts';
import { bindConsoleApi } from './ipc/ipc-binding.ts';
import { createSenderCheck } from './ipc/sender-check.ts';
import { sendConsoleEvent, sendConsoleEventOnceLoaded } from './ipc/window-events.ts';
import { createLaunchQueue } from './launch/launch-queue.ts';
import { receiveLaunches } from './launch/os-handoff.ts';
import { installAppMenu } from './menu/app-menu.ts';
import { nativeNotifier } from './notifications/native-notifier.ts';
import { showQueueAlertNotifications } from './notifications/queue-alert-notifications.ts';
import { appOrigin, registerAppScheme, serveRenderer } from './protocol/app-protocol.ts';
import { registerDeepLinkScheme } from './protocol/deep-links.ts';
import { showQueueAlertBadge } from './tray/alert-badge.ts';
import { createAppTray, trayIconPath } from './tray/app-tray.ts';
import { startUpdates } from './updater/start-updates.ts';
import { denyPermissions, refuseWebviews } from './window/lockdown.ts';
import { createMainWindow } from './window/main-window.ts';
import { originOf } from './window/url-origin.ts';
import { rememberPlacement, restoredPlacement } from './window/window-placement.ts';

// electron-vite sets this in `npm run dev` only; production loads app://opsdeck/.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const startUrl = devServerUrl ?? `${appOrigin}/index.html`;
const trustedOrigins = [originOf(startUrl)!];

if (process.env.OPSDECK_DATA_DIR) app.setPath('userData', process.env.OPSDECK_DATA_DIR);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // The running instance receives this launch's links and files (second-instance).
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const launches = createLaunchQueue();
  const showWindow = () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.show();
    mainWindow?.focus();
  };
  receiveLaunches(launches.deliver, showWindow);
  registerDeepLinkScheme();
  refuseWebviews();

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    serveRenderer(join(import.meta.dirname, '../renderer'));

    const dataDir = app.getPath('userData');
    const services = createConsoleServices({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      workers: (name) => join(import.meta.dirname, `${name}.worker.js`),
    });
    app.on('will-quit', () => void services.close());
    const isTrusted = createSenderCheck(() => mainWindow?.webContents ?? null, trustedOrigins);
    const updates = startUpdates(app, services);
    app.on('will-quit', () => updates.close());
    const desktopOnly: HostHandlers<'electron'> = updates.handlers;
    bindConsoleApi(ipcMain, createDispatch({ ...services.handlers, ...desktopOnly }, services.log.error), isTrusted);
    bindFileIpc(ipcMain, services.files, isTrusted, () => mainWindow);
    services.events.subscribe((event, payload) => mainWindow && sendConsoleEvent(mainWindow.webContents, event, payload));

    const navigate = (route: string) => mainWindow && sendConsoleEventOnceLoaded(mainWindow.webContents, 'app/navigate', { route });
    showQueueAlertNotifications(
      services.events,
      nativeNotifier((route) => {
        showWindow();
        navigate(route);
      }),
    );
    const tray = createAppTray({ iconPath: trayIconPath({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }), showWindow, quit: () => app.quit() });
    showQueueAlertBadge(services.events, { app, tray, platform: process.platform });
    const openAuditFile = createAuditFileOpener({ dataDir, services, navigate, fail: (message) => showFileProblem(mainWindow, message) });
    installAppMenu(
      {
        openPalette: () => mainWindow && sendConsoleEvent(mainWindow.webContents, 'app/open-palette', {}),
        openSettings: () => navigate('#/settings'),
        openAuditFile: () => void chooseAuditFiles(mainWindow).then((paths) => paths.forEach((path) => void openAuditFile(path))),
      },
      { platform: process.platform, appName: app.name, packaged: app.isPackaged },
    );

    mainWindow = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      startUrl: `${startUrl}${launches.startRoute() ?? ''}`,
      trustedOrigins,
      placement: restoredPlacement(dataDir),
    });
    rememberPlacement(mainWindow, dataDir, services.log.warn);
    mainWindow.on('closed', () => (mainWindow = null));
    launches.open({ openRoute: navigate, openFile: (path) => void openAuditFile(path) });
  });

  app.on('window-all-closed', () => app.quit());
}
