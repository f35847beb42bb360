// Issue 6 import speed: a realistic 10,000-row LinkedIn Connections.csv
// imported end to end (parse, match, write, one transaction) into an empty
// Kith on a real file, target ≤ 0.5 s; then the same file again (all matches,
// nothing written). SQLite's raw insert rate for the same number of rows is
// printed beside it, as the floor any importer could reach.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../main/db/open';
import { importText } from '../../../main/importers';
import { parseLinkedInConnections } from '../../../main/importers/linkedin';
import { planImport } from '../../../main/importers/plan';
import { createBackupSync } from '../../../main/services/backups';
import type { BenchRow, BenchSuite } from '../types';

const SUITE = 'import';

const FIRST = ['Priya', 'Tom', 'José', 'Zoë', 'Wei', 'Aoife', 'Marcus', 'Sara', 'Dmitri', 'Hannah', 'Luis', 'Fatima', 'Kenji', 'Nina', 'Omar', 'Ada'];
const LAST = ['Raman', 'Becker', 'Álvarez', 'Lindqvist', 'Zhang', "O'Connor", 'Johnson Jr.', 'Okafor', 'Volkov', 'Schmidt', 'Fernández García', 'Al-Sayed'];
const COMPANIES = ['Northwind Health', '"Acme Labs, Inc."', 'Contoso Pharmacy', 'Fabrikam', 'Tailspin Toys', 'Woodgrove Bank', 'Adventure Works', 'Litware'];
const POSITIONS = ['Clinical Pharmacist', 'Engineering Manager', '"Director, Talent Acquisition"', 'Senior Recruiter', 'Data Analyst', 'Hiring Manager – Informatics', 'Staff Pharmacist', ''];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A Connections.csv in LinkedIn's current shape: preamble, header, quoted fields, some e-mails, ~600 organizations. */
export function generateConnectionsCsv(rows: number, seed = 1): string {
  let s = seed;
  const rand = (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[rand(FIRST.length)]!;
    // Unique surnames: real connections rarely share a name and an employer, and matching would merge them.
    const last = `${LAST[rand(LAST.length)]!.split(' ')[0]}-${surname(i)}`;
    const slug = `${first}-${last}-${i.toString(36)}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    const company = rand(5) === 0 ? `"Company ${rand(600)}, Ltd."` : COMPANIES[rand(COMPANIES.length)]!;
    const email = rand(4) === 0 ? `${slug}@example.org` : '';
    const date = `${String(1 + rand(28)).padStart(2, '0')} ${MONTHS[rand(12)]} ${2010 + rand(16)}`;
    lines.push([first, last, `https://www.linkedin.com/in/${slug}${rand(2) ? '/' : ''}`, email, company, POSITIONS[rand(POSITIONS.length)]!, date].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sa', 'to', 'vi', 'ne'];
function surname(i: number): string {
  const word = i.toString(8).split('').map((d) => SYLLABLES[Number(d)]).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const importSuite: BenchSuite = {
  name: SUITE,
  async run({ quick }) {
    const rows = quick ? 2_000 : 10_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-import-'));
    const out: BenchRow[] = [];
    try {
      const text = generateConnectionsCsv(rows);
      const db = openDatabase(path.join(dir, 'import.db'));
      const parse = time(() => parseLinkedInConnections(text));
      const plan = time(() => planImport(db, parse.value));
      const end = time(() => importText(db, 'linkedin', text));
      if (end.value.counts.newPeople !== rows) throw new Error(`expected ${rows} new people, got ${end.value.counts.newPeople}`);
      const again = time(() => importText(db, 'linkedin', text));
      if (again.value.counts.newPeople !== 0) throw new Error('the second import added people');
      // What import:commit adds before its transaction: a checked copy of the data (here, with the rows just imported).
      const backup = time(() => createBackupSync({ db, backupDir: path.join(dir, 'backups') }, 'before-import'));
      db.close();

      // The floor: the same number of people, affiliations and ties as bare INSERTs in one transaction.
      const raw = openDatabase(path.join(dir, 'raw.db'));
      const insertPerson = raw.prepare(`INSERT INTO people (display_name, linkedin_url, created_at, updated_at) VALUES (?, ?, ?, ?)`);
      const org = Number(raw.prepare(`INSERT INTO organizations (name, name_key, created_at, updated_at) VALUES ('X', 'x', '', '')`).run().lastInsertRowid);
      const insertAff = raw.prepare(`INSERT INTO affiliations (person_id, organization_id, title, created_at, updated_at) VALUES (?, ?, 'T', '', '')`);
      const insertTie = raw.prepare(`INSERT INTO ties (person_a, person_b, strength, created_at, updated_at) VALUES (1, ?, 1, '', '')`);
      const rawTime = time(() =>
        raw.transaction(() => {
          for (let i = 0; i < rows; i++) {
            const id = Number(insertPerson.run(`Person ${i}`, `https://www.linkedin.com/in/p${i}`, '', '').lastInsertRowid);
            insertAff.run(id, org);
            insertTie.run(id);
          }
        })(),
      );
      raw.close();

      const n = rows.toLocaleString('en-US');
      out.push(
        { suite: SUITE, name: `LinkedIn import, ${n} rows, empty Kith (end to end)`, value: end.ms, unit: 'ms', target: rows === 10_000 ? '≤ 500 ms' : undefined },
        { suite: SUITE, name: `  of which parse (papaparse + normalize)`, value: parse.ms, unit: 'ms' },
        { suite: SUITE, name: `  of which plan (match, preview)`, value: plan.ms, unit: 'ms' },
        { suite: SUITE, name: `LinkedIn import rate`, value: Math.round(rows / (end.ms / 1000)), unit: 'rows/s' },
        { suite: SUITE, name: `same file again (all matched, nothing written)`, value: again.ms, unit: 'ms' },
        { suite: SUITE, name: `before-import backup of that data (VACUUM INTO + integrity_check)`, value: backup.ms, unit: 'ms', note: `${Math.round(backup.value.sizeBytes / 1024)} KB` },
        { suite: SUITE, name: `raw SQLite: ${n} × (person + affiliation + tie) INSERTs`, value: rawTime.ms, unit: 'ms' },
        { suite: SUITE, name: `raw SQLite insert rate`, value: Math.round(rows / (rawTime.ms / 1000)), unit: 'rows/s', note: 'one row = person + affiliation + tie' },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
