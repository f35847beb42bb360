// Tie-strength suggestions from frequency, recency and breadth of contact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createEntry, deleteEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { acceptSuggestion, ignoreSuggestion, listSuggestions, suggestStrength } from '../../main/services/suggestions';
import { createTie, findTie, updateTie } from '../../main/services/ties';
import { addDays } from '../../shared/cadence';
import type { InteractionKind } from '../../shared/journal';
import { fixedClock, setClock } from '../../shared/clock';
import { createTestDb } from '../helpers/db';

let db: Db;
const today = '2025-06-30';
const zone = 'Europe/Lisbon';
// Ties are written at the pinned clock: half a year before `today`, so a
// strength set by hand is past its 90 quiet days (issue 17) unless a test
// says otherwise.
let restoreClock: () => void = () => undefined;
beforeEach(() => {
  restoreClock = setClock(fixedClock('2025-01-02T12:00:00Z', zone));
});
afterEach(() => {
  restoreClock();
  db?.close();
});

function entries(personId: number, daysAgo: number[], kinds: InteractionKind[] = ['coffee'], organizationId: number | null = null) {
  return daysAgo.map((d, i) =>
    createEntry(db, { occurredAt: addDays(today, -d), kind: kinds[i % kinds.length]!, participantIds: [personId], organizationId }),
  );
}

describe('suggestStrength', () => {
  const e = (entriesLastYear: number, daysSinceContact: number, contexts = 1) => ({
    entries: entriesLastYear,
    entriesLastYear,
    lastContactOn: today,
    daysSinceContact,
    contexts,
  });
  it('follows the documented formula', () => {
    expect(suggestStrength(e(1, 7))).toBe(2); // 1 + 0.5 + 0.5
    expect(suggestStrength(e(1, 100))).toBe(2); // 1.5 rounds up
    expect(suggestStrength(e(3, 100))).toBe(2);
    expect(suggestStrength(e(4, 100))).toBe(3);
    expect(suggestStrength(e(4, 10, 3))).toBe(4);
    expect(suggestStrength(e(12, 10, 3))).toBe(5);
    expect(suggestStrength(e(20, 10, 9))).toBe(5);
    expect(suggestStrength({ ...e(0, 500), entries: 3 })).toBe(1);
  });
});

describe('suggestions', () => {
  it('suggests from the journal, only when it says something new, and never changes a tie by itself', () => {
    db = createTestDb();
    const me = getMeId(db);
    const acme = createOrganization(db, { name: 'Acme' });
    const [often, once, close, stale] = ['Often', 'Once', 'Close', 'Stale'].map((n) => createPerson(db, { displayName: n }));
    entries(often!.id, [3, 20, 40, 70, 100, 150, 200, 250, 280, 300, 320, 340], ['coffee', 'call', 'email'], acme.id);
    entries(once!.id, [10]);
    entries(close!.id, [400, 500]);
    createTie(db, { personA: me, personB: close!.id, strength: 5 });
    entries(stale!.id, [5]);
    createTie(db, { personA: me, personB: stale!.id, strength: 2 });
    const deleted = entries(createPerson(db, { displayName: 'Deleted' }).id, [1]);
    deleteEntry(db, deleted[0]!.id);

    const list = listSuggestions(db, today, zone);
    expect(list.map((s) => [s.displayName, s.currentStrength, s.suggestedStrength])).toEqual([
      ['Often', null, 5],
      ['Once', null, 2],
      ['Close', 5, 1], // two quiet years: a clear drift, worth a look
    ]);
    expect(list[0]!.evidence).toEqual({ entries: 12, entriesLastYear: 12, lastContactOn: '2025-06-27', daysSinceContact: 3, contexts: 4 });
    expect(list[0]!.reason).toBe('12 entries in the last year (12 in all), the last one 3 days ago, across 4 contexts');
    expect(findTie(db, me, often!.id)).toBeNull();
  });

  it('accepts explicitly, and an ignored suggestion returns only when the evidence changes', () => {
    db = createTestDb();
    const me = getMeId(db);
    const ana = createPerson(db, { displayName: 'Ana' });
    const bo = createPerson(db, { displayName: 'Bo' });
    entries(ana.id, [10]);
    entries(bo.id, [10]);
    const tie = acceptSuggestion(db, ana.id, 2);
    expect(tie.strength).toBe(2);
    expect(findTie(db, me, ana.id)?.strength).toBe(2);
    expect(listSuggestions(db, today, zone).map((s) => s.displayName)).toEqual(['Bo']);

    ignoreSuggestion(db, bo.id, today, zone);
    expect(listSuggestions(db, today, zone)).toEqual([]);
    entries(bo.id, [2]);
    expect(listSuggestions(db, today, zone).map((s) => s.displayName)).toEqual(['Bo']);

    // Accepting over an existing tie updates it.
    createTie(db, { personA: me, personB: bo.id, strength: 1 });
    expect(acceptSuggestion(db, bo.id, 3).strength).toBe(3);
    expect(() => acceptSuggestion(db, 999, 3)).toThrow(/No person/);
  });
});

describe('a strength set by hand (issue 17)', () => {
  it('is not second-guessed for 90 days: no suggestion to change it, then the evidence speaks again', () => {
    db = createTestDb({ file: true });
    const me = getMeId(db);
    const marta = createPerson(db, { displayName: 'Marta' });
    const tie = createTie(db, { personA: me, personB: marta.id, strength: 2 });
    // Set to 4 by hand today, then one coffee: the evidence says 2.
    restoreClock();
    restoreClock = setClock(fixedClock(`${today}T09:00:00Z`, zone));
    updateTie(db, tie.id, { strength: 4 });
    const row = db.prepare('SELECT strength_source, strength_set_at FROM ties WHERE id = ?').get(tie.id);
    expect(row).toEqual({ strength_source: 'manual', strength_set_at: `${today}T09:00:00.000Z` });
    entries(marta.id, [0]);
    expect(listSuggestions(db, today, zone).map((s) => s.personId)).not.toContain(marta.id);
    expect(listSuggestions(db, addDays(today, 89), zone).map((s) => s.personId)).not.toContain(marta.id);
    // 90 days on, the suggestion may come back (one coffee 90 days ago: 4 → 2 is a clear drift).
    const later = listSuggestions(db, addDays(today, 90), zone).find((s) => s.personId === marta.id);
    expect(later?.currentStrength).toBe(4);
  });

  it('an accepted suggestion is not a hand-set strength; an imported tie is not either', () => {
    db = createTestDb({ file: true });
    const me = getMeId(db);
    const ana = createPerson(db, { displayName: 'Ana' });
    const ben = createPerson(db, { displayName: 'Ben' });
    entries(ana.id, [3, 20, 40, 70, 100]);
    const accepted = acceptSuggestion(db, ana.id, 3);
    expect(db.prepare('SELECT strength_source FROM ties WHERE id = ?').get(accepted.id)).toEqual({ strength_source: 'suggestion' });
    createTie(db, { personA: me, personB: ben.id, strength: 5, source: 'imported' });
    entries(ben.id, [200]);
    expect(db.prepare("SELECT strength_source FROM ties WHERE person_b = ? OR person_a = ?").get(ben.id, ben.id)).toEqual({ strength_source: 'imported' });
    expect(listSuggestions(db, today, zone).find((s) => s.personId === ben.id)?.currentStrength).toBe(5);
  });
});
