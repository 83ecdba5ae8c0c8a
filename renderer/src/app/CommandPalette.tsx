import { Spotlight } from '@mantine/spotlight';
import type { SpotlightActionGroupData } from '@mantine/spotlight';
import { IconClock, IconMoon, IconSearch, IconSun, IconSunMoon } from '@tabler/icons-react';
import { useMemo } from 'react';
import { sections } from './sections.ts';
import type { SectionId } from './sections.ts';
import { useSettingsValue } from './SettingsContext.tsx';

/** Ctrl/Cmd+K: jump to a section or change a setting without the mouse. */
export function CommandPalette({ navigate }: { navigate: (section: SectionId) => void }) {
  const { settings, update } = useSettingsValue();

  const actions = useMemo<SpotlightActionGroupData[]>(
    () => [
      {
        group: 'Go to',
        actions: sections.map((section) => ({
          id: `go-${section.id}`,
          label: section.label,
          description: section.description,
          keywords: [section.id],
          leftSection: <section.icon size={18} stroke={1.6} />,
          onClick: () => navigate(section.id),
        })),
      },
      {
        group: 'Appearance',
        actions: [
          { id: 'theme-light', label: 'Light theme', leftSection: <IconSun size={18} />, onClick: () => void update({ theme: 'light' }) },
          { id: 'theme-dark', label: 'Dark theme', leftSection: <IconMoon size={18} />, onClick: () => void update({ theme: 'dark' }) },
          { id: 'theme-auto', label: 'Theme follows the system', leftSection: <IconSunMoon size={18} />, onClick: () => void update({ theme: 'auto' }) },
          {
            id: 'time-display',
            label: settings.timeDisplay === 'utc' ? 'Show times in local time' : 'Show times in UTC',
            leftSection: <IconClock size={18} />,
            onClick: () => void update({ timeDisplay: settings.timeDisplay === 'utc' ? 'local' : 'utc' }),
          },
        ],
      },
    ],
    [navigate, settings.timeDisplay, update],
  );

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      nothingFound="Nothing matches"
      highlightQuery
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Jump to a section or run a command…', 'aria-label': 'Command palette' }}
    />
  );
}
