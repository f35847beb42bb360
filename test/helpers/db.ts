// Real SQLite for tests: the app's own migrations on ':memory:' or a temp
// file, plus a snapshot of every row to prove that a refused request changed
// nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from '../../main/db/open';

const tempDirs: string[] = [];

/** A fresh temporary folder, removed by removeTempDirs() (call it in afterAll/afterEach). */
export function makeTempDir(prefix = 'kith-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A database built by the real migrations (exactly one "me", the whole
 * schema): a kith.db in a fresh temp folder, so WAL and file behaviour are
 * exercised (issue 18: ':memory:' never was), or the path given. `file: false`
 * asks for ':memory:' explicitly, only for pure read-only checks.
 */
export function createTestDb(options: { file?: boolean | string } & Omit<OpenOptions, 'readonly'> = {}): Db {
  const { file = true, ...open } = options;
  const target = file === true ? path.join(makeTempDir(), 'kith.db') : typeof file === 'string' ? file : ':memory:';
  return openDatabase(target, open);
}

export type DbSnapshot = Record<string, unknown[]>;

/**
 * Every row of every table (FTS shadow tables included), the schema, and
 * user_version, in a stable order: equal snapshots mean nothing changed.
 */
export function snapshotDb(db: Db): DbSnapshot {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const snapshot: DbSnapshot = {
    '(schema)': db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all(),
    '(user_version)': [db.pragma('user_version', { simple: true })],
  };
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all() as unknown[];
    snapshot[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}

/** Rows per table, for readable assertions ("people grew by one"). */
export function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(snapshotDb(db))) if (!table.startsWith('(')) counts[table] = rows.length;
  return counts;
}

/** The bytes of a file and its WAL/SHM companions, to prove a refused open wrote nothing. */
export function fileBytes(file: string): Record<string, string | null> {
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f).toString('base64') : null);
  return { db: read(file), wal: read(`${file}-wal`), shm: read(`${file}-shm`) };
}
