import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { supportReason, supportReasonCategory, supportReasonLabels, supportReasonTextMax } from '../../../shared/console-api/index.ts';
import type { SupportReason, SupportReasonCategory } from '../../../shared/console-api/index.ts';

interface Props {
  tenantName: string;
  durationMinutes: number;
  onSubmit(reason: SupportReason): Promise<unknown>;
  onCancel(): void;
}

const textLabels: Record<SupportReasonCategory, { label: string; placeholder: string }> = {
  customer_ticket: { label: 'Ticket number', placeholder: '4411' },
  incident: { label: 'Incident', placeholder: 'INC-2031' },
  billing_question: { label: 'Details', placeholder: 'Invoice question from the owner' },
  other: { label: 'Why (required)', placeholder: 'What you are looking into' },
};

/** Asks why someone opens a tenant's page; the answer is logged in the platform's audit trail. */
export function SupportReasonModal({ tenantName, durationMinutes, onSubmit, onCancel }: Props) {
  const [category, setCategory] = useState<SupportReasonCategory>('customer_ticket');
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = supportReason.safeParse({ category, text });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? 'invalid reason');
    setFieldError(null);
    setFailure(null);
    setBusy(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onCancel} closeOnClickOutside={false} title={`Why are you opening ${tenantName}?`} size="md" centered>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Your reason is logged in the platform’s audit trail as support access. It lasts {durationMinutes} minutes.
          </Text>
          <Radio.Group label="Reason" value={category} onChange={(value) => setCategory(supportReasonCategory.parse(value))}>
            <Stack gap={6} mt={6}>
              {supportReasonCategory.options.map((option) => (
                <Radio key={option} value={option} label={supportReasonLabels[option]} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={textLabels[category].label}
            placeholder={textLabels[category].placeholder}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            maxLength={supportReasonTextMax}
            error={fieldError}
            data-autofocus
          />
          {failure !== null && (
            <Alert color="red" title="Access was not logged">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Log access and open
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
