// The People list by pages (issue 17): at 10,000 people one answer with every
// row was 2.3 MB on each search, and the first row took 1.46 s. The list asks
// for the first page, then the pages around what is on screen; sorting and
// search stay in the main process. The previous answer stays visible while
// a new query loads, so the list does not flash empty between keystrokes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeopleQuery, PersonRow } from '../../../shared/domain';
import { invoke } from '../api';
import { useRevision } from './revision';

export const PEOPLE_PAGE = 100;

interface Loaded {
  key: string;
  total: number;
  pages: ReadonlyMap<number, readonly PersonRow[]>;
}

export interface PagedPeople {
  /** One slot per row; undefined while its page loads. */
  items: readonly (PersonRow | undefined)[];
  total: number | null;
  error: Error | null;
  /** True until the first page of the current query has arrived (tests wait on it: data-settled-search). */
  loading: boolean;
  /** Tell the hook which rows are on screen. */
  onRange: (start: number, end: number) => void;
}

export function usePagedPeople(input: Omit<PeopleQuery, 'offset' | 'limit'>): PagedPeople {
  const revision = useRevision();
  const key = `${JSON.stringify(input)}#${revision}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [range, setRange] = useState<{ start: number; end: number }>({ start: 0, end: 0 });
  const pending = useRef(new Set<string>());

  const current = loaded?.key === key ? loaded : null;
  const first = Math.floor(range.start / PEOPLE_PAGE);
  const last = Math.floor(range.end / PEOPLE_PAGE);

  useEffect(() => {
    // Page 0 first (it says how many there are); then the pages on screen.
    const wanted = current ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [0];
    for (const page of wanted) {
      if (current?.pages.has(page)) continue;
      if (current && page * PEOPLE_PAGE >= current.total) continue;
      const id = `${key}@${page}`;
      if (pending.current.has(id)) continue;
      pending.current.add(id);
      invoke('people:list', { ...input, offset: page * PEOPLE_PAGE, limit: PEOPLE_PAGE }).then(
        (answer) => {
          pending.current.delete(id);
          setError(null);
          setLoaded((prev) => {
            const pages = new Map(prev?.key === key ? prev.pages : []);
            pages.set(page, answer.items);
            return { key, total: answer.total, pages };
          });
        },
        (e: unknown) => {
          pending.current.delete(id);
          setError(e instanceof Error ? e : new Error(String(e)));
        },
      );
    }
    // `key` stands for the input and the data revision.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, first, last, current]);

  const onRange = useCallback((start: number, end: number) => {
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, []);

  const shown = current ?? loaded; // the previous answer while the new one loads
  const items: (PersonRow | undefined)[] = [];
  if (shown) {
    for (let i = 0; i < shown.total; i++) items.push(shown.pages.get(Math.floor(i / PEOPLE_PAGE))?.[i % PEOPLE_PAGE]);
  }
  return { items, total: shown ? shown.total : null, error, loading: current === null, onRange };
}
