import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import type { SpotlightActionData, SpotlightActionGroupData, SpotlightFilterFunction } from '@mantine/spotlight';
import { IconClock, IconMoon, IconSearch, IconSun, IconSunMoon } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { PaletteHit } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { paletteHitGroups } from './palette-hits.tsx';
import { sections } from './sections.ts';
import type { SectionId } from './sections.ts';
import { useSettingsValue } from './SettingsContext.tsx';


/** Ctrl/Cmd+K: jump to a section, a tenant, queue, connector, connection or audit event, or change a setting, without the mouse. */
export function CommandPalette({ navigate }: { navigate: (section: SectionId) => void }) {
  const { settings, update } = useSettingsValue();
  const { api } = useConsole();
  const [query, setQuery] = useState('');
  const [text] = useDebouncedValue(query.trim(), 150);
  const [found, setFound] = useState<{ text: string; hits: PaletteHit[] }>({ text: '', hits: [] });

  useEffect(() => {
    if (text.length < 2) return;
    let live = true;
    api['palette/find']({ text }).then(
      ({ hits }) => live && setFound({ text, hits }),
      () => live && setFound({ text, hits: [] }),
    );
    return () => {
      live = false;
    };
  }, [api, text]);

  const commands = useMemo<SpotlightActionGroupData[]>(
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

  // What the cache holds for the query as typed: shown as found, not filtered again by the palette's word match.
  const hits = useMemo(() => (found.text.length >= 2 && found.text === query.trim() ? paletteHitGroups(found.text, found.hits) : []), [found, query]);
  const filter = useMemo<SpotlightFilterFunction>(() => {
    const foundGroups = new Set(hits.map((group) => group.group));
    return (search, groups) =>
      (groups as SpotlightActionGroupData[]).flatMap((group) => {
        if (foundGroups.has(group.group)) return [group];
        const actions = group.actions.filter((action) => matches(action, search));
        return actions.length === 0 ? [] : [{ ...group, actions }];
      });
  }, [hits]);

  return (
    <Spotlight
      actions={[...commands, ...hits]}
      filter={filter}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      nothingFound="Nothing matches"
      highlightQuery
      limit={40}
      attributes={{ content: { 'aria-label': 'Command palette' } }}
      searchProps={{ leftSection: <IconSearch size={18} />, placeholder: 'Jump to a section, tenant, queue, connection or event…', 'aria-label': 'Command palette' }}
    />
  );
}

function matches(action: SpotlightActionData, search: string): boolean {
  const words = search.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const text = [action.label, action.description, ...(Array.isArray(action.keywords) ? action.keywords : [action.keywords])].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}
