// Indexes dropped for a bulk load and not yet rebuilt. A load that is killed leaves its rows
// here, so the next start rebuilds exactly what was dropped.
export const sql = `
CREATE TABLE deferred_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
) STRICT;
`;
