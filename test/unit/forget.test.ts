// Issue 18, item 7: forgetting a person removes them completely from the live
// data (every table that refers to them, @mentions, saved graph positions,
// the full-text indexes, the bytes of the file), asks first (confirm: true),
// takes no backup of its own, and lists and purges the backups that still
// hold them. Real SQLite temp files throughout.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKith, type KithStore } from '../../main/db/kith';
import { savePositions } from '../../main/graph/positions';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createAffiliation } from '../../main/services/affiliations';
import { createBackupSync, listBackups } from '../../main/services/backups';
import { createFavor } from '../../main/services/favors';
import { FORGOTTEN_MENTION, forgetPerson, forgottenInBackups, previewForget, purgeForgottenBackups } from '../../main/services/forget';
import { createIntroduction } from '../../main/services/introductions';
import { createEntry } from '../../main/services/journal';
import { createPerson, getMeId } from '../../main/services/people';
import { createReminder } from '../../main/services/reminders';
import { createTie } from '../../main/services/ties';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

const stores: KithStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  removeTempDirs();
});

const NAME = 'Zebulon Quaxworth';
const SECRET = 'quaxnotes-secret-7731';

function world() {
  const dataDir = path.join(makeTempDir('kith-forget-'), 'data');
  const store = openKith(dataDir);
  stores.push(store);
  const db = store.db;
  const me = getMeId(db);
  const zeb = createPerson(db, { displayName: NAME, notes: `private: ${SECRET}`, tags: ['quaxtag'], emails: [{ value: 'zeb@quax.example' }] }).id;
  const ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
  const ben = createPerson(db, { displayName: 'Ben Bauer' }).id;
  createTie(db, { personA: me, personB: zeb, strength: 4 });
  createTie(db, { personA: zeb, personB: ana, strength: 3 });
  createTie(db, { personA: me, personB: ana, strength: 4 });
  createTie(db, { personA: ana, personB: ben, strength: 3 });
  createAffiliation(db, { personId: zeb, organizationName: 'Quax Labs', title: 'Founder' });
  const solo = createEntry(db, { occurredAt: '2026-01-02', kind: 'coffee', title: 'Coffee with Zeb', body: `Talked about ${SECRET}`, participantIds: [zeb] }).id;
  const shared = createEntry(db, {
    occurredAt: '2026-01-03',
    kind: 'meeting',
    title: 'Lunch',
    body: `Met @${NAME} and @Ana Acosta; @ana again.`,
    participantIds: [zeb, ana],
  }).id;
  const other = createEntry(db, { occurredAt: '2026-01-04', kind: 'call', body: `Ana said @${NAME} moved.`, participantIds: [ana] }).id;
  createFavor(db, { personId: zeb, direction: 'received', kind: 'referral', occurredOn: '2026-01-05', note: 'referral' });
  createReminder(db, { title: 'Write to Zeb', dueOn: '2026-02-01', personId: zeb });
  createIntroduction(db, { route: [me, zeb, ana, ben] });
  createIntroduction(db, { route: [me, ana, ben] });
  savePositions(db, { ids: [me, zeb, ana], xy: [0, 0, 10, 10, 20, 20] });
  return { dataDir, store, db, me, zeb, ana, ben, solo, shared, other };
}

describe('forget a person', () => {
  it('previews, then removes them from every table, mention and saved position, and from the file bytes', () => {
    const w = world();
    const preview = previewForget(w.db, w.zeb);
    expect(preview).toEqual({
      personId: w.zeb,
      displayName: NAME,
      ties: 2,
      affiliations: 1,
      journalEntries: 1,
      participations: 1,
      mentions: 2,
      favors: 1,
      followUps: 1,
      introductions: 1,
      otherRecords: 1, // person_tags (attention_states etc. have no rows for them)
      savedViews: 1,
      onlyThroughThem: 0,
    });
    const bytesHold = (needle: string) =>
      ['', '-wal'].some((suffix) => {
        const file = `${path.join(w.dataDir, 'kith.db')}${suffix}`;
        return fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle));
      });
    // The check below can fail: before forgetting, the bytes hold them.
    expect(bytesHold('Quaxworth') && bytesHold(SECRET)).toBe(true);
    const backupsBefore = fs.existsSync(w.store.backupDir) ? fs.readdirSync(w.store.backupDir) : [];

    const result = forgetPerson(w.db, w.zeb);
    expect(result).toMatchObject(preview);
    // No backup of its own.
    expect(fs.existsSync(w.store.backupDir) ? fs.readdirSync(w.store.backupDir) : []).toEqual(backupsBefore);

    const db = w.db;
    const count = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p);
    expect(count('SELECT count(*) FROM people WHERE id = ?', w.zeb)).toBe(0);
    expect(count('SELECT count(*) FROM ties WHERE person_a = ? OR person_b = ?', w.zeb, w.zeb)).toBe(0);
    expect(count('SELECT count(*) FROM ties')).toBe(2);
    expect(count('SELECT count(*) FROM interactions WHERE id = ?', w.solo)).toBe(0);
    expect(count('SELECT count(*) FROM interaction_participants WHERE interaction_id = ?', w.shared)).toBe(1);
    expect(count('SELECT body FROM interactions WHERE id = ?', w.shared)).toBe(`Met ${FORGOTTEN_MENTION} and @Ana Acosta; @ana again.`);
    expect(count('SELECT body FROM interactions WHERE id = ?', w.other)).toBe(`Ana said ${FORGOTTEN_MENTION} moved.`);
    expect(count('SELECT count(*) FROM introductions')).toBe(1);
    expect(count('SELECT count(*) FROM favors')).toBe(0);
    expect(count('SELECT count(*) FROM reminders')).toBe(0);
    expect(JSON.parse(count(`SELECT value FROM settings WHERE key = 'graph.positions'`) as string)).toEqual({ ids: [w.me, w.ana], xy: [0, 0, 20, 20] });
    expect(count(`SELECT count(*) FROM people_fts WHERE people_fts MATCH 'quaxworth'`)).toBe(0);
    expect(count(`SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH '"quaxnotes"'`)).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Nothing of them left in the bytes of the data file or its WAL.
    w.store.close();
    for (const needle of ['Quaxworth', 'quaxworth', SECRET, 'zeb@quax']) expect(bytesHold(needle), needle).toBe(false);
  });

  it('refuses "me", an unknown id, and a request without confirm: true, changing nothing', async () => {
    const w = world();
    const dispatch = createDispatcher(createHandlers({ db: w.db, dataDir: w.dataDir }), { validateOutput: true });
    const before = snapshotDb(w.db);
    const me = await dispatch('people:forget', { id: w.me, confirm: true });
    expect(me.ok ? null : me.error.code).toBe('CONFLICT');
    const missing = await dispatch('people:forget', { id: 99_999, confirm: true });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const unconfirmed = await dispatch('people:forget', { id: w.zeb });
    expect(unconfirmed.ok ? null : unconfirmed.error.code).toBe('INVALID_INPUT');
    expect(snapshotDb(w.db)).toEqual(before);
  });

  it('lists the backups that still hold them, purges exactly those, then forgets the record', () => {
    const w = world();
    const place = { db: w.db, backupDir: w.store.backupDir };
    const before = createBackupSync(w.store, 'manual').name;
    expect(forgottenInBackups(place)).toEqual([]);
    const { forgottenKey } = forgetPerson(w.db, w.ana);
    const after = createBackupSync(w.store, 'manual', { now: new Date(Date.UTC(2027, 0, 1)) }).name;
    const listed = forgottenInBackups(place);
    expect(listed).toEqual([{ key: forgottenKey, forgottenAt: expect.any(String), backups: [before], unchecked: [] }]);
    // The record holds no name.
    expect(String(w.db.prepare(`SELECT value FROM settings WHERE key = 'forget.pending'`).pluck().get())).not.toContain('Ana');

    expect(purgeForgottenBackups(place, forgottenKey)).toEqual({ deleted: [before] });
    expect(listBackups(w.store.backupDir).map((b) => b.name)).toEqual([after]);
    expect(forgottenInBackups(place)).toEqual([]);
    expect(w.db.prepare(`SELECT value FROM settings WHERE key = 'forget.pending'`).pluck().get()).toBe('[]');
    expect(() => purgeForgottenBackups(place, forgottenKey)).toThrow(/nothing was deleted/);
  });

  it('kith people forget asks first (--yes), then forgets', async () => {
    const w = world();
    w.store.close();
    const run = (...args: string[]) => kith([...args, '--data-dir', w.dataDir]);
    const asked = await run('people', 'forget', NAME);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/--yes/);
    expect(asked.stdout).toMatch(/2 ties[\s\S]*1 journal entry/);
    expect((await run('people', 'show', NAME)).code).toBe(0);
    const done = await run('people', 'forget', NAME, '--yes');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Forgot Zebulon Quaxworth/);
    expect((await run('people', 'show', NAME)).code).toBe(1);
  });
});
