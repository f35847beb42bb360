// Issue 17: an @mention is a reference, stored apart from participants. It
// does not count as contact and is not evidence that two people know each
// other; entries written before keep their participants as they are (m0040).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import { createEntry, getEntry, lastEntryTimes, updateEntry } from '../../main/services/journal';
import { createPerson, getMeId } from '../../main/services/people';
import { createTestDb, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  removeTempDirs();
});

describe('mentions are references, not participants', () => {
  it('stores mentions apart; they are not contact; a participant or me mentioned is not repeated', () => {
    db = createTestDb({ file: true });
    const ana = createPerson(db, { displayName: 'Ana Acosta' });
    const ben = createPerson(db, { displayName: 'Ben Okafor' });
    const me = getMeId(db);
    const entry = createEntry(db, {
      occurredAt: '2026-11-02',
      kind: 'coffee',
      body: 'Talked about @Ben Okafor with @Ana Acosta',
      participantIds: [ana.id],
      mentionIds: [ben.id, ana.id, me],
    });
    expect(entry.participants.map((p) => p.id)).toEqual([ana.id]);
    expect(entry.mentions?.map((p) => p.id)).toEqual([ben.id]);
    expect(db.prepare('SELECT person_id FROM interaction_participants WHERE interaction_id = ?').all(entry.id)).toEqual([{ person_id: ana.id }]);
    // Last contact (cadences, Home, "Worth reviving") reads participants only.
    const last = lastEntryTimes(db, [ana.id, ben.id]);
    expect(last.has(ana.id)).toBe(true);
    expect(last.has(ben.id)).toBe(false);

    // Editing the notes replaces the mentions; without mentionIds they stay.
    const edited = updateEntry(db, entry.id, { title: 'Coffee' });
    expect(edited.mentions?.map((p) => p.id)).toEqual([ben.id]);
    const cleared = updateEntry(db, entry.id, { body: 'No mentions now', mentionIds: [] });
    expect(cleared.mentions).toBeUndefined();
    expect(getEntry(db, entry.id).participants.map((p) => p.id)).toEqual([ana.id]);
  });

  it('"Add as a new person" from an @mention creates the person as a mention, not a participant, in create and update', () => {
    db = createTestDb({ file: true });
    const ana = createPerson(db, { displayName: 'Ana Acosta' });
    const ben = createPerson(db, { displayName: 'Ben Okafor' });
    const entry = createEntry(db, {
      occurredAt: '2026-11-02',
      kind: 'coffee',
      body: 'Ana told me about @Zoe and @Ben Okafor',
      participantIds: [ana.id],
      mentionIds: [ben.id],
      newMentions: [{ displayName: 'Zoe' }],
    });
    const zoe = db.prepare("SELECT id FROM people WHERE display_name = 'Zoe'").get() as { id: number };
    expect(entry.participants.map((p) => p.id)).toEqual([ana.id]);
    expect(entry.mentions?.map((p) => p.id)).toEqual([ben.id, zoe.id]);
    expect(lastEntryTimes(db, [zoe.id]).has(zoe.id)).toBe(false); // not contact
    // An edit adding a new mention keeps the mentions already there.
    const edited = updateEntry(db, entry.id, { body: `${entry.body} and @Yann`, newMentions: [{ displayName: 'Yann' }] });
    expect(edited.mentions?.map((p) => p.displayName)).toEqual(['Ben Okafor', 'Yann', 'Zoe']);
    expect(edited.participants.map((p) => p.id)).toEqual([ana.id]);
    // A bad name refuses the whole entry: nobody is created.
    const before = snapshotDb(db);
    expect(() => createEntry(db!, { occurredAt: '2026-11-03', kind: 'call', participantIds: [ana.id], newMentions: [{ displayName: 'Wen' }], mentionIds: [9999] })).toThrow(/person/i);
    expect(snapshotDb(db)).toEqual(before);
  });

  it('refuses an unknown mentioned person and writes nothing', () => {
    db = createTestDb({ file: true });
    const ana = createPerson(db, { displayName: 'Ana Acosta' });
    const before = snapshotDb(db);
    expect(() => createEntry(db!, { occurredAt: '2026-11-02', kind: 'call', participantIds: [ana.id], mentionIds: [9999] })).toThrow(/person/i);
    expect(snapshotDb(db)).toEqual(before);
  });

  it('m0040 keeps the participants of entries written before, starts with no mentions, and dates each strength from what is known', () => {
    const file = path.join(makeTempDir(), 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 20) });
    const now = '2026-01-01T00:00:00.000Z';
    const person = old.prepare('INSERT INTO people (display_name, emails, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const ana = Number(person.run('Ana Acosta', '[{"label":"work","value":"ana@acme.example"}]', now, now).lastInsertRowid);
    const ben = Number(person.run('Ben Okafor', '[]', now, now).lastInsertRowid);
    const entry = Number(
      old.prepare("INSERT INTO interactions (occurred_at, kind, title, body, created_at, updated_at) VALUES ('2025-05-01', 'coffee', '', 'With @Ben Okafor', ?, ?)").run(now, now)
        .lastInsertRowid,
    );
    const link = old.prepare('INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)');
    link.run(entry, ana);
    link.run(entry, ben); // a mention stored as a participant, before issue 17
    const tie = old.prepare('INSERT INTO ties (person_a, person_b, strength, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const me = (old.prepare('SELECT id FROM people WHERE is_me = 1').get() as { id: number }).id;
    tie.run(Math.min(me, ana), Math.max(me, ana), 4, 'manual', '2024-01-01T00:00:00.000Z', '2025-03-04T05:06:07.000Z');
    tie.run(Math.min(ana, ben), Math.max(ana, ben), 2, 'imported', '2024-02-02T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    old.close();

    db = openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(getEntry(db, entry).participants.map((p) => p.id).sort()).toEqual([ana, ben].sort());
    expect(db.prepare('SELECT count(*) AS n FROM interaction_mentions').get()).toEqual({ n: 0 });
    // The folded search text is filled lazily: NULL until a search needs it.
    expect(db.prepare('SELECT count(*) AS n FROM people WHERE search_folded IS NULL').get()).toEqual({ n: 3 });
    // A manual tie's strength was set at its last update at the latest; others keep their source and creation time.
    expect(db.prepare('SELECT strength, source, strength_source, strength_set_at FROM ties ORDER BY id').all()).toEqual([
      { strength: 4, source: 'manual', strength_source: 'manual', strength_set_at: '2025-03-04T05:06:07.000Z' },
      { strength: 2, source: 'imported', strength_source: 'imported', strength_set_at: '2024-02-02T00:00:00.000Z' },
    ]);
    // New ties and hand-set strengths are dated by the triggers, whoever writes them.
    db.prepare("UPDATE ties SET strength = 3, updated_at = '2026-05-05T00:00:00.000Z' WHERE source = 'imported'").run();
    expect(db.prepare("SELECT strength_source, strength_set_at FROM ties WHERE source = 'imported'").get()).toEqual({
      strength_source: 'manual',
      strength_set_at: '2026-05-05T00:00:00.000Z',
    });
    const people = db.prepare('SELECT display_name, emails FROM people WHERE id IN (?, ?) ORDER BY id').all(ana, ben);
    expect(people).toEqual([
      { display_name: 'Ana Acosta', emails: '[{"label":"work","value":"ana@acme.example"}]' },
      { display_name: 'Ben Okafor', emails: '[]' },
    ]);
  });
});
