// Each tenant's MRR by month, one row per month, for the billing view's movements: read by month
// and joined to the tenant's currency, not parsed out of tenant_billing.raw on every read. The
// rows go with their billing row (ON DELETE CASCADE), and are filled from what is cached already.
export const sql = `
CREATE TABLE mrr_history (
  tenant_id TEXT NOT NULL REFERENCES tenant_billing (tenant_id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  mrr_cents INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX mrr_history_month ON mrr_history (month);

INSERT INTO mrr_history (tenant_id, month, mrr_cents)
SELECT tenant_id, json_extract(point.value, '$.month'), json_extract(point.value, '$.mrr_cents')
FROM tenant_billing, json_each(tenant_billing.raw, '$.mrr_history') AS point;
`;
