import { app } from 'electron';
import type { Session } from 'electron';

/** No page in Opsdeck may host a <webview>: one would run with its own, looser preferences. */
export function refuseWebviews(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Camera, microphone, notifications, geolocation…: the page asks for none, so every request and check is refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
