import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (item: T) => void;
  renderRow: (item: T, index: number) => ReactNode;
  /** Pass a stable function (module level): a new one each render makes the list re-measure every row. */
  itemKey: (item: T, index: number) => string | number;
  /** Told the first and last rendered row (overscan included) whenever they change: for lists that fetch what they show (issue 17). */
  onRange?: (start: number, end: number) => void;
  label: string;
  testId: string;
}

/**
 * A virtualized, keyboard-driven list: only the visible rows are in the DOM,
 * so 10,000 people scroll as smoothly as 10. Arrow keys move the selection,
 * Enter opens it.
 */
export function VirtualList<T>({ items, rowHeight, selected, onSelect, onOpen, renderRow, itemKey, label, testId, onRange }: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-measures every row (O(rows), objects for each) whenever
  // getItemKey changes identity: a new function each render meant each scroll
  // frame and each render at 10,000 people paid for all 10,000 (issue 17).
  // Keep it while the items and the key function (callers pass a stable one) stay.
  const getItemKey = useCallback((index: number) => itemKey(items[index]!, index), [items, itemKey]);
  // The virtualizer's functions are not memoizable; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    getItemKey,
  });
  const shown = virtualizer.getVirtualItems();
  const first = shown[0]?.index ?? 0;
  const last = shown[shown.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onRange && last >= first) onRange(first, last);
  }, [onRange, first, last]);

  useEffect(() => {
    if (selected >= 0 && selected < items.length) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, items.length, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => handleListKey(event, items, selected, onSelect, onOpen, rowHeight, scrollRef.current);

  return (
    <div
      ref={scrollRef}
      className="virtual-list"
      tabIndex={0}
      role="listbox"
      aria-label={label}
      aria-activedescendant={selected >= 0 && selected < items.length ? `${testId}-row-${selected}` : undefined}
      data-testid={testId}
      data-count={items.length}
      onKeyDown={onKeyDown}
    >
      <div className="virtual-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={row.key}
              id={`${testId}-row-${row.index}`}
              role="option"
              aria-selected={row.index === selected}
              className={`virtual-row${row.index === selected ? ' selected' : ''}`}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              data-index={row.index}
              onMouseDown={() => onSelect(row.index)}
              onClick={() => onOpen(item)}
            >
              {renderRow(item, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Shared by the list and its search box: ↑/↓ move, PageUp/PageDown jump, Enter opens. */
export function handleListKey<T>(
  event: KeyboardEvent<HTMLElement>,
  items: readonly T[],
  selected: number,
  onSelect: (index: number) => void,
  onOpen: (item: T) => void,
  rowHeight: number,
  scroller: HTMLElement | null,
): void {
  if (items.length === 0) return;
  const page = Math.max(1, Math.floor((scroller?.clientHeight ?? 400) / rowHeight) - 1);
  const move = (to: number) => {
    event.preventDefault();
    onSelect(Math.max(0, Math.min(items.length - 1, to)));
  };
  switch (event.key) {
    case 'ArrowDown':
      return move(selected + 1);
    case 'ArrowUp':
      return move(selected - 1);
    case 'PageDown':
      return move(selected + page);
    case 'PageUp':
      return move(selected - page);
    case 'Home':
      if (event.currentTarget.tagName !== 'INPUT') move(0);
      return;
    case 'End':
      if (event.currentTarget.tagName !== 'INPUT') move(items.length - 1);
      return;
    case 'Enter': {
      const item = items[selected];
      if (item !== undefined) {
        event.preventDefault();
        onOpen(item);
      }
      return;
    }
  }
}
