import { Stack, Title } from '@mantine/core';
import { sections } from '../app/sections.ts';
import type { SectionId } from '../app/sections.ts';
import { SettingsView } from './SettingsView.tsx';
import { viewScreens } from './view-screens.ts';

export function SectionView({ section: id }: { section: SectionId }) {
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
}
