import type { z } from 'zod';

/** "field 'theme': Invalid option: expected one of ..." for the first few issues. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length ? `field '${issue.path.join('.')}'` : 'value';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}
