// Registers the contract's channels on an ipcMain-like object. Plain Node (no
// electron import) so its two rules are unit-tested under test/unit:
// - a channel is registered once; a second registration is a bug and throws
//   (Actual's handler registry does the same);
// - every call is checked against the sender's frame first (VS Code's
//   validated IPC): anything but Kith's own top frame gets FORBIDDEN and the
//   handler never runs.
import { CHANNELS, type Channel } from '../../shared/contract';
import type { IpcResult } from '../../shared/errors';
import type { Dispatch } from './dispatch';
import { isTrustedSender, type SenderFrameInfo } from './sender';

/** The part of Electron's WebFrameMain the check needs. */
export interface FrameLike {
  readonly url: string;
  /** null for a window's top frame. */
  readonly parent: unknown;
}

/** The part of Electron's IpcMainInvokeEvent the check needs. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export const FORBIDDEN_RESULT: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request came from a page Kith does not trust, so it was refused.' },
};

/**
 * What isTrustedSender needs, read from a frame. Electron throws when a
 * disposed frame's properties are read (the page navigated or closed while
 * the request was in flight): such a frame is not trusted.
 */
export function senderFrameInfo(frame: FrameLike | null | undefined): SenderFrameInfo | null {
  if (!frame) return null;
  try {
    return { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return null;
  }
}

export interface IpcRegistry {
  /** Registers one channel; throws if it is already registered. */
  handle(channel: Channel, dispatch: Dispatch): void;
  registered(): Channel[];
}

export interface RegistryOptions {
  /** Told about every refused call (the app logs it). */
  onForbidden?: (channel: Channel, url: string | null) => void;
}

export function createIpcRegistry(ipc: IpcMainLike, options: RegistryOptions = {}): IpcRegistry {
  const registered = new Set<Channel>();
  return {
    handle(channel, dispatch) {
      if (registered.has(channel)) throw new Error(`IPC channel ${channel} is already registered; each channel has exactly one handler.`);
      registered.add(channel);
      const listener = (event: InvokeEventLike, input?: unknown): Promise<IpcResult<unknown>> => {
        const frame = senderFrameInfo(event.senderFrame);
        if (!isTrustedSender(frame)) {
          options.onForbidden?.(channel, frame?.url ?? null);
          return Promise.resolve(FORBIDDEN_RESULT);
        }
        return dispatch(channel, input);
      };
      ipc.handle(channel, listener);
    },
    registered: () => [...registered],
  };
}

/** Registers every contract channel, all served by the one dispatcher. */
export function registerContract(registry: IpcRegistry, dispatch: Dispatch): void {
  for (const channel of CHANNELS) registry.handle(channel, dispatch);
}
