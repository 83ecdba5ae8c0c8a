import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconShieldCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { supportReasonSummary } from '../../../shared/console-api/index.ts';
import type { SupportAccess } from '../../../shared/console-api/index.ts';
import { routeHref } from '../app/route.ts';
import { useNow } from '../app/useNow.ts';

/** The visible record of a support access: logged (with a link to its audit event), queued, or refused. */
export function SupportAccessBanner({ access, onExpired }: { access: SupportAccess; onExpired(): void }) {
  const now = useNow(15_000);
  const leftMs = Date.parse(access.expiresAt) - now;
  useEffect(() => {
    if (leftMs <= 0) onExpired();
  }, [leftMs, onExpired]);

  const reason = access.reason === null ? 'prompt off for this profile' : supportReasonSummary(access.reason);
  const minutesLeft = `${Math.max(1, Math.ceil(leftMs / 60_000))} min left`;
  if (access.state === 'failed') {
    return (
      <Alert color="red" variant="light" radius="md" icon={<IconAlertTriangle size={18} />} role="status" aria-label="Support access">
        <Text size="sm">
          Support access to {access.tenantName} could not be logged: {access.error}
        </Text>
      </Alert>
    );
  }
  const queued = access.state === 'queued';
  return (
    <Alert color={queued ? 'yellow' : 'blue'} variant="light" radius="md" py={6} icon={queued ? <IconClockHour4 size={18} /> : <IconShieldCheck size={18} />} role="status" aria-label="Support access">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm">
          {queued ? `Support access to ${access.tenantName} queued — will be logged when the platform is reachable` : `Support access to ${access.tenantName} logged`} · {reason} · {minutesLeft}
        </Text>
        {access.auditQuery !== null && (
          <Anchor size="sm" href={routeHref('audit', [], { q: access.auditQuery })}>
            View in audit log
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
