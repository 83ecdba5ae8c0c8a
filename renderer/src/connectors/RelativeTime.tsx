import { useSettingsValue } from '../app/SettingsContext.tsx';
import { formatTimestamp } from '../format/timestamp.ts';
import { relativeAge } from '../format/relative-age.ts';

/** "14 min ago", the exact time (local or UTC as set, and the other) on hover; "never" without one. */
export function RelativeTime({ iso, now, never = 'never' }: { iso: string | null; now: number; never?: string }) {
  const { settings } = useSettingsValue();
  if (iso === null) return <span style={{ color: 'var(--mantine-color-dimmed)' }}>{never}</span>;
  const other = settings.timeDisplay === 'utc' ? 'local' : 'utc';
  return (
    <time dateTime={iso} title={`${formatTimestamp(iso, settings.timeDisplay)}\n${formatTimestamp(iso, other)}${other === 'local' ? ' local' : ''}`} style={{ whiteSpace: 'nowrap' }}>
      {relativeAge(iso, now)}
    </time>
  );
}
