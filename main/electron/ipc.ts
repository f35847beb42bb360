// Puts every contract channel on ipcMain, each call checked against its
// sender frame first. The rules live in main/ipc/registry.ts (plain Node,
// unit-tested); this file only hands it Electron's ipcMain.
import { ipcMain } from 'electron';
import type { Dispatch } from '../ipc/dispatch';
import { createIpcRegistry, registerContract, type IpcRegistry } from '../ipc/registry';

export function registerIpc(dispatch: Dispatch, log: (message: string) => void): IpcRegistry {
  const registry = createIpcRegistry(ipcMain, {
    onForbidden: (channel, url) => log(`Refused ${channel} from an untrusted frame (${url ?? 'no frame'})`),
  });
  registerContract(registry, dispatch);
  return registry;
}
