import { app } from 'electron';
import { deepLinkRoute, deepLinkScheme, routeFromArgs } from '../../shared/deep-link.ts';

/**
 * Registers Opsdeck for opsdeck:// links and hands each link's route to `open`: links that
 * start a second instance arrive as its argv (the single-instance lock forwards them), macOS
 * sends open-url. Unknown or malformed links are ignored.
 */
export function handleDeepLinks(open: (route: string) => void): void {
  app.setAsDefaultProtocolClient(deepLinkScheme);
  app.on('second-instance', (_event, argv) => {
    const route = routeFromArgs(argv);
    if (route !== null) open(route);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = deepLinkRoute(url);
    if (route !== null) open(route);
  });
}
