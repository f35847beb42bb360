// The renderer's only door to main: window.kith.invoke(channel, input) for
// the channels the contract names. ipcRenderer itself is never exposed (a page
// holding it could send on any channel and listen to everything). Bundled by
// scripts/build.mjs to one CommonJS file, out/preload/index.cjs: a sandboxed
// preload may only require('electron').
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel } from '../../shared/contract';
import type { IpcResult } from '../../shared/errors';

function invoke(channel: unknown, input?: unknown): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kith has no request called "${String(channel)}".` } });
  }
  return ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>;
}

contextBridge.exposeInMainWorld('kith', { invoke });
