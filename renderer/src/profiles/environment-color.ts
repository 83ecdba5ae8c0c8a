import type { EnvironmentTag } from '../../../shared/console-api/index.ts';

const colors: Record<Exclude<EnvironmentTag, 'custom'>, string> = { prod: 'red', staging: 'orange', dev: 'blue' };

/** Production is red everywhere; a custom environment brings its own colour. */
export function environmentColor(environment: EnvironmentTag, custom: string | null): string {
  return environment === 'custom' ? (custom ?? 'grape') : colors[environment];
}
