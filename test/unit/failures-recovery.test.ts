// The way forward when Kith cannot open its data at start (issue 7): what the
// dialog offers for each failure, and what each choice does, on real files.
// The "dialogs" are answered by the test (main/electron/recovery.ts draws the
// real ones from the same plan); everything else is the real code: openKith,
// the checked and staged restore of main/services/backups.ts, read-only opens.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openKith } from '../../main/db/kith';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { backupChoices, planStartupRecovery, recoverFromOpenFailure, type RecoveryAction, type RecoveryPlan } from '../../main/recovery';
import { createBackupSync, listBackups } from '../../main/services/backups';
import { createPerson, listPeople } from '../../main/services/people';
import { KithError, type ErrorCode } from '../../shared/errors';
import { makeTempDir, removeTempDirs } from '../helpers/db';

afterEach(removeTempDirs);

/** A data folder whose file holds Ana, with one backup of that state; then Ben is added after the backup. */
function dataDirWithBackup(): { dataDir: string; dbFile: string; backupName: string } {
  const dataDir = path.join(makeTempDir('kith-recovery-'), 'Kith');
  const store = openKith(dataDir);
  createPerson(store.db, { displayName: 'Ana Acosta' });
  const backup = createBackupSync(store, 'manual');
  createPerson(store.db, { displayName: 'Ben Bauer' });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.pragma('journal_mode = DELETE'); // the whole file in one place, so damage is where we put it
  const dbFile = store.dbFile;
  store.close();
  return { dataDir, dbFile, backupName: backup.name };
}

function damage(file: string): Buffer {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(size - 4096), 0, size - 4096, 4096);
  fs.closeSync(fd);
  return fs.readFileSync(file);
}

function openError(dataDir: string): unknown {
  try {
    openKith(dataDir).close();
  } catch (error) {
    return error;
  }
  throw new Error('expected the open to fail');
}

/** A scripted user: answers each question in turn and records what was asked. */
function scriptedUi(answers: (RecoveryAction | { backup: string | null })[]) {
  const asked: RecoveryPlan[] = [];
  const offered: string[][] = [];
  const next = () => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error('the dialog asked more than the script answers');
    return answer;
  };
  return {
    asked,
    offered,
    ui: {
      ask(plan: RecoveryPlan): RecoveryAction {
        asked.push(plan);
        const answer = next();
        if (typeof answer !== 'string') throw new Error(`expected an action question, got ${plan.title}`);
        return answer;
      },
      pickBackup(choices: { name: string; label: string }[]): string | null {
        offered.push(choices.map((c) => c.name));
        const answer = next();
        if (typeof answer === 'string') throw new Error('expected a backup question');
        return answer.backup;
      },
    },
  };
}

describe('what the startup dialog offers', () => {
  const backups = [{ name: 'kith-daily-2026-01-02T03-04-05-678Z.db', kind: 'daily' as const, createdAt: '2026-01-02T03:04:05.678Z', sizeBytes: 1_500_000, detail: null }];
  const cases: [ErrorCode, RecoveryAction[], RecoveryAction[]][] = [
    // code, with backups, without backups
    ['DB_CORRUPT', ['restore', 'quit'], ['quit']],
    ['NOT_A_KITH_DB', ['restore', 'quit'], ['quit']],
    ['DB_READONLY', ['readonly', 'quit'], ['readonly', 'quit']],
    ['DISK_FULL', ['readonly', 'quit'], ['readonly', 'quit']],
    ['DB_LOCKED', ['readonly', 'quit'], ['readonly', 'quit']],
    // A newer Kith's file is fine: update Kith. Restoring an older backup would throw away newer notes.
    ['DB_TOO_NEW', ['quit'], ['quit']],
  ];
  it.each(cases)('%s: %j with backups, %j without', (code, withBackups, without) => {
    const error = new KithError(code, `The message for ${code}.`);
    const plan = planStartupRecovery(error, { dataDir: '/data/Kith', backups });
    expect(plan.actions).toEqual(withBackups);
    expect(plan.detail).toMatch(new RegExp(`^The message for ${code}\\.`));
    expect(plan.detail).toMatch(/Data folder: \/data\/Kith\n\nNothing was changed\.$/);
    expect(plan.title).not.toBe('Kith could not open its data');
    expect(planStartupRecovery(error, { dataDir: '/data/Kith', backups: [] }).actions).toEqual(without);
  });

  it('an unexplained error (a missing native build) offers only Quit, with the reason', () => {
    const plan = planStartupRecovery(new Error('Module did not self-register'), { dataDir: '/d', backups, bindingProblem: 'Run npm run start once.' });
    expect(plan.actions).toEqual(['quit']);
    expect(plan.title).toBe('Kith could not open its data');
    expect(plan.detail).toMatch(/Module did not self-register\n\nRun npm run start once\./);
  });

  it('does not offer read-only again once it failed, and says why it failed first', () => {
    const plan = planStartupRecovery(new KithError('DB_LOCKED', 'Locked.'), { dataDir: '/d', backups, readOnlyFailed: true, lastAttempt: 'Still locked.' });
    expect(plan.actions).toEqual(['quit']);
    expect(plan.detail).toMatch(/^That did not work: Still locked\.\n\nLocked\./);
  });

  it('lists the newest backups first, at most six, with date, kind and size', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ ...backups[0]!, name: `b${i}` }));
    const choices = backupChoices(many, 6, 'en-GB');
    expect(choices.map((c) => c.name)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
    expect(choices[0]!.label).toMatch(/2 Jan 2026.*· Daily · 1\.4 MB$/);
  });
});

describe('choosing a way forward, on real files', () => {
  it('damaged file → Restore a backup…: the backup is in place, the damaged file kept byte for byte as a before-restore copy', async () => {
    const place = dataDirWithBackup();
    const damaged = damage(place.dbFile);
    const error = openError(place.dataDir);
    expect((error as KithError).code).toBe('DB_CORRUPT');

    const script = scriptedUi(['restore', { backup: place.backupName }]);
    const store = await recoverFromOpenFailure(error, place.dataDir, script.ui);
    expect(store).not.toBeNull();
    expect(script.asked[0]!.actions).toEqual(['restore', 'quit']);
    expect(script.asked[0]!.title).toBe('Your Kith data file is damaged');
    expect(script.offered[0]).toEqual([place.backupName]);
    expect(listPeople(store!.db, {}).items.map((p) => p.displayName).sort()).toEqual(['Ana Acosta']);
    expect(store!.readOnly).toBe(false);
    createPerson(store!.db, { displayName: 'Written after the restore' });
    store!.close();

    const copy = listBackups(path.join(place.dataDir, 'backups')).find((b) => b.kind === 'before-restore')!;
    expect(fs.readFileSync(path.join(place.dataDir, 'backups', copy.name)).equals(damaged)).toBe(true);
  });

  it('damaged file → Restore… → Back → Quit: nothing changed', async () => {
    const place = dataDirWithBackup();
    const damaged = damage(place.dbFile);
    const script = scriptedUi(['restore', { backup: null }, 'quit']);
    expect(await recoverFromOpenFailure(openError(place.dataDir), place.dataDir, script.ui)).toBeNull();
    expect(script.asked).toHaveLength(2);
    expect(fs.readFileSync(place.dbFile).equals(damaged)).toBe(true);
    expect(listBackups(path.join(place.dataDir, 'backups')).map((b) => b.kind)).toEqual(['manual']);
  });

  it('a chosen file that is itself damaged is refused, the dialog says so, and the current file is unchanged', async () => {
    const place = dataDirWithBackup();
    const damaged = damage(place.dbFile);
    const bad = path.join(makeTempDir(), 'not-a-backup.db');
    fs.writeFileSync(bad, 'name,email\n');
    const script = scriptedUi(['restore', { backup: bad }, 'quit']);
    expect(await recoverFromOpenFailure(openError(place.dataDir), place.dataDir, script.ui)).toBeNull();
    expect(script.asked[1]!.detail).toMatch(/^That did not work: not-a-backup\.db is not a Kith backup[\s\S]*your current data is unchanged/);
    expect(script.asked[1]!.title).toBe('Your Kith data file is damaged'); // still about the data file
    expect(fs.readFileSync(place.dbFile).equals(damaged)).toBe(true);
  });

  it('damaged file with no backups: only Quit; the file is left for rescue', async () => {
    const place = dataDirWithBackup();
    fs.rmSync(path.join(place.dataDir, 'backups'), { recursive: true });
    const damaged = damage(place.dbFile);
    const script = scriptedUi(['quit']);
    expect(await recoverFromOpenFailure(openError(place.dataDir), place.dataDir, script.ui)).toBeNull();
    expect(script.asked[0]!.actions).toEqual(['quit']);
    expect(script.asked[0]!.detail).toMatch(/no backups[\s\S]*Keep the file/);
    expect(fs.readFileSync(place.dbFile).equals(damaged)).toBe(true);
  });

  it('cannot write (here: a DB_READONLY at open) → Open read-only: everything readable, saves refused with the sentence, file unchanged', async () => {
    const place = dataDirWithBackup();
    const bytes = fs.readFileSync(place.dbFile);
    // As root, a write-protected file cannot be made; the open's error is the one openDatabase gives for SQLITE_READONLY.
    const error = new KithError('DB_READONLY', `Kith cannot write its data file ${place.dbFile} (attempt to write a readonly database). Check the file's and folder's permissions, or open it read-only.`);
    const script = scriptedUi(['readonly']);
    const store = (await recoverFromOpenFailure(error, place.dataDir, script.ui))!;
    expect(store.readOnly).toBe(true);
    const dispatch = createDispatcher(createHandlers({ db: store.db, dataDir: store.dataDir }), { readOnly: store.readOnly, validateOutput: true });
    const info = await dispatch('app:info', undefined);
    expect(info.ok && info.value).toMatchObject({ readOnly: true });
    const people = await dispatch('people:list', {});
    expect(people.ok && (people.value as { items: { displayName: string }[] }).items.map((p) => p.displayName).sort()).toEqual(['Ana Acosta', 'Ben Bauer']);
    const refused = await dispatch('people:create', { displayName: 'Zoë' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'DB_READONLY', message: expect.stringMatching(/^Kith opened your data read-only/) as unknown as string },
    });
    store.close();
    expect(fs.readFileSync(place.dbFile).equals(bytes)).toBe(true);
  });

  it('locked exclusively by another program → Open read-only fails too → the dialog says so and offers only Quit', async () => {
    const place = dataDirWithBackup();
    const holder = new Database(place.dbFile);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const error = new KithError('DB_LOCKED', 'Kith\'s data file is in use by another program (perhaps another Kith). Close it and try again.');
    const script = scriptedUi(['readonly', 'quit']);
    // The read-only open waits out its busy timeout (5 s by default) before it gives up; the holder never lets go.
    expect(await recoverFromOpenFailure(error, place.dataDir, script.ui)).toBeNull();
    expect(script.asked[1]!.actions).toEqual(['quit']);
    expect(script.asked[1]!.detail).toMatch(/^That did not work: .*in use by another program/);
    holder.exec('COMMIT');
    holder.close();
  }, 20_000);
});
