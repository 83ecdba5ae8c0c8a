import { useConsole } from '../api/ConsoleContext.tsx';
import type { Section } from '../app/sections.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { useCachedQuery } from '../api/useCachedQuery.ts';
import { QueueActionsProvider } from './QueueActionsContext.tsx';
import { QueueDetail } from './QueueDetail.tsx';
import { QueuesOverview } from './QueuesOverview.tsx';
import { useOpenQueue } from './queue-route.ts';

const queueResources = ['queues'] as const;

/** Queue health for on-call engineers, from the active profile's cache: the overview or one queue. */
export function QueuesView({ section }: { section: Section }) {
  const { api } = useConsole();
  const open = useOpenQueue();
  const overview = useCachedQuery(() => api['queues/overview']({}), queueResources, 'overview');
  if (overview.status === 'ready' && overview.value.queues.length === 0 && open === null) return <SectionEmptyState section={section} />;
  const summary = open !== null && overview.status === 'ready' ? (overview.value.queues.find((queue) => queue.name === open) ?? null) : null;
  // Around the overview too, so going back and forth between queues asks what the profile may do once.
  return <QueueActionsProvider>{open === null ? <QueuesOverview overview={overview} /> : <QueueDetail name={open} summary={summary} />}</QueueActionsProvider>;
}
