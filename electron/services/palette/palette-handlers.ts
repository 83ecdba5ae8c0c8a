import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

export interface PaletteHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
}

/** The command palette's lookups in the active profile's cache: they work offline. */
export function createPaletteHandlers({ readers, activeCache }: PaletteHandlersOptions): Pick<ConsoleHandlers, 'palette/find'> {
  return {
    'palette/find': async ({ text }) => {
      const id = activeCache();
      const reader = id === null ? null : await readers.reader(id);
      return { hits: reader === null ? [] : await reader.call('palette.find', { text }) };
    },
  };
}
