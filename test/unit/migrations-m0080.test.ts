// Migration 80 (issue 14): import_keys accepts the keys of calendars and mail.
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

describe('migration 80: import keys of calendars and mail', () => {
  it('keeps every LinkedIn key with its entry, keeps the entry link, and accepts the new sources only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-m80-'));
    dirs.push(dir);
    const file = path.join(dir, 'kith.db');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 80) });
    const now = '2026-01-02T03:04:05.000Z';
    const entry = Number(
      old
        .prepare(`INSERT INTO interactions (occurred_at, kind, title, body, created_at, updated_at) VALUES ('2025-06-01T10:00:00Z', 'message', 'LinkedIn', '', ?, ?)`)
        .run(now, now).lastInsertRowid,
    );
    const keep = old.prepare('INSERT INTO import_keys (source, key, interaction_id, created_at) VALUES (?, ?, ?, ?)');
    keep.run('linkedin-conversation', '2-abc|2025-06-01', entry, now);
    keep.run('linkedin-conversation', '2-def|2025-06-02', null, now);
    expect(() => keep.run('calendar-event', 'uid-1|', null, now)).toThrow(/CHECK constraint/);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    expect(db.prepare('SELECT source, key, interaction_id, created_at FROM import_keys ORDER BY key').all()).toEqual([
      { source: 'linkedin-conversation', key: '2-abc|2025-06-01', interaction_id: entry, created_at: now },
      { source: 'linkedin-conversation', key: '2-def|2025-06-02', interaction_id: null, created_at: now },
    ]);
    const add = db.prepare('INSERT INTO import_keys (source, key, interaction_id, created_at) VALUES (?, ?, ?, ?)');
    for (const source of ['calendar-event', 'calendar-series-month', 'mail-day']) add.run(source, `k-${source}`, entry, now);
    expect(() => add.run('carrier-pigeon', 'x', null, now)).toThrow(/CHECK constraint/);
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'import_keys'`).pluck().get()).toBe(1);
    // The entry link still follows the entry: deleting it keeps the keys (what was deleted does not come back).
    db.prepare('DELETE FROM interactions WHERE id = ?').run(entry);
    expect(db.prepare('SELECT count(*) FROM import_keys WHERE interaction_id IS NULL').pluck().get()).toBe(5);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'import_keys' AND sql IS NOT NULL`).pluck().all()).toEqual([
      'import_keys_interaction',
    ]);
    db.close();
  });
});
