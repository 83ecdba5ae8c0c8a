import { describe, expect, it } from 'vitest';
import { describeIssues, profile, supportReason, supportReasonSummary, supportReasonWire } from '../../shared/console-api/index.ts';

const reason = (category: string, text: string) => supportReason.parse({ category, text });

describe('support access reasons', () => {
  it('read as the platform records them and as the banner shows them', () => {
    expect(supportReasonWire(reason('customer_ticket', ' 4411 '))).toBe('Customer ticket: 4411');
    expect(supportReasonSummary(reason('customer_ticket', '4411'))).toBe('ticket 4411');
    expect(supportReasonSummary(reason('customer_ticket', ''))).toBe('customer ticket');
    expect(supportReasonWire(reason('incident', ''))).toBe('Incident');
    expect(supportReasonSummary(reason('incident', 'INC-7'))).toBe('incident INC-7');
    expect(supportReasonSummary(reason('billing_question', ''))).toBe('billing question');
    expect(supportReasonSummary(reason('other', 'Owner asked for an export'))).toBe('Owner asked for an export');
  });

  it('need words for "other" and stay short', () => {
    const missing = supportReason.safeParse({ category: 'other', text: '  ' });
    expect(!missing.success && describeIssues(missing.error)).toBe(`field 'text': required for "Other": say why in at least 3 characters`);
    const long = supportReason.safeParse({ category: 'incident', text: 'x'.repeat(201) });
    expect(!long.success && describeIssues(long.error)).toBe("field 'text': at most 200 characters");
    expect(supportReason.safeParse({ category: 'curiosity', text: 'just looking' }).success).toBe(false);
  });
});

describe('a profile’s support-access settings', () => {
  const saved = { id: 'acme', kind: 'ops-api', name: 'Acme', baseUrl: 'https://ops.acme.example', color: null, options: { proxyUrl: null, caFile: null, timeoutMs: 15_000 } };

  it('default to a prompt and 30 minutes, as profiles saved before them load', () => {
    expect(profile.parse({ ...saved, environment: 'prod' })).toMatchObject({ supportAccess: { prompt: true, durationMinutes: 30 } });
  });

  it('turn the prompt off outside prod only, naming the field', () => {
    const off = { prompt: false, durationMinutes: 30 };
    expect(profile.parse({ ...saved, environment: 'staging', supportAccess: off })).toMatchObject({ supportAccess: off });
    const prod = profile.safeParse({ ...saved, environment: 'prod', supportAccess: off });
    expect(!prod.success && describeIssues(prod.error)).toBe("field 'supportAccess.prompt': cannot be off for a prod profile: support access to a prod tenant is always asked for and logged");
  });
});
