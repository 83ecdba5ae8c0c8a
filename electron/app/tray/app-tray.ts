import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';

/** The tray icon: a click shows the window; its menu opens the window or quits. */
export function createAppTray({ iconPath, showWindow, quit }: { iconPath: string; showWindow(): void; quit(): void }): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Opsdeck', click: showWindow },
      { type: 'separator' },
      { label: 'Quit Opsdeck', click: quit },
    ]),
  );
  tray.on('click', showWindow);
  return tray;
}

/** The icon file: beside the packaged app's resources (electron-builder's extraResources), or the repository's resources/ in development. */
export function trayIconPath({ isPackaged, appPath, resourcesPath }: { isPackaged: boolean; appPath: string; resourcesPath: string }): string {
  return isPackaged ? join(resourcesPath, 'icon.png') : join(appPath, 'resources', 'icon.png');
}
