import type { SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBuildingStore, IconListDetails, IconPlug, IconPlugConnected, IconSearch, IconStack2 } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { PaletteHit, PaletteHitKind } from '../../../shared/console-api/index.ts';
import { routeHref } from './route.ts';

const kinds: Record<PaletteHitKind, { group: string; icon: Icon; href: (id: string) => string }> = {
  tenant: { group: 'Tenants', icon: IconBuildingStore, href: (id) => routeHref('tenants', [id]) },
  queue: { group: 'Queues', icon: IconStack2, href: (name) => routeHref('queues', [name]) },
  connector: { group: 'Connectors', icon: IconPlugConnected, href: (id) => routeHref('connectors', [], { connector: id }) },
  connection: { group: 'Connections', icon: IconPlug, href: (id) => routeHref('connectors', ['connection', id]) },
  'audit-event': { group: 'Audit events', icon: IconListDetails, href: (id) => routeHref('audit', [], { q: `id:${id}` }) },
};

/** The palette's groups for what the cache holds matching `text`, and a search of the audit trail for it. */
export function paletteHitGroups(text: string, hits: readonly PaletteHit[]): SpotlightActionGroupData[] {
  const go = (href: string) => () => void (window.location.hash = href);
  const groups = Object.entries(kinds).map(([kind, { group, icon: KindIcon, href }]) => ({
    group,
    actions: hits
      .filter((hit) => hit.kind === kind)
      .map((hit) => ({
        id: `${hit.kind}-${hit.id}`,
        label: hit.label,
        description: hit.detail ?? undefined,
        leftSection: <KindIcon size={18} stroke={1.6} />,
        onClick: go(href(hit.id)),
      })),
  }));
  const searchAudit = {
    group: 'Search',
    actions: [{ id: 'search-audit', label: `Search the audit trail for “${text}”`, leftSection: <IconSearch size={18} stroke={1.6} />, onClick: go(routeHref('audit', [], { q: text.includes(' ') ? `"${text}"` : text })) }],
  };
  return [...groups.filter((group) => group.actions.length > 0), searchAudit];
}
