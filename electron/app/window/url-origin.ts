/**
 * scheme://host of a URL. Node's URL gives the opaque origin 'null' for custom schemes such
 * as app://, which would make every app:// (and data:) URL look alike; this does not.
 */
export function originOf(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    return url.host === '' ? null : `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
