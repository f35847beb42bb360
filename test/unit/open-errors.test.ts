// A damaged, foreign or busy data file gets a clear, typed error at open, and
// Kith never writes over it (in particular never with a new, empty database).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { KithError } from '../../shared/errors';
import { openDatabase } from '../../main/db/open';
import { writeNetwork } from '../../main/sample/load';
import { generateNetwork } from '../../main/sample/generate';

const dirs: string[] = [];
function tempFile(name = 'kith.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-open-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A real Kith file with a few hundred rows, checkpointed into the main file. */
function filledKithFile(): string {
  const file = tempFile();
  const db = openDatabase(file);
  writeNetwork(db, generateNetwork({ people: 300, seed: 7 }));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  return file;
}

function openError(file: string): KithError {
  try {
    openDatabase(file, { busyTimeoutMs: 100 }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(KithError);
    return error as KithError;
  }
  throw new Error('expected the open to fail');
}

describe('opening a damaged or foreign file', () => {
  it('random bytes in the middle: DB_CORRUPT, file untouched', () => {
    const file = filledKithFile();
    const bytes = fs.readFileSync(file);
    const fd = fs.openSync(file, 'r+');
    // Overwrite whole pages in the middle of the file (not page 1, so the header still says SQLite).
    fs.writeSync(fd, crypto.randomBytes(4096 * 3), 0, 4096 * 3, Math.floor(bytes.length / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(file);
    const error = openError(file);
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/damaged[\s\S]*Restore a backup/);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('a truncated file: DB_CORRUPT, file untouched', () => {
    const file = filledKithFile();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const truncated = fs.readFileSync(file);
    expect(openError(file).code).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(truncated)).toBe(true);
  });

  it('a text file: NOT_A_KITH_DB, file untouched', () => {
    const file = tempFile();
    fs.writeFileSync(file, 'name,email\nAna,ana@example.com\n');
    expect(openError(file).code).toBe('NOT_A_KITH_DB');
    expect(fs.readFileSync(file, 'utf8')).toBe('name,email\nAna,ana@example.com\n');
  });

  it("another application's SQLite file: NOT_A_KITH_DB, file untouched", () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'keep me\')');
    other.close();
    const before = fs.readFileSync(file);
    expect(openError(file).code).toBe('NOT_A_KITH_DB');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a file held exclusively by another connection: DB_LOCKED', () => {
    const file = filledKithFile();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const opened = () => {
      const db = new Database(file, { timeout: 50 });
      // What openDatabase does first: the same pragmas, under a short timeout for the test.
      db.pragma('busy_timeout = 50');
      return db;
    };
    // Plain better-sqlite3 reports SQLITE_BUSY; openDatabase turns that into DB_LOCKED.
    expect(() => opened().pragma('quick_check')).toThrow(/locked|busy/i);
    const error = openError(file);
    expect(error.code).toBe('DB_LOCKED');
    expect(error.message).toMatch(/in use by another program/);
    holder.exec('COMMIT');
    holder.close();
    openDatabase(file).close();
  });
});
