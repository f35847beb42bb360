import { useEffect, useState } from 'react';
import type { JournalQuery, JournalRow } from '../../../../shared/journal';
import { invoke } from '../../api';
import { useRevision } from '../../data/revision';

const PAGE = 500;

export interface JournalRows {
  items: JournalRow[];
  total: number | null;
  error: Error | null;
}

/**
 * Every entry matching the filter, fetched page by page with the keyset
 * cursor (each page shows as it arrives), refetched on any mutation. The
 * virtualized list keeps only visible rows in the DOM, so 10,000 rows are fine.
 */
export function useJournalRows(filter: Omit<JournalQuery, 'cursor' | 'offset' | 'limit'>): JournalRows {
  const revision = useRevision();
  const key = JSON.stringify(filter);
  const [state, setState] = useState<JournalRows & { key: string | null }>({ key: null, items: [], total: null, error: null });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const items: JournalRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await invoke('journal:list', { ...filter, limit: PAGE, cursor });
        if (cancelled) return;
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        setState({ key, items: [...items], total: page.total, error: null });
      } while (cursor);
    };
    load().catch((error: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, key, error: error instanceof Error ? error : new Error(String(error)) }));
    });
    return () => {
      cancelled = true;
    };
    // `key` stands for the filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision]);

  return { items: state.items, total: state.key === key ? state.total : null, error: state.error };
}
