// The late and stale rule with hand-made cases at a fixed "now".
import { describe, expect, it } from 'vitest';
import { connectionLateness } from '../../electron/services/connectors/connection-lateness.ts';
import type { LatenessInput } from '../../electron/services/connectors/connection-lateness.ts';

const now = Date.parse('2026-06-15T12:00:00.000Z');
const minute = 60_000;
const hourly = (lastSuccessMinutesAgo: number | null, extra: Partial<LatenessInput> = {}): LatenessInput => ({
  status: 'healthy',
  lastSyncAt: now - 5 * minute,
  lastSuccessAt: lastSuccessMinutesAgo === null ? null : now - lastSuccessMinutesAgo * minute,
  syncIntervalS: 3_600,
  ...extra,
});

describe('connection lateness', () => {
  it.each([
    // Expected at last success + 60 min; late past 60 min after that, stale past 120 min.
    { ago: 0, expected: 'on-time' },
    { ago: 60, expected: 'on-time' },
    { ago: 119, expected: 'on-time' },
    { ago: 120, expected: 'on-time' },
    { ago: 121, expected: 'late' },
    { ago: 180, expected: 'late' },
    { ago: 181, expected: 'stale' },
    { ago: 60 * 24 * 10, expected: 'stale' },
  ])('an hourly connection whose last success was $ago min ago is $expected', ({ ago, expected }) => {
    expect(connectionLateness(hourly(ago), now)).toBe(expected);
  });

  it('counts in the connection’s own interval', () => {
    const daily = { syncIntervalS: 86_400 };
    expect(connectionLateness(hourly(47 * 60, daily), now)).toBe('on-time');
    expect(connectionLateness(hourly(49 * 60, daily), now)).toBe('late');
    expect(connectionLateness(hourly(73 * 60, daily), now)).toBe('stale');
    const quarterHourly = { syncIntervalS: 900 };
    expect(connectionLateness(hourly(31, quarterHourly), now)).toBe('late');
    expect(connectionLateness(hourly(46, quarterHourly), now)).toBe('stale');
  });

  it('a failing or disconnected connection is judged by its last success like any other', () => {
    expect(connectionLateness(hourly(30, { status: 'failing' }), now)).toBe('on-time');
    expect(connectionLateness(hourly(200, { status: 'disconnected' }), now)).toBe('stale');
  });

  it('a paused connection is never late; one never synced has nothing to be late against; one never successful is stale', () => {
    expect(connectionLateness(hourly(600, { status: 'paused' }), now)).toBeNull();
    expect(connectionLateness(hourly(null, { lastSyncAt: null }), now)).toBeNull();
    expect(connectionLateness(hourly(null), now)).toBe('stale');
  });
});
