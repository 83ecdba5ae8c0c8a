import type { Section } from '../app/sections.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';

/** The billing view. */
export function BillingView({ section }: { section: Section }) {
  return <SectionEmptyState section={section} />;
}
