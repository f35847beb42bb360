import { useCallback, useState } from 'react';

// View state (search text, sort) that survives leaving and coming back to a
// view within a session, without a state library.
const memory = new Map<string, unknown>();

/** The value useStickyState(key, initial) starts from: for a request sent before the view renders (issue 17). */
export function stickyValue<T>(key: string, initial: T): T {
  return memory.has(key) ? (memory.get(key) as T) : initial;
}

export function useStickyState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => stickyValue(key, initial));
  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
