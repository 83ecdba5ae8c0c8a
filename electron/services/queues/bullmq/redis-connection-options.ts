import type { RedisOptions } from 'ioredis';

export interface RedisTarget {
  /** redis://[user[:password]@]host[:port][/db] or rediss://… (TLS). */
  url: string;
  /** TLS even on a redis:// URL. */
  tls: boolean;
  /** From the OS keychain; wins over a password in the URL. */
  password: string | null;
}

/**
 * The ioredis options for a Redis URL, and the host:port that errors name: an error never shows
 * the URL itself, whose userinfo may hold a password.
 */
export function redisConnectionOptions({ url, tls, password }: RedisTarget): { options: RedisOptions; where: string } {
  const parsed = URL.parse(url);
  if (parsed === null) throw new Error('Cannot connect to Redis: the URL does not parse (expected redis://host:port or rediss://host:port).');
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Cannot connect to Redis: the URL's scheme is '${parsed.protocol}', not redis: or rediss:.`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const where = `${parsed.hostname}:${port}`;
  const db = parsed.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(db)) throw new Error(`Cannot connect to Redis at ${where}: the URL's path '/${db}' is not a database number.`);
  return {
    where,
    options: {
      host,
      port,
      db: Number(db),
      username: decodeURIComponent(parsed.username) || undefined,
      password: password ?? (decodeURIComponent(parsed.password) || undefined),
      // Node's TLS checks the certificate against `host`.
      tls: tls || parsed.protocol === 'rediss:' ? {} : undefined,
      // What the platform's engineers see in CLIENT LIST.
      connectionName: 'opsdeck',
      // A sample or an action fails soon when Redis is away; the next sync tries again.
      maxRetriesPerRequest: 1,
      connectTimeout: 10_000,
    },
  };
}
