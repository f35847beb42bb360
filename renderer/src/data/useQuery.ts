import { useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { invoke } from '../api';
import { useRevision } from './revision';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  /** True until the first answer (or error) for the current input. */
  loading: boolean;
}

/**
 * Fetches a channel and refetches when the input changes or any mutation
 * bumps the data revision. The previous data stays visible while a refetch
 * runs, so lists do not flash empty between keystrokes.
 */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>, enabled = true): QueryState<ChannelOutput<C>> {
  const revision = useRevision();
  const key = `${channel} ${JSON.stringify(input ?? null)}`;
  const [state, setState] = useState<{ key: string; data: ChannelOutput<C> | undefined; error: Error | null; settledKey: string | null }>(
    { key, data: undefined, error: null, settledKey: null },
  );

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    invoke(channel, input).then(
      (data) => {
        if (!cancelled) setState({ key, data, error: null, settledKey: key });
      },
      (error: unknown) => {
        if (!cancelled) {
          setState((s) => ({ key, data: s.data, error: error instanceof Error ? error : new Error(String(error)), settledKey: key }));
        }
      },
    );
    return () => {
      cancelled = true;
    };
    // `key` stands for channel + input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision, enabled]);

  return { data: state.data, error: state.settledKey === key ? state.error : null, loading: state.settledKey !== key };
}
