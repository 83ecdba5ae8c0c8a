// Imported offline sources use the cache schema too; these tables say where their events came
// from. verifications keeps each hash-chain check of a database (a profile's cached range or an
// imported source), so the UI can show its last result without recomputing it.
export const sql = `
-- One row per imported database: the name the user gave it.
CREATE TABLE source_info (
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- One row per file imported into this database.
CREATE TABLE source_files (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  events INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  imported_at INTEGER NOT NULL
) STRICT;

-- report is the VerifyReport of ops-api.md as JSON; from_seq/to_seq the range checked.
CREATE TABLE verifications (
  id INTEGER PRIMARY KEY,
  checked_at INTEGER NOT NULL,
  from_seq INTEGER,
  to_seq INTEGER,
  intact INTEGER NOT NULL,
  report TEXT NOT NULL
) STRICT;
`;
