// Failed jobs grouped by their normalised reason (shared/queues/failure-reason.ts), computed
// when a job is written so grouping 100,000 of them is one indexed GROUP BY; and searchable by
// name, reason and data, offline (BullMQ itself cannot search job data). Rows cached before
// this migration get their group at the next failed-jobs refresh, which rewrites every row.
export const sql = `
ALTER TABLE failed_jobs ADD COLUMN reason_group TEXT NOT NULL DEFAULT '';
ALTER TABLE failed_jobs ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX failed_jobs_group ON failed_jobs (queue, reason_group, finished_at);
CREATE VIRTUAL TABLE failed_jobs_text USING fts5(search_text, content = 'failed_jobs', tokenize = 'unicode61');
`;
