import { createHash } from 'node:crypto';
import { eventHashInput, genesisPrevHash } from '../shared/audit/event-hash.ts';
import type { AuditEvent } from '../shared/ops-api/index.ts';
import type { PlatformDb } from './db/schema.ts';
import type { UnsealedEvent } from './demo-data/audit-actions.ts';

/**
 * The only writer of audit events: numbers each new event, links it to the previous one
 * and hashes it, so the chain stays valid whoever appends (generator, simulator, routes).
 */
export class AuditLedger {
  private seq: number;
  private lastHash: string;
  private readonly insert;
  private readonly insertMany;

  constructor(db: PlatformDb) {
    const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    this.seq = head?.seq ?? 0;
    this.lastHash = head?.hash ?? genesisPrevHash;
    this.insert = db.prepare(
      'INSERT INTO audit_events (seq, id, occurred_at, tenant_id, actor_id, actor_email, action, outcome, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMany = db.transaction((events: UnsealedEvent[]) => events.map((event) => this.appendOne(event)));
  }

  /** Appends events in one transaction and returns them as served. */
  append(events: UnsealedEvent[]): AuditEvent[] {
    const [seq, lastHash] = [this.seq, this.lastHash];
    try {
      return this.insertMany(events);
    } catch (error) {
      [this.seq, this.lastHash] = [seq, lastHash];
      throw error;
    }
  }

  private appendOne(unsealed: UnsealedEvent): AuditEvent {
    const { id, ...rest } = unsealed;
    const sealed: Record<string, unknown> = { id, seq: this.seq + 1, ...rest, prev_hash: this.lastHash };
    const hash = createHash('sha256').update(eventHashInput(sealed)).digest('hex');
    const event = { ...sealed, hash } as AuditEvent;
    this.insert.run(event.seq, event.id, event.occurred_at, event.tenant_id, event.actor.id, event.actor.email ?? null, event.action, event.outcome, hash, JSON.stringify(event));
    this.seq = event.seq;
    this.lastHash = hash;
    return event;
  }
}
