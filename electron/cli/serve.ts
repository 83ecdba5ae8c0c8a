import { createConsoleServices } from '../services/console-services.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { openInBrowser } from '../services/open-in-browser.ts';
import { packageVersion } from '../services/package-info.ts';
import { assertRendererBuilt, builtRendererDir } from '../web/renderer-dir.ts';
import { startWebHost } from '../web/server.ts';
import type { CliCommand } from './command.ts';
import { parseFlags, parsePort } from './parse-flags.ts';
import { waitForStopSignal } from './wait-for-stop.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the console to a browser on 127.0.0.1 (the web host)',
  usage: 'opsdeck serve [--port N] [--open] [--data-dir DIR] [--no-demo]',
  async run(argv) {
    const { values } = parseFlags('serve', argv, {
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    });
    const port = parsePort('serve', values.port, 0);
    const rendererDir = builtRendererDir();
    assertRendererBuilt(rendererDir);
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const services = createConsoleServices({ dataDir, host: 'web', version: packageVersion(), demo: values['no-demo'] ? null : undefined });
    const host = await startWebHost({ services, rendererDir, port });

    console.log(`Opsdeck is running at ${host.url}`);
    console.log(`Data directory: ${dataDir}. Press Ctrl+C to stop.`);
    if (values.open && !(await openInBrowser(host.url))) {
      console.log('No browser could be opened here; open the URL above yourself.');
    }
    return waitForStopSignal(async () => {
      await host.close();
      await services.close();
    });
  },
};
