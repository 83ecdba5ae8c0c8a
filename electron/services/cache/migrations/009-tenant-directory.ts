// The tenants directory filters by region and searches owner e-mails, sorts by seats, and the
// tenant page shows usage against quota, which only GET /v1/tenants/{id} returns: columns for
// them, filled from the raw JSON already cached (usage stays NULL until the next sync fetches it).
export const sql = `
ALTER TABLE tenants ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN owner_email TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN seats_used INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN seats_limit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tenants ADD COLUMN usage TEXT;
UPDATE tenants SET
  region = json_extract(raw, '$.region'),
  owner_email = json_extract(raw, '$.owner_email'),
  seats_used = json_extract(raw, '$.seats.used'),
  seats_limit = json_extract(raw, '$.seats.limit'),
  usage = json_extract(raw, '$.usage');
`;
