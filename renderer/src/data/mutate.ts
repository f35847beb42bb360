import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { invoke } from '../api';
import { bumpRevision } from './revision';

/** Runs a data-changing request, then tells every query to refetch. Throws RequestError on failure. */
export async function mutate<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const value = await invoke(channel, input);
  bumpRevision();
  return value;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
