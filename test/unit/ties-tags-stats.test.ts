// Ties (undirected, one per pair, no self tie, strength 1–5 also enforced by
// the database), tags, stats and the quick search.
import { nowIso } from '../../shared/clock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createAffiliation } from '../../main/services/affiliations';
import { createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId, updatePerson } from '../../main/services/people';
import { quickSearch } from '../../main/services/search';
import { getStats } from '../../main/services/stats';
import { listTags, personTags } from '../../main/services/tags';
import { createTie, deleteTie, findTie, getTie, listTiesOf, updateTie } from '../../main/services/ties';
import { KithError } from '../../shared/errors';
import { createTestDb, snapshotDb } from '../helpers/db';

let db: Db;
let me: number;
let ana: number;
let ben: number;
let cleo: number;
beforeEach(() => {
  db = createTestDb();
  me = getMeId(db);
  ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
  ben = createPerson(db, { displayName: 'Ben Bauer' }).id;
  cleo = createPerson(db, { displayName: 'Cleo Costa' }).id;
});

function refusal(fn: () => unknown): KithError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KithError) return error;
    throw error;
  }
  throw new Error('expected a KithError');
}

describe('ties', () => {
  it('are stored once per pair with the smaller id first, whichever order they are given in', () => {
    const t = createTie(db, { personA: ben, personB: ana, strength: 3, context: 'Worked together', since: '2019-04' });
    expect(t).toMatchObject({ personA: Math.min(ana, ben), personB: Math.max(ana, ben), strength: 3, context: 'Worked together', since: '2019-04', source: 'manual' });
    expect(findTie(db, ana, ben)?.id).toBe(t.id);
    expect(findTie(db, ben, ana)?.id).toBe(t.id);
    expect(findTie(db, ana, cleo)).toBeNull();
  });

  it('a second tie between the same two people, in either order, is a CONFLICT and changes nothing', () => {
    createTie(db, { personA: ana, personB: ben, strength: 3 });
    const before = snapshotDb(db);
    for (const [a, b] of [
      [ana, ben],
      [ben, ana],
    ] as const) {
      const error = refusal(() => createTie(db, { personA: a, personB: b, strength: 5 }));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/already have a tie \(strength 3\)/);
    }
    expect(snapshotDb(db)).toEqual(before);
  });

  it('no tie with oneself; unknown people are NOT_FOUND', () => {
    const before = snapshotDb(db);
    expect(refusal(() => createTie(db, { personA: ana, personB: ana, strength: 3 })).code).toBe('CONFLICT');
    expect(refusal(() => createTie(db, { personA: ana, personB: 999, strength: 3 })).code).toBe('NOT_FOUND');
    expect(refusal(() => createTie(db, { personA: 999, personB: ana, strength: 3 })).code).toBe('NOT_FOUND');
    expect(snapshotDb(db)).toEqual(before);
    // The database refuses a self tie too (person_a < person_b).
    const now = nowIso();
    expect(() => db.prepare('INSERT INTO ties (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, 3, ?, ?)').run(ana, ana, now, now)).toThrow(/CHECK/);
  });

  it('strength outside 1–5 is refused by the database itself, even when a caller skips validation', () => {
    const t = createTie(db, { personA: ana, personB: ben, strength: 3 });
    for (const strength of [0, 6, -1, 2.5]) {
      expect(() => updateTie(db, t.id, { strength }), String(strength)).toThrow();
      expect(() => createTie(db, { personA: ana, personB: cleo, strength })).toThrow();
    }
    expect(getTie(db, t.id).strength).toBe(3);
    expect(findTie(db, ana, cleo)).toBeNull();
    const now = nowIso();
    expect(() =>
      db.prepare('INSERT INTO ties (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, 9, ?, ?)').run(ana, cleo, now, now),
    ).toThrow(/CHECK constraint failed: strength BETWEEN 1 AND 5/);
  });

  it('update and delete; unknown ids are NOT_FOUND', () => {
    const t = createTie(db, { personA: ana, personB: ben, strength: 3 });
    expect(updateTie(db, t.id, { strength: 5, context: 'Close friends', since: null, source: 'introduced' })).toMatchObject({
      strength: 5,
      context: 'Close friends',
      since: null,
      source: 'introduced',
    });
    deleteTie(db, t.id);
    expect(findTie(db, ana, ben)).toBeNull();
    expect(refusal(() => getTie(db, t.id)).code).toBe('NOT_FOUND');
    expect(refusal(() => updateTie(db, t.id, { strength: 2 })).code).toBe('NOT_FOUND');
    expect(refusal(() => deleteTie(db, t.id)).code).toBe('NOT_FOUND');
  });

  it('are listed from either side: me first, then strongest, then by name', () => {
    createAffiliation(db, { personId: cleo, organizationName: 'Acme Labs' });
    createTie(db, { personA: ana, personB: ben, strength: 2 });
    createTie(db, { personA: cleo, personB: ana, strength: 4 });
    createTie(db, { personA: me, personB: ana, strength: 1 });
    const fromAna = listTiesOf(db, ana);
    expect(fromAna.map((t) => [t.otherName, t.strength, t.otherIsMe])).toEqual([
      ['Me', 1, true],
      ['Cleo Costa', 4, false],
      ['Ben Bauer', 2, false],
    ]);
    expect(fromAna[1]!.otherOrganizationName).toBe('Acme Labs');
    expect(listTiesOf(db, ben).map((t) => t.otherId)).toEqual([ana]);
    expect(listTiesOf(db, cleo).map((t) => t.otherId)).toEqual([ana]);
    archivePerson(db, cleo);
    expect(listTiesOf(db, ana)[1]!.otherArchived).toBe(true);
  });
});

describe('tags', () => {
  it('are shared, case-insensitive, counted on people who are not archived', () => {
    updatePerson(db, ana, { tags: ['Mentor', 'Climbing'] });
    updatePerson(db, ben, { tags: ['mentor'] });
    updatePerson(db, cleo, { tags: ['MENTOR', 'Zürich'] });
    expect(personTags(db, ben)).toEqual(['Mentor']); // the first spelling is kept
    expect(listTags(db)).toEqual([
      { name: 'Climbing', people: 1 },
      { name: 'Mentor', people: 3 },
      { name: 'Zürich', people: 1 },
    ]);
    archivePerson(db, cleo);
    expect(listTags(db)).toEqual([
      { name: 'Climbing', people: 1 },
      { name: 'Mentor', people: 2 },
    ]);
    updatePerson(db, ana, { tags: [] });
    expect(listTags(db)).toEqual([{ name: 'Mentor', people: 1 }]);
  });
});

describe('stats', () => {
  it('counts people (not me, not archived), organizations, affiliations, ties, my ties and ties by strength', () => {
    expect(getStats(db)).toEqual({
      people: 3,
      secondDegreePeople: 0,
      archivedPeople: 0,
      organizations: 0,
      affiliations: 0,
      ties: 0,
      myTies: 0,
      interactions: 0,
      tiesByStrength: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    });
    createAffiliation(db, { personId: ana, organizationName: 'Acme' });
    const old = createOrganization(db, { name: 'Old Co' });
    db.prepare('UPDATE organizations SET archived_at = ? WHERE id = ?').run(nowIso(), old.id);
    createTie(db, { personA: me, personB: ana, strength: 4 });
    createTie(db, { personA: ben, personB: me, strength: 4 });
    createTie(db, { personA: ben, personB: cleo, strength: 1 });
    archivePerson(db, cleo);
    expect(getStats(db)).toMatchObject({
      people: 2,
      archivedPeople: 1,
      organizations: 1,
      affiliations: 1,
      ties: 3,
      myTies: 2,
      tiesByStrength: { '1': 1, '2': 0, '3': 0, '4': 2, '5': 0 },
    });
  });
});

describe('quick search', () => {
  it('finds people and organizations by prefix, names starting with the query first, archived left out', () => {
    createOrganization(db, { name: 'Acme Labs', kind: 'company' });
    createAffiliation(db, { personId: cleo, organizationName: 'Acme Labs' });
    updatePerson(db, ben, { headline: 'Recruiter at Acme' });
    const results = quickSearch(db, 'ac');
    expect(results[0]).toMatchObject({ kind: 'organization', label: 'Acme Labs' }); // its name starts with "ac"
    expect(results.map((r) => r.label)).toEqual(expect.arrayContaining(['Ana Acosta', 'Acme Labs', 'Ben Bauer']));
    const acme = quickSearch(db, 'acme');
    expect(acme[0]).toMatchObject({ kind: 'organization', label: 'Acme Labs', detail: 'Company' });
    expect(acme.find((r) => r.label === 'Ben Bauer')?.detail).toBe('Recruiter at Acme');
    expect(quickSearch(db, 'me')[0]).toMatchObject({ label: 'Me', detail: 'You' });
    archivePerson(db, ana);
    expect(quickSearch(db, 'ana').map((r) => r.label)).toEqual([]);
    expect(quickSearch(db, '')).toEqual([]);
    expect(quickSearch(db, '"*')).toEqual([]);
  });

  it('honours the limit', () => {
    for (let i = 0; i < 30; i++) createPerson(db, { displayName: `Zed ${i}` });
    expect(quickSearch(db, 'zed', 5)).toHaveLength(5);
    expect(quickSearch(db, 'zed')).toHaveLength(20);
  });
});
