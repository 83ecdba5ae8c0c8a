import { readFileSync } from 'node:fs';

/** The project's package.json version (two levels up both from source and from out/main). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
