import type { QueueAction } from '../console-api/queues.ts';

const number = (value: number) => value.toLocaleString('en-US');
const shortened = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** What an action will do, exactly, in words: the confirmation asks it and the action log keeps it. */
export function describeQueueAction(action: QueueAction): string {
  switch (action.kind) {
    case 'retry-job':
      return `Retry job ${action.id} in ${action.queue}`;
    case 'remove-job':
      return `Remove job ${action.id} from ${action.queue}`;
    case 'retry-jobs':
      return `Retry ${number(action.ids.length)} failed ${action.ids.length === 1 ? 'job' : 'jobs'} in ${action.queue} (group '${shortened(action.group)}')`;
    case 'retry-all-failed':
      return `Retry every failed job in ${action.queue} (${number(action.shown)} when shown)`;
    case 'pause':
      return `Pause ${action.queue}`;
    case 'resume':
      return `Resume ${action.queue}`;
  }
}
