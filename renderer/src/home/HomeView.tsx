import type { Section } from '../app/sections.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';

/** The home view. */
export function HomeView({ section }: { section: Section }) {
  return <SectionEmptyState section={section} />;
}
