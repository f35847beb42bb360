// The renderer's only door to main: window.kith.invoke(channel, input) for
// the channels the contract names. ipcRenderer itself is never exposed (a page
// holding it could send on any channel and listen to everything). Bundled by
// scripts/build.mjs to one CommonJS file, out/preload/index.cjs: a sandboxed
// preload may only require('electron').
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel } from '../../shared/contract';
import type { IpcResult } from '../../shared/errors';

/** The contract's channel names, injected by scripts/build.mjs (so the preload carries no zod). */
declare const __KITH_CHANNELS__: readonly Channel[];
const channels: ReadonlySet<string> = new Set(__KITH_CHANNELS__);
const isChannel = (name: unknown): name is Channel => typeof name === 'string' && channels.has(name);

function invoke(channel: unknown, input?: unknown): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kith has no request called "${String(channel)}".` } });
  }
  return ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>;
}

contextBridge.exposeInMainWorld('kith', { invoke });
