import { Badge, Tooltip } from '@mantine/core';
import { IconShieldCheck, IconShieldX, IconShield } from '@tabler/icons-react';
import type { AuditSource } from '../../../shared/console-api/index.ts';
import { useSettingsValue } from '../app/SettingsContext.tsx';
import { formatTimestamp } from '../format/timestamp.ts';

/** Green "Verified", a red problem count that opens the report, or why there is neither. */
export function VerificationBadge({ source, onOpenReport }: { source: AuditSource; onOpenReport(): void }) {
  const { settings } = useSettingsValue();
  if (!source.verifiable) {
    return (
      <Tooltip label="CSV carries no hashes, so these events cannot be verified. Import the NDJSON export to prove them.">
        <Badge color="gray" variant="light" leftSection={<IconShield size={12} />}>
          Not verifiable
        </Badge>
      </Tooltip>
    );
  }
  const verification = source.verification;
  if (verification === null) {
    return (
      <Badge color="gray" variant="light" leftSection={<IconShield size={12} />} data-testid="verification-badge">
        Not verified yet
      </Badge>
    );
  }
  return (
    <Tooltip
      label={`${verification.summary} · checked ${formatTimestamp(verification.checkedAt, settings.timeDisplay)}`}
    >
      <Badge
        component="button"
        onClick={onOpenReport}
        color={verification.intact ? 'teal' : 'red'}
        variant={verification.intact ? 'light' : 'filled'}
        leftSection={verification.intact ? <IconShieldCheck size={12} /> : <IconShieldX size={12} />}
        style={{ cursor: 'pointer' }}
        data-testid="verification-badge"
      >
        {verification.intact ? 'Verified' : verification.summary}
      </Badge>
    </Tooltip>
  );
}
