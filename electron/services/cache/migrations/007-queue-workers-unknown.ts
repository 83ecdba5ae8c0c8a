// A BullMQ source cannot always count workers (a Redis that refuses CLIENT LIST): the queues
// snapshot keeps that as NULL, "workers unknown", never as 0.
export const sql = `
CREATE TABLE queues_rebuilt (
  name TEXT PRIMARY KEY,
  paused INTEGER NOT NULL,
  workers INTEGER,
  waiting INTEGER NOT NULL,
  active INTEGER NOT NULL,
  delayed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  throughput_per_min REAL NOT NULL,
  failed_per_min REAL NOT NULL,
  oldest_waiting_age_ms INTEGER,
  sampled_at INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;
INSERT INTO queues_rebuilt SELECT name, paused, workers, waiting, active, delayed, failed, throughput_per_min, failed_per_min, oldest_waiting_age_ms, sampled_at, synced_at, raw FROM queues;
DROP TABLE queues;
ALTER TABLE queues_rebuilt RENAME TO queues;
`;
