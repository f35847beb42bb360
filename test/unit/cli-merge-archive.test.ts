// Issue 13 from the command line: `kith import linkedin` of the archive zip,
// its folder and a single archive CSV (with --message-text and --include), and
// `kith people duplicates` / `kith people merge` / `kith orgs merge`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import type { ImportPreview, ImportResult } from '../../shared/importExport';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';
import { FIXTURES } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';

const ARCHIVE = path.join(FIXTURES, 'linkedin-archive');
const NAMES = ['Connections.csv', 'messages.csv', 'Invitations.csv', 'Notes.csv', 'Positions.csv', 'Recommendations_Received.csv'];

let root: string;
let dir: string;
beforeEach(() => {
  root = makeTempDir('kith-cli-merge-');
  dir = path.join(root, 'data');
});
afterEach(removeTempDirs);
const run = (...args: string[]) => kith([...args, '--data-dir', dir]);
const query = <T>(sql: string): T[] => {
  const db = openDatabase(path.join(dir, 'kith.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

describe('kith import linkedin, the archive', () => {
  it('imports the zip (dry run first), then the same folder adds nothing', async () => {
    const zip = path.join(root, 'Basic_LinkedInDataExport_02-08-2026.zip');
    fs.writeFileSync(zip, makeZip(NAMES.map((n) => ({ name: n, data: fs.readFileSync(path.join(ARCHIVE, n)) }))));
    const dry = await run('import', 'linkedin', zip, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Your profile: https://www.linkedin.com/in/sam-rivera-0a1b2c');
    expect(dry.stdout).toMatch(/2 {2}journal entries would be added from 3 messages/);
    const done = await run('import', 'linkedin', zip, '--json');
    expect(done.code).toBe(0);
    expect(done.json<ImportResult>().archive).toMatchObject({ messages: { entries: 2 }, howWeMet: 1, notes: 1, favors: 1 });
    const again = await run('import', 'linkedin', ARCHIVE, '--dry-run', '--json');
    // The fixtures folder also holds messages-2026.csv (one more conversation day) and the same connections under another header.
    expect(again.json<ImportPreview>()).toMatchObject({ counts: { newPeople: 0 }, archive: { messages: { alreadyImported: 2, entries: 1 } } });
    expect(query<{ n: number }>('SELECT count(*) AS n FROM interactions')[0]!.n).toBe(2);
  });

  it('a single messages.csv with the text, and a sender ticked with --include', async () => {
    expect((await run('import', 'linkedin', path.join(ARCHIVE, 'Connections.csv'))).code).toBe(0);
    const messages = path.join(root, 'messages.csv');
    fs.writeFileSync(
      messages,
      fs.readFileSync(path.join(ARCHIVE, 'messages.csv'), 'utf8') +
        '2-cmVj==,,Rita Recruiter,https://www.linkedin.com/in/rita,Sam Rivera,https://www.linkedin.com/in/sam-rivera-0a1b2c,2025-09-02 10:00:00 UTC,,An opening,INBOX\n',
    );
    const dry = await run('import', 'linkedin', messages, '--dry-run');
    expect(dry.stdout).toContain('[ ] Rita Recruiter (1 message)  key: sender https://www.linkedin.com/in/rita');
    const r = await run('import', 'linkedin', messages, '--message-text', '--include', 'sender https://www.linkedin.com/in/rita', '--json');
    expect(r.code).toBe(0);
    expect(r.json<ImportResult>()).toMatchObject({ counts: { newPeople: 1 }, archive: { messageText: true, messages: { entries: 3 } } });
    expect(query<{ body: string }>(`SELECT body FROM interactions WHERE body LIKE '%opening%'`)[0]!.body).toBe('1 message exchanged on LinkedIn.\n\n**Rita Recruiter** (10:00 UTC): An opening');
  });
});

describe('kith people duplicates / merge, kith orgs merge', () => {
  it('lists, dry-runs, merges with --prefer and a backup, and a re-import does not bring the duplicate back', async () => {
    const csv = path.join(root, 'c.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lee,https://www.linkedin.com/in/ana-lee,,Acme,Engineer,01 Feb 2020\n');
    expect((await run('import', 'linkedin', csv)).code).toBe(0);
    expect((await run('people', 'add', 'Ana Lee', '--org', 'Acme', '--title', 'Staff Engineer')).code).toBe(0);
    const list = await run('people', 'duplicates');
    expect(list.stdout).toContain('Ana Lee (id 2) = Ana Lee (id 3)');
    expect(list.stdout).toContain('because: same name at Acme');
    const dry = await run('people', 'merge', '3', '2', '--dry-run');
    expect(dry.stdout).toContain('Dry run: nothing was changed. Merging would keep person 3');
    expect(query<{ n: number }>('SELECT count(*) AS n FROM people')[0]!.n).toBe(3);
    const merged = await run('people', 'merge', '3', '2', '--prefer', 'displayName=2');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/A backup of the data as it was before is in backups\/kith-before-merge-/);
    expect(query<{ display_name: string; linkedin_url: string }>('SELECT display_name, linkedin_url FROM people WHERE is_me = 0')).toEqual([
      { display_name: 'Ana Lee', linkedin_url: 'https://www.linkedin.com/in/ana-lee' },
    ]);
    const again = await run('import', 'linkedin', csv, '--dry-run', '--json');
    expect(again.json<ImportPreview>().counts.newPeople).toBe(0);
    expect((await run('people', 'merge', '3', 'nobody')).code).not.toBe(0);
    expect((await run('people', 'merge', '3', '3')).code).not.toBe(0);
  });

  it('merges organizations and keeps the old name as an alias', async () => {
    expect((await run('orgs', 'add', 'Google')).code).toBe(0);
    expect((await run('orgs', 'add', 'Google LLC')).code).toBe(0);
    expect((await run('orgs', 'duplicates')).stdout).toContain('Google (id 1) = Google LLC (id 2)');
    expect((await run('orgs', 'merge', 'Google', 'Google LLC')).code).toBe(0);
    expect(query<{ name: string }>('SELECT name FROM organization_aliases')).toEqual([{ name: 'Google LLC' }]);
  });
});
