import { Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { JobStep } from '../../../shared/console-api/index.ts';

/** A long job's phases, one line each: done, under way (with its own bar and what it is at), or waiting. */
export function JobSteps({ steps }: { steps: JobStep[] }) {
  if (steps.length === 0) return null;
  return (
    <Stack gap={4} mt={6} data-testid="job-steps">
      {steps.map((step) => (
        <div key={step.label} data-step-state={step.state} aria-label={`${step.label}: ${step.state}`}>
          <Group gap={6} wrap="nowrap">
            {step.state === 'done' ? <IconCheck size={12} color="var(--mantine-color-teal-6)" /> : <IconCircleDashed size={12} opacity={step.state === 'waiting' ? 0.4 : 1} />}
            <Text size="xs" fw={step.state === 'running' ? 600 : 400} c={step.state === 'waiting' ? 'dimmed' : undefined}>
              {step.label}
            </Text>
            {step.detail !== null && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {step.detail}
              </Text>
            )}
          </Group>
          {step.state === 'running' && <Progress size={3} mt={2} value={(step.progress ?? 0) * 100} aria-label={`${step.label} progress`} />}
        </div>
      ))}
    </Stack>
  );
}
