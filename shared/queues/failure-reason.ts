/**
 * A failure reason with what differs from one job to the next masked, so jobs that failed the
 * same way group together: "connect ETIMEDOUT 203.0.113.14:443" and "… 198.51.100.7:443" are
 * both "connect ETIMEDOUT <ip>". Short numbers stay: they are codes (SMTP 421, HTTP 502).
 */
export function failureGroupOf(reason: string | null): string {
  if (reason === null || reason.trim() === '') return '(no reason given)';
  return masks.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), reason.trim()).slice(0, 500);
}

const masks: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  // Prefixed ids (in_1QxT4r2e…, req_9f2c…) and long hex or base62 tokens.
  [/\b[A-Za-z]{1,12}_[A-Za-z0-9]{6,}\b/g, '<id>'],
  [/\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{16,}\b/g, '<id>'],
  // Digits inside a name (mx-7.example.com, worker3): the host or instance, not the failure.
  [/(?<=[A-Za-z][-.]?)\d+/g, '#'],
  [/\b\d{4,}\b/g, '#'],
];
