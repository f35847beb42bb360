// The canary test (issue 7, "nothing leaked"): ten unique strings go into
// names, notes, journal titles and bodies, an organization, a tag, a favor and
// a follow-up, some before the passphrase is turned on (with backups taken
// then), some after (still in the WAL). Then every file in the data folder —
// the database, -wal, -shm, every backup, anything temporary — is searched
// byte by byte for each string as UTF-8 and UTF-16, as typed and lowercased
// (FTS5 keeps lowercased tokens). Protected: none is found anywhere. The
// control run without a passphrase finds every one, proving the search works.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKith, type KithStore } from '../../main/db/kith';
import { createBackup, createBackupSync } from '../../main/services/backups';
import { setPassphrase } from '../../main/services/encryption';
import { createFavor } from '../../main/services/favors';
import { createEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { createPerson } from '../../main/services/people';
import { createReminder } from '../../main/services/reminders';
import { makeTempDir, removeTempDirs } from '../helpers/db';

afterAll(removeTempDirs);

const CANARIES = Array.from({ length: 10 }, (_, i) => `Kanary${i}Qzxv${(7919 * (i + 3)).toString(36)}Wombat`);

/** Every byte pattern a canary could be stored as. */
function patterns(canary: string): Buffer[] {
  const forms = new Set([canary, canary.toLowerCase(), canary.toUpperCase()]);
  return [...forms].flatMap((f) => [Buffer.from(f, 'utf8'), Buffer.from(f, 'utf16le'), Buffer.from(f, 'utf16le').swap16()]);
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** canary → the files (relative) it was found in. */
function search(dataDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const files = allFiles(dataDir);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const canary of CANARIES) {
      if (patterns(canary).some((p) => bytes.includes(p))) found.set(canary, [...(found.get(canary) ?? []), path.relative(dataDir, file)]);
    }
  }
  return found;
}

function write(store: KithStore, [a, b, c, d, e]: string[]): void {
  const db = store.db;
  const org = createOrganization(db, { name: `${a} Labs` });
  const person = createPerson(db, { displayName: `${b} Person`, notes: `Notes about ${c}`, tags: [d!.toLowerCase()] });
  createEntry(db, { occurredAt: '2026-02-03T09:30', kind: 'coffee', title: `Coffee about ${e}`, body: `We talked about the role at ${org.name}`, participantIds: [person.id] });
}

function writeMore(store: KithStore, [f, g, h, i, j]: string[]): void {
  const db = store.db;
  const person = createPerson(db, { displayName: `${f} Later`, howWeMet: `Met at ${g}` });
  createEntry(db, { occurredAt: '2026-03-04T14:00', kind: 'call', title: 'Call', body: `Body mentioning ${h} in **Markdown**`, participantIds: [person.id] });
  createFavor(db, { personId: person.id, direction: 'given', kind: 'advice', occurredOn: '2026-03-04', note: `Advice on ${i}` });
  createReminder(db, { title: `Follow up on ${j}`, dueOn: '2026-04-01', personId: person.id });
}

async function run(protect: boolean): Promise<{ open: Map<string, string[]>; closed: Map<string, string[]>; files: string[] }> {
  const dataDir = path.join(makeTempDir('kith-canary-'), 'data');
  let store = openKith(dataDir);
  write(store, CANARIES.slice(0, 5));
  // Backups taken before the passphrase exists (online backup API, and VACUUM INTO).
  await createBackup(store, 'manual');
  createBackupSync(store, 'before-import');
  if (protect) setPassphrase(store, 'canary passphrase 1');
  store.db.pragma('wal_autocheckpoint = 0'); // the later writes stay in the -wal file
  writeMore(store, CANARIES.slice(5));
  await createBackup(store, 'daily');
  createBackupSync(store, 'before-import');
  expect(fs.statSync(path.join(dataDir, 'kith.db-wal')).size).toBeGreaterThan(0);
  const open = search(dataDir);
  const files = allFiles(dataDir).map((f) => path.relative(dataDir, f));
  store.close();
  // Closing checkpoints the WAL into the file: search that too, and a reopened file.
  store = openKith(dataDir, { passphrase: protect ? 'canary passphrase 1' : null });
  store.close();
  return { open, closed: search(dataDir), files };
}

describe('canary strings in the data folder', () => {
  it('without a passphrase (control): every canary is found, so the search works', async () => {
    const { open, closed, files } = await run(false);
    expect(files).toEqual(expect.arrayContaining(['kith.db', 'kith.db-wal', 'kith.db-shm']));
    expect([...open.keys()].sort()).toEqual([...CANARIES].sort());
    expect([...closed.keys()].sort()).toEqual([...CANARIES].sort());
    // Both before-passphrase backups hold the first five.
    expect(open.get(CANARIES[0]!)!.filter((f) => f.startsWith('backups')).length).toBeGreaterThanOrEqual(2);
  });

  it('with a passphrase: not one canary in the database, its WAL, its shared memory, any backup or any other file', async () => {
    const { open, closed, files } = await run(true);
    expect(files).toEqual(expect.arrayContaining(['kith.db', 'kith.db-wal', 'kith.db-shm']));
    expect(files.filter((f) => f.startsWith('backups')).length).toBe(4);
    expect(Object.fromEntries(open)).toEqual({});
    expect(Object.fromEntries(closed)).toEqual({});
  });
});
