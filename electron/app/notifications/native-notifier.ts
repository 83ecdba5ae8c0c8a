import { Notification } from 'electron';
import type { Notify } from './queue-alert-notifications.ts';

/** Notifications kept referenced until clicked or closed: one the GC collects loses its click. */
const keptAtMost = 50;

/** Shows notices as the OS's notifications; a click opens the notice's route (its queue) in the window. */
export function nativeNotifier(open: (route: string) => void): Notify {
  const kept = new Set<Notification>();
  return ({ title, body, route }) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    kept.add(notification);
    if (kept.size > keptAtMost) kept.delete(kept.values().next().value!);
    notification.on('click', () => {
      kept.delete(notification);
      open(route);
    });
    notification.on('close', () => kept.delete(notification));
    notification.show();
  };
}
