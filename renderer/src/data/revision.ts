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

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
