// Migration 70 (issue 12): the target role and the dated job stage history.
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

describe('migration 70: target job', () => {
  it('keeps every organization, gives each an empty role, and adds the STRICT stage history', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-m70-'));
    dirs.push(dir);
    const file = path.join(dir, 'kith.db');
    const before = MIGRATIONS.filter((m) => m.version < 70);
    const old = openDatabase(file, { migrations: before });
    const now = '2026-01-02T03:04:05.000Z';
    const insert = old.prepare('INSERT INTO organizations (name, name_key, is_target, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('Acme Labs', 'acme labs', 1, now, now);
    insert.run('Pinecone Health', 'pinecone health', 0, now, now);
    old.close();

    const db = openDatabase(file, { migrations: MIGRATIONS, backupDir: path.join(dir, 'backups') });
    expect(db.prepare('SELECT name, is_target, target_role, updated_at FROM organizations ORDER BY id').all()).toEqual([
      { name: 'Acme Labs', is_target: 1, target_role: '', updated_at: now },
      { name: 'Pinecone Health', is_target: 0, target_role: '', updated_at: now },
    ]);
    expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'target_stage_events'`).pluck().get()).toBe(1);
    expect(() => db.prepare(`INSERT INTO target_stage_events (organization_id, stage, on_date, created_at) VALUES (1, 'dreaming', '2026-01-02', ?)`).run(now)).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });
});
