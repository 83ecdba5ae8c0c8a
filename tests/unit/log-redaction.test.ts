import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../electron/services/logging/redact-secrets.ts';

const token = 'opsdeck_demo_full_0123456789abcdef0123456789abcdef';

describe('redactSecrets', () => {
  it.each([
    ['an Authorization header', `request failed: Authorization: Bearer ${token}`, 'Authorization: [redacted]'],
    ['a header object', `{"authorization":"Bearer ${token}","accept":"application/json"}`, '"authorization":"[redacted]"'],
    ['a Basic header', 'Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Proxy-Authorization: [redacted]'],
    ['a bare bearer token', `sent bearer ${token} to the proxy`, 'bearer [redacted] to'],
    ['a Redis URL with user and password', 'cannot connect to redis://default:hunter2-secret@10.0.0.4:6379/0', 'redis://default:[redacted]@10.0.0.4:6379/0'],
    ['a Redis URL with a password only', 'rediss://:pw-9f8e7d@cache.internal:6380', 'rediss://:[redacted]@cache.internal:6380'],
    ['a URL with a token as its user', `https://${token}@ops.example.com/v1`, 'https://[redacted]@ops.example.com/v1'],
    ['a token query parameter', `GET /v1/audit?limit=10&access_token=${token}&cursor=x`, 'access_token=[redacted]&cursor=x'],
    ['a JSON token field', `{"token":"${token}","name":"Prod"}`, '"token":[redacted],"name":"Prod"'],
    ['a password assignment', "password='s3cr3t word'", 'password=[redacted]'],
    ['an API key header', 'X-Api-Key: 9f8e7d6c5b4a39281706', 'X-Api-Key: [redacted]'],
  ])('hides %s', (_what, text, expected) => {
    const redacted = redactSecrets(text);
    expect(redacted).toContain(expected);
    expect(redacted).not.toMatch(/opsdeck_demo_full_0|hunter2|pw-9f8e7d|s3cr3t|9f8e7d6c5b4a|dXNlcjpw/);
  });

  it('hides every known secret verbatim, wherever it stands', () => {
    const password = 'correct horse battery';
    expect(redactSecrets(`WRONGPASS for correct horse battery; retrying with ${token}.`, [password, token])).toBe('WRONGPASS for [redacted]; retrying with [redacted].');
  });

  it('leaves prose about tokens and passwords readable', () => {
    const text = "Sync of audit for profile 'prod-eu' failed: the token was refused (401); the Redis password: wrong. Tenant moved to the basic plan.";
    expect(redactSecrets(text)).toBe(text);
  });

  it('leaves addresses without credentials alone', () => {
    const text = 'Cannot reach https://ops.example.com:8443/v1/audit-events?limit=500 or redis://127.0.0.1:6379';
    expect(redactSecrets(text)).toBe(text);
  });

  it('ignores known secrets too short to mean anything', () => {
    expect(redactSecrets('a b c', ['a', ''])).toBe('a b c');
  });
});
