// What the connectors view charts of a sync run (records, duration, failures) and lists of it
// (finished, error), as columns; the per-day failure chart reads runs by start time.
export const sql = `
ALTER TABLE connection_runs ADD COLUMN finished_at INTEGER;
ALTER TABLE connection_runs ADD COLUMN records INTEGER NOT NULL DEFAULT 0;
ALTER TABLE connection_runs ADD COLUMN duration_ms INTEGER;
ALTER TABLE connection_runs ADD COLUMN error TEXT;
CREATE INDEX connection_runs_started ON connection_runs (started_at);
`;
