import { dataViews } from '../../../shared/data-views.ts';

/** What the connectors view reads: the connectors and connections, and their runs. */
export const connectorResources = dataViews.find((view) => view.id === 'connectors')!.syncResources;
