// Migration 90 (issue 14, a contact's connections): ties rebuilt for the new
// source 'their-connections' and whose file it was; people.degree.
// Builds a file at the version before, fills it, migrates, checks the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations/index';
import { openDatabase } from '../../main/db/open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const schemaNames = (db: ReturnType<typeof openDatabase>, table: string) =>
  db.prepare(`SELECT type, name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name`).all(table);

describe("migration 90: a contact's connections", () => {
  it('keeps every tie (ids, strengths, sources, when a strength was set), its index and triggers, and makes everyone first-degree', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-m90-'));
    dirs.push(dir);
    const file = path.join(dir, 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 90) });
    const t0 = '2026-01-02T03:04:05.000Z';
    const t1 = '2026-02-03T04:05:06.000Z';
    const person = old.prepare('INSERT INTO people (display_name, created_at, updated_at) VALUES (?, ?, ?)');
    const ids = ['Ana Acosta', 'Tom Weber', 'Chen Fernández', 'Zoë Müller'].map((n) => Number(person.run(n, t0, t0).lastInsertRowid));
    const me = old.prepare('SELECT id FROM people WHERE is_me = 1').pluck().get() as number;
    const tie = old.prepare('INSERT INTO ties (person_a, person_b, strength, context, since, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    tie.run(Math.min(me, ids[0]!), Math.max(me, ids[0]!), 4, 'Worked together at Acme', '2019-05', 'manual', t0, t0);
    tie.run(ids[0], ids[1], 1, 'LinkedIn connection', null, 'imported', t0, t0);
    tie.run(ids[1], ids[2], 3, '', null, 'introduced', t0, t0);
    // A strength changed by hand after the import (migration 40's update trigger marks it manual).
    old.prepare('UPDATE ties SET strength = 2, updated_at = ? WHERE person_a = ? AND person_b = ?').run(t1, ids[0], ids[1]);
    const tiesBefore = old.prepare('SELECT * FROM ties ORDER BY id').all();
    const indexesBefore = schemaNames(old, 'ties');
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    const tiesAfter = db.prepare('SELECT * FROM ties ORDER BY id').all() as Record<string, unknown>[];
    expect(tiesAfter.map(({ source_person_id: _whoseList, ...rest }) => rest)).toEqual(tiesBefore);
    expect(tiesAfter.every((t) => t.source_person_id === null)).toBe(true);
    expect((tiesBefore as { strength_source: string }[]).map((t) => t.strength_source)).toEqual(['manual', 'manual', 'introduced']);
    // Every index and trigger on ties is still there (and one more index).
    expect(schemaNames(db, 'ties')).toEqual(
      expect.arrayContaining([...(indexesBefore as object[]), { type: 'index', name: 'ties_source_person' }, { type: 'trigger', name: 'people_first_degree_tie' }]),
    );
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'ties'`).pluck().get()).toBe(1);
    expect(db.prepare('SELECT DISTINCT degree FROM people').pluck().all()).toEqual([1]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The triggers still work on the rebuilt table.
    const t2 = '2026-03-04T05:06:07.000Z';
    db.prepare(`INSERT INTO ties (person_a, person_b, strength, source, source_person_id, created_at, updated_at) VALUES (?, ?, 1, 'their-connections', ?, ?, ?)`).run(
      ids[2],
      ids[3],
      ids[0],
      t2,
      t2,
    );
    expect(db.prepare('SELECT strength_set_at, strength_source FROM ties WHERE person_a = ? AND person_b = ?').get(ids[2], ids[3])).toEqual({
      strength_set_at: t2,
      strength_source: 'their-connections',
    });
    db.prepare('UPDATE ties SET strength = 3, updated_at = ? WHERE person_a = ? AND person_b = ?').run(t2, ids[1], ids[2]);
    expect(db.prepare('SELECT strength_source FROM ties WHERE person_a = ? AND person_b = ?').pluck().get(ids[1], ids[2])).toBe('manual');
    // Whose file can only be named on a tie from a contact's file; unknown sources and a second-degree me are refused.
    expect(() =>
      db.prepare(`INSERT INTO ties (person_a, person_b, strength, source, source_person_id, created_at, updated_at) VALUES (?, ?, 1, 'manual', ?, ?, ?)`).run(ids[0], ids[3], ids[1], t2, t2),
    ).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`INSERT INTO ties (person_a, person_b, strength, source, created_at, updated_at) VALUES (?, ?, 1, 'guessed', ?, ?)`).run(ids[0], ids[3], t2, t2)).toThrow(
      /CHECK constraint/,
    );
    expect(() => db.prepare('UPDATE people SET degree = 2 WHERE is_me = 1').run()).toThrow(/CHECK constraint/);

    // Second-degree until a tie with me or a journal entry.
    db.prepare('UPDATE people SET degree = 2 WHERE id IN (?, ?)').run(ids[2], ids[3]);
    db.prepare(`INSERT INTO ties (person_a, person_b, strength, source, created_at, updated_at) VALUES (?, ?, 2, 'manual', ?, ?)`).run(
      Math.min(me, ids[2]!),
      Math.max(me, ids[2]!),
      t2,
      t2,
    );
    const entry = Number(db.prepare(`INSERT INTO interactions (occurred_at, kind, created_at, updated_at) VALUES ('2026-03-01', 'coffee', ?, ?)`).run(t2, t2).lastInsertRowid);
    expect(db.prepare('SELECT degree FROM people WHERE id = ?').pluck().get(ids[3])).toBe(2);
    db.prepare('INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)').run(entry, ids[3]);
    expect(db.prepare('SELECT id, degree FROM people WHERE id IN (?, ?) ORDER BY id').all(ids[2], ids[3])).toEqual([
      { id: ids[2], degree: 1 },
      { id: ids[3], degree: 1 },
    ]);
    db.close();
  });
});
