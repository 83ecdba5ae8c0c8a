import type { ServerResponse } from 'node:http';
import type { EventBus } from '../services/event-bus.ts';

const heartbeatMs = 15_000;

/** Streams console events to one browser tab as server-sent events until it disconnects. */
export function streamEvents(res: ServerResponse, events: EventBus): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((event, payload) => {
    res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
