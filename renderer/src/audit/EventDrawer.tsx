import { Alert, Badge, Button, Code, Drawer, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AuditEventDetail, AuditRow } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useAuditSource } from './AuditSourceContext.tsx';
import { JsonTree } from '../components/JsonTree.tsx';
import { Timestamp } from '../components/Timestamp.tsx';
import { ChangesDiff } from './ChangesDiff.tsx';
import { OutcomeBadge } from './OutcomeBadge.tsx';
import { pivotsFor } from './pivots.ts';

interface Props {
  row: AuditRow | null;
  onClose(): void;
  onPivot(query: string): void;
}

/** Every field of one event, its changes and metadata, whether its hash holds, and where to go next. */
export function EventDrawer({ row, onClose, onPivot }: Props) {
  const { api } = useConsole();
  const source = useAuditSource();
  const [detail, setDetail] = useState<AuditEventDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setFailure(null);
    if (row === null) return;
    let live = true;
    api['audit/event']({ seq: row.seq, source }).then((answer) => live && setDetail(answer), (error: Error) => live && setFailure(error.message));
    return () => {
      live = false;
    };
  }, [api, row, source]);

  const event = detail === null ? null : (JSON.parse(detail.raw) as Record<string, unknown>);
  return (
    <Drawer opened={row !== null} onClose={onClose} position="right" size="xl" title={row?.action} scrollAreaComponent={ScrollArea.Autosize}>
      {row !== null && (
        <Stack gap="md" data-testid="event-drawer">
          <Group gap="xs">
            <OutcomeBadge outcome={row.outcome} />
            {detail !== null &&
              (detail.hashVerified ? (
                <Badge color="teal" leftSection={<IconShieldCheck size={14} />} data-testid="hash-badge">
                  hash verified
                </Badge>
              ) : (
                <Badge color="red" leftSection={<IconShieldX size={14} />} data-testid="hash-badge">
                  hash mismatch
                </Badge>
              ))}
            <Text size="sm" c="dimmed">
              seq {row.seq} · {row.id}
            </Text>
          </Group>
          <Group gap="xs">
            {pivotsFor(row).map((pivot) => (
              <Button key={pivot.label} size="xs" variant="light" onClick={() => onPivot(pivot.query)}>
                {pivot.label}
              </Button>
            ))}
          </Group>
          {failure !== null && <Alert color="red">{failure}</Alert>}
          {event === null && failure === null && <Loader size="sm" />}
          {event !== null && (
            <>
              <Table variant="vertical" withTableBorder fz="sm">
                <Table.Tbody>
                  <Field label="Time">
                    <Timestamp iso={row.occurredAt} />
                  </Field>
                  <Field label="Actor">{`${row.actorType} ${row.actorId}${row.actorEmail ? ` · ${row.actorEmail}` : ''}${row.actorName ? ` · ${row.actorName}` : ''}`}</Field>
                  <Field label="Target">{row.targetId === null ? '—' : `${row.targetType}:${row.targetId}${row.targetName ? ` · ${row.targetName}` : ''}`}</Field>
                  <Field label="Tenant">{row.tenantId === null ? '— (platform)' : row.tenantName === null ? row.tenantId : `${row.tenantName} · ${row.tenantId}`}</Field>
                  <Field label="IP">{row.ip ?? '—'}</Field>
                  <Field label="User agent">{String(event.user_agent ?? '—')}</Field>
                  <Field label="Request">{row.requestId ?? '—'}</Field>
                  <Field label="Hash">
                    <Code fz="xs">{String(event.hash)}</Code>
                  </Field>
                  <Field label="Previous hash">
                    <Code fz="xs">{String(event.prev_hash)}</Code>
                  </Field>
                </Table.Tbody>
              </Table>
              {detail !== null && !detail.hashVerified && (
                <Alert color="red" title="This event does not match its hash">
                  Its content hashes to <Code>{detail.computedHash}</Code>: it was altered after the platform recorded it.
                </Alert>
              )}
              {event.changes !== null && typeof event.changes === 'object' && (
                <div>
                  <Title order={5} mb="xs">
                    Changes
                  </Title>
                  <ChangesDiff changes={event.changes as Record<string, { before: unknown; after: unknown }>} />
                </div>
              )}
              <div>
                <Title order={5} mb="xs">
                  Metadata
                </Title>
                <JsonTree value={event.metadata ?? {}} />
              </div>
              <div>
                <Title order={5} mb="xs">
                  Raw event
                </Title>
                <JsonTree value={event} openDepth={0} name="event" />
              </div>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140}>{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-all' }}>{children}</Table.Td>
    </Table.Tr>
  );
}
