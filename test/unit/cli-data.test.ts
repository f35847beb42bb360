// `kith import|export|backup|backups|restore` in-process through runCli, on the
// shared fixtures (../shared/fixtures beside the repository, as CI clones it).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import type { BackupInfo, BackupList } from '../../shared/backups';
import type { ImportPreview, ImportResult } from '../../shared/importExport';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs, snapshotDb, type DbSnapshot } from '../helpers/db';
import { FIXTURES } from '../helpers/fixtures';


const LINKEDIN = path.join(FIXTURES, 'linkedin', 'Connections.csv');
const VCARD = path.join(FIXTURES, 'vcard', 'rfc6350-4.0.vcf');
const GOOGLE = path.join(FIXTURES, 'google', 'contacts.csv');

let root: string;
let dir: string;
beforeEach(() => {
  root = makeTempDir('kith-cli-data-');
  dir = path.join(root, 'data');
});
afterEach(removeTempDirs);

const run = (...args: string[]) => kith([...args, '--data-dir', dir]);

function snapshot(): DbSnapshot {
  const db = openDatabase(path.join(dir, 'kith.db'), { readonly: true });
  try {
    return snapshotDb(db);
  } finally {
    db.close();
  }
}

async function peopleNames(): Promise<string[]> {
  const r = await run('people', 'list', '--json');
  return (r.json<{ items: { displayName: string }[] }>()).items.map((p) => p.displayName);
}

describe('kith import', () => {
  it('--dry-run prints the preview, skipped rows by line, and changes nothing', async () => {
    expect((await run('stats')).code).toBe(0);
    const before = snapshot();
    const r = await run('import', 'linkedin', LINKEDIN, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Dry run: nothing was changed.');
    expect(r.stdout).toMatch(/13 {2}new people/);
    expect(r.stdout).toMatch(/8 {2}new organizations/);
    expect(r.stdout).toContain('line 13: duplicate of line 12');
    expect(r.stdout).toContain('line 15: no name');
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    const json = (await run('import', 'linkedin', LINKEDIN, '--dry-run', '--json')).json<ImportPreview>();
    expect(json.counts).toMatchObject({ records: 14, newPeople: 13, skipped: 2 });
    expect(json.skipped.map((s) => s.line)).toEqual([13, 15]);
  });

  it('imports, with a backup taken first; importing again matches everyone and changes nothing', async () => {
    const r = await run('import', 'linkedin', LINKEDIN, '--json');
    expect(r.code).toBe(0);
    const result = r.json<ImportResult & { backup: BackupInfo }>();
    expect(result.counts).toMatchObject({ newPeople: 13, newOrganizations: 8 });
    expect(result.backup.kind).toBe('before-import');
    expect(await peopleNames()).toContain('Priya Raman');

    const before = snapshot();
    const again = await run('import', 'linkedin', LINKEDIN);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 {2}new people/);
    expect(again.stdout).not.toContain('A backup of the data');
    expect(snapshot()).toEqual(before);
    expect((await run('backups', '--json')).json<BackupList>().backups).toHaveLength(1);
  });

  it('reads vCard and Google files too', async () => {
    expect((await run('import', 'vcard', VCARD)).code).toBe(0);
    expect((await run('import', 'google', GOOGLE)).code).toBe(0);
    expect((await peopleNames()).length).toBeGreaterThan(2);
  });

  it('a Kith JSON export round-trips into an empty Kith', async () => {
    expect((await run('import', 'linkedin', LINKEDIN)).code).toBe(0);
    const out = path.join(root, 'all.json');
    expect((await run('export', 'json', '--out', out)).code).toBe(0);
    const other = path.join(root, 'other');
    const r = await kith(['import', 'json', out, '--data-dir', other]);
    expect(r.code).toBe(0);
    const names = (await kith(['people', 'list', '--json', '--data-dir', other])).json<{ items: { displayName: string }[] }>().items.map((p) => p.displayName);
    expect(names.sort()).toEqual((await peopleNames()).sort());
  });

  it('refuses a wrong format, a missing file and a file that is not what it says, changing nothing', async () => {
    expect((await run('stats')).code).toBe(0);
    const before = snapshot();
    const wrongFormat = await run('import', 'excel', LINKEDIN);
    expect(wrongFormat.code).toBe(2);
    expect(wrongFormat.stderr).toContain('FORMAT must be one of linkedin, vcard, google, json');
    const missing = await run('import', 'linkedin', path.join(root, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    const mismatched = await run('import', 'vcard', LINKEDIN);
    expect(mismatched.code).not.toBe(0);
    expect(mismatched.stderr).toMatch(/^kith: /);
    expect(snapshot()).toEqual(before);
  });
});

describe('kith export', () => {
  beforeEach(async () => {
    expect((await run('import', 'linkedin', LINKEDIN)).code).toBe(0);
  });

  it.each([
    ['json', (t: string) => expect(JSON.parse(t)).toMatchObject({ format: 'kith-export' })],
    ['csv', (t: string) => expect(t).toContain('Priya')],
    ['vcard', (t: string) => expect(t).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0/)],
    ['gexf', (t: string) => expect(t).toContain('<gexf')],
    ['graphml', (t: string) => expect(t).toContain('<graphml')],
  ])('%s goes to stdout by default', async (format, check) => {
    const r = await run('export', format);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    check(r.stdout);
  });

  it('--out writes a new file and never overwrites one', async () => {
    const out = path.join(root, 'people.csv');
    const r = await run('export', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Exported csv to ${out}`);
    expect(fs.readFileSync(out, 'utf8')).toContain('Priya');
    const again = await run('export', 'csv', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await run('export', 'pdf')).code).toBe(2);
  });
});

describe('kith backup, backups and restore', () => {
  it('backs up into the backups folder, lists it, and restores it (with a backup of the current data first)', async () => {
    expect((await run('people', 'add', 'Kept Person')).code).toBe(0);
    const made = await run('backup', '--json');
    expect(made.code).toBe(0);
    const backup = made.json<BackupInfo>();
    expect(backup.kind).toBe('manual');

    const listed = await run('backups');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Made by you');
    expect(listed.stdout).toContain(backup.name);

    expect((await run('people', 'add', 'Added Later')).code).toBe(0);
    const restored = await run('restore', path.join(dir, 'backups', backup.name));
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored');
    expect(await peopleNames()).toEqual(['Kept Person']);
    const kinds = (await run('backups', '--json')).json<BackupList>().backups.map((b) => b.kind);
    expect(kinds.sort()).toEqual(['before-restore', 'manual']);
  });

  it('backup --out writes a checked copy elsewhere that restore accepts', async () => {
    expect((await run('people', 'add', 'Portable')).code).toBe(0);
    const out = path.join(root, 'copy.db');
    const r = await run('backup', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('integrity checked');
    expect((await run('backup', '--out', out)).code).toBe(1);
    const other = path.join(root, 'other');
    expect((await kith(['restore', out, '--data-dir', other])).code).toBe(0);
    const names = (await kith(['people', 'list', '--json', '--data-dir', other])).json<{ items: { displayName: string }[] }>().items.map((p) => p.displayName);
    expect(names).toEqual(['Portable']);
  });

  it('restore refuses garbage with exit 1 and a clear message, the data unchanged', async () => {
    expect((await run('people', 'add', 'Current')).code).toBe(0);
    const before = snapshot();
    const garbage = path.join(root, 'garbage.db');
    fs.writeFileSync(garbage, 'not a database');
    const r = await run('restore', garbage);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kith: ${garbage} is not a Kith backup or data file. Nothing was restored; your current data is unchanged.\n`);
    expect(snapshot()).toEqual(before);
    expect((await run('backups', '--json')).json<BackupList>().backups).toEqual([]);
  });

  it('restore works when the current data file is damaged, keeping a copy of it', async () => {
    expect((await run('people', 'add', 'Good Times')).code).toBe(0);
    const good = (await run('backup', '--json')).json<BackupInfo>();
    const dbFile = path.join(dir, 'kith.db');
    const bytes = fs.readFileSync(dbFile);
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(dbFile, bytes);
    expect((await run('stats')).code).toBe(1);

    const r = await run('restore', path.join(dir, 'backups', good.name));
    expect(r.code).toBe(0);
    expect(await peopleNames()).toEqual(['Good Times']);
    expect((await run('backups', '--json')).json<BackupList>().backups.some((b) => b.kind === 'before-restore')).toBe(true);
  });

  it('backups works without a data file, and the help documents every command', async () => {
    const r = await run('backups');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No backups yet');
    for (const [command, words] of [
      ['import', ['<format>', '<file>', '--dry-run', 'linkedin, vcard, google, json']],
      ['export', ['<format>', '--out', 'graphml']],
      ['backup', ['--out']],
      ['backups', ['--json']],
      ['restore', ['<file>', 'quit the app']],
    ] as const) {
      const help = await kith([command, '--help']);
      expect(help.code).toBe(0);
      for (const word of words) expect(help.stdout, `${command}: ${word}`).toContain(word);
      expect(help.stdout).toContain('Examples:');
    }
  });
});
