// Issue 14, calendars and mail: the Google, Outlook and Apple .ics fixtures and
// a Gmail Takeout mbox through the real parsers, plan and commit on real
// SQLite files; idempotence; what is left out and counted; bad input named
// per item with nothing half-imported; the IPC flow with a chosen file,
// progress and cancel; and the CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { parseCalendar } from '../../main/importers/calendar';
import { commitHistory, myEmailsOf, parseCalendarText, previewHistory, type ParsedHistory } from '../../main/importers/history';
import { readHistoryFile } from '../../main/importers/historyFiles';
import { decodeEncodedWords, parseAddressList, parseMailDate } from '../../main/importers/mailHeaders';
import { readMbox } from '../../main/importers/mbox';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createPerson } from '../../main/services/people';
import { fixedClock, setClock } from '../../shared/clock';
import { kith } from '../helpers/cli';
import { HISTORY_FIXTURES as FIXTURES } from '../helpers/fixtures';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const ME = ['me@example.com', 'me.work@corp.example'];

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-history-'));
  dirs.push(dir);
  return dir;
}
let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => {
  restore();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function seededDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'kith.db'));
  createPerson(db, { displayName: 'Ana Acosta', emails: [{ value: 'ana.acosta@example.org' }] });
  createPerson(db, { displayName: 'Tom Weber', emails: [{ value: 'Tom@Weber.example', label: 'work' }] });
  createPerson(db, { displayName: 'Chen Fernández', emails: [{ value: 'chen@fernandez.example' }] });
  return db;
}

const ics = (db: Db, name: string): ParsedHistory => parseCalendarText(db, fixture(name), { myEmails: ME });

function entries(db: Db, kind: string) {
  return db
    .prepare(
      `SELECT i.occurred_at AS at, i.occurred_date AS date, i.title, i.body,
              (SELECT group_concat(p.display_name, ', ') FROM (SELECT p.display_name FROM interaction_participants ip JOIN people p ON p.id = ip.person_id WHERE ip.interaction_id = i.id ORDER BY p.display_name) p) AS people
         FROM interactions i WHERE i.kind = ? AND i.deleted_at IS NULL ORDER BY i.occurred_utc, i.id`,
    )
    .all(kind) as { at: string; date: string; title: string; body: string; people: string }[];
}

describe('calendars (.ics)', () => {
  it('Google: past events with matched attendees become meetings; a weekly series one entry per month; the rest counted', () => {
    const db = seededDb();
    const preview = previewHistory(db, ics(db, 'google.ics'), { myEmails: ME });
    expect(preview.calendar).toEqual({
      events: 11,
      entries: 6,
      seriesMonths: 3,
      occurrences: 10,
      alreadyImported: 0,
      updated: 0,
      maxAttendees: 8,
      leftOut: { declined: 1, cancelled: 1, tooManyAttendees: 1, noMatchedAttendee: 1, noAttendees: 1, future: 1 },
    });
    // Lena (intro call, roadmap review) and the roadmap's other guests: offered, unticked; rooms are not people.
    expect(preview.offered.map((o) => [o.email, o.items, o.included])).toEqual([
      ['lena.park@startup.example', 2, false],
      ['q1@acme.example', 1, false],
      ['q2@acme.example', 1, false],
      ['q3@acme.example', 1, false],
      ['q4@acme.example', 1, false],
      ['q5@acme.example', 1, false],
    ]);
    expect(preview.offered[0]!.name).toBe('Lena Park');

    commitHistory(db, ics(db, 'google.ics'), { myEmails: ME });
    expect(entries(db, 'meeting')).toEqual([
      { at: '2026-03-10T09:00:00Z', date: '2026-03-10', title: 'Coffee with Ana', body: 'From your calendar.', people: 'Ana Acosta' },
      { at: '2026-06-15', date: '2026-06-15', title: 'Team offsite', body: 'From your calendar.', people: 'Tom Weber' },
      { at: '2026-07-02T12:00:00Z', date: '2026-07-02', title: 'Roadmap review', body: 'From your calendar.', people: 'Ana Acosta' },
      {
        at: '2026-09-28T07:00:00Z',
        date: '2026-09-28',
        title: '1:1 Tom / me (4× in September 2026)',
        body: 'Met 4 times in September 2026, last on 28 September 2026 (a recurring meeting, from your calendar).',
        people: 'Tom Weber',
      },
      {
        // 12 October is an EXDATE; 19 October moved to Tuesday 20 October at 10:00 (RECURRENCE-ID override).
        at: '2026-10-26T08:00:00Z',
        date: '2026-10-26',
        title: '1:1 Tom / me (3× in October 2026)',
        body: 'Met 3 times in October 2026, last on 26 October 2026 (a recurring meeting, from your calendar).',
        people: 'Tom Weber',
      },
      {
        // 16 November was cancelled (an override with STATUS:CANCELLED).
        at: '2026-11-23T08:00:00Z',
        date: '2026-11-23',
        title: '1:1 Tom / me (3× in November 2026)',
        body: 'Met 3 times in November 2026, last on 23 November 2026 (a recurring meeting, from your calendar).',
        people: 'Tom Weber',
      },
    ]);
    // My addresses given with the import are kept as the setting.
    expect([...myEmailsOf(db)].sort()).toEqual([...ME].sort());

    // Idempotent: the same file again adds nothing.
    const again = previewHistory(db, ics(db, 'google.ics'));
    expect(again.calendar!.entries).toBe(0);
    expect(again.calendar!.alreadyImported).toBe(6);
    expect(again.nothingToDo).toBe(true);
    const result = commitHistory(db, ics(db, 'google.ics'));
    expect(result.importId).toBeNull();
    expect(entries(db, 'meeting')).toHaveLength(6);
    db.close();
  });

  it('the attendee limit is adjustable; ticked attendees become people with a tie, and their events come in', () => {
    const db = seededDb();
    const wide = previewHistory(db, ics(db, 'google.ics'), { myEmails: ME, maxAttendees: 10 });
    expect(wide.calendar!.leftOut.tooManyAttendees).toBe(0);
    expect(wide.calendar!.entries).toBe(7);
    const narrow = previewHistory(db, ics(db, 'google.ics'), { myEmails: ME, maxAttendees: 2 });
    expect(narrow.calendar!.leftOut.tooManyAttendees).toBe(2);

    const result = commitHistory(db, ics(db, 'google.ics'), { myEmails: ME, include: ['attendee lena.park@startup.example'] });
    expect(result.newPeople).toBe(1);
    expect(result.calendar!.leftOut.noMatchedAttendee).toBe(0);
    const lena = db.prepare(`SELECT id, emails FROM people WHERE display_name = 'Lena Park'`).get() as { id: number; emails: string };
    expect(JSON.parse(lena.emails)).toEqual([{ value: 'lena.park@startup.example' }]);
    expect(db.prepare(`SELECT strength, source FROM ties WHERE person_b = ? OR person_a = ?`).get(lena.id, lena.id)).toEqual({ strength: 1, source: 'imported' });
    expect(entries(db, 'meeting').find((e) => e.title === 'Intro call')?.people).toBe('Lena Park');
    expect(entries(db, 'meeting').find((e) => e.title === 'Roadmap review')?.people).toBe('Ana Acosta, Lena Park');
    db.close();
  });

  it('Outlook (Windows zone names in VTIMEZONE, mixed-case e-mails, long folded UIDs) and Apple (EMAIL parameter, urn:uuid)', () => {
    const db = seededDb();
    const outlook = commitHistory(db, ics(db, 'outlook.ics'), { myEmails: ME });
    expect(outlook.calendar).toMatchObject({ events: 3, entries: 2, seriesMonths: 1, occurrences: 3, leftOut: { cancelled: 1 } });
    const apple = commitHistory(db, ics(db, 'apple.ics'));
    expect(apple.calendar).toMatchObject({ events: 2, entries: 2 });
    expect(entries(db, 'meeting').map((e) => [e.at, e.title, e.people])).toEqual([
      ['2026-04-16T07:00:00Z', 'Stand-up (3× in April 2026)', 'Ana Acosta'],
      ['2026-05-05T12:00:00Z', 'Q2 review', 'Ana Acosta, Tom Weber'],
      ['2026-08-18T16:00:00Z', 'Lunch with Chen', 'Chen Fernández'],
      ['2026-11-05T16:00:00Z', 'Portfolio review', 'Chen Fernández'],
    ]);
    const keys = db.prepare(`SELECT source, key FROM import_keys ORDER BY key`).all() as { source: string; key: string }[];
    expect(keys).toContainEqual({ source: 'calendar-series-month', key: '040000008200E00074C5B7101A82E00800000000B1C2D3E4F5A6DC010000000000000000100000002B3C4D5E6F708192A3B4C5D6E7F809|2026-04' });
    db.close();
  });

  it('a series month that met again since the last import is brought up to date, not added twice, and undone exactly', async () => {
    const db = seededDb();
    restore();
    restore = setClock(fixedClock('2026-09-15T12:00:00Z', 'Europe/Berlin'));
    commitHistory(db, ics(db, 'google.ics'), { myEmails: ME });
    expect(entries(db, 'meeting').filter((e) => e.title.startsWith('1:1')).map((e) => e.title)).toEqual(['1:1 Tom / me (2× in September 2026)']);
    restore();
    restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
    const preview = previewHistory(db, ics(db, 'google.ics'));
    expect(preview.calendar).toMatchObject({ updated: 1, seriesMonths: 2 });
    commitHistory(db, ics(db, 'google.ics'));
    expect(entries(db, 'meeting').filter((e) => e.title.startsWith('1:1')).map((e) => e.title)).toEqual([
      '1:1 Tom / me (4× in September 2026)',
      '1:1 Tom / me (3× in October 2026)',
      '1:1 Tom / me (3× in November 2026)',
    ]);
    // Undo puts the grown month back as the first import left it, whole.
    const { undoLastImport } = await import('../../main/importers/importLog');
    expect(undoLastImport(db, {})).toMatchObject({ undone: true, blockers: [] });
    expect(entries(db, 'meeting').filter((e) => e.title.startsWith('1:1')).map((e) => e.title)).toEqual(['1:1 Tom / me (2× in September 2026)']);
    expect(db.prepare('SELECT count(*) FROM interactions i JOIN interaction_participants p ON p.interaction_id = i.id WHERE i.title LIKE \'1:1%\'').pluck().get()).toBe(1);
    db.close();
  });

  it('bad input: a broken VEVENT and an unknown time zone are named per event; the rest is imported; an IANA TZID without VTIMEZONE is read', () => {
    const db = seededDb();
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:ok-1',
      'DTSTART;TZID=America/Chicago:20260105T090000',
      'SUMMARY:Chicago call',
      'ATTENDEE:mailto:ana.acosta@example.org',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:windows-zone',
      'DTSTART;TZID="Romance Standard Time":20260106T090000',
      'SUMMARY:Paris call',
      'ATTENDEE:mailto:ana.acosta@example.org',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:bad-zone',
      'DTSTART;TZID=Mars Standard Time:20260105T090000',
      'SUMMARY:On Mars',
      'ATTENDEE:mailto:ana.acosta@example.org',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:broken',
      'DTSTART:20260105T090000Z',
      'THIS LINE HAS NO VALUE',
      'ATTENDEE:mailto:ana.acosta@example.org',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:no-start',
      'SUMMARY:When?',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:unterminated',
      'DTSTART:20260105T090000Z',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = parseCalendarText(db, text, { myEmails: ME });
    const preview = previewHistory(db, parsed);
    expect(preview.skipped.map((s) => s.where)).toEqual(['event 3 (line 15)', 'event 4 (line 21)', 'event 5 (line 27)', 'event at line 31']);
    expect(preview.skipped[0]!.message).toMatch(/time zone "Mars Standard Time" is not defined in the file/);
    expect(preview.skipped[2]!.message).toMatch(/no start \(DTSTART\)/);
    expect(preview.skipped[3]!.message).toMatch(/no END:VEVENT/);
    commitHistory(db, parsed);
    expect(entries(db, 'meeting').map((e) => [e.at, e.title])).toEqual([
      ['2026-01-05T15:00:00Z', 'Chicago call'],
      ['2026-01-06T08:00:00Z', 'Paris call'],
    ]);
    expect(() => parseCalendarText(db, 'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD', {})).toThrow(/not a calendar file/);
    db.close();
  });

  it('expands a long weekly series up to now only, honours floating times in my zone', () => {
    const parsed = parseCalendar(
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'UID:forever',
        'DTSTART:20250106T100000',
        'RRULE:FREQ=WEEKLY',
        'SUMMARY:Weekly',
        'ATTENDEE:mailto:a@b.example',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\n'),
      { myEmails: new Set(), nowMs: Date.parse('2025-03-01T00:00:00Z'), zone: 'Europe/Berlin' },
    );
    expect(parsed.items.map((i) => [i.month, i.count, i.occurredAt])).toEqual([
      ['2025-01', 4, '2025-01-27T10:00'],
      ['2025-02', 4, '2025-02-24T10:00'],
    ]);
    expect(parsed.leftOut.future).toBe(1);
  });
});

describe('mail headers (mbox)', () => {
  it('decodes RFC 2047 words, address lists with quoted commas and groups, and dates with zones', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Caf=C3=A9?= =?UTF-8?B?IG5leHQ=?= week')).toBe('Café next week');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?P=E4rk?=')).toBe('Pärk');
    expect(decodeEncodedWords('=?x-unknown?Q?abc?=')).toBe('=?x-unknown?Q?abc?=');
    expect(parseAddressList('"Acosta, Ana" <Ana@Example.org>, tom@weber.example (Tom W), Team: a@b.example, c@d.example;, =?UTF-8?Q?Weber=2C_Tom?= <t2@w.example>')).toEqual([
      { email: 'ana@example.org', name: 'Acosta, Ana' },
      { email: 'tom@weber.example', name: 'Tom W' },
      { email: 'a@b.example', name: '' },
      { email: 'c@d.example', name: '' },
      { email: 't2@w.example', name: 'Weber, Tom' },
    ]);
    expect(parseMailDate('Mon, 27 Apr 2026 01:30:00 +0200 (CEST)')).toBe(Date.parse('2026-04-26T23:30:00Z'));
    expect(parseMailDate('27 Apr 2026 01:30:00')).toBe(Date.parse('2026-04-27T01:30:00Z'));
    expect(parseMailDate('not a date')).toBeNull();
  });

  it('Gmail Takeout: one entry per UTC day and person with counts each way; lists, no-reply, >8 recipients, repeats counted; bodies never stored', async () => {
    const db = seededDb();
    const file = path.join(FIXTURES, 'takeout.mbox');
    const parsed = await readHistoryFile(db, file, 'mbox', { myEmails: ME });
    const preview = previewHistory(db, parsed, { myEmails: ME });
    expect(preview.mail).toEqual({
      messages: 10,
      bytes: fs.statSync(file).size,
      entries: 4,
      alreadyImported: 0,
      updated: 0,
      maxRecipients: 8,
      leftOut: { mailingLists: 2, tooManyRecipients: 1, noReply: 1, withNobodyKnown: 1, undated: 0, malformed: 0, duplicates: 1 },
    });
    expect(preview.offered.map((o) => [o.email, o.name, o.included])).toEqual([['lena.park@startup.example', 'Lena Pärk', false]]);
    commitHistory(db, parsed, { myEmails: ME });
    expect(entries(db, 'email').map((e) => [e.at, e.title, e.people])).toEqual([
      ['2026-04-25T10:15:00Z', '2 e-mails (1 received, 1 sent)', 'Ana Acosta'],
      ['2026-04-25T10:15:00Z', '1 e-mail (0 received, 1 sent)', 'Tom Weber'],
      ['2026-04-26T08:00:00Z', '1 e-mail (1 received, 0 sent)', 'Ana Acosta'],
      ['2026-04-26T23:30:00Z', '1 e-mail (1 received, 0 sent)', 'Tom Weber'],
    ]);
    const all = JSON.stringify(db.prepare('SELECT * FROM interactions').all());
    expect(all).not.toMatch(/coffee next week|Tuesday|Great, see you/);
    // Idempotent.
    const again = previewHistory(db, await readHistoryFile(db, file, 'mbox', {}));
    expect(again.mail).toMatchObject({ entries: 0, alreadyImported: 4 });
    expect(again.nothingToDo).toBe(true);
    db.close();
  });

  it('a later mbox with more mail on a day brings that day’s entry up to date instead of adding another, and undo puts it back', async () => {
    const db = seededDb();
    const full = fs.readFileSync(path.join(FIXTURES, 'takeout.mbox'), 'latin1');
    const first = path.join(tempDir(), 'first.mbox');
    fs.writeFileSync(first, full.slice(0, full.indexOf('From 1797446384719827164@xxx')), 'latin1');
    commitHistory(db, await readHistoryFile(db, first, 'mbox', { myEmails: ME }), { myEmails: ME });
    expect(entries(db, 'email').map((e) => e.title)).toEqual(['1 e-mail (1 received, 0 sent)']);
    const afterFirst = db.prepare(`SELECT * FROM interactions WHERE kind = 'email'`).all();
    const later = previewHistory(db, await readHistoryFile(db, path.join(FIXTURES, 'takeout.mbox'), 'mbox', {}));
    expect(later.mail).toMatchObject({ entries: 3, updated: 1, alreadyImported: 0 });
    commitHistory(db, await readHistoryFile(db, path.join(FIXTURES, 'takeout.mbox'), 'mbox', {}));
    expect(entries(db, 'email').map((e) => [e.at, e.title, e.people])[0]).toEqual(['2026-04-25T10:15:00Z', '2 e-mails (1 received, 1 sent)', 'Ana Acosta']);
    expect(entries(db, 'email')).toHaveLength(4);
    // Undo: the new days go, and the grown day is as the first import left it.
    const { undoLastImport } = await import('../../main/importers/importLog');
    expect(undoLastImport(db, {})).toMatchObject({ undone: true, blockers: [] });
    expect(db.prepare(`SELECT * FROM interactions WHERE kind = 'email'`).all()).toEqual(afterFirst);
    expect(entries(db, 'email').map((e) => [e.title, e.people])).toEqual([['1 e-mail (1 received, 0 sent)', 'Ana Acosta']]);
    db.close();
  });

  it('bad input: a malformed "From " line and a 1 MB header are named per message; the rest is read; not an mbox is refused', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.mbox');
    const good = (n: number, from: string) =>
      `From x@xxx Mon Apr 27 08:00:00 +0000 2026\nFrom: ${from}\nTo: me@example.com\nDate: Mon, 27 Apr 2026 0${n}:00:00 +0000\nMessage-ID: <m${n}@x>\n\nbody\n\n`;
    const huge = `From y@xxx Mon Apr 27 08:00:00 +0000 2026\nFrom: tom@weber.example\nX-Huge: ${'a'.repeat(600_000)}\n ${'b'.repeat(600_000)}\nDate: Mon, 27 Apr 2026 09:00:00 +0000\n\nbody\n\n`;
    fs.writeFileSync(file, good(1, 'ana.acosta@example.org') + 'From nonsense\nFrom: tom@weber.example\n\nx\n\n' + huge + good(2, 'tom@weber.example'));
    const mail = await readMbox(file, { myEmails: new Set(ME) });
    expect(mail.messages).toBe(4);
    expect(mail.leftOut.malformed).toBe(2);
    expect(mail.skipped.map((s) => s.message)).toEqual([
      expect.stringMatching(/^its "From " line is not a message separator \("From nonsense"\); the message was left out$/),
      'its header is larger than 1 MB; the message was left out',
    ]);
    expect(mail.days.map((d) => [d.day, d.email, d.received])).toEqual([
      ['2026-04-27', 'ana.acosta@example.org', 1],
      ['2026-04-27', 'tom@weber.example', 1],
    ]);
    // A message with headers only, the next separator right after them: both are read.
    fs.writeFileSync(
      file,
      'From a@xxx Mon Apr 27 08:00:00 +0000 2026\nFrom: tom@weber.example\nDate: Mon, 27 Apr 2026 08:00:00 +0000\nFrom b@xxx Mon Apr 27 09:00:00 +0000 2026\nFrom: ana.acosta@example.org\nDate: Mon, 27 Apr 2026 09:00:00 +0000\n',
    );
    expect((await readMbox(file, { myEmails: new Set(ME) })).days.map((d) => d.email)).toEqual(['ana.acosta@example.org', 'tom@weber.example']);
    fs.writeFileSync(file, 'Return-Path: <a@b>\nFrom: a@b\n\nhi\n');
    await expect(readMbox(file, { myEmails: new Set() })).rejects.toThrow(/not an mbox file/);
  });
});

describe('IPC: chosen files, progress, cancel; CLI', () => {
  it('previews and commits an mbox chosen in main (a token, never a path), reports progress, and a cancelled run writes nothing', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.mbox');
    const one = fs.readFileSync(path.join(FIXTURES, 'takeout.mbox'), 'latin1');
    fs.writeFileSync(big, one.repeat(400), 'latin1');
    const db = seededDb();
    let chosen = big;
    const dispatch = createDispatcher(createHandlers({ db, dataDir: dir, chooseFile: async () => chosen }), { validateOutput: true });
    const pick = (await dispatch('history:chooseFile', { source: 'mbox' })) as { ok: true; value: { token: string; name: string } };
    expect(pick.value.name).toBe('big.mbox');
    expect(await dispatch('history:preview', { source: 'mbox', file: '/etc/passwd' })).toMatchObject({ ok: false });
    const run = '8f14e45f-ceea-4e7a-9b1f-2a6b1c0d3e4f';
    const cancelling = dispatch('history:commit', { source: 'mbox', file: pick.value.token, run, myEmails: ME });
    await new Promise((r) => setImmediate(r));
    expect(await dispatch('history:cancel', { run })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await cancelling).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } });
    expect(db.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(0);

    const preview = (await dispatch('history:preview', { source: 'mbox', file: pick.value.token, run, myEmails: ME })) as { ok: true; value: { mail: { messages: number } } };
    expect(preview.value.mail.messages).toBe(4000);
    expect(await dispatch('history:progress', { run })).toEqual({ ok: true, value: { bytesRead: fs.statSync(big).size, totalBytes: fs.statSync(big).size, done: true } });
    const result = (await dispatch('history:commit', { source: 'mbox', file: pick.value.token, myEmails: ME })) as { ok: true; value: { mail: { entries: number } } };
    expect(result.value.mail.entries).toBe(4);
    expect(await dispatch('settings:myEmails', {})).toEqual({ ok: true, value: { emails: ME } });
    chosen = path.join(FIXTURES, 'google.ics');
    const cal = (await dispatch('history:chooseFile', { source: 'ics' })) as { ok: true; value: { token: string } };
    expect(await dispatch('history:preview', { source: 'mbox', file: cal.value.token })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/chosen as ics/) } });
    const bytes = fs.readFileSync(path.join(FIXTURES, 'apple.ics')).toString('base64');
    expect(await dispatch('history:preview', { source: 'mbox', bytes })).toMatchObject({ ok: false });
    expect(await dispatch('history:commit', { source: 'ics', bytes, maxAttendees: 8 })).toMatchObject({ ok: true, value: { calendar: { entries: 2 } } });
    db.close();
  });

  it('kith import ics|mbox FILE', async () => {
    const dir = tempDir();
    const seed = openDatabase(path.join(dir, 'kith.db'));
    createPerson(seed, { displayName: 'Ana Acosta', emails: [{ value: 'ana.acosta@example.org' }] });
    seed.close();
    const dry = await kith(['import', 'ics', path.join(FIXTURES, 'google.ics'), '--my-email', 'me@example.com', '--dry-run', '--data-dir', dir]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing was changed/);
    expect(dry.stdout).toMatch(/declined/);
    const mbox = await kith(['import', 'mbox', path.join(FIXTURES, 'takeout.mbox'), '--my-email', 'me@example.com', '--json', '--data-dir', dir]);
    expect(mbox.code).toBe(0);
    expect(JSON.parse(mbox.stdout)).toMatchObject({ source: 'mbox', mail: { entries: 2 } });
    const bad = await kith(['import', 'mbox', path.join(FIXTURES, 'google.ics'), '--data-dir', dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not an mbox file/);
  });
});

describe('undo', () => {
  it('the last calendar import can be undone: its entries and keys go, and the file can be imported again', async () => {
    const { undoLastImport, listImports } = await import('../../main/importers/importLog');
    const db = seededDb();
    commitHistory(db, ics(db, 'google.ics'), { myEmails: ME, include: ['attendee lena.park@startup.example'] });
    expect(listImports(db)[0]).toMatchObject({ format: 'ics', summary: 'Calendar: 7 journal entries, 1 new person', canUndo: true });
    expect(undoLastImport(db, {}).undone).toBe(true);
    expect(db.prepare(`SELECT count(*) FROM interactions`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM import_keys`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM people WHERE display_name = 'Lena Park'`).pluck().get()).toBe(0);
    expect(previewHistory(db, ics(db, 'google.ics'), { myEmails: ME }).calendar!.entries).toBe(6);
    db.close();
  });
});
