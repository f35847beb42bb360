// One global data revision. Every mutation bumps it, and every query
// refetches when it changes: simple, and always correct for a local database
// where a refetch costs a few milliseconds.
import { useSyncExternalStore } from 'react';

let revision = 0;
const listeners = new Set<() => void>();

export function bumpRevision(): void {
  revision += 1;
  for (const listener of listeners) listener();
}

/** The revision now, for requests sent outside React (the early first page, issue 17). */
export function currentRevision(): number {
  return revision;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
