import { Checkbox, Menu, ActionIcon, Tooltip } from '@mantine/core';
import { useTable } from '@tanstack/react-table';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { IconColumns } from '@tabler/icons-react';
import { memo, useRef, useState } from 'react';
import type { AuditRow } from '../../../shared/console-api/index.ts';
import { auditColumns, auditTableFeatures, defaultHiddenColumns } from './audit-columns.tsx';
import classes from './AuditTable.module.css';

const rowHeight = 34;

// Columns share the width in proportion to their sizes and scroll sideways only below 60%;
// a time is never cut.
const fixedMinWidths: Record<string, number> = { time: 196, outcome: 92 };
const minWidthOf = (id: string, size: number) => fixedMinWidths[id] ?? Math.round(size * 0.6);
const flexWidth = (id: string, size: number) => ({ flex: `${size} 1 0`, minWidth: minWidthOf(id, size) });

interface Props {
  rows: AuditRow[];
  selectedSeq: number | null;
  /** Rows the source's verification found altered: marked red, with a reason on hover. */
  altered: ReadonlySet<number>;
  /** Absent: the rows cannot be opened (server-side results: the drawer reads the cache). */
  onOpen?(row: AuditRow): void;
  onNearEnd(): void;
}

/** Newest first; only the visible rows are in the DOM, so a million-row result scrolls smoothly. */
function AuditTableView({ rows, selectedSeq, altered, onOpen, onNearEnd }: Props) {
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(defaultHiddenColumns);
  const table = useTable({
    features: auditTableFeatures,
    columns: auditColumns,
    data: rows,
    getRowId: (row) => String(row.seq),
    state: { columnVisibility },
    onColumnVisibilityChange: setColumnVisibility,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const modelRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  if (items.length > 0 && items.at(-1)!.index > modelRows.length - 40) queueMicrotask(onNearEnd);
  const headers = table.getHeaderGroups()[0]!.headers;
  const width = headers.reduce((sum, header) => sum + minWidthOf(header.column.id, header.getSize()), 0);

  return (
    <div className={classes.frame}>
      <div ref={scrollRef} className={classes.scroll} data-testid="audit-table" role="grid" aria-rowcount={modelRows.length}>
        <div className={classes.header} style={{ minWidth: width }} role="row">
          {headers.map((header) => (
            <div key={header.id} className={classes.cell} style={flexWidth(header.column.id, header.getSize())} role="columnheader">
              <table.FlexRender header={header} />
            </div>
          ))}
          {/* A row holds only cells: the columns menu sits in a header cell of its own. */}
          <div role="columnheader" className={classes.columnsButton}>
            <Menu position="bottom-end" closeOnItemClick={false}>
              <Menu.Target>
                <Tooltip label="Choose columns">
                  <ActionIcon variant="subtle" size="sm" aria-label="Choose columns">
                    <IconColumns size={16} />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                {table.getAllLeafColumns().map((column) => (
                  <Menu.Item key={column.id}>
                    <Checkbox size="xs" label={String(column.columnDef.header)} checked={column.getIsVisible()} onChange={() => column.toggleVisibility()} />
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </div>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), minWidth: width, position: 'relative' }}>
          {items.map((item) => {
            const row = modelRows[item.index]!;
            return (
              <div
                key={row.id}
                role="row"
                tabIndex={onOpen ? 0 : undefined}
                aria-selected={row.original.seq === selectedSeq}
                className={classes.row}
                data-outcome={row.original.outcome}
                data-altered={altered.has(row.original.seq) || undefined}
                title={altered.has(row.original.seq) ? 'Altered: this event does not hash to the hash it states' : undefined}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                data-inert={onOpen ? undefined : true}
                onClick={() => onOpen?.(row.original)}
                onKeyDown={(event) => event.key === 'Enter' && onOpen?.(row.original)}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} className={classes.cell} style={flexWidth(cell.column.id, cell.column.getSize())} role="gridcell">
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

// Memoized: the view re-renders on every keystroke, this only when its own inputs change.
export const AuditTable = memo(AuditTableView);
