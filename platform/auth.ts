import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { allScopes } from '../shared/ops-api/index.ts';
import type { Scope } from '../shared/ops-api/index.ts';
import type { PlatformDb } from './db/schema.ts';

export interface Principal {
  subject: { id: string; email: string; name: string };
  scopes: Scope[];
}

export interface DemoTokens {
  /** Every scope. */
  full: string;
  /** Every :read scope, no writes. */
  readOnly: string;
  /** audit:read only. */
  auditOnly: string;
}

const readScopes = allScopes.filter((scope) => scope.endsWith(':read'));

/** Creates and stores the demo tokens: random, unlike the data, so nobody can derive them from a seed. */
export function createDemoTokens(db: PlatformDb): DemoTokens {
  const secret = () => randomBytes(16).toString('hex');
  const tokens: DemoTokens = {
    full: `opsdeck_demo_full_${secret()}`,
    readOnly: `opsdeck_demo_read_${secret()}`,
    auditOnly: `opsdeck_demo_audit_${secret()}`,
  };
  const insert = db.prepare('INSERT INTO tokens (token, subject_id, email, name, scopes) VALUES (?, ?, ?, ?, ?)');
  insert.run(tokens.full, 'stf_7Qm2Lk9Xw1Ab', 'maria.lund@opsdeck-demo.example', 'Maria Lund (super admin)', JSON.stringify(allScopes));
  insert.run(tokens.readOnly, 'stf_3Hc8Pn4Ty6Zr', 'samir.haddad@opsdeck-demo.example', 'Samir Haddad (support, read-only)', JSON.stringify(readScopes));
  insert.run(tokens.auditOnly, 'stf_4Aud1tR3v13w', 'external.auditor@opsdeck-demo.example', 'External auditor', JSON.stringify(['audit:read']));
  return tokens;
}

export function readDemoTokens(db: PlatformDb): DemoTokens {
  const rows = db.prepare('SELECT token FROM tokens ORDER BY rowid').all() as Array<{ token: string }>;
  const [full, readOnly, auditOnly] = rows.map((row) => row.token);
  if (full === undefined || readOnly === undefined || auditOnly === undefined) throw new Error('the platform database has no demo tokens');
  return { full, readOnly, auditOnly };
}

/** The principal behind the request's bearer token, or null when it has none or an unknown one. */
export function authenticate(db: PlatformDb, req: IncomingMessage): Principal | null {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(req.headers.authorization ?? '');
  if (match === null) return null;
  const row = db.prepare('SELECT subject_id, email, name, scopes FROM tokens WHERE token = ?').get(match[1]) as
    | { subject_id: string; email: string; name: string; scopes: string }
    | undefined;
  if (row === undefined) return null;
  return { subject: { id: row.subject_id, email: row.email, name: row.name }, scopes: JSON.parse(row.scopes) as Scope[] };
}
