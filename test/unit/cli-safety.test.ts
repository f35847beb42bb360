// Issue 18, items 2–4: the terminal is an output too (controls and bidi
// overrides escaped in text, exact in --json); storage failures explained in
// the app's typed sentences; a passphrase for an unprotected folder warned about.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../main/cli/format';
import { explainCliFailure } from '../../main/cli/errors';
import { openDatabase } from '../../main/db/open';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('kith-cli-safety-'), 'data');
});
afterEach(removeTempDirs);

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => kith([...args, '--data-dir', dir], env);
const dbFile = () => path.join(dir, 'kith.db');

/** A name as an older Kith (or a crafted import) could have stored it, written straight into the file. */
function plantName(name: string): void {
  const db = openDatabase(dbFile());
  try {
    db.prepare(`UPDATE people SET display_name = ? WHERE display_name = 'Ana Acosta'`).run(name);
  } finally {
    db.close();
  }
}

describe('text output escapes control characters and bidi controls (item 2)', () => {
  it('escapeForTerminal: C0, DEL, C1 and U+202A–202E, U+2066–2069 escaped; line breaks and right-to-left letters kept', () => {
    expect(escapeForTerminal('a\u001b[31mred\u0000\u007f\u0085\u009b')).toBe('a\\x1b[31mred\\x00\\x7f\\x85\\x9b');
    expect(escapeForTerminal('\u202aa\u202eb\u2066c\u2069\u200f')).toBe('\\u202aa\\u202eb\\u2066c\\u2069\u200f');
    expect(escapeForTerminal('line one\nעדי כהן\tزهرا\n')).toBe('line one\nעדי כהן\\x09زهرا\n');
  });

  it('people list and show print a hostile name escaped; --json keeps it exact', async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const hostile = 'Ana\u001b]0;owned\u0007\u001b[31m\u202eAcosta\u0085';
    plantName(hostile);
    const list = await run(['people', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    expect(list.stdout).toContain('Ana\\x1b]0;owned\\x07\\x1b[31m\\u202eAcosta\\x85');
    const show = await run(['people', 'show', 'Ana\u001b]0;owned\u0007\u001b[31m\u202eAcosta\u0085']);
    expect(show.stderr.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\u202e]/u);
    const json = await run(['people', 'list', '--json']);
    const rows = json.json<{ items: Array<{ displayName: string }> }>().items;
    expect(rows.map((r) => r.displayName)).toContain(hostile);
    expect(json.stdout).toContain('\\u001b]0;owned\\u0007\\u001b[31m');
  });

  it('error messages quoting what was typed are escaped too', async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const missing = await run(['people', 'show', 'Nobody\u001b[2J']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('\\x1b[2J');
    expect(missing.stderr).not.toContain('\u001b');
  });
});

describe("storage failures in the dispatcher's sentences (item 3)", () => {
  it('a folder where kith.db should be: one clear sentence, nothing created', async () => {
    fs.mkdirSync(dbFile(), { recursive: true });
    const r = await run(['stats']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kith: .*kith\.db is a folder, not Kith's data file/);
    expect(r.stderr).not.toMatch(/EISDIR|unexpected/);
  });

  it('a lowered schema version: one clear message, and no new backup per retry', async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const raw = new Database(dbFile());
    const version = raw.pragma('user_version', { simple: true }) as number;
    raw.pragma(`user_version = ${version - 3}`);
    raw.close();
    const before = fs.readFileSync(dbFile());
    const backupsBefore = fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await run(['stats']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/does not match the schema version it claims \(\d+\).*Nothing in the file was changed/);
      expect(r.stderr).not.toMatch(/unexpected/);
    }
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual(backupsBefore);
    expect(fs.readFileSync(dbFile()).equals(before)).toBe(true);
  });

  it("a file locked by another writer: DB_LOCKED's sentence, not 'database is locked'", async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const other = new Database(dbFile());
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await run(['people', 'add', 'Ben Bauer']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^kith: Kith's data file is in use by another program/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await run(['people', 'list', '--json'])).json<{ items: Array<{ displayName: string }> }>().items.map((p) => p.displayName)).toEqual(['Ana Acosta']);
  }, 20_000);

  it('SQLite and file-system failure codes get the typed sentences', () => {
    const sqlite = (code: string) => Object.assign(new Error('raw'), { code });
    const node = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    expect(explainCliFailure(sqlite('SQLITE_FULL'))?.code).toBe('DISK_FULL');
    expect(explainCliFailure(sqlite('SQLITE_IOERR_WRITE'))?.message).toMatch(/disk reported an error/);
    expect(explainCliFailure(sqlite('SQLITE_BUSY'))?.code).toBe('DB_LOCKED');
    expect(explainCliFailure(node('ENOSPC'))?.code).toBe('DISK_FULL');
    expect(explainCliFailure(node('EISDIR'))?.code).toBe('NOT_A_KITH_DB');
    expect(explainCliFailure(node('EROFS'))?.code).toBe('DB_READONLY');
    expect(explainCliFailure(new Error('a bug'))).toBeNull();
  });
});

describe('a passphrase for an unprotected folder (item 4)', () => {
  it('warns on stderr, and the command still works', async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const r = await run(['people', 'list'], { KITH_PASSPHRASE: 'staple quietly 2026' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ana Acosta');
    expect(r.stderr).toMatch(/warning: a passphrase was given, but the data in .* is not protected with one: it is stored unencrypted/);
    const plain = await run(['people', 'list']);
    expect(plain.stderr).toBe('');
  });
});
