import type { WebContents } from 'electron';
import type { ConsoleEvent, EventPayload } from '../../../shared/console-api/index.ts';
import { bridgeChannels } from '../../../shared/preload-bridge.ts';

/** Pushes one console event to the window (the preload hands it to the page's listeners). */
export function sendConsoleEvent<E extends ConsoleEvent>(contents: Pick<WebContents, 'send'>, event: E, payload: EventPayload<E>): void {
  contents.send(bridgeChannels.event, { event, payload });
}

/** What of a window's WebContents the held send uses. */
interface LoadingContents extends Pick<WebContents, 'send' | 'isLoading'> {
  once(event: 'did-finish-load', listener: () => void): unknown;
}

/** The same, but held until the page has loaded, when it is asked of a page still loading: a request the page must not miss. */
export function sendConsoleEventOnceLoaded<E extends ConsoleEvent>(contents: LoadingContents, event: E, payload: EventPayload<E>): void {
  if (contents.isLoading()) contents.once('did-finish-load', () => sendConsoleEvent(contents, event, payload));
  else sendConsoleEvent(contents, event, payload);
}
