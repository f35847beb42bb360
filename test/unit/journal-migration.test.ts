// Migration 20: a schema-10 file with journal data migrates with every row
// kept, the journal's full-text index rebuilt with its prefix indexes and
// still kept in step by its triggers, and the attention_states table added.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations';
import { m0010Initial } from '../../main/db/migrations/m0010_initial';
import { searchAll } from '../../main/services/search';
import { makeTempDir, removeTempDirs } from '../helpers/db';

afterAll(removeTempDirs);

function fileAtV10(): string {
  const file = path.join(makeTempDir(), 'kith.db');
  const db = openDatabase(file, { migrations: [{ version: 10, name: 'initial schema', up: m0010Initial }] });
  const now = '2024-01-01T00:00:00.000Z';
  const person = db.prepare(`INSERT INTO people (display_name, created_at, updated_at) VALUES (?, ?, ?)`);
  const ana = Number(person.run('Ana Acosta', now, now).lastInsertRowid);
  const entry = db.prepare(`INSERT INTO interactions (occurred_at, kind, title, body, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const part = db.prepare(`INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)`);
  for (let i = 0; i < 50; i++) {
    const id = Number(entry.run(`2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, 'coffee', `Coffee ${i}`, `Talked about compilers and José's café, note ${i}`, i === 7 ? now : null, now, now).lastInsertRowid);
    part.run(id, ana);
  }
  db.prepare(`INSERT INTO favors (person_id, direction, kind, occurred_on, created_at, updated_at) VALUES (?, 'received', 'advice', '2024-01-02', ?, ?)`).run(ana, now, now);
  db.prepare(`INSERT INTO reminders (person_id, title, due_on, created_at, updated_at) VALUES (?, 'Write back', '2024-01-09', ?, ?)`).run(ana, now, now);
  db.close();
  return file;
}

describe('migration 20', () => {
  it('keeps the journal and rebuilds its index with prefix indexes', () => {
    const file = fileAtV10();
    const backupDir = path.join(path.dirname(file), 'backups');
    const db = openDatabase(file, { backupDir });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(MIGRATIONS.map((m) => m.version)).toContain(20);

    expect(db.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual({ n: 50 });
    expect(db.prepare('SELECT count(*) AS n FROM interaction_participants').get()).toEqual({ n: 50 });
    expect(db.prepare('SELECT count(*) AS n FROM favors').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT title FROM reminders').get()).toEqual({ title: 'Write back' });
    expect(db.prepare(`SELECT deleted_at FROM interactions WHERE title = 'Coffee 7'`).get()).toEqual({ deleted_at: '2024-01-01T00:00:00.000Z' });

    const sql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'interactions_fts'`).get() as { sql: string }).sql;
    expect(sql).toContain(`prefix='2 3'`);
    expect(sql).toContain('remove_diacritics 2');
    // The rebuilt index agrees with its content table.
    expect(() => db.prepare(`INSERT INTO interactions_fts(interactions_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    expect(db.prepare(`SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH '"co"*'`).get()).toEqual({ n: 50 });
    expect(db.prepare(`SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH 'jose'`).get()).toEqual({ n: 50 });
    expect(searchAll(db, { query: 'compilers' }).entries).toHaveLength(20);
    expect(searchAll(db, { query: 'note 7', kinds: ['entry'] }).entries).toEqual([]); // the deleted one

    // The triggers were recreated: edits and deletes keep the index in step.
    db.prepare(`UPDATE interactions SET body = 'Now about gardening' WHERE title = 'Coffee 3'`).run();
    db.prepare(`DELETE FROM interactions WHERE title = 'Coffee 4'`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH 'gardening'`).get()).toEqual({ n: 1 });
    expect(db.prepare(`SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH 'compilers'`).get()).toEqual({ n: 48 });
    expect(() => db.prepare(`INSERT INTO interactions_fts(interactions_fts, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();

    // The new table is STRICT and follows people.
    const table = db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'attention_states'`).get() as { strict: number };
    expect(table.strict).toBe(1);
    const ana = (db.prepare(`SELECT id FROM people WHERE display_name = 'Ana Acosta'`).get() as { id: number }).id;
    db.prepare(`INSERT INTO attention_states (subject, person_id, snoozed_until, updated_at) VALUES ('cadence', ?, '2024-02-01', 'x')`).run(ana);
    expect(() => db.prepare(`INSERT INTO attention_states (subject, person_id, updated_at) VALUES ('nonsense', ?, 'x')`).run(ana)).toThrow(/CHECK/);
    db.prepare('DELETE FROM people WHERE id = ?').run(ana);
    expect(db.prepare('SELECT count(*) AS n FROM attention_states').get()).toEqual({ n: 0 });
    db.close();
  });
});
