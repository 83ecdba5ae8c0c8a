import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileRegistry } from '../services/files/file-registry.ts';

export const filesPath = '/api/files';

/**
 * POST /api/files?name=<file name> streams the body to disk and answers its token;
 * GET /api/files/<token> downloads a finished export. Both sit behind the request guard.
 */
export async function handleFileTransfer(req: IncomingMessage, res: ServerResponse, url: URL, files: FileRegistry): Promise<void> {
  if (url.pathname === filesPath && req.method === 'POST') {
    const name = url.searchParams.get('name');
    if (name === null || name.trim() === '') return sendJson(res, 400, { error: 'POST /api/files needs ?name=<file name>.' });
    return sendJson(res, 200, await files.upload(req, name));
  }
  if (req.method !== 'GET') return sendJson(res, 405, { error: `${req.method} ${url.pathname} is not allowed.` });
  const download = files.download(url.pathname.slice(filesPath.length + 1));
  if (download === null) return sendJson(res, 404, { error: 'No such download (it may have been removed when the console restarted).' });
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Disposition', `attachment; filename="${download.name.replace(/[^\w.-]/g, '_')}"`);
  res.setHeader('Cache-Control', 'no-store');
  createReadStream(download.path).pipe(res);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
