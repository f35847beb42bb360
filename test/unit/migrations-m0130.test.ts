// Migration 130 (issue 17): introduction moves keep what they replaced, so
// "Mark met" can be undone. Builds a file at the version before, fills it,
// migrates, checks the data.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { openDatabase } from '../../main/db/open';
import { setIntroductionStatus, undoIntroductionMove } from '../../main/services/introductions';
import { listPeople } from '../../main/services/people';
import { makeTempDir, removeTempDirs } from '../helpers/db';

afterEach(removeTempDirs);

describe('migration 130: what an introduction move replaced', () => {
  it('keeps every introduction, event and person as it was; moves made after it can be undone; people get sort keys', () => {
    const dir = makeTempDir('kith-m130-');
    const file = path.join(dir, 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 130) });
    const now = '2026-01-02T03:04:05.000Z';
    const person = old.prepare('INSERT INTO people (display_name, is_me, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const me = old.prepare('SELECT id FROM people WHERE is_me = 1').pluck().get() as number; // made by the migrations
    const tom = Number(person.run('Tom Reyes', 0, now, now).lastInsertRowid);
    const ana = Number(person.run('Ana Silva', 0, now, now).lastInsertRowid);
    const intro = Number(
      old
        .prepare(
          `INSERT INTO introductions (introducer_id, requester_id, target_person_id, status, route, created_at, updated_at)
           VALUES (?, ?, ?, 'made', ?, ?, ?)`,
        )
        .run(tom, me, ana, JSON.stringify([me, tom, ana]), now, '2026-01-05T00:00:00.000Z').lastInsertRowid,
    );
    const event = old.prepare('INSERT INTO introduction_events (introduction_id, status, at, note) VALUES (?, ?, ?, ?)');
    event.run(intro, 'idea', now, '');
    event.run(intro, 'asked', '2026-01-03', 'by mail');
    event.run(intro, 'made', '2026-01-05', '');
    const eventsBefore = old.prepare('SELECT * FROM introduction_events ORDER BY id').all();
    person.run('émile Zola', 0, now, now);
    person.run('Bob 10', 0, now, now);
    person.run('Bob 9', 0, now, now);
    const peopleBefore = old.prepare('SELECT * FROM people ORDER BY id').all();
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    try {
      const events = db.prepare('SELECT * FROM introduction_events ORDER BY id').all() as Record<string, unknown>[];
      const added = ['prev_status', 'prev_updated_at', 'recorded_at'];
      expect(events.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !added.includes(k))))).toEqual(eventsBefore);
      expect(events.every((e) => e.prev_status === null && e.prev_updated_at === null && e.recorded_at === null)).toBe(true);
      expect(db.prepare('SELECT status, updated_at FROM introductions').get()).toEqual({ status: 'made', updated_at: '2026-01-05T00:00:00.000Z' });
      expect(() => db.prepare(`UPDATE introduction_events SET prev_status = 'maybe'`).run()).toThrow(/CHECK constraint/);
      // A move made before the migration cannot be undone; one made after can.
      expect(() => undoIntroductionMove(db, { id: intro, eventId: Number(events.at(-1)!.id) })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      const met = setIntroductionStatus(db, { id: intro, status: 'met' });
      const undone = undoIntroductionMove(db, { id: intro, eventId: met.events.at(-1)!.id });
      expect(undone).toMatchObject({ status: 'made', updatedAt: '2026-01-05T00:00:00.000Z' });
      expect(db.prepare('SELECT * FROM introduction_events ORDER BY id').all()).toEqual(events);

      // People: every row as it was, with no sort key yet; the People list writes them and sorts by them.
      const people = db.prepare('SELECT * FROM people ORDER BY id').all() as Record<string, unknown>[];
      expect(people.map(({ sort_key: key, ...rest }) => (expect(key).toBeNull(), rest))).toEqual(peopleBefore);
      expect(listPeople(db, { sort: 'name' }).items.map((p) => p.displayName)).toEqual(['Ana Silva', 'Bob 9', 'Bob 10', 'émile Zola', 'Tom Reyes']);
      expect(db.prepare('SELECT sort_key FROM people WHERE display_name = ?').pluck().get('émile Zola')).toBe('emile zola');
    } finally {
      db.close();
    }
  });
});
