import { Tooltip } from '@mantine/core';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { formatTimestamp } from '../format/timestamp.ts';

/**
 * A time in the chosen display (local or UTC), with the other one on hover. `dense` uses the
 * browser's own tooltip: a table mounts dozens per scrolled frame, and a Mantine tooltip each
 * is what made fast scrolling stutter.
 */
export function Timestamp({ iso, dense = false }: { iso: string; dense?: boolean }) {
  const { settings } = useSettingsValue();
  const other = settings.timeDisplay === 'utc' ? 'local' : 'utc';
  const otherText = `${formatTimestamp(iso, other)}${other === 'local' ? ' local' : ''}`;
  const time = (
    <time dateTime={iso} title={dense ? otherText : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatTimestamp(iso, settings.timeDisplay)}
    </time>
  );
  return dense ? (
    time
  ) : (
    <Tooltip label={otherText} openDelay={400}>
      {time}
    </Tooltip>
  );
}
