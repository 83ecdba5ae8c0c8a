import { spawn } from 'node:child_process';

/** Asks the desktop to open a loopback URL in the default browser; false where there is none. */
export function openInBrowser(url: string): Promise<boolean> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url)) {
    return Promise.reject(new Error('Only the console’s own loopback URL may be opened.'));
  }
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
    : ['xdg-open', [url]];
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => done(false));
    child.once('spawn', () => {
      child.unref();
      done(true);
    });
  });
}
