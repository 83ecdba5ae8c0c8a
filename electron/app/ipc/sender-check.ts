import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { SenderCheck } from './ipc-binding.ts';
import { originOf } from '../window/url-origin.ts';

/**
 * Trusts a call only from the main frame of our own window, loaded from one of our origins
 * (the app:// protocol, or the dev server in development).
 */
export function createSenderCheck(getWindowContents: () => WebContents | null, trustedOrigins: string[]): SenderCheck {
  const origins = new Set(trustedOrigins);
  return (event: IpcMainInvokeEvent) => {
    const contents = getWindowContents();
    const frame = event.senderFrame;
    if (contents === null || frame === null) return false;
    if (event.sender.id !== contents.id || frame !== contents.mainFrame) return false;
    const origin = originOf(frame.url);
    return origin !== null && origins.has(origin);
  };
}
