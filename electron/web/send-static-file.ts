import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../services/static-files.ts';

export function sendStaticFile(res: ServerResponse, path: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(path));
  // Built assets carry a content hash in their names; index.html must always be fresh.
  res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
  createReadStream(path).pipe(res);
}
