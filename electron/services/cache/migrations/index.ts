import type { Migration } from '../migrate.ts';
import { sql as initial } from './001-initial.ts';
import { sql as deferredIndexes } from './002-deferred-indexes.ts';
import { sql as sourcesAndVerifications } from './003-sources-and-verifications.ts';
import { sql as sourceFilter } from './004-source-filter.ts';
import { sql as auditIdIndex } from './005-audit-id-index.ts';
import { sql as failedJobGroups } from './006-failed-job-groups.ts';
import { sql as queueWorkersUnknown } from './007-queue-workers-unknown.ts';
import { sql as platformStatus } from './008-platform-status.ts';
import { sql as tenantDirectory } from './009-tenant-directory.ts';
import { sql as connectionRunDetails } from './010-connection-run-details.ts';
import { sql as mrrHistory } from './011-mrr-history.ts';

/** Every cache migration, in order. Append only. */
export const cacheMigrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'deferred-indexes', sql: deferredIndexes },
  { version: 3, name: 'sources-and-verifications', sql: sourcesAndVerifications },
  { version: 4, name: 'source-filter', sql: sourceFilter },
  { version: 5, name: 'audit-id-index', sql: auditIdIndex, copies: { table: 'audit_events', into: 'audit_events_rebuilt' } },
  { version: 6, name: 'failed-job-groups', sql: failedJobGroups },
  { version: 7, name: 'queue-workers-unknown', sql: queueWorkersUnknown },
  { version: 8, name: 'platform-status', sql: platformStatus },
  { version: 9, name: 'tenant-directory', sql: tenantDirectory },
  { version: 10, name: 'connection-run-details', sql: connectionRunDetails },
  { version: 11, name: 'mrr-history', sql: mrrHistory },
];
