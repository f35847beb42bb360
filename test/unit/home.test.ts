// Home: due and overdue cadences, dormant weak ties ranked by usefulness,
// follow-ups, thanks owed and recent entries; done / snooze / dismiss.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import type { Db } from '../../main/db/open';
import { createAffiliation } from '../../main/services/affiliations';
import { createFavor } from '../../main/services/favors';
import { actOnHomeItem, getHome } from '../../main/services/home';
import { createEntry, deleteEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { createReminder, getReminder } from '../../main/services/reminders';
import { createTie } from '../../main/services/ties';
import { createTestDb } from '../helpers/db';

let db: Db;
const zone = 'America/New_York';
// Entries are written in the user's zone, the same one the requests carry (issue 11).
let restoreClock: () => void = () => undefined;
beforeEach(() => {
  restoreClock = setClock(fixedClock('2025-03-01T12:00:00Z', zone));
});
afterEach(() => {
  db?.close();
  restoreClock();
});

/** A person added long ago (so "never contacted" is long overdue). */
function person(name: string, cadenceDays: number | null = null) {
  const p = createPerson(db, { displayName: name, cadenceDays });
  db.prepare(`UPDATE people SET created_at = '2020-01-01T12:00:00.000Z' WHERE id = ?`).run(p.id);
  return p;
}

describe('home: keep in touch', () => {
  it('lists due and overdue people, most overdue first, a week ahead', () => {
    db = createTestDb();
    const monthly = person('Monthly', 30);
    const quarterly = person('Quarterly', 90);
    const yearly = person('Yearly', 365);
    person('Never', 180);
    person('No cadence');
    createEntry(db, { occurredAt: '2025-01-31', kind: 'call', participantIds: [monthly.id] });
    createEntry(db, { occurredAt: '2025-01-05', kind: 'call', participantIds: [quarterly.id] });
    createEntry(db, { occurredAt: '2024-02-29T23:30:00-05:00', kind: 'call', participantIds: [yearly.id] }); // Feb 29 local
    const gone = createEntry(db, { occurredAt: '2025-03-01', kind: 'call', participantIds: [yearly.id] });
    deleteEntry(db, gone.id); // a deleted entry is not contact

    const home = getHome(db, { timeZone: zone, today: '2025-03-01' });
    expect(home.due.map((d) => [d.displayName, d.dueOn, d.daysOverdue, d.state])).toEqual([
      ['Never', '2020-07-01', 1704, 'overdue'],
      ['Monthly', '2025-02-28', 1, 'overdue'], // equally overdue: by name
      ['Yearly', '2025-02-28', 1, 'overdue'],
    ]);
    expect(home.due[2]).toMatchObject({ lastContactOn: '2024-02-29', cadenceLabel: 'every year' });
    expect(getHome(db, { timeZone: zone, today: '2025-03-29' }).due.map((d) => d.displayName)).toContain('Quarterly'); // due Apr 5: within a week
    expect(getHome(db, { timeZone: zone, today: '2025-03-28' }).due.map((d) => d.displayName)).not.toContain('Quarterly');
  });

  it('done logs an entry or marks contacted; snooze hides until a date; dismiss hides this occurrence', () => {
    db = createTestDb();
    const a = person('A', 30);
    const b = person('B', 30);
    const c = person('C', 30);
    const d = person('D', 30);
    const today = '2025-03-01';
    const dueNames = (on = today) => getHome(db, { timeZone: zone, today: on }).due.map((x) => x.displayName);
    expect(dueNames()).toEqual(['A', 'B', 'C', 'D']);

    actOnHomeItem(db, { item: { type: 'cadence', personId: a.id }, action: 'done', entry: { kind: 'call', title: 'Quick call' }, timeZone: zone, today });
    actOnHomeItem(db, { item: { type: 'cadence', personId: b.id }, action: 'done', timeZone: zone, today });
    actOnHomeItem(db, { item: { type: 'cadence', personId: c.id }, action: 'snooze', until: '2025-03-10', timeZone: zone, today });
    actOnHomeItem(db, { item: { type: 'cadence', personId: d.id }, action: 'dismiss', timeZone: zone, today });
    expect(dueNames()).toEqual([]);
    expect(getHome(db, { timeZone: zone, today }).recent.map((r) => r.title)).toEqual(['Quick call']);
    expect(dueNames('2025-03-10')).toEqual(['C']);
    // A month after the done actions, A and B are due again; D's dismissed occurrence stays hidden
    // until D's due date changes (a new contact).
    expect(dueNames('2025-04-01')).toEqual(['C', 'A', 'B']);
    createEntry(db, { occurredAt: '2025-03-05', kind: 'email', participantIds: [d.id] });
    expect(dueNames('2025-04-05')).toEqual(['C', 'A', 'B', 'D']);
  });
});

describe('home: dormant weak ties', () => {
  it('ranks by usefulness: targets, bridges to organizations I do not reach, roles', () => {
    db = createTestDb();
    const me = getMeId(db);
    const target = createOrganization(db, { name: 'Target Co' });
    db.prepare('UPDATE organizations SET is_target = 1 WHERE id = ?').run(target.id);
    const mine = createOrganization(db, { name: 'My Co' });
    const far = createOrganization(db, { name: 'Far Co' });
    const other = createOrganization(db, { name: 'Other Co' });
    createAffiliation(db, { personId: me, organizationId: mine.id });

    const atTarget = person('At Target');
    createAffiliation(db, { personId: atTarget.id, organizationId: target.id });
    const bridge = person('Bridge');
    const friendOfBridge = person('Friend of Bridge');
    createAffiliation(db, { personId: friendOfBridge.id, organizationId: far.id });
    createTie(db, { personA: bridge.id, personB: friendOfBridge.id, strength: 4 });
    const colleague = person('Colleague'); // same org as me: nothing new
    createAffiliation(db, { personId: colleague.id, organizationId: mine.id });
    const recruiter = person('Recruiter');
    createAffiliation(db, { personId: recruiter.id, organizationId: other.id, isRecruiter: true });
    const strongFriend = person('Strong Friend'); // I reach Other Co through a strong tie
    createAffiliation(db, { personId: strongFriend.id, organizationId: other.id });
    const recent = person('Recent');
    const plain = person('Plain');

    for (const [p, s] of [[atTarget, 1], [bridge, 1], [colleague, 2], [recruiter, 1], [recent, 2], [plain, 1]] as const) {
      createTie(db, { personA: me, personB: p.id, strength: s });
    }
    createTie(db, { personA: me, personB: strongFriend.id, strength: 4 });
    createEntry(db, { occurredAt: '2025-05-01', kind: 'coffee', participantIds: [recent.id] });
    createEntry(db, { occurredAt: '2024-01-01', kind: 'coffee', participantIds: [plain.id] });

    const dormant = getHome(db, { timeZone: zone, today: '2025-06-01' }).dormant;
    expect(dormant.map((d) => [d.displayName, d.usefulness])).toEqual([
      ['At Target', 3],
      ['Recruiter', 1],
      ['Bridge', 0.5],
      ['Colleague', 0.5],
      ['Plain', 0],
    ]);
    expect(dormant[0]!.reasons[0]).toBe('Works at Target Co, an organization you are targeting');
    expect(dormant[2]!.reasons).toContain('Bridges to 1 organization you do not otherwise reach');
    expect(dormant.find((d) => d.displayName === 'Plain')).toMatchObject({ lastContactOn: '2024-01-01', daysSinceContact: 517 });

    actOnHomeItem(db, { item: { type: 'dormant', personId: plain.id }, action: 'dismiss', timeZone: zone, today: '2025-06-01' });
    actOnHomeItem(db, { item: { type: 'dormant', personId: bridge.id }, action: 'done', timeZone: zone, today: '2025-06-01' });
    expect(getHome(db, { timeZone: zone, today: '2025-06-01' }).dormant.map((d) => d.displayName)).toEqual(['At Target', 'Recruiter', 'Colleague']);
  });
});

describe('home: follow-ups, thanks and recent entries', () => {
  it('shows due follow-ups and acts on them', () => {
    db = createTestDb();
    const ana = person('Ana');
    const e = createEntry(db, { occurredAt: '2025-02-25', kind: 'coffee', body: 'send her the article by Friday', participantIds: [ana.id] });
    const r1 = createReminder(db, { title: 'Send the article', dueOn: '2025-02-28', personId: ana.id, interactionId: e.id });
    const r2 = createReminder(db, { title: 'Ask about the referral', dueOn: '2025-03-01', personId: ana.id });
    createReminder(db, { title: 'Later', dueOn: '2025-03-20' });
    const home = () => getHome(db, { timeZone: zone, today: '2025-03-01' }).followUps.map((r) => r.title);
    expect(home()).toEqual(['Send the article', 'Ask about the referral']);
    expect(getHome(db, { timeZone: zone, today: '2025-03-01' }).followUps[0]).toMatchObject({ personName: 'Ana', interactionId: e.id });

    actOnHomeItem(db, { item: { type: 'reminder', id: r1.id }, action: 'snooze', until: '2025-03-03', timeZone: zone, today: '2025-03-01' });
    expect(home()).toEqual(['Ask about the referral']);
    actOnHomeItem(db, { item: { type: 'reminder', id: r2.id }, action: 'done', timeZone: zone, today: '2025-03-01' });
    expect(home()).toEqual([]);
    expect(getReminder(db, r2.id).doneAt).not.toBeNull();
    expect(getHome(db, { timeZone: zone, today: '2025-03-03' }).followUps.map((r) => r.id)).toEqual([r1.id]);
    actOnHomeItem(db, { item: { type: 'reminder', id: r1.id }, action: 'dismiss', timeZone: zone, today: '2025-03-03' });
    expect(getHome(db, { timeZone: zone, today: '2025-03-03' }).followUps).toEqual([]);
  });

  it('surfaces people owed thanks; done acknowledges, dismiss waits for a newer favor', () => {
    db = createTestDb();
    const ana = person('Ana');
    const bo = person('Bo');
    createFavor(db, { personId: ana.id, direction: 'received', kind: 'referral', occurredOn: '2025-02-20' });
    createFavor(db, { personId: bo.id, direction: 'received', kind: 'advice', occurredOn: '2025-02-10' });
    const at = { timeZone: zone, today: '2025-03-01' };
    expect(getHome(db, at).thanks.map((t) => t.displayName)).toEqual(['Ana', 'Bo']);
    actOnHomeItem(db, { item: { type: 'thanks', personId: ana.id }, action: 'done', ...at });
    actOnHomeItem(db, { item: { type: 'thanks', personId: bo.id }, action: 'dismiss', ...at });
    expect(getHome(db, at).thanks).toEqual([]);
    createFavor(db, { personId: bo.id, direction: 'received', kind: 'introduction', occurredOn: '2025-02-28' });
    expect(getHome(db, at).thanks.map((t) => [t.displayName, t.favors.length])).toEqual([['Bo', 2]]);
  });

  it('lists the newest entries and refuses unknown items', () => {
    db = createTestDb();
    const ana = person('Ana');
    for (const day of ['2025-01-01', '2025-01-03', '2025-01-02']) createEntry(db, { occurredAt: day, kind: 'message', participantIds: [ana.id] });
    expect(getHome(db, { timeZone: zone, today: '2025-03-01' }).recent.map((r) => r.occurredAt)).toEqual(['2025-01-03', '2025-01-02', '2025-01-01']);
    expect(() => actOnHomeItem(db, { item: { type: 'reminder', id: 999 }, action: 'done', timeZone: zone })).toThrow(/No follow-up/);
    expect(() => actOnHomeItem(db, { item: { type: 'cadence', personId: 999 }, action: 'done', timeZone: zone })).toThrow(/No person/);
    expect(() => actOnHomeItem(db, { item: { type: 'cadence', personId: ana.id }, action: 'dismiss', timeZone: zone })).toThrow(/no keep-in-touch/);
  });
});
