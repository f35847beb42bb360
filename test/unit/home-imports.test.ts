// Issue 17: an import does not flood Home. Fresh imports with no history are
// one "Review N imported contacts" count, not a "Worth reviving" row each; the
// People list can show just them; once looked at (a strength set by hand, a
// cadence, a conversation) a person is reviewed.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { importText } from '../../main/importers';
import { getHome } from '../../main/services/home';
import { createEntry } from '../../main/services/journal';
import { createPerson, getMeId, listPeople, updatePerson } from '../../main/services/people';
import { createTie, findTie, updateTie } from '../../main/services/ties';
import { fixedClock, setClock } from '../../shared/clock';
import { createTestDb, removeTempDirs } from '../helpers/db';
import { FIXTURES } from '../helpers/fixtures';

let db: Db;
let restore: () => void = () => undefined;
afterEach(() => {
  restore();
  db?.close();
  removeTempDirs();
});

const zone = 'Europe/Berlin';

describe('imports do not flood Home (issue 17)', () => {
  it('a LinkedIn import becomes one review card; People can list just those; reviewing takes them out', () => {
    restore = setClock(fixedClock('2027-01-31T12:00:00Z', zone));
    db = createTestDb({ file: true });
    const me = getMeId(db);
    // Six weak ties from before, quiet for a long time: "Worth reviving".
    const old = Array.from({ length: 6 }, (_, i) => createPerson(db, { displayName: `Old Friend ${i + 1}` }));
    for (const p of old) createTie(db, { personA: me, personB: p.id, strength: 1 });
    const before = getHome(db, { timeZone: zone });
    expect(before.dormant).toHaveLength(6);
    expect(before.reviewImported).toBe(0);

    const text = fs.readFileSync(path.join(FIXTURES, 'linkedin', 'Connections.csv'), 'utf8');
    importText(db, 'linkedin', text);
    const imported = listPeople(db, { review: 'imported' }).items;
    expect(imported.length).toBeGreaterThan(3);
    const home = getHome(db, { timeZone: zone });
    expect(home.dormant.map((d) => d.personId).sort()).toEqual(old.map((p) => p.id).sort());
    expect(home.reviewImported).toBe(imported.length);
    expect(imported.every((p) => !old.some((o) => o.id === p.id))).toBe(true);

    // Reviewed by a strength set by hand, a cadence, or a conversation.
    const [a, b, c] = imported;
    updateTie(db, findTie(db, me, a!.id)!.id, { strength: 2 });
    updatePerson(db, b!.id, { cadenceDays: 90 });
    createEntry(db, { occurredAt: '2027-01-30', kind: 'call', participantIds: [c!.id] });
    const after = listPeople(db, { review: 'imported' }).items.map((p) => p.id);
    expect(after).not.toContain(a!.id);
    expect(after).not.toContain(b!.id);
    expect(after).not.toContain(c!.id);
    expect(getHome(db, { timeZone: zone }).reviewImported).toBe(imported.length - 3);
    // A reviewed weak tie, quiet since, is worth reviving again like any other.
    expect(getHome(db, { timeZone: zone }).dormant.map((d) => d.personId)).toContain(a!.id);
  });

  it('people with no tie to me (second degree) never appear on Home', () => {
    restore = setClock(fixedClock('2027-01-31T12:00:00Z', zone));
    db = createTestDb({ file: true });
    const me = getMeId(db);
    const friend = createPerson(db, { displayName: 'Friend' });
    createTie(db, { personA: me, personB: friend.id, strength: 4 });
    const second = createPerson(db, { displayName: 'Second Degree' });
    createTie(db, { personA: friend.id, personB: second.id, strength: 1, source: 'imported' });
    const home = getHome(db, { timeZone: zone });
    const everyone = [...home.due, ...home.dormant, ...home.thanks].map((x) => x.personId);
    expect(everyone).not.toContain(second.id);
    expect(home.reviewImported).toBe(0);
  });
});

describe('the import batch (issue 17)', () => {
  it('marks the people one import created, and the People list can show just them', () => {
    restore = setClock(fixedClock('2027-01-31T12:00:00Z', zone));
    db = createTestDb({ file: true });
    const before = createPerson(db, { displayName: 'Tom Becker' }); // already there: matched, not created
    const text = fs.readFileSync(path.join(FIXTURES, 'linkedin', 'Connections.csv'), 'utf8');
    const result = importText(db, 'linkedin', text);
    const batches = db.prepare('SELECT import_batch AS batch, count(*) AS n FROM people WHERE import_batch IS NOT NULL GROUP BY import_batch').all() as { batch: string; n: number }[];
    expect(batches).toHaveLength(1);
    expect(batches[0]!.batch).toBe('2027-01-31T12:00:00.000Z');
    // The result names its batch, for "See the people" (#/people?batch=…).
    expect(result.importBatch).toBe(batches[0]!.batch);
    const inBatch = listPeople(db, { importBatch: batches[0]!.batch }).items;
    expect(inBatch).toHaveLength(batches[0]!.n);
    expect(inBatch.map((p) => p.id)).not.toContain(before.id);
    // A second import later is its own batch; the first one's people keep theirs.
    restore();
    restore = setClock(fixedClock('2027-02-01T09:00:00Z', zone));
    importText(db, 'vcard', fs.readFileSync(path.join(FIXTURES, 'vcard', fs.readdirSync(path.join(FIXTURES, 'vcard'))[0]!), 'utf8'));
    const card = (name: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`;
    const vcard = importText(db, 'vcard', card('Wen Li') + card('Yann Moreau'));
    expect(vcard.counts.newPeople).toBe(2);
    expect(vcard.importBatch).toBe('2027-02-01T09:00:00.000Z');
    expect(listPeople(db, { importBatch: vcard.importBatch }).items.map((p) => p.displayName)).toEqual(['Wen Li', 'Yann Moreau']);
    expect(listPeople(db, { importBatch: batches[0]!.batch }).items).toHaveLength(batches[0]!.n);
    // The same file again adds nobody: no batch to show.
    expect(importText(db, 'linkedin', text).importBatch).toBeUndefined();
  });
});
