// Migration 100 (issue 15): organization size bands and likely-tie decisions.
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

describe('migration 100: likely ties', () => {
  it('keeps every organization with an unknown size band, and adds the STRICT decisions table', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-m100-'));
    dirs.push(dir);
    const file = path.join(dir, 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 100) });
    const now = '2026-01-02T03:04:05.000Z';
    const insert = old.prepare('INSERT INTO organizations (name, name_key, kind, is_target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('Acme Labs', 'acme labs', 'company', 1, now, now);
    insert.run('Cedar University', 'cedar university', 'school', 0, now, now);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    expect(db.prepare('SELECT name, kind, is_target, size_band, updated_at FROM organizations ORDER BY id').all()).toEqual([
      { name: 'Acme Labs', kind: 'company', is_target: 1, size_band: null, updated_at: now },
      { name: 'Cedar University', kind: 'school', is_target: 0, size_band: null, updated_at: now },
    ]);
    db.prepare(`UPDATE organizations SET size_band = '11-50' WHERE id = 1`).run();
    expect(() => db.prepare(`UPDATE organizations SET size_band = 'huge' WHERE id = 1`).run()).toThrow(/CHECK constraint/);
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'likely_tie_decisions'`).pluck().get()).toBe(1);
    const me = db.prepare('SELECT id FROM people WHERE is_me = 1').pluck().get() as number;
    const other = Number(db.prepare(`INSERT INTO people (display_name, created_at, updated_at) VALUES ('Ana', ?, ?)`).run(now, now).lastInsertRowid);
    // A confirmation needs its strength, a dismissal has none.
    expect(() =>
      db.prepare(`INSERT INTO likely_tie_decisions (person_a, person_b, decision, evidence_kinds, confidence_milli, decided_at) VALUES (?, ?, 'confirmed', 'same_org', 500, ?)`).run(me, other, now),
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});
