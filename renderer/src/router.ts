// Hash routes (#/people, #/people/12, #/orgs, #/orgs/3), so a reload keeps the place.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'people' }
  | { name: 'person'; id: number }
  | { name: 'orgs' }
  | { name: 'org'; id: number }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/people';
  const parts = path.split('/').filter(Boolean);
  const id = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : null;
  if (parts[0] === 'people' && parts.length === 1) return { name: 'people' };
  if (parts[0] === 'people' && parts.length === 2 && id !== null && id > 0) return { name: 'person', id };
  if (parts[0] === 'orgs' && parts.length === 1) return { name: 'orgs' };
  if (parts[0] === 'orgs' && parts.length === 2 && id !== null && id > 0) return { name: 'org', id };
  return { name: 'notFound', path };
}

export const hrefFor = {
  people: () => '#/people',
  person: (id: number) => `#/people/${id}`,
  orgs: () => '#/orgs',
  org: (id: number) => `#/orgs/${id}`,
};

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
