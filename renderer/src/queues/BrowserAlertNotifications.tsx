import { useEffect } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';

/**
 * In a browser (the web host), queue alerts become notifications of the browser's Notification
 * API, once per crossing or recovery pushed while the page is open. The desktop app shows them
 * from its main process instead, with or without a window.
 */
export function BrowserAlertNotifications() {
  const { api, on } = useConsole();
  useEffect(() => {
    let web = false;
    void api['app/info']({}).then((info) => (web = info.host === 'web'), () => {});
    const shown = new Set<string>();
    return on('queues/alerts', ({ latest }) => {
      if (!web || latest === null || shown.has(latest.id) || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      shown.add(latest.id);
      new Notification(latest.state === 'raised' ? `Queue alert: ${latest.queue}` : `Recovered: ${latest.queue}`, { body: latest.message, tag: latest.id });
    });
  }, [api, on]);
  return null;
}
