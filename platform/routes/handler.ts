import type { z } from 'zod';
import type { OperationId, operations } from '../../shared/ops-api/index.ts';
import type { AuditLedger } from '../audit-ledger.ts';
import type { Principal } from '../auth.ts';
import type { PlatformDb } from '../db/schema.ts';

/** What every handler may use: the database, the ledger and the clock. */
export interface PlatformContext {
  db: PlatformDb;
  ledger: AuditLedger;
  now(): number;
  platform: { name: string; environment: string };
}

type OperationOf<K extends OperationId> = (typeof operations)[K];

export interface HandlerInput<K extends OperationId> {
  query: z.output<OperationOf<K>['query']>;
  body: OperationOf<K> extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
  params: Record<string, string>;
  principal: OperationOf<K>['scope'] extends null ? null : Principal;
  request: { ip: string | null; userAgent: string | null; requestId: string };
}

/** A response body already serialized (audit events are served byte for byte as stored). */
export class RawJson {
  constructor(readonly text: string | Buffer) {}
}

/** Returns the response body (or a RawJson); synchronous, like better-sqlite3, so requests never interleave mid-mutation. */
export type Handler<K extends OperationId> = (input: HandlerInput<K>) => unknown;
export type Handlers = { [K in OperationId]: Handler<K> };
