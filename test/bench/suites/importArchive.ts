// Issue 13 import speed: a generated LinkedIn data archive (zip) of 2,000
// connections, 30,000 messages and 1,500 invitations imported end to end
// (unzip, decode, parse, plan, write through the journal service, one
// transaction) into an empty Kith on a real file; target ≤ 3 s. The raw parse
// (unzip + decode + CSV + grouping, no database) is reported beside it, and
// the same archive again (everything already there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../main/db/open';
import { expandInput, importText } from '../../../main/importers';
import { parseArchive, type ArchiveInput } from '../../../main/importers/archive';
import { seededRandom } from '../../../main/sample/generate';
import { makeZip } from '../../helpers/zip';
import type { BenchRow, BenchSuite } from '../types';
import { generateConnectionsCsv } from './import';

const SUITE = 'import-archive';
const ME = 'https://www.linkedin.com/in/bench-me';

function random(seed: number) {
  const next = seededRandom(seed);
  return (n: number) => Math.floor(next() * n);
}

/** The connections' profile URLs, as generateConnectionsCsv writes them. */
function connectionUrls(csv: string): string[] {
  return csv
    .split('\n')
    .slice(4)
    .filter(Boolean)
    .map((line) => /https:\/\/www\.linkedin\.com\/in\/[^,/]+/.exec(line)?.[0] ?? '')
    .filter(Boolean);
}

export function generateArchive(connections: number, messages: number, invitations: number): Buffer {
  const rand = random(13);
  const connectionsCsv = generateConnectionsCsv(connections, 7);
  const urls = connectionUrls(connectionsCsv);
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const msgLines = ['CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER'];
  const conversations = Math.max(1, Math.round(messages / 10));
  const members = Array.from({ length: conversations }, (_, c) => {
    const size = c % 50 === 0 ? 4 + rand(8) : c % 7 === 0 ? 2 : 1;
    return Array.from({ length: size }, () => urls[rand(urls.length)]!);
  });
  for (let i = 0; i < messages; i++) {
    const c = rand(conversations);
    const people = members[c]!;
    const fromMe = rand(2) === 0;
    const from = fromMe ? ME : people[rand(people.length)]!;
    const to = fromMe ? people : [ME, ...people.filter((u) => u !== from)];
    const day = 1 + ((c * 7 + rand(20)) % 1000);
    const date = new Date(Date.UTC(2023, 0, day, rand(24), rand(60), rand(60))).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
    const folder = rand(100) === 0 ? 'SPAM' : 'INBOX';
    msgLines.push([`2-conv${c}==`, c % 50 === 0 ? `Group ${c}` : '', q(fromMe ? 'Bench Me' : `Member ${c}, Jr.`), from, q('Someone, Else'), q(to.join(',')), date, '', q(`Message ${i}, about "things"`), folder].join(','));
  }
  const invLines = ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'];
  for (let i = 0; i < invitations; i++) {
    const other = urls[rand(urls.length)]!;
    const out = rand(2) === 0;
    invLines.push([q(out ? 'Bench Me' : 'Other'), q(out ? 'Other' : 'Bench Me'), q(`${1 + rand(12)}/${1 + rand(28)}/2${rand(6)}, ${1 + rand(12)}:0${rand(10)} PM`), rand(3) === 0 ? q('We met at the meetup') : '', out ? 'OUTGOING' : 'INCOMING', out ? ME : other, out ? other : ME].join(','));
  }
  return makeZip([
    { name: 'Basic_LinkedInDataExport/Connections.csv', data: connectionsCsv },
    { name: 'Basic_LinkedInDataExport/messages.csv', data: `${msgLines.join('\n')}\n` },
    { name: 'Basic_LinkedInDataExport/Invitations.csv', data: `${invLines.join('\n')}\n` },
  ]);
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export const importArchiveSuite: BenchSuite = {
  name: SUITE,
  async run({ quick }) {
    const scale = quick ? 0.25 : 1;
    const [c, m, inv] = [Math.round(2_000 * scale), Math.round(30_000 * scale), Math.round(1_500 * scale)];
    const zip = generateArchive(c, m, inv);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-archive-'));
    const out: BenchRow[] = [];
    try {
      const parse = await timeAsync(async () => parseArchive((await expandInput(new Uint8Array(zip))) as ArchiveInput));
      const db = openDatabase(path.join(dir, 'archive.db'));
      const end = await timeAsync(async () => importText(db, 'linkedin', await expandInput(new Uint8Array(zip))));
      const result = end.value;
      if (result.counts.newPeople !== c) throw new Error(`expected ${c} new people, got ${result.counts.newPeople}`);
      const entries = result.archive?.messages.entries ?? 0;
      if (entries === 0) throw new Error('no journal entries were made');
      const again = await timeAsync(async () => importText(db, 'linkedin', await expandInput(new Uint8Array(zip))));
      if ((again.value.archive?.messages.entries ?? -1) !== 0 || again.value.counts.newPeople !== 0) throw new Error('the second import added something');
      const count = time(() => db.prepare('SELECT count(*) FROM interactions').pluck().get() as number);
      db.close();
      const label = `${c.toLocaleString('en-US')} connections, ${m.toLocaleString('en-US')} messages, ${inv.toLocaleString('en-US')} invitations`;
      out.push(
        { suite: SUITE, name: `LinkedIn archive zip, ${label}, empty Kith (end to end)`, value: end.ms, unit: 'ms', target: quick ? undefined : '≤ 3000 ms', note: `${entries.toLocaleString('en-US')} journal entries, ${Math.round(zip.length / 1024)} KB zip` },
        { suite: SUITE, name: `  raw parse (unzip + decode + CSV + grouping, no database)`, value: parse.ms, unit: 'ms' },
        { suite: SUITE, name: `same archive again (nothing new)`, value: again.ms, unit: 'ms', note: `${count.value.toLocaleString('en-US')} entries in Kith` },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
