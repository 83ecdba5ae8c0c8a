import { Group, Text } from '@mantine/core';

/** One setting: its label and hint on the left, its control on the right. */
export function SettingRow({ label, hint, children }: { label: string; hint: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <div>
        <Text fw={500}>{label}</Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Group>
  );
}
