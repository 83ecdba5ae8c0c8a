import { Stack, Title } from '@mantine/core';
import { sections } from '../app/sections.ts';
import type { SectionId } from '../app/sections.ts';
import { SectionEmptyState } from './SectionEmptyState.tsx';
import { SettingsView } from './SettingsView.tsx';
import { AuditView } from '../audit/AuditView.tsx';
import { useProfiles } from '../profiles/useProfiles.ts';

export function SectionView({ section: id }: { section: SectionId }) {
  const section = sections.find((candidate) => candidate.id === id)!;
  const profiles = useProfiles();
  const hasProfile = profiles.status === 'ready' && profiles.value.activeId !== null;
  return (
    <Stack gap="lg" component="section" aria-labelledby="section-title">
      <Title order={2} id="section-title">
        {section.label}
      </Title>
      {id === 'settings' ? <SettingsView /> : id === 'audit' && hasProfile ? <AuditView /> : <SectionEmptyState section={section} />}
    </Stack>
  );
}
