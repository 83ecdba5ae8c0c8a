import { useCallback, useSyncExternalStore } from 'react';
import { defaultSection, isSectionId } from './sections.ts';
import type { SectionId } from './sections.ts';

// Hash routes (#/queues) work the same under app:// in Electron and http:// in a browser.
function currentSection(): SectionId {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isSectionId(id) ? id : defaultSection;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): [SectionId, (section: SectionId) => void] {
  const section = useSyncExternalStore(subscribe, currentSection);
  const navigate = useCallback((next: SectionId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [section, navigate];
}
