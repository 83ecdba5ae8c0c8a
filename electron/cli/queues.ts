import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { systemClock } from '../../shared/clock.ts';
import { defaultBullmqPrefix } from '../../shared/console-api/index.ts';
import type { QueueAction } from '../../shared/console-api/index.ts';
import { failureGroupOf } from '../../shared/queues/failure-reason.ts';
import { describeQueueAction } from '../../shared/queues/describe-action.ts';
import type { QueueSnapshot } from '../../shared/queues/queue-snapshot.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { groupFailedJobs } from '../services/queues/group-failed-jobs.ts';
import { openQueueSource } from '../services/queues/open-queue-source.ts';
import type { QueueSource } from '../services/queues/queue-source.ts';
import type { CliCommand } from './command.ts';
import { parseFlags } from './parse-flags.ts';
import { connectionFlagOptions, resolveConnection } from './source-flags.ts';
import type { ConnectionFlags } from './source-flags.ts';
import { UsageError } from './usage-error.ts';

const sourceUsage = '(--profile NAME | --base-url URL --token-env VAR | --redis URL [--prefix P] [--password-env VAR])';
/** Failed jobs read for grouping and group retries: the newest this many per queue. */
const failedJobsRead = 10_000;

export const queuesCommand: CliCommand = {
  name: 'queues',
  summary: 'Queue health from a terminal: counts, failure groups, retries',
  usage: [
    `opsdeck queues ${sourceUsage} [--json]`,
    `  opsdeck queues failed QUEUE ${sourceUsage} [--json]`,
    `  opsdeck queues retry QUEUE (--job ID | --group REASON | --all-failed) ${sourceUsage} [--yes]`,
  ].join('\n'),
  async run(argv) {
    const { values, positionals } = parseFlags(
      'queues',
      argv,
      { ...connectionFlagOptions, redis: { type: 'string' }, prefix: { type: 'string' }, 'password-env': { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, job: { type: 'string' }, group: { type: 'string' }, 'all-failed': { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } },
      true,
    );
    const [verb, queue, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`queues: unexpected '${extra[0]}'.`);
    if ((verb === 'failed' || verb === 'retry') && queue === undefined) throw new UsageError(`queues ${verb}: name the queue.`);
    if (verb !== undefined && verb !== 'failed' && verb !== 'retry') throw new UsageError(`queues: unknown subcommand '${verb}'; use 'failed' or 'retry'.`);
    const { source, label, readOnly } = await openSource(values);
    try {
      if (verb === 'retry' && readOnly) throw new UsageError(`queues retry: ${label} is marked read-only; it offers no actions.`);
      if (verb === undefined) return await listQueues(source, values.json);
      if (verb === 'failed') return await listFailures(source, queue!, values.json);
      return await retry(source, queue!, values, label);
    } finally {
      await source.close();
    }
  },
};

/** The queues the flags name: BullMQ on a Redis (its password from an environment variable), or an Ops API platform. */
async function openSource(values: ConnectionFlags & { redis?: string | undefined; prefix?: string | undefined; 'password-env'?: string | undefined; 'data-dir'?: string | undefined }): Promise<{ source: QueueSource; label: string; readOnly: boolean }> {
  if (values.redis === undefined) {
    if (values.prefix !== undefined || values['password-env'] !== undefined) throw new UsageError('queues: --prefix and --password-env go with --redis.');
    const { connection, label } = await resolveConnection('queues', values, values['data-dir'] ?? defaultDataDir());
    return { source: openQueueSource(connection, systemClock), label, readOnly: connection.kind === 'bullmq' && connection.readOnly };
  }
  if (values.profile !== undefined || values['base-url'] !== undefined) throw new UsageError('queues: give either --redis or a platform (--profile, --base-url), not both.');
  const passwordEnv = values['password-env'];
  const password = passwordEnv === undefined ? null : process.env[passwordEnv];
  if (password === undefined || password === '') throw new UsageError(`queues: the environment variable ${passwordEnv} is empty or not set.`);
  const url = new URL(values.redis);
  const connection = { kind: 'bullmq' as const, url: values.redis, prefix: values.prefix ?? defaultBullmqPrefix, tls: url.protocol === 'rediss:', password, readOnly: false };
  return { source: openQueueSource(connection, systemClock), label: `Redis ${url.host}`, readOnly: false };
}

async function listQueues(source: QueueSource, json: boolean): Promise<number> {
  const queues = await source.listQueues();
  if (json) {
    console.log(JSON.stringify(queues.map(queueJson), null, 2));
    return 0;
  }
  const rows = queues.map((queue) => ({
    queue: queue.name,
    waiting: queue.counts.waiting,
    active: queue.counts.active,
    delayed: queue.counts.delayed,
    failed: queue.counts.failed,
    completed: queue.counts.completed,
    paused: queue.paused ? 'yes' : '',
    workers: queue.workers ?? 'unknown',
    'oldest waiting': queue.oldest_waiting_age_ms === null ? '' : `${Math.round(queue.oldest_waiting_age_ms / 1000)} s`,
  }));
  printTable(rows);
  return 0;
}

/** The JSON contract of `opsdeck queues --json`; `paused` counts the waiting jobs a pause holds. */
function queueJson(queue: QueueSnapshot) {
  const { waiting, active, delayed, failed, completed, prioritized } = queue.counts;
  return {
    name: queue.name,
    paused: queue.paused,
    workers: queue.workers,
    oldest_waiting_age_ms: queue.oldest_waiting_age_ms,
    counts: { waiting, active, delayed, failed, completed, paused: queue.paused ? waiting : 0, prioritized },
  };
}

async function listFailures(source: QueueSource, queue: string, json: boolean): Promise<number> {
  const { groups, total } = groupFailedJobs(queue, await source.failedJobs(queue, failedJobsRead));
  if (json) {
    console.log(JSON.stringify(groups.map((group) => ({ reason: group.reason, count: group.count, first_seen: group.firstSeen, last_seen: group.lastSeen, example_ids: group.exampleIds })), null, 2));
    return 0;
  }
  console.log(`${total.toLocaleString('en-US')} failed jobs in ${queue}, in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}:`);
  printTable(groups.map((group) => ({ count: group.count, reason: group.reason, 'last seen': group.lastSeen ?? '', examples: group.exampleIds.join(' ') })));
  return 0;
}

async function retry(source: QueueSource, queue: string, values: { job?: string | undefined; group?: string | undefined; 'all-failed': boolean; yes: boolean }, where: string): Promise<number> {
  const chosen = [values.job !== undefined, values.group !== undefined, values['all-failed']].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('queues retry: give exactly one of --job ID, --group REASON, --all-failed.');
  const action = await retryAction(source, queue, values);
  if (action === null) {
    console.error(`opsdeck queues retry: no failed job in ${queue} has the reason group '${values.group}'; 'opsdeck queues failed ${queue}' lists the groups.`);
    return 1;
  }
  const question = `${describeQueueAction(action)} on ${where}?`;
  if (!values.yes && !(await confirmed(question))) {
    console.error('Nothing was retried.');
    return 1;
  }
  const outcome = await source.act(action, randomUUID());
  console.log(outcome.message);
  return outcome.failed === 0 ? 0 : 1;
}

async function retryAction(source: QueueSource, queue: string, values: { job?: string | undefined; group?: string | undefined }): Promise<QueueAction | null> {
  if (values.job !== undefined) return { kind: 'retry-job', queue, id: values.job };
  if (values.group === undefined) {
    const shown = (await source.listQueues()).find((candidate) => candidate.name === queue)?.counts.failed;
    if (shown === undefined) throw new Error(`no queue named '${queue}'.`);
    return { kind: 'retry-all-failed', queue, shown };
  }
  // The group as `queues failed` prints it; its jobs as they are now, listed before asking.
  const ids = (await source.failedJobs(queue, failedJobsRead)).filter((job) => failureGroupOf(job.failed_reason) === values.group).map((job) => job.id);
  return ids.length === 0 ? null : { kind: 'retry-jobs', queue, group: values.group, ids };
}

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UsageError(`queues retry: cannot ask "${question}" without a terminal; add --yes to confirm.`);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

function printTable(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return console.log('(none)');
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}
