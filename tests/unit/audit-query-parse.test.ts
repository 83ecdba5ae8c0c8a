import { describe, expect, it } from 'vitest';
import { addFilter, parseAuditQuery, parseIpValue, resolveTimeValue, withTimeRange } from '../../shared/audit-query/index.ts';

function parsed(input: string) {
  const result = parseAuditQuery(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error.message}`);
  return result.query;
}

function error(input: string) {
  const result = parseAuditQuery(input);
  if (result.ok) throw new Error(`expected ${input} to fail`);
  return result.error;
}

describe('audit query language: what parses', () => {
  it('an empty query has no terms and no filters', () => {
    expect(parsed('   ')).toEqual({ terms: [], filters: [] });
  });

  it('free words and quoted phrases, negated or not', () => {
    expect(parsed('rotated "api key" -sandbox -"dry run"').terms).toEqual([
      { text: 'rotated', phrase: false, negated: false },
      { text: 'api key', phrase: true, negated: false },
      { text: 'sandbox', phrase: false, negated: true },
      { text: 'dry run', phrase: true, negated: true },
    ]);
  });

  it('every field, with positions, alternatives and negation', () => {
    const query = parsed(
      'actor:jane@acme.com tenant:acme action:invoice.* target:invoice:in_1 outcome:failure,denied ip:10.0.0.0/8 request:req_1 after:24h before:2026-11-01 -actor:"ci bot"',
    );
    expect(query.filters.map(({ field, values, negated, position }) => [field, values, negated, position])).toEqual([
      ['actor', ['jane@acme.com'], false, 1],
      ['tenant', ['acme'], false, 21],
      ['action', ['invoice.*'], false, 33],
      ['target', ['invoice:in_1'], false, 50],
      ['outcome', ['failure', 'denied'], false, 70],
      ['ip', ['10.0.0.0/8'], false, 93],
      ['request', ['req_1'], false, 107],
      ['after', ['24h'], false, 121],
      ['before', ['2026-11-01'], false, 131],
      ['actor', ['ci bot'], true, 149],
    ]);
  });

  it('field names are case-insensitive; text with a colon that is not a field name stays text', () => {
    expect(parsed('Actor:jane').filters[0]!.field).toBe('actor');
    expect(parsed('10:30 "error:timeout"').terms.map((term) => term.text)).toEqual(['10:30', 'error:timeout']);
  });
});

describe('audit query language: every error says what and where', () => {
  it.each([
    ['actr:jane', "unknown field 'actr' at 1 — did you mean actor?", 1, 5],
    ['login tenat:acme', "unknown field 'tenat' at 7 — did you mean tenant?", 7, 6],
    ['color:red', "unknown field 'color' at 1 — fields are actor, tenant, action, target, outcome, ip, request, id, after, before; quote text that contains a colon", 1, 6],
    ['actor:', "'actor:' at 1 needs a value", 1, 6],
    ['x -', "'-' at 3 must be followed by a field or a word", 3, 1],
    ['"api key', 'unterminated quote at 1', 1, 8],
    ['actor:"jane', 'unterminated quote at 7', 7, 5],
    ['a ""', 'empty quotes at 3', 3, 2],
    ['outcome:fail', "unknown outcome 'fail' at 1 — use success, failure or denied", 1, 12],
    ['outcome:failure,', "empty alternative in 'outcome:failure,' at 1", 1, 16],
    ['after:yesterday', "invalid time 'yesterday' for after: at 1 — use a date (2026-11-23), a date-time (2026-11-23T14:00Z) or a relative time (30m, 24h, 7d, 2w)", 1, 15],
    ['before:2026-02-30', "invalid time '2026-02-30' for before: at 1 — use a date (2026-11-23), a date-time (2026-11-23T14:00Z) or a relative time (30m, 24h, 7d, 2w)", 1, 17],
    ['after:1d,2d', "'after:' at 1 takes one time, not a list", 1, 11],
    ['ip:10.0.0.0/33', "invalid IP address or CIDR range '10.0.0.0/33' at 1", 1, 14],
    ['ip:300.1.1.1', "invalid IP address or CIDR range '300.1.1.1' at 1", 1, 12],
    ['action:in*voice', "misplaced '*' in action 'in*voice' at 1 — a '*' may only end it, as in action:invoice.*", 1, 15],
  ])('%s', (input, message, position, length) => {
    expect(error(input)).toEqual({ message, position, length });
  });
});

describe('query values', () => {
  it('resolves dates, date-times and relative times as UTC epoch ms', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(resolveTimeValue('2026-11-01', now)).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(resolveTimeValue('2026-11-01T14:30', now)).toBe(Date.parse('2026-11-01T14:30:00Z'));
    expect(resolveTimeValue('2026-11-01T14:30:05.250+02:00', now)).toBe(Date.parse('2026-11-01T12:30:05.250Z'));
    expect(resolveTimeValue('24h', now)).toBe(Date.parse('2026-11-22T12:00:00Z'));
    expect(resolveTimeValue('2w', now)).toBe(Date.parse('2026-11-09T12:00:00Z'));
    expect(resolveTimeValue('2026-13-01', now)).toBeNull();
  });

  it('parses IPv4 CIDR ranges and exact IPv4/IPv6 addresses', () => {
    expect(parseIpValue('10.1.2.3/8')).toEqual({ kind: 'ipv4-cidr', value: '10.1.2.3/8', first: 167772160, last: 184549375 });
    expect(parseIpValue('192.168.1.7')).toEqual({ kind: 'exact', value: '192.168.1.7' });
    expect(parseIpValue('2001:db8::1')).toEqual({ kind: 'exact', value: '2001:db8::1' });
    expect(parseIpValue('2001:db8::1::2')).toBeNull();
    expect(parseIpValue('not-an-ip')).toBeNull();
  });
});

describe('editing queries', () => {
  it('adds filters, quoting values with spaces, negated with alt-click', () => {
    expect(addFilter('', 'action', 'invoice.paid')).toBe('action:invoice.paid');
    expect(addFilter('login ', 'actor', 'ci bot', true)).toBe('login -actor:"ci bot"');
    expect(parseAuditQuery(addFilter('x', 'actor', 'a b')).ok).toBe(true);
  });

  it('replaces the time range and keeps everything else', () => {
    expect(withTimeRange('tenant:acme after:24h "api key" before:1h', '2026-11-01T00:00:00.000Z', null)).toBe('tenant:acme "api key" after:2026-11-01T00:00:00.000Z');
    expect(withTimeRange('after:7d', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBe('after:2026-11-01T00:00:00.000Z before:2026-11-02T00:00:00.000Z');
    expect(withTimeRange('"api   key" before:1h x', null, null)).toBe('"api   key" x');
  });
});
