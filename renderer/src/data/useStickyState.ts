import { useCallback, useState } from 'react';

// View state (search text, sort) that survives leaving and coming back to a
// view within a session, without a state library.
const memory = new Map<string, unknown>();

export function useStickyState<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
