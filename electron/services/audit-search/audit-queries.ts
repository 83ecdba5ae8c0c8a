import { z } from 'zod';
import type { AuditEventDetail, AuditFacets, AuditHistogram, AuditSearchResult } from '../../../shared/console-api/index.ts';
import { auditMethods } from '../../../shared/console-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { createAuditSearch } from './audit-search.ts';

const byQuery = z.object({ q: z.string() });

/** The audit trail's reads, answered on a source's reader thread. */
export const auditQueries = queryModule(
  {
    'audit.search': method<Omit<AuditSearchResult, 'alteredSeqs'>>()(auditMethods['audit/search'].input.omit({ source: true })),
    'audit.facets': method<AuditFacets>()(byQuery),
    'audit.histogram': method<AuditHistogram>()(byQuery.extend({ buckets: z.number().int().positive() })),
    'audit.event': method<AuditEventDetail | null>()(z.object({ seq: z.number().int().positive() })),
    'audit.suggest': method<string[]>()(z.object({ field: z.string(), prefix: z.string() })),
    /** A tenant's id from its id or slug, as the platform's search wants it. */
    'audit.tenantIdOf': method<string>()(z.object({ value: z.string() })),
    'audit.oldestTs': method<number | null>()(z.object({})),
  },
  (db, clock) => {
    const search = createAuditSearch(db, clock);
    return {
      'audit.search': (input) => search.search(input),
      'audit.facets': ({ q }) => search.facets(q),
      'audit.histogram': ({ q, buckets }) => search.histogram(q, buckets),
      'audit.event': ({ seq }) => search.event(seq),
      'audit.suggest': ({ field, prefix }) => search.suggest(field, prefix),
      'audit.tenantIdOf': ({ value }) => search.tenantIdOf(value),
      'audit.oldestTs': () => search.oldestTs(),
    };
  },
);
