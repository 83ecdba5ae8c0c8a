import { Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { queryError } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useAuditSource } from './AuditSourceContext.tsx';
import { applyCompletion, fieldCompletions, tokenAtCaret } from './completion.ts';
import type { TokenAtCaret } from './completion.ts';
import { QueryHelp } from './QueryHelp.tsx';

const valueFields = new Set(['actor', 'tenant', 'action', 'request', 'ip']);

interface Props {
  value: string;
  onChange(value: string): void;
  error: z.infer<typeof queryError> | null;
  /** Controls shown after the input, e.g. saved searches. */
  actions?: React.ReactNode;
}

/** The query input: completes field names and, from the cache, values of actor, tenant and action. */
export function QueryBar({ value, onChange, error, actions }: Props) {
  const { api } = useConsole();
  const source = useAuditSource();
  const input = useRef<HTMLInputElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [token, setToken] = useState<TokenAtCaret | null>(null);
  const [options, setOptions] = useState<string[]>([]);

  useEffect(() => {
    if (token === null) return setOptions([]);
    if (token.field === null) return setOptions(fieldCompletions(token.prefix));
    if (!valueFields.has(token.field)) return setOptions([]);
    let live = true;
    api['audit/suggest']({ field: token.field, prefix: token.prefix, source }).then(
      ({ values }) => live && setOptions(values.filter((candidate) => candidate !== token.prefix)),
      () => live && setOptions([]),
    );
    return () => {
      live = false;
    };
  }, [api, token, source]);

  // useCombobox returns a new store object every render: depend on the options only.
  const { openDropdown, closeDropdown, selectFirstOption } = combobox;
  useEffect(() => {
    if (options.length > 0) {
      openDropdown();
      selectFirstOption();
    } else closeDropdown();
  }, [options]);

  function edited(text: string, caret: number) {
    onChange(text);
    setToken(tokenAtCaret(text, caret));
  }

  function complete(completion: string) {
    if (token === null) return;
    const next = applyCompletion(value, token, completion);
    edited(next.text, next.caret);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  }

  return (
    <div>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Combobox store={combobox} onOptionSubmit={complete} withinPortal={false}>
          <Combobox.Target>
            <TextInput
              ref={input}
              flex={1}
              size="md"
              leftSection={<IconSearch size={18} />}
              placeholder='Search audit events: actor:jane@acme.com action:invoice.* after:7d "api key"'
              aria-label="Audit query"
              value={value}
              error={error !== null}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => edited(event.currentTarget.value, event.currentTarget.selectionStart ?? event.currentTarget.value.length)}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(event) => event.key === 'Escape' && combobox.closeDropdown()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 14 } }}
            />
          </Combobox.Target>
          <Combobox.Dropdown>
            <Combobox.Options aria-label="Suggestions">
              {options.map((option) => (
                <Combobox.Option value={option} key={option}>
                  <Text size="sm" ff="monospace">
                    {option}
                  </Text>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <QueryHelp />
        {actions}
      </Group>
      {error !== null && (
        <Text size="sm" c="red" mt={4} data-testid="query-error" ff="monospace">
          {error.message}
        </Text>
      )}
    </div>
  );
}
