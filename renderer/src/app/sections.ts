import { IconBuildingStore, IconHome, IconListDetails, IconPlugConnected, IconReceipt2, IconSettings, IconStack2 } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { dataViews } from '../../../shared/data-views.ts';
import type { DataViewId } from '../../../shared/data-views.ts';

export type SectionId = DataViewId | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  icon: Icon;
  /** What the section is for, shown in the command palette. */
  description: string;
  /** What will appear here once a platform is connected and synced. */
  empty: { title: string; text: string };
}

const viewIcons: Record<DataViewId, Icon> = {
  home: IconHome,
  audit: IconListDetails,
  queues: IconStack2,
  tenants: IconBuildingStore,
  billing: IconReceipt2,
  connectors: IconPlugConnected,
};

export const sections: Section[] = [
  ...dataViews.map((view) => ({ ...view, icon: viewIcons[view.id] })),
  { id: 'settings', label: 'Settings', icon: IconSettings, description: 'Profiles, appearance and time display', empty: { title: '', text: '' } },
];

export const defaultSection: SectionId = 'home';

export function isSectionId(value: string): value is SectionId {
  return sections.some((section) => section.id === value);
}
