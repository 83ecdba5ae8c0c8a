import { IconBuildingStore, IconListDetails, IconPlugConnected, IconReceipt2, IconSettings, IconStack2 } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';

export type SectionId = 'audit' | 'queues' | 'tenants' | 'billing' | 'connectors' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  icon: Icon;
  /** What the section is for, shown in the command palette. */
  description: string;
  /** What will appear here once a platform is connected and synced. */
  empty: { title: string; text: string };
}

export const sections: Section[] = [
  {
    id: 'audit',
    label: 'Audit trail',
    icon: IconListDetails,
    description: 'Search who did what, where and when; export and verify',
    empty: {
      title: 'No audit events yet',
      text: 'Once a platform is connected, its audit trail syncs here: search a million events, open one, pivot by actor or tenant, and export a file anyone can verify offline.',
    },
  },
  {
    id: 'queues',
    label: 'Queues',
    icon: IconStack2,
    description: 'Depth, age and throughput; failed jobs; retry and pause',
    empty: {
      title: 'No queues yet',
      text: 'Queue depth and the age of the oldest job, now and over the last hours, failed jobs grouped by reason, and retry or pause with one confirmed click.',
    },
  },
  {
    id: 'tenants',
    label: 'Tenants',
    icon: IconBuildingStore,
    description: 'Everything about one tenant on one page',
    empty: {
      title: 'No tenants yet',
      text: 'Every tenant with its plan, seats, usage, invoices, audit trail, connections and stuck jobs on one page. Each look is itself logged.',
    },
  },
  {
    id: 'billing',
    label: 'Billing',
    icon: IconReceipt2,
    description: 'MRR, movements and past-due tenants',
    empty: {
      title: 'No billing data yet',
      text: 'MRR over time with new, expansion, contraction and churn, revenue by plan, and the tenants that are past due.',
    },
  },
  {
    id: 'connectors',
    label: 'Connectors',
    icon: IconPlugConnected,
    description: 'Which integrations are failing, across tenants',
    empty: {
      title: 'No connectors yet',
      text: 'Every connector with its healthy, degraded and failing connections across tenants, their sync runs and last errors.',
    },
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: IconSettings,
    description: 'Profiles, appearance and time display',
    empty: { title: '', text: '' },
  },
];

export const defaultSection: SectionId = 'audit';

export function isSectionId(value: string): value is SectionId {
  return sections.some((section) => section.id === value);
}
