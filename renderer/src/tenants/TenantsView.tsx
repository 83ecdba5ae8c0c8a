import type { Section } from '../app/sections.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';

/** The tenants view. */
export function TenantsView({ section }: { section: Section }) {
  return <SectionEmptyState section={section} />;
}
