import { Table } from '@mantine/core';
import type { TableScrollContainerProps } from '@mantine/core';

/**
 * A table's own scroll box that the keyboard reaches too: it takes focus, so arrow keys scroll it even
 * when no row holds a link, and it is a named region a screen reader can jump to.
 */
export function ScrollableTable({ label, ...props }: Omit<TableScrollContainerProps, 'type'> & { label: string }) {
  return <Table.ScrollContainer type="native" tabIndex={0} role="region" aria-label={label} className="mantine-focus-auto" {...props} />;
}
