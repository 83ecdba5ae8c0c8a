import { useCallback } from 'react';
import { routeHref, useRoute } from './route.ts';
import type { SectionId } from './sections.ts';

export function useHashRoute(): [SectionId, (section: SectionId) => void] {
  const { section } = useRoute();
  const navigate = useCallback((next: SectionId) => {
    window.location.hash = routeHref(next);
  }, []);
  return [section, navigate];
}
