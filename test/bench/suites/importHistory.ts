// Issue 14 import speed (`npm run bench -- --suite import-history`):
//   - a 5,000-event calendar (4,000 single events, 50 weekly series over two
//     years, 950 declined, cancelled, crowded or future ones) imported end to
//     end (ical.js parse with VTIMEZONE, expansion, plan, journal service, one
//     transaction) into a Kith of 500 people on a real file; target ≤ 1 s;
//   - a generated 200 MB mbox (Gmail Takeout shape, bodies with base64
//     attachments) read as a stream and imported; target ≤ 10 s, with the
//     process's peak memory (RSS, and heap above the start) while it runs.
// Files are generated into a temp folder and deleted after. The clock is
// pinned so the "past" is the same on every run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../main/db/open';
import { commitHistory, parseCalendarText } from '../../../main/importers/history';
import { readMbox } from '../../../main/importers/mbox';
import { seededRandom } from '../../../main/sample/generate';
import { createPerson } from '../../../main/services/people';
import { fixedClock, setClock } from '../../../shared/clock';
import type { BenchRow, BenchSuite } from '../types';

const SUITE = 'import-history';
const ME = 'me@bench.example';
const PEOPLE = 500;
const person = (i: number) => `person${i}@corp${i % 40}.example`;

function seedPeople(db: Db): void {
  db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) createPerson(db, { displayName: `Person ${i}`, emails: [{ value: person(i) }] });
  })();
}

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function generateCalendar(singles: number, series: number, others: number): string {
  const rand = seededRandom(14);
  const r = (n: number) => Math.floor(rand() * n);
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...BERLIN];
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const attendee = (email: string, status = 'ACCEPTED') => `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${status};CN=${email}:mailto:${email}`;
  const event = (uid: string, start: Date, extra: string[], people: string[], myStatus = 'ACCEPTED') =>
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;TZID=Europe/Berlin:${stamp(start)}`,
      `DTEND;TZID=Europe/Berlin:${stamp(new Date(start.getTime() + 30 * 60_000))}`,
      'DTSTAMP:20270130T101500Z',
      `ORGANIZER;CN=${ME}:mailto:${ME}`,
      `UID:${uid}@google.com`,
      attendee(ME, myStatus),
      ...people.map((p) => attendee(p)),
      ...extra,
      `SUMMARY:Meeting ${uid}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1 + offset, 8 + r(9), r(4) * 15));
  for (let i = 0; i < singles; i++) event(`single${i}`, day(r(740)), [], [person(r(PEOPLE)), ...(i % 3 === 0 ? [person(r(PEOPLE))] : [])]);
  for (let i = 0; i < series; i++) {
    const start = day(r(7));
    event(`series${i}`, start, ['RRULE:FREQ=WEEKLY;COUNT=104', `EXDATE;TZID=Europe/Berlin:${stamp(new Date(start.getTime() + 14 * 86_400_000))}`], [person(i)]);
  }
  for (let i = 0; i < others; i++) {
    const kind = i % 4;
    if (kind === 0) event(`declined${i}`, day(r(740)), [], [person(r(PEOPLE))], 'DECLINED');
    else if (kind === 1) event(`cancelled${i}`, day(r(740)), ['STATUS:CANCELLED'], [person(r(PEOPLE))]);
    else if (kind === 2) event(`crowd${i}`, day(r(740)), [], Array.from({ length: 12 }, () => person(r(PEOPLE))));
    else event(`future${i}`, new Date(Date.UTC(2027, 5, 1 + r(100), 10)), [], [person(r(PEOPLE))]);
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

/** Writes a Gmail-Takeout-shaped mbox of about `bytes`, streamed to disk; returns the message count. */
async function generateMbox(file: string, bytes: number): Promise<number> {
  const rand = seededRandom(15);
  const r = (n: number) => Math.floor(rand() * n);
  const out = fs.createWriteStream(file);
  const base64Line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n';
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const at = new Date(Date.UTC(2024, 0, 1) + r(730 * 86_400_000));
    const fromMe = r(3) === 0;
    const other = person(r(PEOPLE * 2));
    const list = r(10) === 0;
    const headers = [
      `From 17974463847198${String(n).padStart(5, '0')}@xxx ${at.toUTCString().replace(',', '')}`,
      `X-GM-THRID: 17974463847${n}`,
      'X-Gmail-Labels: Inbox,Opened',
      'Delivered-To: me@bench.example',
      `Received: by 2002:a05:6a10:8e0c:b0:5a1:1234:5678 with SMTP id x12csp${n}pxb;`,
      `        ${at.toUTCString()}`,
      'MIME-Version: 1.0',
      `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <CAB${n}x${r(1e9)}@mail.gmail.com>`,
      `Subject: =?UTF-8?Q?Caf=C3=A9_number_${n}?=`,
      fromMe ? `From: Me <${ME}>` : `From: =?UTF-8?Q?Person_${n}?= <${other}>`,
      fromMe ? `To: "Someone, Else" <${other}>` : `To: Me <${ME}>`,
      ...(list ? ['List-Id: <weekly.lists.example.net>'] : []),
      'Content-Type: multipart/mixed; boundary="000000000000a1b2c3d4e5f6"',
    ];
    const attachment = 20 + r(60);
    const body = [
      '--000000000000a1b2c3d4e5f6',
      'Content-Type: text/plain; charset="UTF-8"',
      '',
      'Hello, a few lines of text.',
      '>From the archive: escaped as mboxrd writes it.',
      '',
      '--000000000000a1b2c3d4e5f6',
      'Content-Type: application/pdf; name="notes.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
    ].join('\r\n');
    const text = `${headers.join('\r\n')}\r\n\r\n${body}\r\n${base64Line.repeat(attachment)}--000000000000a1b2c3d4e5f6--\r\n\r\n`;
    written += Buffer.byteLength(text);
    n++;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return n;
}

export const importHistorySuite: BenchSuite = {
  name: SUITE,
  async run({ quick }) {
    const rows: BenchRow[] = [];
    const restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-history-'));
    try {
      const [singles, series, others] = quick ? [400, 5, 95] : [4000, 50, 950];
      const text = generateCalendar(singles, series, others);
      const db = openDatabase(path.join(dir, 'calendar.db'));
      seedPeople(db);
      // CPU time beside wall time: on a shared machine the wall clock counts other processes' turns too.
      const cpu = process.cpuUsage();
      const cpuMs = () => {
        const u = process.cpuUsage(cpu);
        return (u.user + u.system) / 1000;
      };
      let t = performance.now();
      const parsed = parseCalendarText(db, text, { myEmails: [ME] });
      const parseMs = performance.now() - t;
      t = performance.now();
      const result = commitHistory(db, parsed, { myEmails: [ME] });
      const commitMs = performance.now() - t;
      const events = singles + series + others;
      rows.push({
        suite: SUITE,
        name: `calendar: ${events.toLocaleString('en-US')} events (${singles} single, ${series} weekly series over 2 years) imported`,
        value: parseMs + commitMs,
        unit: 'ms',
        ...(quick ? {} : { target: '≤ 1,000 ms' }),
        note: `${result.calendar!.entries} entries (${result.calendar!.seriesMonths} series months); parse ${parseMs.toFixed(0)} ms, plan+write ${commitMs.toFixed(0)} ms; CPU ${cpuMs().toFixed(0)} ms`,
      });
      t = performance.now();
      const again = commitHistory(db, parseCalendarText(db, text, {}));
      rows.push({ suite: SUITE, name: 'calendar: the same file again (nothing new)', value: performance.now() - t, unit: 'ms', note: `${again.calendar!.alreadyImported} already imported` });
      db.close();

      const mboxFile = path.join(dir, 'takeout.mbox');
      const size = quick ? 20 * 1024 * 1024 : 200 * 1024 * 1024;
      const messages = await generateMbox(mboxFile, size);
      const mailDb = openDatabase(path.join(dir, 'mail.db'));
      seedPeople(mailDb);
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const start = process.memoryUsage();
      let peakRss = start.rss;
      let peakHeap = start.heapUsed;
      const sample = () => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      };
      const timer = setInterval(sample, 10);
      const mailCpu = process.cpuUsage();
      t = performance.now();
      const mail = await readMbox(mboxFile, { myEmails: new Set([ME]), onProgress: sample });
      const readMs = performance.now() - t;
      const t2 = performance.now();
      const mailResult = commitHistory(mailDb, { source: 'mbox', mail }, { myEmails: [ME] });
      const mailCommitMs = performance.now() - t2;
      clearInterval(timer);
      sample();
      const mb = (b: number) => b / 1024 / 1024;
      rows.push({
        suite: SUITE,
        name: `mbox: ${mb(fs.statSync(mboxFile).size).toFixed(0)} MB, ${messages.toLocaleString('en-US')} messages, streamed and imported`,
        value: readMs + mailCommitMs,
        unit: 'ms',
        ...(quick ? {} : { target: '≤ 10,000 ms' }),
        note: `read ${readMs.toFixed(0)} ms (${(mb(size) / (readMs / 1000)).toFixed(0)} MB/s), plan+write ${mailCommitMs.toFixed(0)} ms, ${mailResult.mail!.entries} entries; CPU ${((process.cpuUsage(mailCpu).user + process.cpuUsage(mailCpu).system) / 1000).toFixed(0)} ms`,
      });
      rows.push({ suite: SUITE, name: 'mbox: peak memory (RSS) while importing', value: mb(peakRss), unit: 'MB', note: `${mb(start.rss).toFixed(0)} MB before` });
      rows.push({ suite: SUITE, name: 'mbox: peak heap above the start', value: mb(peakHeap - start.heapUsed), unit: 'MB', note: 'grows with people × days, not with the file' });
      mailDb.close();
    } finally {
      restore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
