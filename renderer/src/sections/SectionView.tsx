import { Stack, Title } from '@mantine/core';
import { memo } from 'react';
import { sections } from '../app/sections.ts';
import type { SectionId } from '../app/sections.ts';
import { SettingsView } from './SettingsView.tsx';
import { viewScreens } from './view-screens.ts';

// The shell draws again on every sync, alert and profile event; the open screen need not, as it reads what it shows itself.
export const SectionView = memo(function SectionView({ section: id }: { section: SectionId }) {
  const section = sections.find((candidate) => candidate.id === id)!;
  const Screen = id === 'settings' ? SettingsView : viewScreens[id];
  return (
    <Stack gap="lg" component="section" aria-labelledby="section-title">
      <Title order={2} id="section-title">
        {section.label}
      </Title>
      <Screen section={section} />
    </Stack>
  );
});
