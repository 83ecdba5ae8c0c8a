import { Group, NumberInput, Switch } from '@mantine/core';
import type { EnvironmentTag, SupportAccessSettings } from '../../../shared/console-api/index.ts';

interface Props {
  environment: EnvironmentTag;
  value: SupportAccessSettings;
  onChange(value: SupportAccessSettings): void;
}

/** A profile's support-access settings in its form: prod always asks, so its switch stays on. */
export function SupportAccessFields({ environment, value, onChange }: Props) {
  const prod = environment === 'prod';
  return (
    <Group grow align="flex-start">
      <Switch
        label="Ask why before a tenant’s page opens"
        description={prod ? 'Always on for production profiles.' : 'Off: the access is still logged, with no reason given.'}
        checked={prod || value.prompt}
        disabled={prod}
        onChange={(event) => onChange({ ...value, prompt: event.currentTarget.checked })}
      />
      <NumberInput
        label="Support access lasts (minutes)"
        min={1}
        max={720}
        value={value.durationMinutes}
        onChange={(minutes) => onChange({ ...value, durationMinutes: Number(minutes) || value.durationMinutes })}
      />
    </Group>
  );
}

/** What the form saves: prod always prompts, whatever the switch said before the environment changed. */
export function savedSupportAccess(environment: EnvironmentTag, value: SupportAccessSettings): SupportAccessSettings {
  return { ...value, prompt: environment === 'prod' || value.prompt };
}
