import type { ComponentType } from 'react';
import type { DataViewId } from '../../../shared/data-views.ts';
import type { Section } from '../app/sections.ts';
import { AuditView } from '../audit/AuditView.tsx';
import { BillingView } from '../billing/BillingView.tsx';
import { ConnectorsView } from '../connectors/ConnectorsView.tsx';
import { HomeView } from '../home/HomeView.tsx';
import { QueuesView } from '../queues/QueuesView.tsx';
import { TenantsView } from '../tenants/TenantsView.tsx';

/** Each data view's screen; it shows its own empty state until there is data. */
export const viewScreens: Record<DataViewId, ComponentType<{ section: Section }>> = {
  home: HomeView,
  audit: AuditView,
  queues: QueuesView,
  tenants: TenantsView,
  billing: BillingView,
  connectors: ConnectorsView,
};
