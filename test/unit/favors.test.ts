// The reciprocity ledger: favors given and received, balances, and who is
// owed thanks.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { acknowledgeFavorsFrom, createFavor, deleteFavor, favorBalances, getFavor, listFavors, unthankedFavors, updateFavor } from '../../main/services/favors';
import { archivePerson, createPerson } from '../../main/services/people';
import { KithError } from '../../shared/errors';
import { createTestDb } from '../helpers/db';

let db: Db;
afterEach(() => db?.close());

describe('favors', () => {
  it('records, edits and deletes favors, newest first', () => {
    db = createTestDb();
    const ana = createPerson(db, { displayName: 'Ana' });
    const f = createFavor(db, { personId: ana.id, direction: 'received', kind: 'referral', occurredOn: '2025-03-01', note: 'Referred me to Acme' });
    expect(f).toMatchObject({ personName: 'Ana', direction: 'received', kind: 'referral', acknowledgedAt: null, interactionId: null });
    const g = createFavor(db, { personId: ana.id, direction: 'given', kind: 'article', occurredOn: '2025-03-05' });
    expect(listFavors(db, { personId: ana.id }).map((x) => x.id)).toEqual([g.id, f.id]);
    expect(listFavors(db, { direction: 'given' }).map((x) => x.id)).toEqual([g.id]);

    const thanked = updateFavor(db, f.id, { acknowledged: true, note: 'Referred me to Acme Labs' });
    expect(thanked.acknowledgedAt).not.toBeNull();
    expect(updateFavor(db, f.id, { kind: 'advice' }).acknowledgedAt).toBe(thanked.acknowledgedAt);
    expect(updateFavor(db, f.id, { acknowledged: false }).acknowledgedAt).toBeNull();

    deleteFavor(db, g.id);
    expect(() => getFavor(db, g.id)).toThrow(KithError);
    expect(() => deleteFavor(db, g.id)).toThrow(/No favor/);
    expect(() => createFavor(db, { personId: 999, direction: 'given', kind: 'other', occurredOn: '2025-01-01' })).toThrow(/No person/);
  });

  it('balances given against received per person', () => {
    db = createTestDb();
    const ana = createPerson(db, { displayName: 'Ana' });
    const bo = createPerson(db, { displayName: 'Bo' });
    for (const [p, d, on] of [
      [ana.id, 'given', '2025-01-01'],
      [ana.id, 'given', '2025-02-01'],
      [ana.id, 'received', '2025-03-01'],
      [bo.id, 'received', '2025-01-10'],
      [bo.id, 'received', '2025-01-11'],
    ] as const) {
      createFavor(db, { personId: p, direction: d, kind: 'advice', occurredOn: on });
    }
    expect(favorBalances(db)).toEqual([
      { personId: ana.id, displayName: 'Ana', given: 2, received: 1, net: 1, lastFavorOn: '2025-03-01' },
      { personId: bo.id, displayName: 'Bo', given: 0, received: 2, net: -2, lastFavorOn: '2025-01-11' },
    ]);
    expect(favorBalances(db, bo.id)).toHaveLength(1);
  });

  it('finds recent favors neither thanked nor returned', () => {
    db = createTestDb();
    const today = '2025-06-30';
    const [ana, bo, cy, di, ex] = ['Ana', 'Bo', 'Cy', 'Di', 'Ex'].map((n) => createPerson(db, { displayName: n }));
    const received = (p: number, on: string) => createFavor(db, { personId: p, direction: 'received', kind: 'introduction', occurredOn: on });
    const a1 = received(ana!.id, '2025-06-01');
    const a2 = received(ana!.id, '2025-06-20');
    received(bo!.id, '2025-06-10');
    createFavor(db, { personId: bo!.id, direction: 'given', kind: 'article', occurredOn: '2025-06-12' }); // helped back
    const c = received(cy!.id, '2025-06-15');
    updateFavor(db, c.id, { acknowledged: true }); // thanked
    received(di!.id, '2025-01-01'); // long ago
    received(ex!.id, '2025-06-01');
    archivePerson(db, ex!.id);

    const owed = unthankedFavors(db, today, 90);
    expect(owed.map((t) => [t.displayName, t.favors.map((f) => f.id)])).toEqual([['Ana', [a2.id, a1.id]]]);

    // A favor given before the one received does not settle it.
    createFavor(db, { personId: ana!.id, direction: 'given', kind: 'advice', occurredOn: '2025-06-10' });
    expect(unthankedFavors(db, today, 90).map((t) => t.favors.map((f) => f.id))).toEqual([[a2.id]]);
    expect(acknowledgeFavorsFrom(db, ana!.id)).toBe(2);
    expect(unthankedFavors(db, today, 90)).toEqual([]);
  });
});
