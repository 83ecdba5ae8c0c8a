import type { App } from 'electron';
import electronUpdater from 'electron-updater';
import { systemClock } from '../../../shared/clock.ts';
import type { ConsoleServices } from '../../services/console-services.ts';
import { createUpdateController } from './update-controller.ts';

/**
 * Updates through electron-updater's autoUpdater. Its server is the generic URL electron-builder.yml
 * publishes to, which the packaged app reads from its app-update.yml; an unpackaged (development)
 * run does not update.
 */
export function startUpdates(app: Pick<App, 'isPackaged' | 'getVersion'>, services: Pick<ConsoleServices, 'events' | 'busy' | 'handlers' | 'log'>) {
  const updates = createUpdateController({
    updater: electronUpdater.autoUpdater,
    currentVersion: app.getVersion(),
    offReason: app.isPackaged ? null : 'Updates are off in development builds.',
    events: services.events,
    busy: services.busy,
    clock: systemClock,
    log: services.log.warn,
  });
  void services.handlers['settings/get']({}).then((settings) => updates.start(settings.updateChannel));
  return updates;
}
