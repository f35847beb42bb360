// The IPC registration rules, on a stand-in for ipcMain (the registry takes
// any object with handle()): one handler per channel, and only Kith's own top
// frame is served. The dispatcher and database behind it are the real ones.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createIpcRegistry, registerContract, senderFrameInfo, type InvokeEventLike, type IpcMainLike } from '../../main/ipc/registry';
import type { Db } from '../../main/db/open';
import { createTestDb, removeTempDirs } from '../helpers/db';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      listeners.set(channel, listener);
    },
  };
}

const appFrame = { url: 'app://kith/index.html#/people', parent: null };

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function realDispatch() {
  db = createTestDb();
  return createDispatcher(createHandlers({ db, dataDir: '/nowhere' }), { validateOutput: true });
}

describe('IPC registry', () => {
  it('registers every contract channel exactly once', () => {
    const ipc = fakeIpcMain();
    const registry = createIpcRegistry(ipc);
    registerContract(registry, realDispatch());
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(registry.registered().sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses a second handler for a channel', () => {
    const registry = createIpcRegistry(fakeIpcMain());
    const dispatch = realDispatch();
    registry.handle('people:list', dispatch);
    expect(() => registry.handle('people:list', dispatch)).toThrow(/already registered/);
    expect(() => registerContract(registry, dispatch)).toThrow(/people:list is already registered/);
  });

  it("serves the app's top frame through the dispatcher", async () => {
    const ipc = fakeIpcMain();
    registerContract(createIpcRegistry(ipc), realDispatch());
    const result = await ipc.listeners.get('people:create')!({ senderFrame: appFrame }, { displayName: 'Grace Hopper' });
    expect(result).toMatchObject({ ok: true, value: { displayName: 'Grace Hopper' } });
    const invalid = await ipc.listeners.get('people:create')!({ senderFrame: appFrame }, { displayName: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['a subframe of the app', { url: 'app://kith/index.html', parent: appFrame }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['another app:// host', { url: 'app://other/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['credentials in the URL', { url: 'app://user:pw@kith/index.html', parent: null }],
    ['no frame (navigated away or destroyed)', null],
  ])('answers FORBIDDEN to %s and changes nothing', async (_name, senderFrame) => {
    const ipc = fakeIpcMain();
    const refused: string[] = [];
    registerContract(createIpcRegistry(ipc, { onForbidden: (channel) => refused.push(channel) }), realDispatch());
    const result = await ipc.listeners.get('people:create')!({ senderFrame }, { displayName: 'Mallory' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused).toEqual(['people:create']);
    const people = (await ipc.listeners.get('people:list')!({ senderFrame: appFrame }, { search: 'Mallory' })) as { value: { total: number } };
    expect(people.value.total).toBe(0);
  });

  it('treats a frame whose properties throw (disposed) as untrusted', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(senderFrameInfo(disposed)).toBeNull();
    expect(senderFrameInfo(appFrame)).toEqual({ url: appFrame.url, isMainFrame: true });
  });
});

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
