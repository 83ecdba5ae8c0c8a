import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react';
import type { ProfileTestResult as Result } from '../../../shared/console-api/index.ts';
import { allScopes } from '../../../shared/ops-api/me.ts';

/** Who the token is, on which platform, and which scopes it has (and lacks); or which BullMQ queues Redis holds. */
export function ProfileTestResult({ result }: { result: Result }) {
  if (!result.ok) {
    return (
      <Alert color="red" icon={<IconPlugConnectedX />} title="Connection failed" data-testid="profile-test-result">
        {result.message}
      </Alert>
    );
  }
  if (result.reached.kind === 'bullmq') {
    const { queues } = result.reached;
    return (
      <Alert color={queues.length === 0 ? 'yellow' : 'teal'} icon={<IconCircleCheck />} title="Connected" data-testid="profile-test-result">
        <Text size="sm">
          {queues.length === 0
            ? `Redis answered in ${result.latencyMs} ms, but holds no BullMQ queue under this prefix: check the key prefix.`
            : `Redis answered in ${result.latencyMs} ms with ${queues.length} BullMQ ${queues.length === 1 ? 'queue' : 'queues'}: ${queues.slice(0, 8).join(', ')}${queues.length > 8 ? ', …' : ''}`}
        </Text>
      </Alert>
    );
  }
  const { subject, platform, scopes } = result.reached.me;
  return (
    <Alert color="teal" icon={<IconCircleCheck />} title="Connected" data-testid="profile-test-result">
      <Stack gap={6}>
        <Text size="sm">
          Signed in as <b>{subject.name}</b> ({subject.email}) on {platform.name} · {platform.environment} · {result.latencyMs} ms
        </Text>
        <Group gap={6} aria-label="Scopes">
          {allScopes.map((scope) => (
            <Badge key={scope} variant={scopes.includes(scope) ? 'filled' : 'outline'} color={scopes.includes(scope) ? 'teal' : 'gray'} tt="none">
              {scopes.includes(scope) ? scope : `no ${scope}`}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}
