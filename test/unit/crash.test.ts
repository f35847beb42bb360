// Durability under sudden death (issue 7): a child process writes journal
// entries through the real services and acknowledges each commit; we SIGKILL
// it at random moments and check, after every kill, that every acknowledged
// entry is there and the file is intact (integrity_check, foreign_key_check,
// and FTS5's own integrity check). KITH_CRASH_RUNS sets the count (200 in
// `npm test`, 1,000 in `npm run test:soak`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleChild, childPath, onLines } from '../helpers/child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { dataPaths } from '../../main/db/paths';
import { openKith } from '../../main/db/kith';
import { createPerson } from '../../main/services/people';
import { seededRandom } from '../../main/sample/generate';

const RUNS = Number(process.env.KITH_CRASH_RUNS ?? 200);
// Inside node_modules so the bundle resolves better-sqlite3 like the app does.
const writer = childPath('kith-crash', 'writer.cjs');
let dataDir: string;
let people: number[];

beforeAll(async () => {
  await bundleChild({ entry: 'test/durability/crashWriter.ts' }, writer);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-crash-'));
  const store = openKith(dataDir);
  people = [createPerson(store.db, { displayName: 'Ana Acosta' }).id, createPerson(store.db, { displayName: 'Tom Weber' }).id];
  store.close();
});

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Runs the writer until it has acknowledged `acks` commits (plus a random few
 * ms), then SIGKILLs it. With `pauseInside`, the writer instead stops inside
 * the transaction of entry number `acks` and is killed there (issue 18: a kill
 * that always lands mid-write); `paused` is that uncommitted entry's id.
 */
function runAndKill(acks: number, extraMs: number, pauseInside = false): Promise<{ acked: number[]; paused: number | null }> {
  return new Promise((resolve, reject) => {
    const args = [writer, dataDir, people.join(','), ...(pauseInside ? [String(acks)] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let paused: number | null = null;
    let stderr = '';
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      setTimeout(() => child.kill('SIGKILL'), extraMs);
    };
    if (acks === 0 && !pauseInside) kill();
    onLines(
      child.stdout,
      (line) => {
        if (line.startsWith('pause ')) {
          paused = Number(line.slice('pause '.length));
          child.kill('SIGKILL');
        } else acked.push(Number(line));
      },
      () => {
        if (!pauseInside && acked.length >= acks) kill();
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve({ acked, paused });
    });
  });
}

describe(`crash durability (${RUNS} SIGKILLs)`, () => {
  it('keeps every acknowledged commit and an intact file after each kill', async () => {
    const rand = seededRandom(20261122);
    const allAcked = new Set<number>();
    let killedInsideTransaction = 0;
    let pauseRuns = 0;
    for (let run = 0; run < RUNS; run++) {
      // Every fourth run stops inside a transaction and is killed there, deterministically.
      const pauseInside = run % 4 === 3;
      if (pauseInside) pauseRuns++;
      const { acked, paused } = await runAndKill(Math.floor(rand() * 12), Math.floor(rand() * 6), pauseInside);
      for (const id of acked) allAcked.add(id);

      const db = openDatabase(dataPaths(dataDir).dbFile); // also runs quick_check and refuses a damaged file
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.prepare(`INSERT INTO interactions_fts(interactions_fts) VALUES ('integrity-check')`).run();
        const present = new Set((db.prepare('SELECT id FROM interactions').all() as { id: number }[]).map((r) => r.id));
        const lost = [...allAcked].filter((id) => !present.has(id));
        expect(lost, `run ${run}: acknowledged entries missing`).toEqual([]);
        // Every entry has its participants: an entry and its join rows commit together or not at all.
        const orphans = db.prepare(
          `SELECT count(*) AS n FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id)`,
        ).get() as { n: number };
        expect(orphans.n).toBe(0);
        if (pauseInside) {
          // Killed with the entry written but not committed: it must be gone.
          expect(paused, `run ${run}: the writer never paused`).not.toBeNull();
          expect(present.has(paused!), `run ${run}: an uncommitted entry survived the kill`).toBe(false);
          killedInsideTransaction++;
        }
      } finally {
        db.close();
      }
    }
    expect(allAcked.size).toBeGreaterThan(RUNS);
    // The kills really land while writing: in every pause run, inside an open transaction.
    expect(pauseRuns).toBeGreaterThan(0);
    expect(killedInsideTransaction).toBe(pauseRuns);
  }, 600_000);
});
