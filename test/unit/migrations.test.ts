// The schema and the migration runner, on real files: a fresh file gets the
// whole schema; an older file is backed up, migrated and its data carried
// over; newer, foreign and non-SQLite files are refused and left untouched;
// a failing migration leaves the file at its old version.
import { nowIso } from '../../shared/clock';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openKith } from '../../main/db/kith';
import { MIGRATIONS, type Migration } from '../../main/db/migrations';
import { m0010Initial } from '../../main/db/migrations/m0010_initial';
import { KITH_APPLICATION_ID, LATEST_SCHEMA_VERSION, migrate, openDatabase, type Db } from '../../main/db/open';
import { nameKey } from '../../shared/text';
import { createPerson } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import { KithError } from '../../shared/errors';
import { createTestDb, fileBytes, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

afterEach(removeTempDirs);

const DESIGN_TABLES = [
  'people',
  'organizations',
  'affiliations',
  'ties',
  'interactions',
  'interaction_participants',
  'introductions',
  'introduction_events',
  'favors',
  'reminders',
  'tags',
  'person_tags',
  'organization_tags',
  'settings',
];

const m10: Migration = { version: 10, name: 'initial schema', up: m0010Initial };

/** A test migration 20: a new column filled from existing data, and a transformation of existing rows. */
const m20: Migration = {
  version: 20,
  name: 'sort names and lower-case domains',
  up: (db) => {
    db.exec(`ALTER TABLE people ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''`);
    db.exec(`UPDATE people SET sort_name = lower(CASE WHEN family_name <> '' THEN family_name || ', ' || given_name ELSE display_name END)`);
    db.exec(`UPDATE organizations SET domain = lower(domain)`);
  },
};

function tempFile(): string {
  return path.join(makeTempDir('kith-migrations-'), 'kith.db');
}

/** Closes cleanly so the WAL is folded into the main file: the file alone is the whole database. */
function closeFully(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** A Kith file at schema 10 holding a few people, an organization and a tie. */
function fileAtV10(): string {
  const file = tempFile();
  const db = openDatabase(file, { migrations: [m10] });
  const ana = createPerson(db, { displayName: 'Ana Acosta', givenName: 'Ana', familyName: 'Acosta' });
  const jose = createPerson(db, { displayName: 'José García', givenName: 'José', familyName: 'García', notes: 'Met in Lisbon' });
  createPerson(db, { displayName: 'Prince' });
  // Raw SQL: today's services write columns a schema-10 file does not have.
  db.prepare(`INSERT INTO organizations (name, name_key, domain, created_at, updated_at) VALUES ('Acme Labs', ?, 'ACME.Example', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run(nameKey('Acme Labs'));
  createTie(db, { personA: ana.id, personB: jose.id, strength: 3, context: 'Former teammates' });
  closeFully(db);
  return file;
}

function expectKithError(fn: () => unknown, code: string): KithError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KithError);
    expect((error as KithError).code).toBe(code);
    return error as KithError;
  }
  throw new Error(`expected a ${code} error`);
}

describe('a fresh database', () => {
  it('gets every table of DESIGN.md, STRICT, at the latest version, marked as Kith', () => {
    const db = createTestDb({ file: true });
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'`).all() as {
      name: string;
      strict: number;
    }[];
    const byName = new Map(tables.map((t) => [t.name, t.strict]));
    for (const table of DESIGN_TABLES) {
      expect(byName.has(table), `table ${table}`).toBe(true);
      expect(byName.get(table), `${table} is STRICT`).toBe(1);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('application_id', { simple: true })).toBe(KITH_APPLICATION_ID);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('has exactly one me, which cannot be deleted, demoted or doubled', () => {
    const db = createTestDb();
    expect(db.prepare('SELECT count(*) FROM people WHERE is_me = 1').pluck().get()).toBe(1);
    const now = nowIso();
    expect(() => db.prepare(`INSERT INTO people (is_me, display_name, created_at, updated_at) VALUES (1, 'Me too', ?, ?)`).run(now, now)).toThrow(
      /UNIQUE/,
    );
    expect(() => db.prepare('DELETE FROM people WHERE is_me = 1').run()).toThrow(/me cannot be deleted/);
    expect(() => db.prepare('UPDATE people SET is_me = 0 WHERE is_me = 1').run()).toThrow(/me cannot stop being me/);
    expect(() => db.prepare('UPDATE people SET archived_at = ? WHERE is_me = 1').run(now)).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM people WHERE is_me = 1').pluck().get()).toBe(1);
  });

  it('has working FTS5 indexes that fold diacritics and follow updates and deletes', () => {
    const db = createTestDb();
    const now = nowIso();
    const id = Number(
      db.prepare(`INSERT INTO people (display_name, notes, created_at, updated_at) VALUES ('José Núñez', 'likes ramen', ?, ?)`).run(now, now)
        .lastInsertRowid,
    );
    const match = (q: string) => db.prepare('SELECT rowid FROM people_fts WHERE people_fts MATCH ?').pluck().all(q);
    expect(match('jose')).toEqual([id]);
    expect(match('"nun"*')).toEqual([id]);
    expect(match('ramen')).toEqual([id]);
    db.prepare(`UPDATE people SET notes = 'likes pho' WHERE id = ?`).run(id);
    expect(match('ramen')).toEqual([]);
    expect(match('pho')).toEqual([id]);
    db.prepare('DELETE FROM people WHERE id = ?').run(id);
    expect(match('jose')).toEqual([]);
    db.prepare(`INSERT INTO organizations (name, name_key, created_at, updated_at) VALUES ('Zürich Bank', 'zürich bank', ?, ?)`).run(now, now);
    expect(db.prepare(`SELECT count(*) FROM organizations_fts WHERE organizations_fts MATCH 'zurich'`).pluck().get()).toBe(1);
    db.prepare(`INSERT INTO interactions (occurred_at, kind, title, body, created_at, updated_at) VALUES ('2024-01-01', 'coffee', 'Café', 'résumé tips', ?, ?)`).run(
      now,
      now,
    );
    expect(db.prepare(`SELECT count(*) FROM interactions_fts WHERE interactions_fts MATCH 'resume'`).pluck().get()).toBe(1);
  });
});

describe('connection pragmas', () => {
  function expectPragmas(db: Db, journal: string): void {
    expect(db.pragma('journal_mode', { simple: true })).toBe(journal);
    // better-sqlite3 defaults WAL's synchronous to NORMAL (1): Kith must set FULL (2) itself.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  }

  it('openDatabase on a new file, on an existing file, and read-only: WAL, synchronous FULL, foreign keys on', () => {
    const file = tempFile();
    const first = openDatabase(file);
    expectPragmas(first, 'wal');
    first.close();
    const again = openDatabase(file);
    expectPragmas(again, 'wal');
    again.close();
    const readonly = openDatabase(file, { readonly: true });
    expectPragmas(readonly, 'wal');
    readonly.close();
  });

  it('openKith: the same pragmas, and the file where the data folder says', () => {
    const dir = makeTempDir();
    const store = openKith(path.join(dir, 'nested', 'Kith'));
    expectPragmas(store.db, 'wal');
    expect(store.dbFile).toBe(path.join(dir, 'nested', 'Kith', 'kith.db'));
    expect(fs.existsSync(store.dbFile)).toBe(true);
    store.close();
    store.close(); // closing twice is harmless
  });

  it('in memory: synchronous FULL and foreign keys on as well', () => {
    const db = createTestDb();
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a plain better-sqlite3 connection to an existing WAL file would be at synchronous NORMAL (so the tests above can fail)', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new Database(file);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    // Compiled with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: NORMAL unless someone says FULL.
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    raw.close();
  });
});

describe('migrating an older file', () => {
  it('backs up with VACUUM INTO, carries the data over and transforms it', () => {
    const file = fileAtV10();
    const backupDir = path.join(path.dirname(file), 'backups');
    const db = openDatabase(file, { migrations: [m10, m20], backupDir });
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    const people = db.prepare('SELECT display_name, sort_name FROM people ORDER BY id').all();
    expect(people).toEqual([
      { display_name: 'Me', sort_name: 'me' },
      { display_name: 'Ana Acosta', sort_name: 'acosta, ana' },
      { display_name: 'José García', sort_name: 'garcía, josé' },
      { display_name: 'Prince', sort_name: 'prince' },
    ]);
    expect(db.prepare('SELECT domain FROM organizations').pluck().all()).toEqual(['acme.example']);
    expect(db.prepare('SELECT strength, context FROM ties').all()).toEqual([{ strength: 3, context: 'Former teammates' }]);
    // The FTS index still finds the carried-over rows.
    expect(db.prepare(`SELECT count(*) FROM people_fts WHERE people_fts MATCH 'lisbon'`).pluck().get()).toBe(1);
    db.close();

    const backups = fs.readdirSync(backupDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^kith-before-migration-10-to-20-.*\.db$/);
    const backup = openDatabase(path.join(backupDir, backups[0]!), { readonly: true, migrations: [m10] });
    expect(backup.pragma('user_version', { simple: true })).toBe(10);
    expect(backup.prepare('SELECT count(*) FROM people').pluck().get()).toBe(4);
    expect(backup.prepare(`SELECT count(*) FROM pragma_table_info('people') WHERE name = 'sort_name'`).pluck().get()).toBe(0);
    expect(backup.prepare('SELECT domain FROM organizations').pluck().get()).toBe('ACME.Example');
    backup.close();
  });

  it('migrate() reports what it did, and does nothing the second time', () => {
    const file = fileAtV10();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const report = migrate(db, [m10, m20], { backupDir: path.join(path.dirname(file), 'b'), file });
    expect(report).toMatchObject({ from: 10, to: 20, applied: [20] });
    expect(report.backupFile && fs.existsSync(report.backupFile)).toBe(true);
    expect(migrate(db, [m10, m20], { file })).toEqual({ from: 20, to: 20, applied: [], backupFile: null });
    db.close();
  });

  it('takes no backup of a brand-new file', () => {
    const file = tempFile();
    const backupDir = path.join(path.dirname(file), 'backups');
    openDatabase(file, { migrations: [m10, m20], backupDir }).close();
    expect(fs.existsSync(backupDir)).toBe(false);
  });

  it('a migration that throws midway leaves the file at the old version with its data intact', () => {
    const file = fileAtV10();
    const before = openDatabase(file, { readonly: true, migrations: [m10] });
    const snapshot = snapshotDb(before);
    before.close();
    const failing: Migration = {
      version: 20,
      name: 'fails after changing things',
      up: (db) => {
        db.exec(`ALTER TABLE people ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''`);
        db.exec(`UPDATE people SET display_name = 'CHANGED'`);
        db.exec('DELETE FROM ties');
        throw new Error('disk on fire');
      },
    };
    expect(() => openDatabase(file, { migrations: [m10, failing] })).toThrow(/disk on fire/);
    const after = openDatabase(file, { readonly: true, migrations: [m10] });
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    expect(snapshotDb(after)).toEqual(snapshot);
    after.close();
  });

  it('each migration commits on its own: a failure in 30 keeps 20 and rolls back only 30', () => {
    const file = fileAtV10();
    const m30: Migration = {
      version: 30,
      name: 'breaks a reference',
      up: (db) => {
        db.exec('PRAGMA defer_foreign_keys = ON');
        db.exec(`UPDATE ties SET person_b = 999999`);
      },
    };
    expect(() => openDatabase(file, { migrations: [m10, m20, m30] })).toThrow(/broken references/);
    const after = openDatabase(file, { readonly: true, migrations: [m10, m20] });
    expect(after.pragma('user_version', { simple: true })).toBe(20);
    expect(after.prepare('SELECT count(*) FROM ties WHERE person_b = 999999').pluck().get()).toBe(0);
    expect(after.prepare(`SELECT sort_name FROM people WHERE display_name = 'Prince'`).pluck().get()).toBe('prince');
    after.close();
  });
});

describe('files Kith must refuse, untouched', () => {
  it('a file from a newer Kith: DB_TOO_NEW, byte-identical afterwards', () => {
    const file = fileAtV10();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    const bytes = fileBytes(file);
    const error = expectKithError(() => openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') }), 'DB_TOO_NEW');
    expect(error.message).toMatch(/newer version of Kith/);
    expectKithError(() => openDatabase(file, { readonly: true }), 'DB_TOO_NEW');
    expectKithError(() => openKith(path.dirname(file)), 'DB_TOO_NEW');
    expect(fileBytes(file)).toEqual(bytes);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });

  it('a text file and a short binary file: NOT_A_KITH_DB, byte-identical afterwards', () => {
    for (const content of [Buffer.from('Name,Email\nAna Acosta,ana@example.com\n'), Buffer.from([0x53, 0x51, 0x4c, 0x00, 0xff])]) {
      const file = tempFile();
      fs.writeFileSync(file, content);
      const error = expectKithError(() => openDatabase(file), 'NOT_A_KITH_DB');
      expect(error.message).toMatch(/not a Kith database/);
      expect(fs.readFileSync(file).equals(content)).toBe(true);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    }
  });

  it("another program's SQLite file (rollback journal, so a WAL switch would show): NOT_A_KITH_DB, byte-identical", () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec(`CREATE TABLE recipes (title TEXT); INSERT INTO recipes VALUES ('Feijoada')`);
    other.close();
    const bytes = fileBytes(file);
    expectKithError(() => openDatabase(file), 'NOT_A_KITH_DB');
    expect(fileBytes(file)).toEqual(bytes);
  });

  it('an SQLite file with a foreign application_id but Kith-looking tables: NOT_A_KITH_DB', () => {
    const file = tempFile();
    const other = new Database(file);
    other.pragma('user_version = 10');
    other.pragma('application_id = 1234');
    other.exec('CREATE TABLE people (id INTEGER PRIMARY KEY)');
    other.close();
    const bytes = fileBytes(file);
    expectKithError(() => openDatabase(file), 'NOT_A_KITH_DB');
    expect(fileBytes(file)).toEqual(bytes);
  });
});
