import { Loader } from '@mantine/core';
import type { Section } from '../app/sections.ts';
import { useRoute } from '../app/route.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';
import { TenantDirectory, useTenantFilterChoices } from './TenantDirectory.tsx';
import { TenantPage } from './TenantPage.tsx';

/** The tenants view: the directory at #/tenants, one tenant's page at #/tenants/<id>. */
export function TenantsView({ section }: { section: Section }) {
  const { path } = useRoute();
  const id = path[0];
  return id === undefined ? <Directory section={section} /> : <TenantPage key={id} id={id} />;
}

function Directory({ section }: { section: Section }) {
  const choices = useTenantFilterChoices();
  if (choices.status === 'loading') return <Loader aria-label="Loading tenants" />;
  // An unreadable cache is the directory's to explain; an empty one is the section's empty state.
  if (choices.status === 'ready' && choices.value.total === 0) return <SectionEmptyState section={section} />;
  return <TenantDirectory choices={choices.status === 'ready' ? choices.value : { plans: [], statuses: [], regions: [], total: 0 }} />;
}
