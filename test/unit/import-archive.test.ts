// Issue 13, LinkedIn's data archive: the zip (yauzl, with limits), its folder
// or any one CSV; messages as one journal entry per conversation and UTC day;
// invitations, notes, positions and recommendations; re-imports that add only
// what is new; job changes; and every bad zip refused or left out with reasons.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { expandInput, importText, previewImport, type ImportInput } from '../../main/importers';
import type { ArchiveInput } from '../../main/importers/archive';
import { readArchiveFolder } from '../../main/importers/folder';
import { readZip, ZIP_LIMITS } from '../../main/importers/zip';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { KithError } from '../../shared/errors';
import { FIXTURES } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-archive-'));
  dirs.push(dir);
  return dir;
}
function freshDb(): Db {
  return openDatabase(path.join(tempDir(), 'kith.db'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const ARCHIVE = path.join(FIXTURES, 'linkedin-archive');
const file = (name: string) => fs.readFileSync(path.join(ARCHIVE, name));
const ARCHIVE_FILES = ['Connections.csv', 'messages.csv', 'Invitations.csv', 'Notes.csv', 'Positions.csv', 'Recommendations_Received.csv'];
const archiveZip = (names = ARCHIVE_FILES, prefix = 'Basic_LinkedInDataExport_02-08-2026/') =>
  makeZip(names.map((n) => ({ name: `${prefix}${n}`, data: file(n) })));

async function input(bytes: Buffer): Promise<ImportInput> {
  return expandInput(new Uint8Array(bytes));
}

function entries(db: Db): string[] {
  return db
    .prepare(
      `SELECT i.occurred_at || ' ' || i.kind || ' ' || i.title || ' [' || group_concat(p.display_name, ', ') || '] ' || i.body
         FROM interactions i JOIN interaction_participants ip ON ip.interaction_id = i.id JOIN people p ON p.id = ip.person_id
        GROUP BY i.id ORDER BY i.occurred_at`,
    )
    .pluck()
    .all() as string[];
}

const HEADER = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const ME = url('sam-rivera-0a1b2c');
function message(id: string, fromName: string, from: string, to: string[], date: string, text: string, folder = 'INBOX'): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [id, '', q(fromName), from, 'someone', q(to.join(',')), date, '', q(text), folder].join(',');
}

describe('the whole archive', () => {
  it('imports the zip: people, one message entry per conversation and day, how we met, notes, my positions, favors; me gets my URL', async () => {
    const db = freshDb();
    const zip = await input(archiveZip());
    const preview = previewImport(db, 'linkedin', zip);
    expect(preview.counts).toMatchObject({ newPeople: 5, skipped: 1 });
    expect(preview.archive).toMatchObject({
      me: ME,
      messages: { messages: 3, entries: 2, drafts: 0, spam: 1, sponsored: 1, largeConversations: 0, alreadyImported: 0 },
      senders: [],
      messageText: false,
      howWeMet: 1,
      notes: 1,
      favors: 1,
      positions: [
        { organization: 'Globex', title: 'Senior Software Engineer', startDate: '2022-01', endDate: null, isNew: true },
        { organization: 'Initech', title: 'Software Engineer', startDate: '2018-03', endDate: '2021-12', isNew: true },
      ],
    });
    expect(preview.archive!.files.map((f) => [f.name.split('/').pop(), f.kind])).toEqual([
      ['Connections.csv', 'connections'], ['messages.csv', 'messages'], ['Invitations.csv', 'invitations'], ['Notes.csv', 'notes'],
      ['Positions.csv', 'positions'], ['Recommendations_Received.csv', 'recommendations'],
    ]);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1);

    importText(db, 'linkedin', zip);
    expect(entries(db)).toEqual([
      '2025-06-01T18:40:05Z message LinkedIn messages [Amara Okonkwo] 2 messages exchanged on LinkedIn.',
      // TO holds "Li Wei, Ph.D., Amara Okonkwo": people come from the URLs, never from splitting names.
      '2025-07-15T09:00:00Z message LinkedIn: Platform folks [Amara Okonkwo, Li Wei] 1 message exchanged on LinkedIn.',
    ]);
    const person = (name: string) => db.prepare('SELECT how_we_met, notes FROM people WHERE display_name = ?').get(name) as { how_we_met: string; notes: string };
    expect(person('Amara Okonkwo').how_we_met).toBe('We met at the platform engineering meetup');
    expect(person('Li Wei').notes).toBe('LinkedIn note, 2026-01-10: Knows the whole talent team at Contoso, ask about referrals');
    expect(db.prepare('SELECT linkedin_url FROM people WHERE is_me = 1').pluck().get()).toBe(ME);
    expect(
      db.prepare(`SELECT o.name || ' ' || a.title || ' ' || a.start_date || '–' || coalesce(a.end_date, '') || ' ' || a.is_current FROM affiliations a JOIN organizations o ON o.id = a.organization_id JOIN people p ON p.id = a.person_id WHERE p.is_me = 1 ORDER BY a.start_date`).pluck().all(),
    ).toEqual(['Initech Software Engineer 2018-03–2021-12 0', 'Globex Senior Software Engineer 2022-01– 1']);
    expect(db.prepare(`SELECT p.display_name || ' ' || f.direction || ' ' || f.kind || ' ' || f.occurred_on FROM favors f JOIN people p ON p.id = f.person_id`).pluck().all()).toEqual([
      'Amara Okonkwo received reference 2025-05-20',
    ]);
    // Last contact now comes from the messages.
    expect(db.prepare(`SELECT max(i.occurred_at) FROM interactions i JOIN interaction_participants ip ON ip.interaction_id = i.id JOIN people p ON p.id = ip.person_id WHERE p.display_name = 'Amara Okonkwo'`).pluck().get()).toBe('2025-07-15T09:00:00Z');

    // The same archive again: nothing to do, nothing doubled.
    const again = previewImport(db, 'linkedin', zip);
    expect(again.nothingToDo).toBe(true);
    expect(again.archive!.messages).toMatchObject({ entries: 0, alreadyImported: 2 });
    importText(db, 'linkedin', zip);
    expect(entries(db)).toHaveLength(2);
    expect(db.prepare('SELECT count(*) FROM favors').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM affiliations a JOIN people p ON p.id = a.person_id WHERE p.is_me = 1').pluck().get()).toBe(2);
  });

  it('reads the unzipped folder the same way', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Basic_LinkedInDataExport_02-08-2026');
    fs.mkdirSync(folder);
    for (const n of ARCHIVE_FILES) fs.copyFileSync(path.join(ARCHIVE, n), path.join(folder, n));
    fs.writeFileSync(path.join(folder, 'Profile.csv'), 'First Name,Last Name,Headline\nSam,Rivera,Engineer\n');
    fs.writeFileSync(path.join(folder, 'photo.jpg'), Buffer.alloc(10));
    const fromFolder = readArchiveFolder(dir);
    const db = freshDb();
    const preview = previewImport(db, 'linkedin', fromFolder);
    const zipped = previewImport(freshDb(), 'linkedin', await input(archiveZip()));
    expect(preview.counts).toEqual(zipped.counts);
    expect(preview.archive!.messages).toEqual(zipped.archive!.messages);
    expect(preview.archive!.files.find((f) => f.name.endsWith('Profile.csv'))).toMatchObject({ kind: 'other' });
  });

  it('reads the newer messages.csv shape alone (every field quoted, draft columns) once connections are in', () => {
    const db = freshDb();
    importText(db, 'linkedin', file('Connections.csv'));
    const preview = previewImport(db, 'linkedin', file('messages-2026.csv'));
    expect(preview.archive!.files).toEqual([{ name: 'the file', kind: 'messages', rows: 3, encoding: 'utf-8' }]);
    expect(preview.archive!.messages).toMatchObject({ messages: 2, entries: 1, drafts: 1 });
    importText(db, 'linkedin', file('messages-2026.csv'));
    expect(entries(db)).toEqual(['2026-03-02T21:02:10Z message LinkedIn messages [Søren Ibsen] 2 messages exchanged on LinkedIn.']);
  });

  it('leaves out conversations with more than 8 people, offers non-connection senders unticked, and imports text only when asked', () => {
    const db = freshDb();
    importText(db, 'linkedin', file('Connections.csv'));
    const big = Array.from({ length: 8 }, (_, i) => url(`member-${i}`));
    const rows = [
      HEADER,
      message('conv-big', 'Member 0', big[0]!, [ME, ...big.slice(1)], '2025-09-01 10:00:00 UTC', 'all hands'),
      message('conv-rec', 'Rita Recruiter, CIR', url('rita-recruiter'), [ME], '2025-09-02 23:59:59 UTC', 'An opening for you'),
      message('conv-rec', 'Sam Rivera', ME, [url('rita-recruiter')], '2025-09-03 00:00:01 UTC', 'Tell me more'),
      message('conv-li', 'Li Wei', url('li-wei-88'), [ME], '2025-09-04 08:00:00 UTC', 'Coffee "Thursday"?'),
      message('conv-li', 'Sam Rivera', ME, [url('li-wei-88')], '2025-09-04 09:30:00 UTC', 'Yes'),
    ];
    const bytes = Buffer.from(rows.join('\n'));
    const preview = previewImport(db, 'linkedin', bytes);
    expect(preview.archive!.me).toBe(ME);
    expect(preview.archive!.messages).toMatchObject({ largeConversations: 1, entries: 1, withNobodyKnown: 2 });
    expect(preview.archive!.senders).toEqual([
      { key: `sender ${url('rita-recruiter')}`, name: 'Rita Recruiter, CIR', url: url('rita-recruiter'), messages: 1, included: false },
    ]);
    const withRita = { include: [`sender ${url('rita-recruiter')}`], messageText: true };
    const ticked = previewImport(db, 'linkedin', bytes, withRita);
    expect(ticked.counts.newPeople).toBe(1);
    expect(ticked.archive!.messages).toMatchObject({ entries: 3, withNobodyKnown: 0 });
    importText(db, 'linkedin', bytes, withRita);
    expect(entries(db)).toEqual([
      // One entry per UTC day: the conversation crosses midnight UTC, so it is two.
      '2025-09-02T23:59:59Z message LinkedIn messages [Rita Recruiter, CIR] 1 message exchanged on LinkedIn.\n\n**Rita Recruiter, CIR** (23:59 UTC): An opening for you',
      '2025-09-03T00:00:01Z message LinkedIn messages [Rita Recruiter, CIR] 1 message exchanged on LinkedIn.\n\n**Me** (00:00 UTC): Tell me more',
      '2025-09-04T09:30:00Z message LinkedIn messages [Li Wei] 2 messages exchanged on LinkedIn.\n\n**Li Wei** (08:00 UTC): Coffee "Thursday"?\n\n**Me** (09:30 UTC): Yes',
    ]);
    expect(db.prepare(`SELECT t.strength || ' ' || t.context FROM ties t JOIN people p ON p.id IN (t.person_a, t.person_b) WHERE p.display_name = 'Rita Recruiter, CIR'`).pluck().all()).toEqual(['1 LinkedIn messages']);
  });

  it('a newer archive that contains the old adds only the new conversation days', () => {
    const db = freshDb();
    importText(db, 'linkedin', file('Connections.csv'));
    const older = [HEADER, message('c1', 'Li Wei', url('li-wei-88'), [ME], '2025-09-04 08:00:00 UTC', 'hi')];
    const newer = [...older, message('c1', 'Sam Rivera', ME, [url('li-wei-88')], '2025-10-01 08:00:00 UTC', 'hello again')];
    importText(db, 'linkedin', Buffer.from(older.join('\n')));
    const preview = previewImport(db, 'linkedin', Buffer.from(newer.join('\n')));
    expect(preview.archive!.messages).toMatchObject({ entries: 1, alreadyImported: 1 });
    importText(db, 'linkedin', Buffer.from(newer.join('\n')));
    expect(entries(db).map((e) => e.slice(0, 20))).toEqual(['2025-09-04T08:00:00Z', '2025-10-01T08:00:00Z']);
  });

  it('a job change in a newer Connections.csv ends the old affiliation and starts the new one, shown in the preview', () => {
    const db = freshDb();
    importText(db, 'linkedin', file('Connections.csv'));
    const newer = file('Connections.csv').toString('utf8').replace('Michael,Smith,https://www.linkedin.com/in/msmith-data-77,,Acme Labs,Data Analyst', 'Michael,Smith,https://www.linkedin.com/in/msmith-data-77,,Globex,Senior Data Analyst');
    const preview = previewImport(db, 'linkedin', Buffer.from(newer));
    expect(preview.jobChanges).toEqual([
      { key: 'line 7', where: 'line 7', personId: expect.any(Number), name: 'Michael Smith', from: ['Acme Labs'], to: 'Globex' },
    ]);
    importText(db, 'linkedin', Buffer.from(newer));
    const id = preview.jobChanges![0]!.personId;
    expect(db.prepare(`SELECT o.name || ' ' || a.title || ' ' || a.is_current FROM affiliations a JOIN organizations o ON o.id = a.organization_id WHERE a.person_id = ? ORDER BY a.id`).pluck().all(id)).toEqual([
      'Acme Labs Data Analyst 0',
      'Globex Senior Data Analyst 1',
    ]);
    // The other Michael Smith at Acme Labs is untouched.
    expect(db.prepare(`SELECT count(*) FROM affiliations a JOIN organizations o ON o.id = a.organization_id WHERE o.name = 'Acme Labs' AND a.is_current = 1`).pluck().get()).toBe(1);
    expect(previewImport(db, 'linkedin', Buffer.from(newer)).nothingToDo).toBe(true);
  });
});

describe('more archive files', () => {
  it('Recommendations_Given.csv makes favors given; a UTF-16 tab-separated messages file (Excel "Unicode text") reads the same', () => {
    const db = freshDb();
    importText(db, 'linkedin', file('Connections.csv'));
    const given = file('Recommendations_Received.csv').toString('utf8').replace('Amara,Okonkwo', 'Li,Wei');
    const input: ArchiveInput = { files: [{ name: 'Recommendations_Given.csv', bytes: new Uint8Array(Buffer.from(given)) }], skipped: [] };
    importText(db, 'linkedin', input);
    expect(db.prepare(`SELECT p.display_name || ' ' || f.direction FROM favors f JOIN people p ON p.id = f.person_id`).pluck().all()).toEqual(['Li Wei given']);

    const csv = file('messages-2026.csv').toString('utf8');
    const rows = csv.trim().split('\n').map((line) => line.slice(1, -1).split('","').join('\t'));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.join('\r\n'), 'utf16le')]);
    const preview = previewImport(db, 'linkedin', utf16);
    expect(preview.archive!.files).toEqual([{ name: 'the file', kind: 'messages', rows: 3, encoding: 'utf-16le' }]);
    expect(preview.encoding).toBe('utf-16le');
    expect(preview.archive!.messages).toMatchObject({ messages: 2, entries: 1, drafts: 1 });
  });
});

describe('bad zips', () => {
  it('refuses a zip that is not LinkedIn\'s, changing nothing', async () => {
    const db = freshDb();
    const zip = await input(makeZip([{ name: 'report.csv', data: 'a,b\n1,2\n' }, { name: 'image.png', data: Buffer.alloc(100) }]));
    expect(() => previewImport(db, 'linkedin', zip)).toThrow(KithError);
    expect(() => importText(db, 'linkedin', zip)).toThrow(/not LinkedIn's data archive/);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1);
  });

  it('leaves out a zip bomb, a lying size, an encrypted entry and a nested zip with their reasons, and imports the rest', async () => {
    const contents = (await input(
      makeZip([
        { name: 'Connections.csv', data: file('Connections.csv') },
        { name: 'bomb.csv', data: Buffer.alloc(20 * 1024 * 1024, 0x41) },
        { name: 'liar.csv', data: Buffer.alloc(2 * 1024 * 1024, 0x41), declaredSize: 100 },
        { name: 'Invitations.csv', data: file('Invitations.csv'), encryptedFlag: true },
        { name: 'inner.zip', data: makeZip([{ name: 'messages.csv', data: file('messages.csv') }]) },
        { name: 'hidden.csv', data: makeZip([{ name: 'messages.csv', data: file('messages.csv') }]), method: 'store' },
      ]),
    )) as ArchiveInput;
    expect(contents.files.map((f) => f.name)).toEqual(['Connections.csv']);
    expect(contents.skipped.map((s) => `${s.where}: ${s.message}`)).toEqual([
      expect.stringMatching(/^file bomb\.csv: it would unpack to 20 MB \(limits: 300 MB per file, 200× compression\); left out as a possible zip bomb$/),
      expect.stringMatching(/^file liar\.csv: it could not be read/),
      'file Invitations.csv: it is encrypted (password-protected); Kith does not read encrypted zips',
      'file inner.zip: a zip inside the zip is not opened; unzip it and import its files',
      'file hidden.csv: it is a zip inside the zip; unzip it and import its files',
    ]);
    const db = freshDb();
    const result = importText(db, 'linkedin', contents);
    expect(result.counts.newPeople).toBe(5);
    expect(result.skipped.map((s) => s.where)).toEqual(expect.arrayContaining(['file bomb.csv', 'file Invitations.csv']));
  });

  it('refuses a zip over the total limit, and bytes that are not a zip at all', async () => {
    const many = makeZip([{ name: 'a.csv', data: Buffer.alloc(600, 0x41) }, { name: 'b.csv', data: Buffer.alloc(600, 0x41) }]);
    await expect(readZip(new Uint8Array(many), { ...ZIP_LIMITS, totalBytes: 1000 })).rejects.toThrow(/more than 0\.\d+ MB of tables/);
    await expect(readZip(new Uint8Array(Buffer.from('PK\u0003\u0004 broken')))).rejects.toThrow(/could not be read/);
  });

  it('a folder chosen with the native dialog is previewed and imported by token; no channel takes its path', async () => {
    const db = freshDb();
    const folder = path.join(tempDir(), 'Complete_LinkedInDataExport_02-08-2026');
    fs.mkdirSync(folder);
    for (const n of ARCHIVE_FILES) fs.copyFileSync(path.join(ARCHIVE, n), path.join(folder, n));
    let answer: string | null = folder;
    const dispatch = createDispatcher(createHandlers({ db, dataDir: path.dirname(db.name), chooseFolder: async () => answer }), { validateOutput: true });
    const chosen = await dispatch('import:chooseFolder', undefined);
    expect(chosen.ok && chosen.value).toMatchObject({ name: 'Complete_LinkedInDataExport_02-08-2026', files: 6 });
    const token = (chosen as { ok: true; value: { token: string } }).value.token;
    expect(JSON.stringify(chosen)).not.toContain(path.dirname(folder));
    const preview = await dispatch('import:preview', { format: 'linkedin', folder: token });
    expect(preview.ok && preview.value).toMatchObject({ counts: { newPeople: 5 }, archive: { messages: { entries: 2 } } });
    const commit = await dispatch('import:commit', { format: 'linkedin', folder: token });
    expect(commit.ok && commit.value).toMatchObject({ counts: { newPeople: 5 } });
    answer = null;
    expect(await dispatch('import:chooseFolder', undefined)).toEqual({ ok: true, value: null });
    const unknown = await dispatch('import:preview', { format: 'linkedin', folder: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Choose the folder again/) } });
  });

  it('import:preview takes the zip as base64 bytes', async () => {
    const db = freshDb();
    const dispatch = createDispatcher(createHandlers({ db, dataDir: path.dirname(db.name) }), { validateOutput: true });
    const bytes = archiveZip().toString('base64');
    const preview = await dispatch('import:preview', { format: 'linkedin', bytes, messageText: true });
    expect(preview.ok && preview.value).toMatchObject({ archive: { me: ME, messageText: true, messages: { entries: 2 } } });
    const commit = await dispatch('import:commit', { format: 'linkedin', bytes });
    expect(commit.ok && commit.value).toMatchObject({ counts: { newPeople: 5 }, archive: { messages: { entries: 2 } } });
    const wrong = await dispatch('import:preview', { format: 'vcard', bytes });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
