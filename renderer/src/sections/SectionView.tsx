import { Stack, Title } from '@mantine/core';
import { sections } from '../app/sections.ts';
import type { SectionId } from '../app/sections.ts';
import { SectionEmptyState } from './SectionEmptyState.tsx';
import { SettingsView } from './SettingsView.tsx';
import { AuditView } from '../audit/AuditView.tsx';
import { QueuesView } from '../queues/QueuesView.tsx';

// The audit view works without a profile too: imported files are searched and verified offline.
export function SectionView({ section: id }: { section: SectionId }) {
  const section = sections.find((candidate) => candidate.id === id)!;
  return (
    <Stack gap="lg" component="section" aria-labelledby="section-title">
      <Title order={2} id="section-title">
        {section.label}
      </Title>
      {id === 'settings' ? <SettingsView /> : id === 'audit' ? <AuditView /> : id === 'queues' ? <QueuesView section={section} /> : <SectionEmptyState section={section} />}
    </Stack>
  );
}
