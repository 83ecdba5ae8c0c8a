import type { Section } from '../app/sections.ts';
import { SectionEmptyState } from '../sections/SectionEmptyState.tsx';

/** The connectors view. */
export function ConnectorsView({ section }: { section: Section }) {
  return <SectionEmptyState section={section} />;
}
