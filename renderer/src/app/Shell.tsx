import { ActionIcon, AppShell, Badge, Burger, Group, Kbd, NavLink, Text, Tooltip, UnstyledButton, useComputedColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useConsole } from '../api/ConsoleContext.tsx';
import { JobsTray } from '../jobs/JobsTray.tsx';
import { BrowserAlertNotifications } from '../queues/BrowserAlertNotifications.tsx';
import { useQueueAlerts } from '../queues/useQueueAlerts.ts';
import { useProfiles } from '../profiles/useProfiles.ts';
import { SectionView } from '../sections/SectionView.tsx';
import { UpdateBanner } from '../updates/UpdateBanner.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { EnvironmentBadge } from './EnvironmentBadge.tsx';
import { sections } from './sections.ts';
import { useSettingsValue } from './SettingsContext.tsx';
import { useSyncStatus } from './useSyncStatus.ts';
import { useHashRoute } from './useHashRoute.ts';

const isMac = navigator.platform.toLowerCase().includes('mac');

export function Shell() {
  const [active, navigate] = useHashRoute();
  const [navOpen, { toggle: toggleNav }] = useDisclosure(false);
  const { update } = useSettingsValue();
  const scheme = useComputedColorScheme('light');
  const profiles = useProfiles();
  const sync = useSyncStatus();
  const alerts = useQueueAlerts();
  const openAlerts = alerts.status === 'ready' ? alerts.value.open.length : 0;
  const { on } = useConsole();
  // opsdeck:// links the OS hands to the running app.
  useEffect(() => on('app/navigate', ({ route }) => void (window.location.hash = route)), [on]);
  useEffect(() => on('app/open-palette', () => spotlight.open()), [on]);
  const activeProfile = profiles.status === 'ready' ? (profiles.value.profiles.find((p) => p.id === profiles.value.activeId) ?? null) : null;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header>
        {/* The first Tab stop: past the header and the sections, straight to the screen. */}
        <UnstyledButton className="skip-link" onClick={() => document.getElementById('main-content')?.focus()}>
          Skip to content
        </UnstyledButton>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text fw={700} size="lg">
              Opsdeck
            </Text>
            <EnvironmentBadge profile={activeProfile} />
          </Group>
          <Group gap="md" wrap="nowrap">
            <ConnectionIndicator status={sync.status === 'ready' ? sync.value : null} />
            <UnstyledButton onClick={() => spotlight.open()} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'} className="palette-trigger">
              <Group gap={8} wrap="nowrap">
                <IconSearch size={16} />
                <Text size="sm" c="dimmed">
                  Jump to…
                </Text>
                <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} K</Kbd>
              </Group>
            </UnstyledButton>
            <Tooltip label={scheme === 'dark' ? 'Light theme' : 'Dark theme'}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Toggle color scheme"
                onClick={() => void update({ theme: scheme === 'dark' ? 'light' : 'dark' })}
              >
                {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Sections">
        {sections.map((section) => (
          <NavLink
            key={section.id}
            href={`#/${section.id}`}
            label={section.label}
            leftSection={<section.icon size={18} stroke={1.6} />}
            rightSection={
              section.id === 'queues' && openAlerts > 0 ? (
                <Badge size="sm" color="orange" circle data-testid="queues-alert-badge" aria-label={`${openAlerts} queue alerts`}>
                  {openAlerts}
                </Badge>
              ) : undefined
            }
            active={section.id === active}
            aria-current={section.id === active ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(section.id);
            }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <UpdateBanner />
        <SectionView section={active} />
      </AppShell.Main>

      <CommandPalette navigate={navigate} />
      <JobsTray />
      <BrowserAlertNotifications />
    </AppShell>
  );
}
