// Issue 13, LinkedIn archive's Connections.csv: a person's identity is the
// normalised profile URL (two people with the same name and company are two
// people), hidden profiles are skipped with that reason, a non-English header
// is recognised by shape, and bad cells (NUL, control characters, 1 MB) give
// row-level reasons while the rest is imported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { importText, previewImport } from '../../main/importers';
import { normalizeLinkedInUrl } from '../../main/importers/normalize';
import { createPerson } from '../../main/services/people';
import { FIXTURES } from '../helpers/fixtures';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-conn-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'kith.db'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const archive = (name: string) => fs.readFileSync(path.join(FIXTURES, 'linkedin-archive', name));

function people(db: Db): string[] {
  return db
    .prepare(
      `SELECT p.display_name || ' <' || coalesce(p.linkedin_url, '-') || '> ' || coalesce(group_concat(a.title || ' @ ' || o.name, '; '), '')
         FROM people p LEFT JOIN affiliations a ON a.person_id = p.id LEFT JOIN organizations o ON o.id = a.organization_id
        WHERE p.is_me = 0 GROUP BY p.id ORDER BY p.id`,
    )
    .pluck()
    .all() as string[];
}

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

describe('profile URLs', () => {
  it('normalises case, trailing slash, query, host and percent-encoding of /in/ URLs', () => {
    const same = [
      'https://www.linkedin.com/in/s%C3%B8ren-ibsen',
      'https://www.linkedin.com/in/S%C3%98REN-IBSEN/',
      'http://de.linkedin.com/in/søren-ibsen?trk=public_profile#x',
      'linkedin.com/in/Søren-Ibsen/details/experience/',
    ];
    for (const url of same) expect(normalizeLinkedInUrl(url), url).toBe('https://www.linkedin.com/in/søren-ibsen');
    expect(normalizeLinkedInUrl('https://www.linkedin.com/in/a%2Fb')).toBe('https://www.linkedin.com/in/a%2fb');
    expect(normalizeLinkedInUrl('https://www.linkedin.com/company/acme/')).toBe('https://www.linkedin.com/company/acme');
  });
});

describe("the archive's Connections.csv", () => {
  it('keeps two people with the same name and company apart by URL, and skips the hidden profile with its reason', () => {
    const db = freshDb();
    const preview = previewImport(db, 'linkedin', archive('Connections.csv'));
    expect(preview.encoding).toBe('utf-8');
    expect(preview.counts).toMatchObject({ records: 5, newPeople: 5, skipped: 1 });
    expect(preview.skipped).toEqual([
      { where: 'line 9', line: 9, card: null, message: expect.stringMatching(/^hidden profile: LinkedIn gives only the date/) },
    ]);
    importText(db, 'linkedin', archive('Connections.csv'));
    expect(people(db)).toEqual([
      'Amara Okonkwo <https://www.linkedin.com/in/amara-okonkwo-4b1a2c> Engineering Manager @ Northwind Health',
      'Michael Smith <https://www.linkedin.com/in/michael-smith-3a9b21> Engineering Manager @ Acme Labs',
      'Michael Smith <https://www.linkedin.com/in/msmith-data-77> Data Analyst @ Acme Labs',
      'Søren Ibsen <https://www.linkedin.com/in/søren-ibsen> Senior Recruiter, EMEA @ Fabrikam',
      'Li Wei <https://www.linkedin.com/in/li-wei-88> Head of Talent Acquisition @ Contoso Pharmacy',
    ]);
    // Re-importing the same file changes nothing.
    expect(previewImport(db, 'linkedin', archive('Connections.csv')).nothingToDo).toBe(true);
  });

  it('a file holding only the second namesake adds them, it is not "nothing would change"', () => {
    const db = freshDb();
    const rows = archive('Connections.csv').toString('utf8').split('\n');
    const first = [HEADER, rows[5]].join('\n');
    const second = [HEADER, rows[6]].join('\n');
    importText(db, 'linkedin', Buffer.from(first));
    const preview = previewImport(db, 'linkedin', Buffer.from(second));
    expect(preview.nothingToDo).toBe(false);
    expect(preview.counts).toMatchObject({ newPeople: 1, matchedPeople: 0, skipped: 0 });
    importText(db, 'linkedin', Buffer.from(second));
    expect(people(db)).toHaveLength(2);
  });

  it('a person entered by hand without a URL is matched by name and organization; a namesake with another URL is not', () => {
    const db = freshDb();
    createPerson(db, { displayName: 'Michael Smith', linkedinUrl: 'https://www.linkedin.com/in/MICHAEL-SMITH-3a9b21/' });
    const preview = previewImport(db, 'linkedin', archive('Connections.csv'));
    expect(preview.matches.map((m) => [m.name, m.matchedBy])).toEqual([['Michael Smith', 'linkedin']]);
    expect(preview.counts.newPeople).toBe(4);
  });

  it('recognises a non-English header by its shape and says so', () => {
    const db = freshDb();
    const preview = previewImport(db, 'linkedin', archive('Connections-other-language.csv'));
    expect(preview.counts).toMatchObject({ records: 4, newPeople: 4, skipped: 0 });
    expect(preview.warnings).toEqual([
      { where: 'line 4', line: 4, card: null, message: expect.stringMatching(/^the header "Prénom, Nom, URL, .*" is not LinkedIn's English one; the columns were recognised by their shape/) },
    ]);
    importText(db, 'linkedin', archive('Connections-other-language.csv'));
    expect(people(db)[3]).toBe('Søren Ibsen <https://www.linkedin.com/in/søren-ibsen> Senior Recruiter, EMEA @ Fabrikam');
    expect(db.prepare(`SELECT since FROM ties WHERE since IS NOT NULL ORDER BY since`).pluck().all()).toEqual(['2019-03-04', '2021-07-09', '2024-03-12', '2025-11-30']);
  });

  it('refuses a table that is neither the English header nor the shape, with a clear message', () => {
    expect(() => previewImport(freshDb(), 'linkedin', Buffer.from('a,b,c\n1,2,3\n'))).toThrow(/does not look like LinkedIn's Connections.csv/);
  });

  it('gives row-level reasons for a NUL or control character, a 1 MB cell and a bad date, and imports the rest', () => {
    const db = freshDb();
    const rows = [HEADER];
    for (let i = 0; i < 50; i++) rows.push(`Person,Number${i},https://www.linkedin.com/in/p-${i},,Org ${i % 7},Engineer,0${(i % 9) + 1} Feb 2026`);
    rows[11] = 'Nul,Company,https://www.linkedin.com/in/nul,,Acme\u0000 Labs,Engineer,01 Feb 2026';
    rows[21] = 'Bell,Title,https://www.linkedin.com/in/bell,,Acme,Engi\u0007neer,01 Feb 2026';
    rows[31] = `Huge,Cell,https://www.linkedin.com/in/huge,,"${'x'.repeat(1_000_000)}",Engineer,01 Feb 2026`;
    rows[41] = 'Bad,Date,https://www.linkedin.com/in/bad-date,,Acme,Engineer,31 Feb 2026';
    const bytes = Buffer.from(rows.join('\r\n'));
    const result = importText(db, 'linkedin', bytes);
    expect(result.skipped).toEqual([
      { where: 'line 12', line: 12, card: null, message: 'the Company cell holds a NUL character (U+0000); the row was left out' },
      { where: 'line 22', line: 22, card: null, message: 'the Position cell holds a control character (U+0007); the row was left out' },
      { where: 'line 32', line: 32, card: null, message: expect.stringMatching(/organization name is too long/) },
    ]);
    expect(result.warnings).toEqual([
      { where: 'line 42', line: 42, card: null, message: 'the date "31 Feb 2026" was not understood; the tie has no start date' },
    ]);
    expect(result.counts.newPeople).toBe(47);
    expect(people(db)).toContain('Bad Date <https://www.linkedin.com/in/bad-date> Engineer @ Acme');
  });
});
