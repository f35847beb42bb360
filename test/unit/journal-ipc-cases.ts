// A valid call and invalid inputs for every issue-3 channel (shared/journal.ts),
// shaped like the tables in ipc-handlers.test.ts so they can be spread into it:
//   ...JOURNAL_VALID, ...JOURNAL_INVALID
// The fixture needs `db` and two people other than me, `ana` and `ben`, and an
// organization `acme`.
import { expect } from 'vitest';
import type { Db } from '../../main/db/open';
import { createFavor } from '../../main/services/favors';
import { createEntry } from '../../main/services/journal';
import { actOnHomeItem } from '../../main/services/home';
import { createReminder, listReminders } from '../../main/services/reminders';
import type { journalContract } from '../../shared/journal';

export interface JournalFixture {
  db: Db;
  ana: number;
  ben: number;
  acme: number;
}

type JournalChannel = keyof typeof journalContract;
type ValidCase = { input: (f: JournalFixture) => unknown; check?: (value: never, f: JournalFixture) => void };

const entry = (f: JournalFixture) => createEntry(f.db, { occurredAt: '2025-03-01', kind: 'coffee', title: 'Coffee', body: 'Talked about Rust', participantIds: [f.ana] });
const zone = { timeZone: 'Europe/Lisbon', today: '2025-03-10' };

export const JOURNAL_VALID: Record<JournalChannel, ValidCase> = {
  'journal:create': {
    input: (f) => ({ occurredAt: '2025-03-01T10:00', kind: 'informational_interview', body: 'With @Cleo', participantIds: [f.ana], newParticipants: [{ displayName: 'Cleo' }], organizationId: f.acme }),
    check: (v: { participants: { displayName: string }[] }) => expect(v.participants.map((p) => p.displayName)).toEqual(['Ana Acosta', 'Cleo']),
  },
  'journal:update': {
    // Issue 17: a new person from an @mention is mentioned, not a participant.
    input: (f) => ({ id: entry(f).id, patch: { title: 'Lunch', participantIds: [f.ben], body: 'About @Zoe', newMentions: [{ displayName: 'Zoe' }] } }),
    check: (v: { participants: { id: number }[]; mentions?: { displayName: string }[] }, f) => {
      expect(v.participants.map((p) => p.id)).toEqual([f.ben]);
      expect(v.mentions?.map((p) => p.displayName)).toEqual(['Zoe']);
    },
  },
  'journal:delete': { input: (f) => ({ id: entry(f).id }), check: (v: { deletedAt: string | null }) => expect(v.deletedAt).not.toBeNull() },
  'journal:restore': { input: (f) => ({ id: entry(f).id }) },
  'journal:get': { input: (f) => ({ id: entry(f).id }) },
  'journal:list': {
    input: (f) => (entry(f), { kinds: ['coffee'], personId: f.ana, from: '2025-01-01', to: '2025-12-31', limit: 10 }),
    check: (v: { total: number }) => expect(v.total).toBe(1),
  },
  'timeline:get': { input: (f) => (entry(f), { personId: f.ana }), check: (v: { items: unknown[] }) => expect(v.items).toHaveLength(1) },
  'search:all': {
    input: (f) => (entry(f), { query: 'rust' }),
    check: (v: { entries: { snippet: { text: string; hit: boolean }[] }[] }) => expect(v.entries[0]!.snippet).toContainEqual({ text: 'Rust', hit: true }),
  },
  'home:get': { input: () => zone },
  'home:act': {
    input: (f) => ({ item: { type: 'reminder', id: createReminder(f.db, { title: 'Call', dueOn: '2025-03-01' }).id }, action: 'snooze', until: '2025-03-20', ...zone }),
    // Issue 17: the answer says how to take it back.
    check: (v: { undo: { type: string; before: { snoozedUntil: unknown }; after: { snoozedUntil: unknown } } }) =>
      expect(v.undo).toMatchObject({ type: 'reminder', before: { snoozedUntil: null }, after: { snoozedUntil: '2025-03-20' } }),
  },
  'home:undo': {
    input: (f) => {
      const id = createReminder(f.db, { title: 'Call', dueOn: '2025-03-01' }).id;
      return { ...actOnHomeItem(f.db, { item: { type: 'reminder', id }, action: 'dismiss', ...zone })! };
    },
    check: (_v, f) => expect(listReminders(f.db).map((r) => r.title)).toEqual(['Call']),
  },
  'reminders:create': { input: (f) => ({ title: 'Send the article', dueOn: '2025-03-07', personId: f.ana }) },
  'reminders:update': { input: (f) => ({ id: createReminder(f.db, { title: 'x', dueOn: '2025-03-07' }).id, patch: { done: true } }) },
  'reminders:delete': { input: (f) => ({ id: createReminder(f.db, { title: 'x', dueOn: '2025-03-07' }).id }) },
  'reminders:list': { input: (f) => ({ personId: f.ana, status: 'all' }) },
  'reminders:dueSince': {
    input: (f) => (createReminder(f.db, { title: 'x', dueOn: '2025-03-07' }), { since: '2025-03-06T12:00:00Z', now: '2025-03-07T12:00:00+01:00', timeZone: 'Europe/Lisbon' }),
    check: (v: { items: unknown[] }) => expect(v.items).toHaveLength(1),
  },
  'favors:create': { input: (f) => ({ personId: f.ana, direction: 'received', kind: 'referral', occurredOn: '2025-03-01', note: 'Referred me' }) },
  'favors:update': {
    input: (f) => ({ id: createFavor(f.db, { personId: f.ana, direction: 'received', kind: 'advice', occurredOn: '2025-03-01' }).id, patch: { acknowledged: true } }),
  },
  'favors:delete': { input: (f) => ({ id: createFavor(f.db, { personId: f.ana, direction: 'given', kind: 'article', occurredOn: '2025-03-01' }).id }) },
  'favors:list': {
    input: (f) => (createFavor(f.db, { personId: f.ana, direction: 'given', kind: 'article', occurredOn: '2025-03-01' }), { personId: f.ana }),
    check: (v: { balances: { net: number }[] }) => expect(v.balances[0]!.net).toBe(1),
  },
  'suggestions:list': { input: (f) => (entry(f), zone) },
  'suggestions:accept': { input: (f) => ({ personId: f.ben, strength: 2 }) },
  'suggestions:ignore': { input: (f) => (entry(f), { personId: f.ana, ...zone }) },
};

const byIdInvalid = (f: JournalFixture) => [{}, { id: String(f.ana) }, { id: 0 }, { id: 1.5 }, { id: 1, extra: 1 }, null];
const clockInvalid = [{}, { timeZone: 'Mars/Olympus' }, { timeZone: 'UTC', today: '2025-02-30' }, { timeZone: 'UTC', today: 'tomorrow' }];

export const JOURNAL_INVALID: Record<JournalChannel, (f: JournalFixture) => unknown[]> = {
  'journal:create': (f) => [
    {},
    { occurredAt: '2025-03-01', kind: 'coffee' }, // nobody
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [] },
    { occurredAt: '2025-02-30', kind: 'coffee', participantIds: [f.ana] },
    { occurredAt: 'yesterday', kind: 'coffee', participantIds: [f.ana] },
    { occurredAt: '2025-03-01', kind: 'lunch', participantIds: [f.ana] },
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [f.ana], newParticipants: [{ displayName: '  ' }] },
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [f.ana], newMentions: [{ displayName: '\u0000Zoe' }] },
    { occurredAt: '2025-03-01', kind: 'coffee', newMentions: [{ displayName: 'Zoe' }] }, // a mention is not who it was with
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [String(f.ana)] },
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [f.ana], title: 'x'.repeat(10_001) },
    { occurredAt: '2025-03-01', kind: 'coffee', participantIds: [f.ana], deletedAt: '2025-03-01' },
  ],
  'journal:update': (f) => [{ id: f.ana }, { id: f.ana, patch: { kind: 'lunch' } }, { id: f.ana, patch: { occurredAt: '2025-13-01' } }, { patch: {} }],
  'journal:delete': byIdInvalid,
  'journal:restore': byIdInvalid,
  'journal:get': byIdInvalid,
  'journal:list': () => [{ kinds: ['lunch'] }, { limit: 0 }, { limit: 501 }, { from: '2025-1-1' }, { deleted: 'all' }, { offset: -1 }, { page: 2 }],
  'timeline:get': () => [{}, { personId: 0 }, { personId: 1, limit: 0 }],
  'search:all': () => [{}, { query: 5 }, { query: 'x'.repeat(2_001) }, { query: 'a', kinds: ['note'] }, { query: 'a', limit: 0 }],
  'home:get': () => [...clockInvalid, { timeZone: 'UTC', lookaheadDays: -1 }],
  'home:act': () => [
    { item: { type: 'reminder', id: 1 }, action: 'snooze', timeZone: 'UTC' }, // snooze needs a date
    { item: { type: 'party', id: 1 }, action: 'done', timeZone: 'UTC' },
    { item: { type: 'cadence', personId: 1 }, action: 'forget', timeZone: 'UTC' },
    { item: { type: 'cadence', personId: 1 }, action: 'done' },
    { item: { type: 'cadence', personId: 1 }, action: 'done', timeZone: 'UTC', entry: { kind: 'lunch' } },
  ],
  'home:undo': (f) => {
    const state = { snoozedUntil: null, dismissedKey: 'never', contactedOn: null, updatedAt: '2025-03-10T12:00:00.000Z' };
    const reminder = { snoozedUntil: null, doneAt: null, dismissedAt: null, updatedAt: '2025-03-10T12:00:00.000Z' };
    return [
      {},
      { type: 'attention', subject: 'suggestion', personId: f.ana, before: null, after: state }, // not a Home subject
      { type: 'attention', subject: 'dormant', personId: f.ana, after: state }, // before missing
      { type: 'attention', subject: 'dormant', personId: f.ana, before: null, after: { ...state, snoozedUntil: '2025-02-30' } },
      { type: 'attention', subject: 'dormant', personId: f.ana, before: { ...state, dismissedKey: "x'; DROP TABLE people" }, after: state },
      { type: 'attention', subject: 'dormant', personId: f.ana, before: { ...state, updatedAt: 'yesterday' }, after: state },
      { type: 'attention', subject: 'dormant', personId: String(f.ana), before: null, after: state },
      { type: 'reminder', id: 1, before: reminder, after: { ...reminder, doneAt: 'now' } },
      { type: 'reminder', id: 1, before: { ...reminder, title: 'x' }, after: reminder },
      { type: 'favors', personId: f.ana, favors: [] },
      { type: 'favors', personId: f.ana, favors: [{ id: 1, before: { acknowledgedAt: null, updatedAt: reminder.updatedAt }, after: { acknowledgedAt: null, updatedAt: reminder.updatedAt } }, { id: 1, before: { acknowledgedAt: null, updatedAt: reminder.updatedAt }, after: { acknowledgedAt: null, updatedAt: reminder.updatedAt } }] },
      { type: 'entry', id: 1, updatedAt: reminder.updatedAt }, // whose entry
      { type: 'entry', id: 0, personId: f.ana, updatedAt: reminder.updatedAt },
      { type: 'people', id: 1 },
    ];
  },
  'reminders:create': () => [{}, { title: ' ', dueOn: '2025-03-07' }, { title: 'x', dueOn: '2025-03-32' }, { title: 'x', dueOn: '2025-03-07', personId: 0 }],
  'reminders:update': () => [{ id: 1 }, { id: 1, patch: { dueOn: 'friday' } }, { id: 1, patch: { done: 'yes' } }, { id: 1, patch: { doneAt: 'now' } }],
  'reminders:delete': byIdInvalid,
  'reminders:list': () => [{ status: 'late' }, { dueBy: '2025' }],
  'reminders:dueSince': () => [{}, { since: '2025-03-06', now: '2025-03-07T00:00:00Z', timeZone: 'UTC' }, { since: '2025-03-06T00:00:00Z', now: '2025-03-07T00:00:00Z', timeZone: 'Nowhere' }],
  'favors:create': (f) => [
    {},
    { personId: f.ana, direction: 'lent', kind: 'advice', occurredOn: '2025-03-01' },
    { personId: f.ana, direction: 'given', kind: 'money', occurredOn: '2025-03-01' },
    { personId: f.ana, direction: 'given', kind: 'advice', occurredOn: '2025-3-1' },
    { personId: f.ana, direction: 'given', kind: 'advice', occurredOn: '2025-03-01', acknowledgedAt: 'x' },
  ],
  'favors:update': () => [{ id: 1 }, { id: 1, patch: { acknowledged: 'yes' } }, { id: 1, patch: { kind: 'money' } }],
  'favors:delete': byIdInvalid,
  'favors:list': () => [{ direction: 'both' }, { personId: 0 }],
  'suggestions:list': () => clockInvalid,
  'suggestions:accept': (f) => [{ personId: f.ana }, { personId: f.ana, strength: 6 }, { personId: f.ana, strength: 2.5 }],
  'suggestions:ignore': (f) => [{ personId: f.ana }, { personId: f.ana, timeZone: 'Atlantis/Capital' }],
};
