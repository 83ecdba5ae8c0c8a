import { useEffect, useRef, useState } from 'react';
import type { QueueCapabilities } from '../../../shared/console-api/index.ts';
import { useConsole } from './ConsoleContext.tsx';

/**
 * What a view's live actions may do now (`load` asks the main side, e.g. queues/capabilities):
 * asked once, and again when the platform comes back or goes away or the profiles change, not on
 * every sync step. null until known, or when it cannot be asked.
 */
export function useActionCapabilities(load: () => Promise<QueueCapabilities>): QueueCapabilities | null {
  const { on } = useConsole();
  const [capabilities, setCapabilities] = useState<QueueCapabilities | null>(null);
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let live = true;
    const ask = () => void latest.current().then((answer) => live && setCapabilities(answer), () => live && setCapabilities(null));
    ask();
    let connection: string | null = null;
    const unsubscribeSync = on('sync/changed', (status) => {
      const changed = status.connection !== connection;
      connection = status.connection;
      if (changed && (status.connection === 'online' || status.connection === 'offline')) ask();
    });
    const unsubscribeProfiles = on('profiles/changed', ask);
    return () => {
      live = false;
      unsubscribeSync();
      unsubscribeProfiles();
    };
  }, [on]);

  return capabilities;
}
