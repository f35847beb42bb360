// Hash routes (#/people, #/people/12, #/orgs, #/orgs/3), so a reload keeps the place.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'people' }
  | { name: 'person'; id: number }
  | { name: 'orgs' }
  | { name: 'org'; id: number }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'routes'; org: number | null; person: number | null; hops: number | null }
  | { name: 'introductions' }
  | { name: 'home' }
  | { name: 'journal' }
  | { name: 'search'; query: string }
  | { name: 'graph'; query: string }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/home';
  const parts = path.split('/').filter(Boolean);
  const id = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
  if (parts[0] === 'people' && parts.length === 1) return { name: 'people' };
  // #/people?review=imported (issue 17): the People view reads its own query.
  if (/^\/?people\?/.test(path)) return { name: 'people' };
  if (parts[0] === 'people' && parts.length === 2 && id !== null && id > 0) return { name: 'person', id };
  if (parts[0] === 'orgs' && parts.length === 1) return { name: 'orgs' };
  if (parts[0] === 'orgs' && parts.length === 2 && id !== null && id > 0) return { name: 'org', id };
  if (parts[0] === 'import' && parts.length === 1) return { name: 'import' };
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  if (/^\/?routes(\?|$)/.test(path)) return parseRoutesRoute(path);
  if (parts[0] === 'introductions' && parts.length === 1) return { name: 'introductions' };
  if (parts[0] === 'home' && parts.length === 1) return { name: 'home' };
  if (/^\/?journal(\?|$)/.test(path)) return { name: 'journal' };
  if (/^\/?search(\?|$)/.test(path)) return { name: 'search', query: new URLSearchParams(path.split('?')[1] ?? '').get('q') ?? '' };
  if (/^\/?graph(\?|$)/.test(path)) return { name: 'graph', query: path.split('?')[1] ?? '' };
  return { name: 'notFound', path };
}

export const hrefFor = {
  home: () => '#/home',
  journal: () => '#/journal',
  people: () => '#/people',
  person: (id: number) => `#/people/${id}`,
  orgs: () => '#/orgs',
  org: (id: number) => `#/orgs/${id}`,
  graph: () => '#/graph',
  import: () => '#/import',
  settings: () => '#/settings',
  /** #/routes, #/routes?org=3, #/routes?person=12 (optionally &hops=N): other views link here. */
  routes: (target?: { org?: number; person?: number; hops?: number }) => {
    const q = new URLSearchParams();
    if (target?.org) q.set('org', String(target.org));
    if (target?.person) q.set('person', String(target.person));
    if (target?.hops) q.set('hops', String(target.hops));
    const s = q.toString();
    return s ? `#/routes?${s}` : '#/routes';
  },
  introductions: () => '#/introductions',
};

/** #/routes?org=ID | person=ID [&hops=N]; unknown or malformed parameters are ignored. */
function parseRoutesRoute(path: string): Route {
  const q = new URLSearchParams(path.slice(path.indexOf('?') + 1 || path.length));
  const num = (key: string) => {
    const v = q.get(key);
    return v !== null && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null;
  };
  const org = num('org');
  return { name: 'routes', org, person: org === null ? num('person') : null, hops: num('hops') };
}

export function navigate(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
