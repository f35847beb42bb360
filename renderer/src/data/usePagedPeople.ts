// The People list by pages (issue 17): at 10,000 people one answer with every
// row was 2.3 MB on each search, and the first row took 1.46 s. The list asks
// for the first page, then the pages around what is on screen; sorting and
// search stay in the main process. The previous answer stays visible while
// a new query loads, so the list does not flash empty between keystrokes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { PeopleQuery, PeopleSort, PersonRow } from '../../../shared/domain';
import { invoke } from '../api';
import { currentRevision, useRevision } from './revision';
import { stickyValue } from './useStickyState';

export const PEOPLE_PAGE = 100;

type PeopleListInput = Omit<PeopleQuery, 'offset' | 'limit'>;
type PeoplePage = ChannelOutput<'people:list'>;

/** What the People view shows, as it keeps it (useStickyState keys and first values) and as its route says. */
export interface PeopleViewState {
  search: string;
  sort: PeopleSort;
  showArchived: boolean;
  degree: 'first' | 'second' | 'all';
}

export const PEOPLE_VIEW_STATE: { readonly [K in keyof PeopleViewState]: { key: string; initial: PeopleViewState[K] } } = {
  search: { key: 'people.search', initial: '' },
  sort: { key: 'people.sort', initial: 'name' },
  showArchived: { key: 'people.archived', initial: false },
  degree: { key: 'people.degree', initial: 'first' },
};

/** The query the People view asks for, from its state and its route (#/people?review=imported, #/people?batch=…). */
export function peopleListInput(state: PeopleViewState, hash: string): PeopleListInput {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  // #/people?review=imported: only the imported contacts not looked at yet (Home's card, issue 17).
  const reviewImported = params.get('review') === 'imported';
  // #/people?batch=<import time>: the people one import brought in (people.import_batch).
  const importBatch = params.get('batch')?.slice(0, 40) || null;
  return {
    search: state.search || undefined,
    sort: state.sort,
    archived: state.showArchived ? 'include' : 'exclude',
    ...(state.degree !== 'first' ? { degree: state.degree } : {}),
    ...(reviewImported ? { review: 'imported' as const } : {}),
    ...(importBatch ? { importBatch } : {}),
  };
}

function queryKey(input: PeopleListInput, revision: number): string {
  return `${JSON.stringify(input)}#${revision}`;
}

function askPage(input: PeopleListInput, page: number): Promise<PeoplePage> {
  return invoke('people:list', { ...input, offset: page * PEOPLE_PAGE, limit: PEOPLE_PAGE });
}

interface Loaded {
  key: string;
  total: number;
  pages: ReadonlyMap<number, readonly PersonRow[]>;
}

// The first page asked for when the app's script starts on #/people, before
// React has rendered anything (issue 17): the answer travels while the shell
// and the view load and render, instead of after them. If it has arrived by
// the time the view first renders, the view starts with it (no empty render).
let early: { key: string; answer: Promise<PeoplePage>; arrived?: PeoplePage } | null = null;

/** Asks for the first page the People view will want, now (boot.ts, on #/people). */
export function prefetchPeopleFirstPage(hash: string): void {
  const state = {
    search: stickyValue(PEOPLE_VIEW_STATE.search.key, PEOPLE_VIEW_STATE.search.initial).trim(),
    sort: stickyValue(PEOPLE_VIEW_STATE.sort.key, PEOPLE_VIEW_STATE.sort.initial),
    showArchived: stickyValue(PEOPLE_VIEW_STATE.showArchived.key, PEOPLE_VIEW_STATE.showArchived.initial),
    degree: stickyValue(PEOPLE_VIEW_STATE.degree.key, PEOPLE_VIEW_STATE.degree.initial),
  };
  const input = peopleListInput(state, hash);
  const entry: NonNullable<typeof early> = { key: queryKey(input, currentRevision()), answer: askPage(input, 0) };
  // Whoever takes a failed answer sees the failure and asks again.
  entry.answer.then((page) => (entry.arrived = page)).catch(() => undefined);
  early = entry;
}

/** The early first page if it has arrived and is the one wanted (a look, for the first render). */
function arrivedFirstPage(key: string): Loaded | null {
  if (early?.key !== key || !early.arrived) return null;
  return { key, total: early.arrived.total, pages: new Map([[0, early.arrived.items]]) };
}

/** The early first page's answer if it is the one wanted; either way it is used once, by the first view to ask. */
function takeEarlyFirstPage(key: string, input: PeopleListInput): Promise<PeoplePage> | null {
  const taken = early;
  early = null;
  return taken?.key === key ? taken.answer.catch(() => askPage(input, 0)) : null;
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

export function usePagedPeople(input: PeopleListInput): PagedPeople {
  const revision = useRevision();
  const key = queryKey(input, revision);
  const [loaded, setLoaded] = useState<Loaded | null>(() => arrivedFirstPage(key));
  const [error, setError] = useState<Error | null>(null);
  const [range, setRange] = useState<{ start: number; end: number }>({ start: 0, end: 0 });
  const pending = useRef(new Set<string>());

  const current = loaded?.key === key ? loaded : null;
  const first = Math.floor(range.start / PEOPLE_PAGE);
  const last = Math.floor(range.end / PEOPLE_PAGE);

  useEffect(() => {
    // Page 0 first (it says how many there are); then the pages on screen.
    const wanted = current ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [0];
    const earlyFirstPage = takeEarlyFirstPage(key, input);
    for (const page of wanted) {
      if (current?.pages.has(page)) continue;
      if (current && page * PEOPLE_PAGE >= current.total) continue;
      const id = `${key}@${page}`;
      if (pending.current.has(id)) continue;
      pending.current.add(id);
      ((page === 0 ? earlyFirstPage : null) ?? askPage(input, page)).then(
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
  // One slot per person (10,000 at 10,000 people): built again only when a page arrives, not on every render.
  const items = useMemo(() => {
    const slots: (PersonRow | undefined)[] = [];
    if (shown) {
      for (let i = 0; i < shown.total; i++) slots.push(shown.pages.get(Math.floor(i / PEOPLE_PAGE))?.[i % PEOPLE_PAGE]);
    }
    return slots;
  }, [shown]);
  return { items, total: shown ? shown.total : null, error, loading: current === null, onRange };
}
