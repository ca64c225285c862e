import { Box, Checkbox, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import classes from './VirtualTable.module.css';

export interface Column<T> {
  key: string;
  header: string;
  width: string;
  render: (row: T) => ReactNode;
  /** The cell's full text on hover, for cells that are not plain text; plain text cells get it anyway. */
  title?: (row: T) => string;
}

/** Rows fetched a page at a time: how many there are in all, and those loaded so far (by position). */
export interface PagedRows<T> {
  total: number;
  rowAt(index: number): T | undefined;
  /** Told which rows are in view, so the pages holding them are fetched. */
  onRange(first: number, last: number): void;
}

/**
 * A table that renders only the rows in view, so 5,000 contacts (or 50,000 letters) scroll as smoothly as
 * fifty. Given `paged` instead of `rows`, it asks for the rows in view only and shows a placeholder for a
 * row whose page is still on its way. Rows are buttons for the keyboard: Tab to a row, Enter to open it.
 */
export function VirtualTable<T extends { id: string }>(props: {
  label: string;
  rows?: readonly T[];
  paged?: PagedRows<T>;
  columns: readonly Column<T>[];
  onOpen: (row: T) => void;
  rowMuted?: (row: T) => boolean;
  rowLabel?: (row: T) => string;
  empty: ReactNode;
  /** With a selection, each row gets a checkbox (and the header one for every row shown). */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };
}) {
  const { columns, paged } = props;
  const count = paged ? paged.total : (props.rows?.length ?? 0);
  const rowAt = (i: number) => (paged ? paged.rowAt(i) : props.rows?.[i]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const onRange = paged?.onRange;
  useEffect(() => onRange?.(first, last), [onRange, first, last]);
  // What "Select all shown" selects: the whole of a plain list; the loaded rows in view of a paged one.
  const rows: readonly T[] = paged ? items.flatMap((item) => paged.rowAt(item.index) ?? []) : (props.rows ?? []);
  const sel = props.selection;
  const template = [...(sel ? ['40px'] : []), ...columns.map((c) => c.width)].join(' ');
  const allSelected = sel !== undefined && rows.length > 0 && rows.every((r) => sel.selected.has(r.id));
  const toggle = (id: string) => {
    if (!sel) return;
    const next = new Set(sel.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    sel.onChange(next);
  };
  return (
    <Box className={classes.table} role="table" aria-label={props.label} aria-rowcount={count + 1}>
      <div className={classes.header} role="row" style={{ gridTemplateColumns: template }}>
        {sel && (
          <div role="columnheader" className={classes.cell}>
            <Checkbox
              aria-label="Select all shown"
              checked={allSelected}
              indeterminate={!allSelected && rows.some((r) => sel.selected.has(r.id))}
              onChange={() => sel.onChange(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
            />
          </div>
        )}
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={classes.cell}>
            {c.header}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className={classes.scroller}>
        {count === 0 ? (
          <Text c="dimmed" p="md">
            {props.empty}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              if (!row) {
                return (
                  <div key={`loading-${item.index}`} role="row" aria-rowindex={item.index + 2} className={classes.row} style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: item.size }}>
                    <div role="cell" className={classes.cell}>
                      <Text c="dimmed" size="sm">
                        Loading…
                      </Text>
                    </div>
                  </div>
                );
              }
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  data-muted={props.rowMuted?.(row) || undefined}
                  className={classes.row}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: item.size }}
                  onClick={() => props.onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      props.onOpen(row);
                    }
                  }}
                >
                  {sel && (
                    <div role="cell" className={classes.cell} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                      <Checkbox aria-label={`Select ${props.rowLabel?.(row) ?? row.id}`} checked={sel.selected.has(row.id)} onChange={() => toggle(row.id)} />
                    </div>
                  )}
                  {columns.map((c) => {
                    const content = c.render(row);
                    // A long value is cut to fit its column; hovering shows it whole.
                    const title = c.title?.(row) || (typeof content === 'string' && content !== '' ? content : undefined);
                    return (
                      <div key={c.key} role="cell" className={classes.cell} title={title}>
                        {content}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Box>
  );
}
