// Undo on Home (issue 17: "Done", "Snooze" and "Dismiss" acted at once and a
// misclick lost the row): every action on every kind of item is put back
// exactly (every row of the database as it was), refused when the rows were
// changed since, and a forged or stale undo changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import type { HomeAction, HomeItemRef, HomeUndo } from '../../shared/journal';
import type { Db } from '../../main/db/open';
import { createFavor, updateFavor } from '../../main/services/favors';
import { actOnHomeItem, getHome } from '../../main/services/home';
import { undoHomeAction } from '../../main/services/homeUndo';
import { createEntry, deleteEntry, updateEntry } from '../../main/services/journal';
import { createPerson, getMeId } from '../../main/services/people';
import { createReminder, updateReminder } from '../../main/services/reminders';
import { searchAll } from '../../main/services/search';
import { createTie } from '../../main/services/ties';
import { createTestDb, removeTempDirs, snapshotDb, type DbSnapshot } from '../helpers/db';

const zone = 'Europe/Berlin';
const today = '2027-01-31';
let db: Db;
let restoreClock: () => void = () => undefined;
let minute = 0;
/** Moves the pinned clock a minute on, so every write has its own updated_at. */
function tick() {
  restoreClock();
  minute += 1;
  restoreClock = setClock(fixedClock(Date.parse('2027-01-31T12:00:00Z') + minute * 60_000, zone));
}
beforeEach(() => {
  minute = 0;
  tick();
});
afterEach(() => {
  db?.close();
  restoreClock();
  removeTempDirs();
});

/** One item of each kind on Home: Ana due (monthly, never logged), Ben dormant, Cleo owed thanks, a follow-up. */
function world() {
  db = createTestDb();
  const old = (id: number) => db.prepare(`UPDATE people SET created_at = '2020-01-01T12:00:00.000Z' WHERE id = ?`).run(id);
  const ana = createPerson(db, { displayName: 'Ana Acosta', cadenceDays: 30 });
  const ben = createPerson(db, { displayName: 'Ben Okafor' });
  const cleo = createPerson(db, { displayName: 'Cleo Park' });
  for (const p of [ana, ben, cleo]) old(p.id);
  createTie(db, { personA: getMeId(db), personB: ben.id, strength: 1 });
  createEntry(db, { occurredAt: '2025-01-10', kind: 'call', participantIds: [ben.id] });
  createFavor(db, { personId: cleo.id, direction: 'received', kind: 'referral', occurredOn: '2027-01-20', note: 'Referred me' });
  createFavor(db, { personId: cleo.id, direction: 'received', kind: 'advice', occurredOn: '2027-01-25' });
  const reminder = createReminder(db, { title: 'Send Dana the deck', dueOn: '2027-01-30', personId: ana.id });
  tick();
  return { ana: ana.id, ben: ben.id, cleo: cleo.id, reminder: reminder.id };
}

function shown() {
  const h = getHome(db, { timeZone: zone, today });
  return {
    due: h.due.map((d) => d.personId),
    dormant: h.dormant.map((d) => d.personId),
    thanks: h.thanks.map((t) => t.personId),
    followUps: h.followUps.map((r) => r.id),
  };
}

function act(item: HomeItemRef, action: HomeAction['action'], extra: Partial<HomeAction> = {}): HomeUndo {
  const undo = actOnHomeItem(db, { item, action, timeZone: zone, today, ...(action === 'snooze' ? { until: '2027-02-07' } : {}), ...extra });
  expect(undo).not.toBeNull();
  tick();
  return undo!;
}

/** Every row, leaving out FTS5's shadow b-tree, whose pages keep the history of an insert and delete of the same words. */
function rows(): DbSnapshot {
  const snap = snapshotDb(db);
  for (const table of Object.keys(snap)) if (/_fts_(data|idx|docsize)$/u.test(table)) delete snap[table];
  return snap;
}

function refused(undo: unknown, code: string, message?: RegExp) {
  const before = snapshotDb(db);
  let error: { code?: string; message: string } | undefined;
  try {
    undoHomeAction(db, undo as HomeUndo);
  } catch (e) {
    error = e as { code: string; message: string };
  }
  expect(error?.code).toBe(code);
  if (message) expect(error!.message).toMatch(message);
  expect(snapshotDb(db)).toEqual(before);
}

describe('home:undo puts back every action exactly', () => {
  const cases: { name: string; item: (w: ReturnType<typeof world>) => HomeItemRef; list: keyof ReturnType<typeof shown>; key: (w: ReturnType<typeof world>) => number; action: HomeAction['action']; extra?: Partial<HomeAction> }[] = [];
  const kinds = [
    { name: 'cadence', item: (w: ReturnType<typeof world>) => ({ type: 'cadence' as const, personId: w.ana }), list: 'due' as const, key: (w: ReturnType<typeof world>) => w.ana },
    { name: 'dormant', item: (w: ReturnType<typeof world>) => ({ type: 'dormant' as const, personId: w.ben }), list: 'dormant' as const, key: (w: ReturnType<typeof world>) => w.ben },
    { name: 'thanks', item: (w: ReturnType<typeof world>) => ({ type: 'thanks' as const, personId: w.cleo }), list: 'thanks' as const, key: (w: ReturnType<typeof world>) => w.cleo },
    { name: 'reminder', item: (w: ReturnType<typeof world>) => ({ type: 'reminder' as const, id: w.reminder }), list: 'followUps' as const, key: (w: ReturnType<typeof world>) => w.reminder },
  ];
  for (const k of kinds) for (const action of ['done', 'snooze', 'dismiss'] as const) cases.push({ ...k, name: `${k.name} ${action}`, action });
  cases.push({ ...kinds[0]!, name: 'cadence done with an entry', action: 'done', extra: { entry: { kind: 'coffee', title: 'Coffee with Ana' } } });
  cases.push({ ...kinds[1]!, name: 'dormant done with an entry', action: 'done', extra: { entry: { kind: 'call', body: 'Caught up' } } });

  it.each(cases)('$name', ({ item, list, key, action, extra }) => {
    const w = world();
    const before = rows();
    expect(shown()[list]).toContain(key(w));
    const undo = act(item(w), action, extra);
    expect(shown()[list]).not.toContain(key(w));
    expect(rows()).not.toEqual(before);

    undoHomeAction(db, undo);
    expect(rows()).toEqual(before);
    expect(shown()[list]).toContain(key(w));
    if (extra?.entry) expect(searchAll(db, { query: extra.entry.title ?? 'caught' }).entries).toEqual([]);
    // Once is all: the rows no longer hold what the action wrote (the logged entry is gone).
    if (extra?.entry) refused(undo, 'NOT_FOUND', /No journal entry/u);
    else refused(undo, 'CONFLICT', /changed since\. Nothing was changed/u);
  });
});

describe('home:undo of actions one after another', () => {
  it('undoes the later first, then the earlier, each exactly', () => {
    const w = world();
    const start = rows();
    const snoozed = act({ type: 'reminder', id: w.reminder }, 'snooze');
    const afterSnooze = rows();
    const done = act({ type: 'reminder', id: w.reminder }, 'done');
    refused(snoozed, 'CONFLICT'); // the later action is in the way
    undoHomeAction(db, done);
    expect(rows()).toEqual(afterSnooze);
    undoHomeAction(db, snoozed);
    expect(rows()).toEqual(start);
  });
});

describe('home:undo refuses what changed since, changing nothing', () => {
  it('a follow-up edited after it was snoozed', () => {
    const w = world();
    const undo = act({ type: 'reminder', id: w.reminder }, 'snooze');
    updateReminder(db, w.reminder, { title: 'Send Dana the new deck' });
    refused(undo, 'CONFLICT', /follow-up changed since/u);
  });

  it('a dormant tie snoozed after it was dismissed, and a mark of another subject left alone', () => {
    const w = world();
    const dismissed = act({ type: 'dormant', personId: w.ben }, 'dismiss');
    act({ type: 'dormant', personId: w.ben }, 'snooze');
    refused(dismissed, 'CONFLICT', /Ben Okafor’s place on Home changed since/u);
    // A "Contacted" mark on Ana (cadence) is undone without touching her snooze on another subject.
    const contacted = act({ type: 'cadence', personId: w.ana }, 'done');
    expect(shown().due).not.toContain(w.ana);
    undoHomeAction(db, contacted);
    expect(shown().due).toContain(w.ana);
  });

  it('a favor un-thanked by hand after "Thanked"', () => {
    const w = world();
    const undo = act({ type: 'thanks', personId: w.cleo }, 'done');
    expect(undo.type === 'favors' && undo.favors.length).toBe(2);
    if (undo.type !== 'favors') throw new Error('expected favors');
    updateFavor(db, undo.favors[1]!.id, { acknowledged: false });
    refused(undo, 'CONFLICT', /a favor from Cleo Park changed since/u);
  });

  it('an entry edited, trashed or linked to a follow-up after it was logged', () => {
    const w = world();
    const edit = act({ type: 'cadence', personId: w.ana }, 'done', { entry: { kind: 'coffee' } });
    if (edit.type !== 'entry') throw new Error('expected an entry');
    updateEntry(db, edit.id, { title: 'Coffee, and more' });
    refused(edit, 'CONFLICT', /entry it logged changed since/u);

    const trash = act({ type: 'dormant', personId: w.ben }, 'done', { entry: { kind: 'call' } });
    if (trash.type !== 'entry') throw new Error('expected an entry');
    deleteEntry(db, trash.id);
    refused(trash, 'CONFLICT');

    const linked = act({ type: 'cadence', personId: w.ana }, 'done', { entry: { kind: 'email' } });
    if (linked.type !== 'entry') throw new Error('expected an entry');
    createReminder(db, { title: 'Reply', dueOn: '2027-02-03', interactionId: linked.id });
    refused(linked, 'CONFLICT');
  });
});

describe('home:undo trusts nothing it is given', () => {
  it('refuses forged ids and kinds', () => {
    const w = world();
    const entry = act({ type: 'cadence', personId: w.ana }, 'done', { entry: { kind: 'coffee' } });
    const thanked = act({ type: 'thanks', personId: w.cleo }, 'done');
    const dismissed = act({ type: 'dormant', personId: w.ben }, 'dismiss');
    const snoozed = act({ type: 'reminder', id: w.reminder }, 'snooze');
    if (entry.type !== 'entry' || thanked.type !== 'favors' || dismissed.type !== 'attention' || snoozed.type !== 'reminder') throw new Error('unexpected undo');

    refused({ ...dismissed, personId: 9999 }, 'NOT_FOUND');
    refused({ ...dismissed, personId: w.ana }, 'CONFLICT'); // Ana has no such mark
    refused({ ...dismissed, subject: 'cadence' }, 'CONFLICT');
    refused({ ...snoozed, id: 9999 }, 'NOT_FOUND');
    refused({ ...thanked, personId: w.ben }, 'CONFLICT', /not one Ben Okafor did for you/u);
    refused({ ...thanked, favors: [...thanked.favors, { ...thanked.favors[0]!, id: 9999 }] }, 'NOT_FOUND');
    refused({ ...entry, personId: w.ben }, 'CONFLICT', /not with Ben Okafor/u);
    refused({ ...entry, id: 9999 }, 'NOT_FOUND');
    const myCall = createEntry(db, { occurredAt: '2027-01-31', kind: 'call', participantIds: [w.cleo] });
    refused({ ...entry, id: myCall.id, personId: w.cleo, updatedAt: '2020-01-01T00:00:00.000Z' }, 'CONFLICT'); // an entry the action did not write
    refused({ ...entry, id: myCall.id, personId: w.cleo, updatedAt: myCall.updatedAt }, 'CONFLICT', /not logged by the Home action/u); // nor does knowing its stamp make it one

    // The genuine ones still work afterwards, in any order.
    for (const u of [snoozed, dismissed, thanked, entry]) undoHomeAction(db, u);
    expect(shown()).toMatchObject({ due: [w.ana], dormant: [w.ben], thanks: [w.cleo], followUps: [w.reminder] });
  });
});
