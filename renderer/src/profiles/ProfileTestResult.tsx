import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react';
import type { ProfileTestResult as Result } from '../../../shared/console-api/index.ts';
import { allScopes } from '../../../shared/ops-api/me.ts';

/** Who the token is, on which platform, and which scopes it has (and lacks). */
export function ProfileTestResult({ result }: { result: Result }) {
  if (!result.ok) {
    return (
      <Alert color="red" icon={<IconPlugConnectedX />} title="Connection failed" data-testid="profile-test-result">
        {result.message}
      </Alert>
    );
  }
  const { subject, platform, scopes } = result.me;
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
