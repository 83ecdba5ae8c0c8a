import { Tooltip } from '@mantine/core';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { formatTimestamp } from '../format/timestamp.ts';

/** A time in the chosen display (local or UTC), with the other one on hover. */
export function Timestamp({ iso }: { iso: string }) {
  const { settings } = useSettingsValue();
  const other = settings.timeDisplay === 'utc' ? 'local' : 'utc';
  return (
    <Tooltip label={`${formatTimestamp(iso, other)}${other === 'local' ? ' local' : ''}`} openDelay={400}>
      <time dateTime={iso} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {formatTimestamp(iso, settings.timeDisplay)}
      </time>
    </Tooltip>
  );
}
