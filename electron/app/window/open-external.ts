import { shell } from 'electron';

const allowedProtocols = new Set(['http:', 'https:']);

/** The only way Opsdeck hands a URL to the OS: http(s) only; never file:, a custom scheme or a script. */
export async function openExternalSafely(rawUrl: string): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (!allowedProtocols.has(url.protocol)) return false;
  await shell.openExternal(url.toString());
  return true;
}
