// A passphrase change killed at any moment (SIGKILL, a real child process on
// a real file) leaves a data file that opens with the old passphrase or the
// new one, intact and with every row, never a damaged one. The child reports
// each step of the rekey on stdout; the parent kills it either while it waits
// at a step, or the instant the rekey's journal appears in the folder (the
// rekey is then rewriting pages: a watch on the folder is the signal).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleChild, childPath, onLines } from '../helpers/child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KithError } from '../../shared/errors';
import { openKith, type KithStore } from '../../main/db/kith';
import { writeNetwork } from '../../main/sample/load';
import { generateNetwork } from '../../main/sample/generate';
import { setPassphrase } from '../../main/services/encryption';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const OLD = 'old passphrase one';
const NEW = 'new passphrase two';
// Inside node_modules so the bundle resolves better-sqlite3-multiple-ciphers like the app does.
const child = childPath('kith-rekey-kill', 'child.cjs');

const CHILD_SOURCE = `
import { openKith } from './main/db/kith';
import { changePassphrase, setPassphrase } from './main/services/encryption';
const [dataDir, mode, stopAt, oldPass, newPass] = process.argv.slice(2);
const store = openKith(dataDir, mode === 'change' ? { passphrase: oldPass } : {});
const place = { db: store.db, dbFile: store.dbFile, backupDir: store.backupDir };
const probe = (step) => {
  process.stdout.write(step + '\\n');
  // Wait here until killed: Atomics.wait blocks the thread without a timer.
  if (step === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
};
if (mode === 'change') changePassphrase(place, oldPass, newPass, probe);
else setPassphrase(place, newPass, probe);
process.stdout.write('done\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
`;

let templates: Record<'set' | 'change', string>;
let peopleCount: number;

beforeAll(async () => {
  await bundleChild({ contents: CHILD_SOURCE, name: 'rekey-child.ts' }, child);
  // A few MB of data, so the rekey takes long enough to be killed in the middle.
  const plain = path.join(makeTempDir('kith-kill-'), 'data');
  const store = openKith(plain);
  writeNetwork(store.db, generateNetwork({ people: 3000, seed: 11 }));
  peopleCount = (store.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  store.close();
  const protectedDir = path.join(makeTempDir('kith-kill-'), 'data');
  fs.cpSync(plain, protectedDir, { recursive: true });
  const enc = openKith(protectedDir);
  setPassphrase({ db: enc.db, dbFile: enc.dbFile, backupDir: enc.backupDir }, OLD);
  enc.close();
  templates = { set: plain, change: protectedDir };
}, 120_000);

afterAll(() => removeTempDirs());

/** Runs the child on a fresh copy of the template; kills it at step `stopAt`, or for 'journal' when the rekey's journal is created. */
function runAndKill(mode: 'set' | 'change', stopAt: string): Promise<{ dataDir: string; steps: string[] }> {
  const dataDir = path.join(makeTempDir('kith-kill-run-'), 'data');
  fs.cpSync(templates[mode], dataDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, mode, stopAt, OLD, NEW], { stdio: ['ignore', 'pipe', 'pipe'] });
    const steps: string[] = [];
    const watcher =
      stopAt === 'journal'
        ? fs.watch(dataDir, (_event, name) => {
            // The rekey's own journal (leaving WAL may touch an empty one earlier).
            if (name === 'kith.db-journal' && steps.includes('rekeying') && fs.existsSync(path.join(dataDir, name))) {
              steps.push('journal');
              proc.kill('SIGKILL');
            }
          })
        : null;
    let stderr = '';
    onLines(proc.stdout, (line) => {
      steps.push(line);
      if (line === stopAt) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      watcher?.close();
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself (code ${code}): ${stderr}`));
      else resolve({ dataDir, steps });
    });
  });
}

/** Opens with whichever passphrase works; fails if neither does. */
function openEither(dataDir: string, mode: 'set' | 'change'): { store: KithStore; which: 'old' | 'new' } {
  const oldOne = mode === 'set' ? null : OLD;
  try {
    return { store: openKith(dataDir, { passphrase: oldOne }), which: 'old' };
  } catch (error) {
    if (!(error instanceof KithError) || !['WRONG_PASSPHRASE', 'PASSPHRASE_REQUIRED'].includes(error.code)) throw error;
  }
  return { store: openKith(dataDir, { passphrase: NEW }), which: 'new' };
}

describe('a SIGKILL during a passphrase change', () => {
  for (const mode of ['set', 'change'] as const) {
    it(`(${mode}) leaves a file that opens with the old or the new passphrase, intact, at every step`, async () => {
      const outcomes: Record<string, string> = {};
      let killedMidRekey = 0;
      const stops = ['copied', 'rekeying', 'rekeyed', 'verified', 'backups', ...Array<string>(4).fill('journal')];
      for (const [i, stopAt] of stops.entries()) {
        const { dataDir, steps } = await runAndKill(mode, stopAt);
        expect(steps).toContain(stopAt);
        const journal = fs.existsSync(path.join(dataDir, 'kith.db-journal'));
        if (stopAt === 'journal' && journal) killedMidRekey++;
        const { store, which } = openEither(dataDir, mode);
        try {
          expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect((store.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(peopleCount);
          expect(fs.existsSync(path.join(dataDir, 'kith.db.before-rekey'))).toBe(false);
          expect(fs.existsSync(path.join(dataDir, 'kith.db-journal')), `${stopAt}: journal left`).toBe(false);
        } finally {
          store.close();
        }
        outcomes[`${i}:${stopAt}`] = which;
        // Before the commit the old passphrase works; once the rekey committed, the new one.
        if (stopAt === 'copied' || stopAt === 'journal') expect(which).toBe('old');
        if (['rekeyed', 'verified', 'backups'].includes(stopAt)) expect(which).toBe('new');
      }
      // The kills really landed inside the rekey (its journal, with the old pages, was on disk).
      expect(killedMidRekey, JSON.stringify(outcomes)).toBeGreaterThan(0);
    }, 300_000);
  }
});
