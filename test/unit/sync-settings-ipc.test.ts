// Issue 19, Settings › Sync through the real dispatcher and handlers, on real
// SQLite files and real temp folders: the engine's refusals reach the page in
// its own words (a wrong passphrase named as such) and change nothing; the
// first computer must type its passphrase twice; a conflict is listed with the
// entry it belongs to; and the status contract takes the engine's first shape
// as well as a richer one (device names, skewed clocks, files waiting).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { statusView } from '../../main/ipc/handlers-sync';
import { createEntry, updateEntry } from '../../main/services/journal';
import { createPerson } from '../../main/services/people';
import { applyOps, enableSync, outboxSince } from '../../main/sync/engine';
import { setUpSync, syncStatus } from '../../main/sync/run';
import { fixedClock, offsetClock, setClock } from '../../shared/clock';
import type { IpcResult } from '../../shared/errors';
import { SyncStatusView } from '../../shared/sync';
import { createTestDb, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

const PASSPHRASE = 'correct horse battery';

let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(removeTempDirs);

function computer(answers: Array<string | null>): { db: Db; dataDir: string; dispatch: Dispatch } {
  const db = createTestDb({ file: true });
  const dataDir = makeTempDir('kith-sync-ipc-data-');
  const chooseSyncFolder = () => Promise.resolve(answers.shift() ?? null);
  return { db, dataDir, dispatch: createDispatcher(createHandlers({ db, dataDir, chooseSyncFolder }), { validateOutput: true }) };
}

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function failure(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

describe('setting sync up from Settings', () => {
  it('refuses a wrong passphrase, a mismatch, a short one and a folder inside the data folder, changing nothing', async () => {
    const folder = makeTempDir('kith-sync-ipc-folder-');
    // Another computer set the folder up first.
    const other = createTestDb({ file: true });
    setUpSync(other, makeTempDir('kith-sync-ipc-other-'), folder, PASSPHRASE);

    const answers: Array<string | null> = [];
    const me = computer(answers);
    const inside = path.join(me.dataDir, 'sync');
    fs.mkdirSync(inside);
    const before = snapshotDb(me.db);

    answers.push(inside);
    expect(failure(await me.dispatch('sync:chooseFolder', {}))).toEqual({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/cannot be inside Kith's own data folder.*Nothing was changed\.$/),
    });
    answers.push(null);
    expect(value(await me.dispatch('sync:chooseFolder', {}))).toBeNull();

    answers.push(folder);
    const chosen = value<{ token: string; existing: boolean; folder: string }>(await me.dispatch('sync:chooseFolder', {}));
    expect(chosen).toMatchObject({ existing: true, folder: fs.realpathSync(folder) });
    expect(failure(await me.dispatch('sync:setUp', { token: chosen.token, passphrase: 'horse battery correct' }))).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'That is not the passphrase this sync folder was set up with. Nothing was changed.',
    });
    expect(snapshotDb(me.db)).toEqual(before);
    expect(value<{ enabled: boolean }>(await me.dispatch('sync:status', {})).enabled).toBe(false);

    // Joining: the passphrase once is enough.
    const joined = value<{ created: boolean; last: { pass: { applied: number } | null } }>(await me.dispatch('sync:setUp', { token: chosen.token, passphrase: PASSPHRASE }));
    expect(joined.created).toBe(false);
    // The token is spent.
    expect(failure(await me.dispatch('sync:setUp', { token: chosen.token, passphrase: PASSPHRASE })).message).toMatch(/Choose the sync folder again/);

    // A first computer in an empty folder types it twice, and long enough.
    const empty = makeTempDir('kith-sync-ipc-empty-');
    const answers2: Array<string | null> = [empty, empty];
    const first = computer(answers2);
    const before2 = snapshotDb(first.db);
    const token = value<{ token: string; existing: boolean }>(await first.dispatch('sync:chooseFolder', {}));
    expect(token.existing).toBe(false);
    expect(failure(await first.dispatch('sync:setUp', { token: token.token, passphrase: PASSPHRASE }))).toMatchObject({ code: 'INVALID_INPUT', message: /not the same/ });
    expect(failure(await first.dispatch('sync:setUp', { token: token.token, passphrase: 'short', confirmPassphrase: 'short' })).message).toMatch(/at least 8 characters/);
    expect(snapshotDb(first.db)).toEqual(before2);
    expect(fs.readdirSync(empty)).toEqual([]);
    const created = value<{ created: boolean; last: { pass: { written: number } | null; error: string | null } }>(
      await first.dispatch('sync:setUp', { token: token.token, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }),
    );
    expect(created).toMatchObject({ created: true, last: { error: null, pass: { written: 1 } } });
    const status = value<{ enabled: boolean; lastPass: unknown; deviceName: string | null }>(await first.dispatch('sync:status', {}));
    expect(status).toMatchObject({ enabled: true, lastPass: created.last });
    expect(status.deviceName).toEqual(expect.any(String));

    // The folder goes away: the pass says so, in words, and nothing local changes.
    fs.rmSync(empty, { recursive: true, force: true });
    const before3 = snapshotDb(first.db);
    const gone = value<{ pass: unknown; error: string }>(await first.dispatch('sync:now', {}));
    expect(gone).toMatchObject({ pass: null, error: expect.stringMatching(/does not exist.*Nothing was changed\.$/) });
    expect(snapshotDb(first.db)).toEqual(before3);
  });
});

describe('texts to resolve', () => {
  it('lists an entry edited on two computers at once, with its title and date, to link to', async () => {
    const a = createTestDb({ file: true });
    enableSync(a, { device: 'laptop' });
    const b = computer([]);
    enableSync(b.db, { device: 'desktop' });
    const ana = createPerson(a, { displayName: 'Ana Acosta' });
    const entry = createEntry(a, { occurredAt: '2027-01-20', kind: 'coffee', title: 'Coffee with Ana', body: 'First draft.', participantIds: [ana.id] });
    const send = (from: Db, to: Db, since: number): number => {
      const ops = outboxSince(from, since);
      applyOps(to, ops.map(({ seq: _seq, ...op }) => op));
      return ops.at(-1)?.seq ?? since;
    };
    const sentA = send(a, b.db, 0);
    const entryB = b.db.prepare("SELECT id FROM interactions WHERE title = 'Coffee with Ana'").pluck().get() as number;
    updateEntry(a, entry.id, { body: 'Written on the laptop.' });
    restore();
    restore = setClock(offsetClock(new Date('2027-01-31T12:00:01Z'), 'Europe/Berlin', fixedClock('2027-01-31T12:00:00Z')));
    updateEntry(b.db, entryB, { body: 'Written on the desktop.' });
    send(a, b.db, sentA);

    const conflicts = value<unknown[]>(await b.dispatch('sync:conflicts', {}));
    expect(conflicts).toEqual([{ kind: 'entry', id: entryB, label: 'Coffee with Ana (2027-01-20)', field: "the entry's text", otherValue: 'Written on the laptop.' }]);
    expect(value<{ conflicts: number }>(await b.dispatch('sync:status', {})).conflicts).toBe(1);
  });
});

describe('the status contract', () => {
  it("takes the engine's status as it is now", () => {
    const db = createTestDb({ file: true });
    setUpSync(db, makeTempDir('kith-sync-ipc-data-'), makeTempDir('kith-sync-ipc-folder-'), PASSPHRASE);
    const view = statusView(syncStatus(db), { conflicts: 0, lastPass: null });
    expect(SyncStatusView.safeParse(view).success).toBe(true);
    expect(view).toMatchObject({ enabled: true, devices: [], waiting: [], skewedDevices: [] });
  });

  it('and a richer one: device names, the last change made, skewed clocks, a newer version, a failed file', () => {
    const raw = {
      enabled: true,
      device: 'laptop',
      name: 'Sam’s laptop',
      folder: '/sync/kith',
      devices: [
        { device: 'desktop', name: 'Desk', appliedFile: 4, appliedAt: '2027-01-30T10:00:00.000Z', lastChangeAt: '2027-01-30T09:00:00.000Z', waiting: null, clockAheadMs: 0, extra: [1] },
        { device: 'tablet', appliedFile: 1, appliedAt: null, waiting: 'Written by a newer version of Kith (schema 200).', clockAheadMs: 3 * 86_400_000 },
      ],
      skewedDevices: ['phone', { device: 'tablet', clockAheadMs: 3 * 86_400_000 }],
      waiting: [{ device: 'tablet', reason: 'Written by a newer version of Kith (schema 200).' }],
      failedFiles: [{ device: 'desktop', file: '000000000005.kchg', message: 'File 5 cannot be applied: damaged.' }],
      unknownField: { anything: true },
    };
    const view = statusView(raw, { conflicts: 2, lastPass: null });
    expect(SyncStatusView.safeParse(view).success).toBe(true);
    expect(view.deviceName).toBe('Sam’s laptop');
    expect(view.devices[0]).toMatchObject({ name: 'Desk', lastChangeAt: '2027-01-30T09:00:00.000Z' });
    expect(view.skewedDevices).toEqual([
      { device: 'tablet', clockAheadMs: 3 * 86_400_000 },
      { device: 'phone', clockAheadMs: null },
    ]);
    expect(view.waiting).toEqual([
      { kind: 'newer-version', device: 'tablet', message: 'Written by a newer version of Kith (schema 200).' },
      { kind: 'failed-file', device: 'desktop', message: 'File 5 cannot be applied: damaged.' },
    ]);
  });
});
