// The renderer's only way to reach data: window.kith.invoke, exposed by the
// preload for contract channels. Results come back as { ok, value } or
// { ok: false, error }; this turns failures back into a thrown, typed error.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { ErrorCode, IpcResult } from '../../shared/errors';

export class RequestError extends Error {
  readonly code: ErrorCode;
  readonly channel: Channel;
  constructor(channel: Channel, code: ErrorCode, message: string) {
    super(message);
    this.name = 'RequestError';
    this.code = code;
    this.channel = channel;
  }
}

export async function invoke<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window.kith;
  if (!bridge) throw new RequestError(channel, 'INTERNAL', 'Kith could not reach its data (the preload bridge is missing).');
  const result = (await bridge.invoke(channel, input)) as IpcResult<ChannelOutput<C>>;
  if (result.ok) return result.value;
  throw new RequestError(channel, result.error.code, result.error.message);
}
