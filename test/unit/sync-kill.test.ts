// A sync pass killed with SIGKILL (issue 19: "a SIGKILL while writing or
// applying a change file leaves both sides consistent"). A real child process
// runs the real pass on a real data file and stops at a named step (the
// probe), where the parent kills it: with a change file's bytes written under
// its temporary name, with the file named but not yet remembered, inside the
// transaction that applies another device's file, and between removals of old
// files. After each kill the next pass completes, every write the child
// acknowledged is there, nothing is half-applied, and the devices converge.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleChild, childPath, onLines } from '../helpers/child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { createPerson } from '../../main/services/people';
import { canonicalDump } from '../../main/sync/engine';
import { changeFileName, deviceDir, listDevices, TEMP_FILE } from '../../main/sync/folder';
import { syncNow, syncStatus, type SyncNowOptions } from '../../main/sync/run';
import { joinFolder, type FolderDevice as Device } from '../helpers/syncDevices';
import { makeTempDir, removeTempDirs } from '../helpers/db';

// Inside node_modules so the bundle resolves better-sqlite3-multiple-ciphers like the app does.
const child = childPath('kith-sync-kill', 'child.cjs');
const EAGER: SyncNowOptions = { snapshotRule: { minOps: 1, registersShare: 0, maxFiles: 1 } };

// The child: adds people (printing "ack NAME" after each commit), then runs one
// pass and, at the step named, prints it and waits to be killed.
const CHILD_SOURCE = `
import path from 'node:path';
import { openDatabase } from './main/db/open';
import { createPerson } from './main/services/people';
import { syncNow } from './main/sync/run';
const [dataDir, stopAt, add, eager] = process.argv.slice(2);
const db = openDatabase(path.join(dataDir, 'kith.db'));
for (let i = 0; i < Number(add); i++) {
  const name = 'Acked ' + path.basename(dataDir) + ' ' + i;
  createPerson(db, { displayName: name });
  process.stdout.write('ack ' + name + '\\n');
}
const probe = (step) => {
  if (step !== stopAt) return;
  process.stdout.write('at ' + step + '\\n');
  // Wait here until killed: Atomics.wait blocks the thread without a timer.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
syncNow(db, dataDir, eager === '1' ? { probe, snapshotRule: { minOps: 1, registersShare: 0, maxFiles: 1 } } : { probe });
process.stdout.write('done\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
`;

beforeAll(async () => {
  await bundleChild({ contents: CHILD_SOURCE, name: 'sync-kill-child.ts' }, child);
}, 60_000);
afterAll(() => removeTempDirs());

const join = (shared: string): Device => joinFolder(shared, 'the kill test passphrase', 'kith-kill-');

/** Closes the device's connection, runs the child on its data file until it reaches `stopAt`, kills it there, and reopens. */
async function killAt(d: Device, stopAt: string, add: number, eager = false): Promise<string[]> {
  d.db.close();
  const acked = await new Promise<string[]>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, d.dir, stopAt, String(add), eager ? '1' : '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const names: string[] = [];
    let reached = false;
    let stderr = '';
    onLines(proc.stdout, (line) => {
      if (line.startsWith('ack ')) names.push(line.slice(4));
      if (line === `at ${stopAt}`) {
        reached = true;
        proc.kill('SIGKILL');
      }
      if (line === 'done') proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL' || !reached) reject(new Error(`the child never stopped at ${stopAt}: ${stderr}`));
      else resolve(names);
    });
  });
  d.db = openDatabase(path.join(d.dir, 'kith.db'));
  return acked;
}

function names(db: Db): string[] {
  return db.prepare('SELECT display_name FROM people ORDER BY display_name').pluck().all() as string[];
}

describe('a sync pass killed with SIGKILL', () => {
  it('while writing a change file: the file appears whole or not at all, and the next pass writes it once', async () => {
    const shared = makeTempDir('kith-sync-');
    const a = join(shared);
    const b = join(shared);
    syncNow(b.db, b.dir);

    // Killed with the bytes under the temporary name: no change file, no record of one.
    const acked1 = await killAt(a, 'temporary-file-written', 3);
    expect(names(a.db)).toEqual(expect.arrayContaining(acked1));
    const mine = deviceDir(shared, a.id);
    const temps = fs.readdirSync(mine).filter((n) => TEMP_FILE.test(n));
    expect(temps).toHaveLength(1);
    // Left by a dead writer: removed by a later pass once it is an hour old (a live writer takes milliseconds).
    const hoursAgo = new Date(fs.statSync(path.join(mine, temps[0]!)).mtimeMs - 2 * 3_600_000);
    fs.utimesSync(path.join(mine, temps[0]!), hoursAgo, hoursAgo);
    expect(listDevices(shared).find((d) => d.device === a.id)!.changes).toEqual([]);
    expect(syncStatus(a.db).compaction.writtenFile).toBe(0);

    // Killed with the file named but not remembered: the next pass finds it as its own.
    const acked2 = await killAt(a, 'change-file-written', 2);
    expect(fs.existsSync(path.join(mine, changeFileName(1)))).toBe(true);
    expect(syncStatus(a.db).compaction.writtenFile).toBe(0);
    const next = syncNow(a.db, a.dir);
    expect(next).toMatchObject({ device: a.id, newDeviceId: false });
    expect(syncStatus(a.db).compaction.writtenFile).toBe(1);
    expect(listDevices(shared).find((d) => d.device === a.id)!.changes).toEqual([1]);
    expect(fs.readdirSync(mine).filter((n) => TEMP_FILE.test(n))).toEqual([]);

    expect(syncNow(b.db, b.dir)).toMatchObject({ applied: 1, waiting: [] });
    syncNow(a.db, a.dir);
    expect(names(b.db)).toEqual(expect.arrayContaining([...acked1, ...acked2]));
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });

  it('while applying another device’s file, or removing old files: nothing half-applied, nothing lost, the next pass completes', async () => {
    const shared = makeTempDir('kith-sync-');
    const a = join(shared);
    const b = join(shared);
    for (const n of ['Ana Acosta', 'Bo Berg', 'Chen Li']) createPerson(a.db, { displayName: n });
    syncNow(a.db, a.dir);
    const before = canonicalDump(b.db);

    // B stops inside the transaction applying A's file, after its own acknowledged writes.
    const acked = await killAt(b, 'applying', 2);
    expect(names(b.db)).toEqual(expect.arrayContaining(acked));
    expect(names(b.db)).not.toContain('Ana Acosta');
    expect(syncStatus(b.db).devices.find((d) => d.device === a.id)?.appliedFile ?? 0).toBe(0);
    expect(canonicalDump(b.db).people).toEqual(expect.objectContaining(before.people));
    // B wrote its own file before applying: it is there, whole, and remembered or found again.
    expect(syncNow(b.db, b.dir)).toMatchObject({ applied: 1, waiting: [] });
    expect(names(b.db)).toEqual(expect.arrayContaining(['Ana Acosta', 'Bo Berg', 'Chen Li', ...acked]));

    // A takes a snapshot and starts removing its files once B has them; killed after the first removal.
    syncNow(a.db, a.dir, EAGER);
    syncNow(b.db, b.dir, EAGER);
    createPerson(a.db, { displayName: 'Dana Ek' });
    syncNow(a.db, a.dir, EAGER);
    syncNow(b.db, b.dir, EAGER);
    const ackedA = await killAt(a, 'compacting', 1, true);
    expect(names(a.db)).toEqual(expect.arrayContaining(ackedA));
    syncNow(a.db, a.dir, EAGER);
    syncNow(b.db, b.dir, EAGER);
    syncNow(a.db, a.dir, EAGER);
    expect(syncStatus(a.db).compaction.heldBackBy).toEqual([]);
    expect(listDevices(shared).find((d) => d.device === a.id)!.changes).toEqual([]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    // A newcomer starts from the snapshots; killed while applying one, it has none of it, then all of it.
    const c = join(shared);
    await killAt(c, 'applying-snapshot', 0);
    expect(names(c.db)).toEqual(['Me']);
    expect(syncStatus(c.db).devices.every((d) => d.appliedFile === 0)).toBe(true);
    expect(syncNow(c.db, c.dir)).toMatchObject({ waiting: [] });
    syncNow(a.db, a.dir);
    syncNow(b.db, b.dir);
    syncNow(c.db, c.dir);
    expect(canonicalDump(c.db)).toEqual(canonicalDump(a.db));
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});
