import { Alert, Button, Group, Text } from '@mantine/core';

/** A read of cached data that failed: what could not be read, why, and a way to try again. */
export function ReadFailed({ title, failure }: { title: string; failure: { message: string; retry: () => void } }) {
  return (
    <Alert color="red" title={title}>
      <Group gap="sm">
        <Text size="sm">{failure.message}</Text>
        <Button size="xs" variant="light" color="red" onClick={failure.retry}>
          Try again
        </Button>
      </Group>
    </Alert>
  );
}
