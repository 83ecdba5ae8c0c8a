import type { QueueAlert, QueueAlertKind, QueueAlertNotice, QueueSummary } from '../../../shared/console-api/index.ts';
import { thresholdsOf } from '../../../shared/console-api/index.ts';
import type { QueueAlertSettings } from '../../../shared/console-api/index.ts';

const alertKinds: readonly QueueAlertKind[] = ['backing-up', 'old-waiting', 'failing'];

/**
 * The open incidents of a profile's queues. Each sample is compared with them: a threshold
 * newly crossed opens an incident (one notice, however many samples stay past it), one no
 * longer crossed closes it with a recovery notice.
 */
export class AlertIncidents {
  private readonly open = new Map<string, QueueAlert>();
  private counter = 0;

  constructor(readonly profileId: string) {}

  current(): QueueAlert[] {
    return [...this.open.values()];
  }

  /** The notices this sample gives, in order. */
  update(summaries: readonly QueueSummary[], settings: QueueAlertSettings, at: string): QueueAlertNotice[] {
    const notices: QueueAlertNotice[] = [];
    const crossed = new Set<string>();
    for (const summary of summaries) {
      for (const kind of alertKinds.filter((candidate) => summary.flags.includes(candidate))) {
        const key = `${summary.name}\u0000${kind}`;
        crossed.add(key);
        if (this.open.has(key)) continue;
        const message = describeCrossing(summary, kind, settings);
        this.open.set(key, { queue: summary.name, kind, message, since: at });
        notices.push(this.notice(summary.name, kind, 'raised', message, at));
      }
    }
    for (const [key, alert] of this.open) {
      if (crossed.has(key)) continue;
      this.open.delete(key);
      notices.push(this.notice(alert.queue, alert.kind, 'recovered', `${alert.queue} recovered: ${recoveryOf(alert.kind)}.`, at));
    }
    return notices;
  }

  private notice(queue: string, kind: QueueAlertKind, state: QueueAlertNotice['state'], message: string, at: string): QueueAlertNotice {
    return { id: `${this.profileId}:${++this.counter}:${at}`, queue, kind, state, message, at };
  }
}

function describeCrossing(summary: QueueSummary, kind: QueueAlertKind, settings: QueueAlertSettings): string {
  const limits = thresholdsOf(settings, summary.name);
  switch (kind) {
    case 'backing-up':
      return `${summary.name} is backing up: ${summary.counts.waiting.toLocaleString('en-US')} jobs waiting, above ${limits.depth.toLocaleString('en-US')}.`;
    case 'old-waiting':
      return `${summary.name}: the oldest waiting job is ${Math.round((summary.oldestWaitingAgeMs ?? 0) / 60_000)} min old, above ${limits.oldestWaitingMinutes} min.`;
    case 'failing':
      return `${summary.name} is failing: ${Math.round(summary.failureRate * 100)}% of finished jobs failed, above ${limits.failureRatePercent}%.`;
  }
}

function recoveryOf(kind: QueueAlertKind): string {
  return { 'backing-up': 'jobs waiting back under the threshold', 'old-waiting': 'the oldest waiting job is young enough again', failing: 'failures back under the threshold' }[kind];
}
