import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ActionLogEntry } from '../../../shared/console-api/index.ts';

/**
 * Every action Opsdeck took on a platform (who, what, where, when, result), in actions.sqlite of
 * the data dir: the one module that writes it. Tokens never reach it: `who` is the subject's name.
 */
export function openActionLog(dataDir: string) {
  const db = new Database(join(dataDir, 'actions.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE IF NOT EXISTS actions (
    at INTEGER NOT NULL, who TEXT NOT NULL, profile TEXT NOT NULL, environment TEXT NOT NULL,
    what TEXT NOT NULL, result TEXT NOT NULL, ok INTEGER NOT NULL
  ) STRICT`);
  const insert = db.prepare('INSERT INTO actions (at, who, profile, environment, what, result, ok) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const newest = db.prepare('SELECT at, who, profile, environment, what, result, ok FROM actions ORDER BY rowid DESC LIMIT ?');
  return {
    record(entry: ActionLogEntry): void {
      insert.run(Date.parse(entry.at), entry.who, entry.profile, entry.environment, entry.what, entry.result, entry.ok ? 1 : 0);
    },
    newest(limit: number): ActionLogEntry[] {
      return (newest.all(limit) as Array<Omit<ActionLogEntry, 'at' | 'ok'> & { at: number; ok: number }>).map((row) => ({ ...row, at: new Date(row.at).toISOString(), ok: row.ok === 1 }));
    },
    close: () => db.close(),
  };
}

export type ActionLog = ReturnType<typeof openActionLog>;

/**
 * Runs an action on a platform and records it with its result, or with why it failed; a failure
 * is thrown again as "<what> failed: <reason>".
 */
export async function loggedAction<T>(log: ActionLog, entry: Omit<ActionLogEntry, 'result' | 'ok'>, act: () => Promise<T>, resultOf: (outcome: T) => { result: string; ok: boolean }): Promise<T> {
  let outcome: T;
  try {
    outcome = await act();
  } catch (error) {
    const reason = (error as Error).message;
    log.record({ ...entry, result: `Failed: ${reason}`, ok: false });
    throw new Error(`${entry.what} failed: ${reason}`, { cause: error });
  }
  log.record({ ...entry, ...resultOf(outcome) });
  return outcome;
}
