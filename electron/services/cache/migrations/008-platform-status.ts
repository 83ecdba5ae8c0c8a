// The platform's own status (GET /v1/status), one row per component, for the Home screen. The
// overall status is the row with component = '' so the latest snapshot is one table.
export const sql = `
CREATE TABLE platform_status (
  component TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  latency_ms INTEGER,
  checked_at INTEGER,
  synced_at INTEGER NOT NULL
) STRICT;
`;
