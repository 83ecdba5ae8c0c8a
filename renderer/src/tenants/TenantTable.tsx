import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { TenantListRow } from '../../../shared/console-api/index.ts';
import { formatCount } from '../format/count.ts';
import { formatMoney } from '../format/money.ts';
import classes from '../audit/AuditTable.module.css';
import { useStableCallback } from '../components/useStableCallback.ts';
import { TenantStatusPill } from './tenant-status.tsx';
import tableClasses from './TenantTable.module.css';

/** As in TenantTable.module.css. */
const rowHeight = 38;
const columns: Array<{ id: string; header: string; width: number; align?: 'right'; cell(row: TenantListRow): React.ReactNode }> = [
  {
    id: 'name',
    header: 'Tenant',
    width: 260,
    // Plain elements: a scrolled frame mounts dozens of these.
    cell: (row) => (
      <>
        <b>{row.name}</b> <span style={{ color: 'var(--mantine-color-dimmed)', fontSize: 'var(--mantine-font-size-xs)' }}>{row.slug}</span>
      </>
    ),
  },
  { id: 'status', header: 'Status', width: 110, cell: (row) => <TenantStatusPill status={row.status} /> },
  { id: 'plan', header: 'Plan', width: 110, cell: (row) => row.planName },
  { id: 'region', header: 'Region', width: 120, cell: (row) => row.region },
  { id: 'owner', header: 'Owner', width: 240, cell: (row) => row.ownerEmail },
  { id: 'seats', header: 'Seats', width: 90, align: 'right', cell: (row) => `${formatCount(row.seatsUsed)} / ${formatCount(row.seatsLimit)}` },
  { id: 'mrr', header: 'MRR', width: 120, align: 'right', cell: (row) => formatMoney(row.mrrCents, row.currency) },
  { id: 'created', header: 'Created', width: 110, align: 'right', cell: (row) => row.createdAt.slice(0, 10) },
];
// The columns as one grid, set once on the table for every row's class: a scrolled frame or a new
// search mounts dozens of rows, and styles set per row and per cell were most of what that cost.
const gridColumns = { '--tenant-columns': columns.map((column) => `minmax(${Math.round(column.width * 0.7)}px, ${column.width}fr)`).join(' ') } as React.CSSProperties;
const cellClass = (column: (typeof columns)[number]) => (column.align === 'right' ? `${classes.cell} ${tableClasses.number}` : classes.cell);
const minWidth = columns.reduce((sum, column) => sum + Math.round(column.width * 0.7), 0);

interface Props {
  rows: TenantListRow[];
  onOpen(row: TenantListRow): void;
  onNearEnd(): void;
}

/** The directory: only the visible rows are in the DOM, so 10,000 tenants scroll smoothly. Arrow keys move, Enter opens. */
function TenantTableView({ rows, onOpen, onNearEnd }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 4 });
  const items = virtualizer.getVirtualItems();
  if (items.length > 0 && items.at(-1)!.index > rows.length - 60) queueMicrotask(onNearEnd);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  };
  const onKeyDown = (event: KeyboardEvent, index: number, row: TenantListRow) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 15, PageUp: -15 };
    if (event.key === 'Enter') onOpen(row);
    else if (event.key in moves) focusRow(index + moves[event.key]!);
    else if (event.key === 'Home' || event.key === 'End') focusRow(event.key === 'Home' ? 0 : rows.length - 1);
    else return;
    event.preventDefault();
  };

  const keyDown = useStableCallback(onKeyDown);

  return (
    <div className={classes.frame}>
      <div ref={scrollRef} className={classes.scroll} style={gridColumns} data-testid="tenant-table" role="grid" aria-rowcount={rows.length}>
        <div className={`${classes.header} ${tableClasses.grid}`} style={{ minWidth }} role="row">
          {columns.map((column) => (
            <div key={column.id} className={cellClass(column)} role="columnheader">
              {column.header}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), minWidth, position: 'relative' }}>
          {items.map((item) => (
            <TenantRow key={rows[item.index]!.id} row={rows[item.index]!} index={item.index} start={item.start} onOpen={onOpen} onKeyDown={keyDown} />
          ))}
        </div>
      </div>
    </div>
  );
}

/** One row, drawn again only when it moves or changes: a scrolled frame draws just the rows that came into view. */
const TenantRow = memo(function TenantRow({ row, index, start, onOpen, onKeyDown }: { row: TenantListRow; index: number; start: number; onOpen(row: TenantListRow): void; onKeyDown(event: KeyboardEvent, index: number, row: TenantListRow): void }) {
  return (
    <div
      role="row"
      tabIndex={0}
      data-index={index}
      data-testid="tenant-row"
      data-tenant={row.id}
      className={`${classes.row} ${tableClasses.grid} ${tableClasses.row}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row)}
      onKeyDown={(event) => onKeyDown(event, index, row)}
    >
      {columns.map((column) => (
        <div key={column.id} className={cellClass(column)} role="gridcell">
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
});

export const TenantTable = memo(TenantTableView);

/** Focus the first row (from the search box's arrow down). */
export function focusFirstRow(): void {
  document.querySelector<HTMLElement>('[data-testid="tenant-row"][data-index="0"]')?.focus();
}
