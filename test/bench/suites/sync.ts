// Sync (issue 19) on real files: applying 10,000 incoming operations, the
// overhead sync adds to one local write, the size of change files, and a
// whole pass through a folder. The sample network is the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../main/db/open';
import { generateNetwork } from '../../../main/sample/generate';
import { writeNetwork } from '../../../main/sample/load';
import { updatePerson } from '../../../main/services/people';
import { writeChangeFile } from '../../../main/sync/changeFile';
import { applySnapshot, readSnapshot, writeSnapshot } from '../../../main/sync/compact';
import { applyOps, enableSync, outboxSince, type SyncOp } from '../../../main/sync/engine';
import { deviceDir, snapshotFileName } from '../../../main/sync/folder';
import { setUpSync, syncNow } from '../../../main/sync/run';
import { fixedClock, setClock } from '../../../shared/clock';
import type { BenchRow, BenchSuite } from '../types';

const SUITE = 'sync';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function withSample(dir: string, name: string, people: number): Db {
  const db = openDatabase(path.join(dir, `${name}.db`));
  writeNetwork(db, generateNetwork({ people, seed: 42, now: new Date('2027-01-31T12:00:00Z') }));
  return db;
}

function writeP50(db: Db, runs: number): number {
  const ids = db.prepare('SELECT id FROM people WHERE is_me = 0 LIMIT 200').pluck().all() as number[];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const id = ids[i % ids.length]!;
    const start = performance.now();
    updatePerson(db, id, { headline: `Headline ${i}` });
    times.push(performance.now() - start);
  }
  return median(times);
}

export const syncSuite: BenchSuite = {
  name: SUITE,
  async run({ quick }) {
    const restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-sync-'));
    const rows: BenchRow[] = [];
    try {
      const people = quick ? 500 : 2_000;
      const a = withSample(dir, 'a', people);
      const plainP50 = writeP50(a, quick ? 100 : 500);
      let start = performance.now();
      enableSync(a, { device: 'bench-a' });
      const enableMs = performance.now() - start;
      const snapshot = outboxSince(a, 0, 10_000_000);
      rows.push({ suite: SUITE, name: `switch sync on: ${people.toLocaleString('en-US')} people (${snapshot.length.toLocaleString('en-US')} operations)`, value: enableMs, unit: 'ms' });
      const syncP50 = writeP50(a, quick ? 100 : 500);
      rows.push({ suite: SUITE, name: 'one local write (a person edited): without sync / with sync, p50', value: syncP50, unit: 'ms', note: `without ${plainP50.toFixed(3)} ms` });
      rows.push({ suite: SUITE, name: 'sync overhead on one local write, p50', value: syncP50 - plainP50, unit: 'ms', target: '≤ 1 ms p50' });

      // Applying 10,000 incoming operations on a device that has none of them.
      const b = openDatabase(path.join(dir, 'b.db'));
      enableSync(b, { device: 'bench-b' });
      const ops: SyncOp[] = snapshot.slice(0, 10_000).map(({ seq: _seq, ...op }) => op);
      start = performance.now();
      applyOps(b, ops);
      rows.push({ suite: SUITE, name: 'apply 10,000 incoming operations (new rows)', value: performance.now() - start, unit: 'ms', target: '≤ 1 s' });
      // And 10,000 edits of rows it already has.
      const edits = outboxSince(a, snapshot[snapshot.length - 1]!.seq, 10_000).map(({ seq: _seq, ...op }) => op);
      applyOps(b, snapshot.slice(10_000).map(({ seq: _seq, ...op }) => op));
      const many: SyncOp[] = [];
      for (let i = 0; many.length < 10_000; i++) for (const e of edits) if (many.length < 10_000) many.push({ ...e, h: e.h.replace(/^([0-9a-f]{12})-([0-9a-f]{4})/, (_m, ms: string) => `${(parseInt(ms, 16) + i + 1).toString(16).padStart(12, '0')}-0000`) });
      start = performance.now();
      applyOps(b, many);
      rows.push({ suite: SUITE, name: 'apply 10,000 incoming operations (edits of existing rows)', value: performance.now() - start, unit: 'ms', target: '≤ 1 s' });

      const key = Buffer.alloc(32, 7);
      const thousand = snapshot.slice(0, 1000).map((o) => [o.t, o.g, o.c, o.v, o.h]);
      const bytes = writeChangeFile(key, { device: 'bench-a', seq: 1, schema: 140, kind: 'changes', keyId: '0123456789abcdef' }, { from: 1, to: 1000, ops: thousand });
      rows.push({ suite: SUITE, name: 'change file size per 1,000 operations (deflated, encrypted)', value: bytes.length / 1024, unit: 'KB', note: `${(JSON.stringify(thousand).length / 1024).toFixed(0)} KB as JSON` });

      // A compaction snapshot of A's whole synced state, and a new device starting from it.
      const snapFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-snap-'));
      try {
        const registers = a.prepare('SELECT count(*) FROM sync_fields').pluck().get() as number;
        const me = { device: 'bench-a', key, keyId: '0123456789abcdef' };
        start = performance.now();
        const seq = writeSnapshot(a, snapFolder, me, undefined);
        const snapMs = performance.now() - start;
        const snapBytes = fs.readFileSync(path.join(deviceDir(snapFolder, 'bench-a'), snapshotFileName(seq)));
        rows.push({ suite: SUITE, name: `write a snapshot: ${people.toLocaleString('en-US')} people (${registers.toLocaleString('en-US')} registers)`, value: snapMs, unit: 'ms' });
        rows.push({ suite: SUITE, name: `snapshot size: ${people.toLocaleString('en-US')} people (deflated, encrypted)`, value: snapBytes.length / 1024, unit: 'KB' });
        const n = openDatabase(path.join(dir, 'n.db'));
        enableSync(n, { device: 'bench-n' });
        start = performance.now();
        applySnapshot(n, 'bench-n', readSnapshot(key, me.keyId, snapBytes, 'bench-a', seq).payload);
        rows.push({ suite: SUITE, name: 'a new device starts from that snapshot (read, merge, materialize)', value: performance.now() - start, unit: 'ms' });
        n.close();
      } finally {
        fs.rmSync(snapFolder, { recursive: true, force: true });
      }

      // A whole pass through a folder: A writes everything, C applies it.
      a.close();
      b.close();
      const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-shared-'));
      try {
        const aDir = path.join(dir, 'pa');
        const cDir = path.join(dir, 'pc');
        fs.mkdirSync(aDir);
        fs.mkdirSync(cDir);
        const pa = withSample(aDir, 'kith', quick ? 200 : 1_000);
        const pc = openDatabase(path.join(cDir, 'kith.db'));
        setUpSync(pa, aDir, shared, 'bench passphrase');
        setUpSync(pc, cDir, shared, 'bench passphrase');
        start = performance.now();
        const written = syncNow(pa, aDir);
        const writeMs = performance.now() - start;
        start = performance.now();
        const applied = syncNow(pc, cDir);
        const applyMs = performance.now() - start;
        rows.push({ suite: SUITE, name: `a first pass: write ${written.written} file(s)`, value: writeMs, unit: 'ms', note: `${applied.operations.toLocaleString('en-US')} operations` });
        rows.push({ suite: SUITE, name: 'a first pass on the other device: apply them', value: applyMs, unit: 'ms' });
        pa.close();
        pc.close();
      } finally {
        fs.rmSync(shared, { recursive: true, force: true });
      }
    } finally {
      restore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
