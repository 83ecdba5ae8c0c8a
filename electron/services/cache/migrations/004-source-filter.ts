// An imported filtered export (its manifest names a query) has seq gaps by design: the
// source remembers the query so its verification does not report them as missing events.
export const sql = `
ALTER TABLE source_info ADD COLUMN filter_query TEXT;
`;
