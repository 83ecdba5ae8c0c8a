import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { QueueThresholds } from '../../../shared/console-api/index.ts';

const fields: Array<{ key: keyof QueueThresholds; label: string; suffix: string; min: number; max?: number }> = [
  { key: 'depth', label: 'Waiting jobs above', suffix: ' jobs', min: 1 },
  { key: 'oldestWaitingMinutes', label: 'Oldest waiting job older than', suffix: ' min', min: 0.1 },
  { key: 'failureRatePercent', label: 'Failed of finished above', suffix: '%', min: 0, max: 100 },
];

/**
 * Alert thresholds: every field for the defaults; for one queue, empty fields follow the
 * defaults (shown as placeholders).
 */
export function ThresholdsForm({ value, defaults, onSave, saveLabel }: { value: Partial<QueueThresholds>; defaults?: QueueThresholds; onSave(next: Partial<QueueThresholds>): Promise<void>; saveLabel: string }) {
  const [draft, setDraft] = useState<Partial<QueueThresholds>>(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(draft);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="xs">
      {fields.map(({ key, label, suffix, min, max }) => (
        <NumberInput
          key={key}
          size="xs"
          label={label}
          suffix={suffix}
          min={min}
          max={max}
          decimalScale={1}
          placeholder={defaults === undefined ? undefined : `${defaults[key]}${suffix} (default)`}
          value={draft[key] ?? ''}
          onChange={(next) => setDraft((current) => ({ ...current, [key]: next === '' ? undefined : Number(next) }))}
        />
      ))}
      {error !== null && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button size="xs" onClick={() => void save()} loading={saving}>
          {saveLabel}
        </Button>
      </Group>
    </Stack>
  );
}
