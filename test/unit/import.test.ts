// Issue 6 importers against every fixture in ../shared/fixtures, with the
// exact people, organizations, ties and skipped rows each must produce; plus
// matching, merging, idempotence, stale previews and the IPC channels.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { exportJson } from '../../main/exporters/json';
import { KithError } from '../../shared/errors';
import { MAX_IMPORT_CHARS } from '../../shared/importExport';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatch';
import { commitImport } from '../../main/importers/commit';
import { importText, parseContacts, previewImport } from '../../main/importers';
import { looseOrgKey } from '../../main/importers/plan';
import { normalizeLinkedInUrl, parseExportDate } from '../../main/importers/normalize';
import { createPerson, updatePerson } from '../../main/services/people';
import { FIXTURES } from '../helpers/fixtures';
import { createTestDb, removeTempDirs } from '../helpers/db';

const linkedin = (since: string) => `1 imported since ${since} (LinkedIn connection)`;
const contact = '1 imported since -';

describe('LinkedIn Connections.csv', () => {
  it('imports every named connection with its organization, position and tie with me', () => {
    const db = freshDb();
    const result = importText(db, 'linkedin', fixture('linkedin/Connections.csv'));
    expect(result.counts).toEqual({
      records: 14, newPeople: 13, matchedPeople: 0, updatedPeople: 0, newOrganizations: 8, updatedOrganizations: 0,
      newAffiliations: 12, updatedAffiliations: 0, newTies: 13, updatedTies: 0, skipped: 2,
    });
    expect(result.skipped).toEqual([
      { where: 'line 13', line: 13, card: null, message: 'duplicate of line 12 (same LinkedIn address)' },
      { where: 'line 15', line: 15, card: null, message: 'no name (LinkedIn member https://www.linkedin.com/in/unknown-member-71)' },
    ]);
    expect(result.warnings).toEqual([]);
    const p = people(db);
    expect(Object.keys(p)).toEqual([
      'Priya Raman', 'Tom Becker', 'José Álvarez', 'Zoë Lindqvist', 'Wei Zhang', "Aoife O'Connor", 'Marcus Johnson Jr.',
      'Sara Okafor', 'Dmitri Volkov', 'Hannah Schmidt', 'Luis Fernández García', 'Fatima Al-Sayed', 'Kenji Watanabe',
    ]);
    expect(p['Tom Becker']).toEqual({
      name: 'Tom Becker', given: 'Tom', family: 'Becker', emails: ['tom.becker@example.org'], phones: [], links: [],
      linkedin: 'https://www.linkedin.com/in/tombecker', notes: '', tags: [],
      jobs: ['Engineering Manager @ Acme Labs, Inc.'], tieWithMe: linkedin('2024-01-02'),
    });
    // Trailing slash dropped; both rows are one person; Acme Labs matches "Acme Labs, Inc." loosely.
    expect(p['Sara Okafor']).toMatchObject({ linkedin: 'https://www.linkedin.com/in/saraokafor', jobs: ['Senior Recruiter @ Acme Labs, Inc. [R]'], tieWithMe: linkedin('2025-10-11') });
    expect(p['Zoë Lindqvist']).toMatchObject({ linkedin: 'https://www.linkedin.com/in/zoelindqvist', jobs: ['Director, Talent Acquisition @ Fabrikam [R]'], tieWithMe: linkedin('2026-02-08') });
    expect(p['Hannah Schmidt']!.jobs).toEqual(['Clinical Coordinator "Ambulatory Care" @ Contoso Pharmacy']);
    expect(p['Luis Fernández García']).toMatchObject({ given: 'Luis', family: 'Fernández García', emails: ['luis.fg@example.net'], jobs: ['Hiring Manager – Pharmacy Informatics @ Adventure Works [HM]'] });
    expect(p['Marcus Johnson Jr.']).toMatchObject({ jobs: [], tieWithMe: linkedin('2020-09-17') });
    expect(p["Aoife O'Connor"]!.jobs).toEqual(['Recruiter @ Tailspin Toys [R]']);
    expect(p['Wei Zhang']).toMatchObject({ emails: ['wei.zhang@example.com'], jobs: ['Residency Program Director @ Northwind Health'], tieWithMe: linkedin('2022-07-21') });
    expect(organizations(db)).toEqual([
      'Acme Labs, Inc.', 'Adventure Works', 'Contoso Pharmacy', 'Fabrikam', 'Litware', 'Northwind Health', 'Tailspin Toys', 'Woodgrove Bank',
    ]);
    expect(otherTies(db)).toEqual([]);
  });

  it('reads the legacy header (no URL column) and a byte-order mark', () => {
    for (const file of ['linkedin/Connections-legacy.csv', 'linkedin/Connections-bom.csv']) {
      const db = freshDb();
      const result = importText(db, 'linkedin', fixture(file));
      expect(result.counts.newPeople).toBe(2);
      expect(result.skipped).toEqual([]);
      expect(people(db)).toEqual({
        'Grace Hopper': {
          name: 'Grace Hopper', given: 'Grace', family: 'Hopper', emails: [], phones: [], links: [], linkedin: null, notes: '', tags: [],
          jobs: ['Principal Engineer @ Fabrikam'], tieWithMe: linkedin('2017-06-12'),
        },
        'Ada Byron': {
          name: 'Ada Byron', given: 'Ada', family: 'Byron', emails: ['ada@example.org'], phones: [], links: [], linkedin: null, notes: '', tags: [],
          jobs: ['Data Analyst @ Northwind Health'], tieWithMe: linkedin('2016-02-01'),
        },
      });
    }
  });

  it('reads CRLF line endings and numbers lines after the preamble', () => {
    const db = freshDb();
    const preview = previewImport(db, 'linkedin', fixture('linkedin/Connections-crlf.csv'));
    expect(preview.newPeople).toEqual([
      { key: 'line 5', where: 'line 5', name: 'Nina Petrova', organization: 'Contoso Pharmacy' },
      { key: 'line 6', where: 'line 6', name: 'Omar Haddad', organization: 'Litware' },
    ]);
    importText(db, 'linkedin', fixture('linkedin/Connections-crlf.csv'));
    expect(people(db)['Omar Haddad']).toMatchObject({ jobs: ['Talent Partner, Pharmacy @ Litware [R]'], tieWithMe: linkedin('2026-03-03'), linkedin: 'https://www.linkedin.com/in/omarhaddad' });
  });

  it('finds the header whatever the preamble says, and refuses a file without one', () => {
    const db = freshDb();
    const text = 'Notes:\n"Something new, with ""quotes"""\nAnother line\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lee,,,Acme,Engineer,01 Feb 2020\n';
    expect(previewImport(db, 'linkedin', text).newPeople).toEqual([{ key: 'line 6', where: 'line 6', name: 'Ana Lee', organization: 'Acme' }]);
    expect(() => previewImport(db, 'linkedin', 'Name,Company\nAna,Acme\n')).toThrow(/Connections\.csv: no line starts with "First Name,Last Name"/);
  });

  it('rejects a broken quote naming its line, and skips a row with the wrong number of fields', () => {
    const db = freshDb();
    const before = snapshot(db);
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    expect(() => importText(db, 'linkedin', `${header}Ana,Lee,,,Acme,Engineer,01 Feb 2020\nBo,"Kim,,,Acme,Engineer,01 Feb 2020\n`)).toThrow(/at line 3/);
    expect(snapshot(db)).toBe(before);
    const result = importText(db, 'linkedin', `${header}Ana,Lee,,,Acme,Engineer,01 Feb 2020\nBo,Kim,Acme\nCy,Park,,,Acme,Engineer,31 Feb 2020\n`);
    expect(result.skipped).toEqual([{ where: 'line 3', line: 3, card: null, message: 'has 3 fields where the header has 7' }]);
    expect(result.warnings).toEqual([{ where: 'line 4', line: 4, card: null, message: 'the date "31 Feb 2020" was not understood; the tie has no start date' }]);
    expect(Object.keys(people(db))).toEqual(['Ana Lee', 'Cy Park']);
  });
});

describe('vCard', () => {
  it('Apple 3.0: escapes, itemN labels, X-SOCIALPROFILE, folded NOTE, photo ignored, nameless card skipped', () => {
    const db = freshDb();
    const result = importText(db, 'vcard', fixture('vcard/apple-3.0.vcf'));
    expect(result.skipped).toEqual([{ where: 'card 3 (line 34)', line: 34, card: 3, message: 'no name (only an organization, Contoso Pharmacy)' }]);
    expect(result.warnings).toEqual([{ where: 'card 1 (line 1)', line: 1, card: 1, message: 'related person "Maya Becker" is not a card in this file; no tie made' }]);
    expect(people(db)).toEqual({
      'Tom Becker': {
        name: 'Tom Becker', given: 'Tom', family: 'Becker',
        emails: ['work: tom.becker@example.org'],
        phones: ['cell: +1 (415) 555-0142'],
        links: ['HomePage: https://tombecker.example.org', 'GitHub: https://github.com/tombecker-example'],
        linkedin: 'https://www.linkedin.com/in/tombecker',
        notes: 'Met at the ASHP Midyear meeting, Dec 2023. Introduced me to Sara Okafor\n(recruiter at Acme). Prefers Tuesday mornings for calls; very responsive by email.',
        tags: ['Acme', 'Mentors'],
        jobs: ['Engineering Manager @ Acme Labs, Inc.'],
        tieWithMe: contact,
      },
      'Sara Okafor': {
        name: 'Sara Okafor', given: 'Sara', family: 'Okafor', emails: ['work: sara.okafor@acme.example'], phones: [], links: [],
        linkedin: 'https://www.linkedin.com/in/saraokafor', notes: '', tags: [], jobs: ['Senior Recruiter @ Acme Labs, Inc. [R]'], tieWithMe: contact,
      },
    });
    expect(organizations(db)).toEqual(['Acme Labs, Inc.']);
  });

  it('Outlook 2.1: CHARSET and QUOTED-PRINTABLE with a soft line break, bare parameters', () => {
    const db = freshDb();
    const result = importText(db, 'vcard', fixture('vcard/outlook-2.1.vcf'));
    expect(result.skipped).toEqual([]);
    expect(people(db)).toEqual({
      'José Álvarez': {
        name: 'José Álvarez', given: 'José', family: 'Álvarez', emails: ['jose.alvarez@contoso.example'], phones: ['work: +34 91 555 0199'], links: [],
        linkedin: null, notes: 'Informational interview 2024-03-02 — talked about ambulatory care\nopenings; follow up in June.', tags: [],
        jobs: ['Pharmacy Manager @ Contoso Pharmacy'], tieWithMe: contact,
      },
      'Omar Haddad': {
        name: 'Omar Haddad', given: 'Omar', family: 'Haddad', emails: [], phones: [], links: [], linkedin: null, notes: '', tags: [],
        jobs: ['Talent Partner @ Litware [R]'], tieWithMe: contact,
      },
    });
  });

  it('RFC 6350 4.0: KIND:org as an organization, RELATED by text and by UID as one tie, TYPE lists, CATEGORIES', () => {
    const db = freshDb();
    const result = importText(db, 'vcard', fixture('vcard/rfc6350-4.0.vcf'));
    expect(result.counts).toMatchObject({ records: 3, newPeople: 2, newOrganizations: 2, newTies: 3, skipped: 0 });
    expect(people(db)).toEqual({
      'Zoë Lindqvist': {
        name: 'Zoë Lindqvist', given: 'Zoë', family: 'Lindqvist', emails: ['work: zoe.lindqvist@fabrikam.example'], phones: ['cell: +46-8-555-0123'], links: [],
        linkedin: 'https://www.linkedin.com/in/zoelindqvist',
        notes: 'Spoke on a panel about hiring pharmacists for informatics roles.\nSaid to reach out in spring.',
        tags: ['conference', 'Stockholm'], jobs: ['Director, Talent Acquisition @ Fabrikam [HM] [R]'], tieWithMe: contact,
      },
      'Wei Zhang': {
        name: 'Wei Zhang', given: '', family: '', emails: [], phones: [], links: [], linkedin: null, notes: '', tags: [],
        jobs: ['Residency Program Director @ Northwind Health'], tieWithMe: contact,
      },
    });
    // "colleague" (by name) and "acquaintance" (by UID) both point at Wei: one tie, the stronger.
    expect(otherTies(db)).toEqual(['Zoë Lindqvist — Wei Zhang: 3 imported (colleague)']);
    expect(organizations(db)).toEqual(['Fabrikam', 'Northwind Health (northwind.example)']);
  });

  it('Google 3.0 with LF line endings; the myContacts system group is not a tag', () => {
    const db = freshDb();
    importText(db, 'vcard', fixture('vcard/google-3.0.vcf'));
    expect(people(db)).toEqual({
      'Priya Raman': {
        name: 'Priya Raman', given: 'Priya', family: 'Raman', emails: ['home: priya.raman@example.com'], phones: ['cell: +1 617 555 0110'], links: [],
        linkedin: null, notes: '', tags: ['Residency cohort'], jobs: ['Clinical Pharmacist @ Northwind Health'], tieWithMe: contact,
      },
    });
  });

  it('reads several cards of mixed versions in one file, friend stronger than acquaintance', () => {
    const db = freshDb();
    const text = [
      fixture('vcard/outlook-2.1.vcf'),
      'BEGIN:VCARD\nVERSION:4.0\nFN:Ana Lee\nUID:urn:uuid:a\nRELATED;TYPE=friend:urn:uuid:b\nRELATED;TYPE=acquaintance;VALUE=text:Omar Haddad\nEND:VCARD',
      'BEGIN:VCARD\nVERSION:3.0\nFN:Bo Kim\nUID:urn:uuid:b\nEND:VCARD\n',
    ].join('\r\n');
    const result = importText(db, 'vcard', text);
    expect(result.counts.newPeople).toBe(4);
    expect(otherTies(db)).toEqual(['Omar Haddad — Ana Lee: 2 imported (acquaintance)', 'Ana Lee — Bo Kim: 4 imported (friend)']);
  });

  it('decodes a windows-1252 QUOTED-PRINTABLE value and survives a 2.1 base64 photo', () => {
    const db = freshDb();
    const text =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\nFN;CHARSET=WINDOWS-1252;QUOTED-PRINTABLE:J=FCrgen M=FCller\r\n' +
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n /9j/4AAQSkZJRgABAQAAAQABAAD\r\n AAgGBgcGBQgHBwcJCQgKDBQNDAsL\r\n\r\nORG:Kunde, Partner & Co\r\nEND:VCARD\r\n';
    const result = importText(db, 'vcard', text);
    expect(result.skipped).toEqual([]);
    expect(people(db)['Jürgen Müller']).toMatchObject({ given: 'Jürgen', family: 'Müller', jobs: [' @ Kunde, Partner & Co'] });
  });

  it('skips a broken or unterminated card by number and refuses a file with no card', () => {
    const db = freshDb();
    const result = importText(db, 'vcard', 'BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lee\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bo\nthis is not a property\nEND:VCARD\nBEGIN:VCARD\nFN:Cy\n');
    expect(result.skipped.map((s) => `${s.where}: ${s.message}`)).toEqual([
      'card 2 (line 5): could not be read: a line is not a vCard property: "this is not a property"',
      'card 3 (line 10): the card has no END:VCARD line (the file may be cut short)',
    ]);
    expect(Object.keys(people(db))).toEqual(['Ana Lee']);
    expect(() => previewImport(db, 'vcard', 'hello')).toThrow(/no vCards/);
  });
});

describe('Google Contacts CSV', () => {
  it('current header: numbered e-mail and phone groups, ::: labels, multi-line note, nameless row skipped', () => {
    const db = freshDb();
    const result = importText(db, 'google', fixture('google/contacts.csv'));
    expect(result.skipped).toEqual([{ where: 'line 5', line: 5, card: null, message: 'no name (only an organization, Litware)' }]);
    expect(people(db)).toEqual({
      'Priya Raman': {
        name: 'Priya Raman', given: 'Priya', family: 'Raman', emails: ['Home: priya.raman@example.com', 'Work: praman@northwind.example'],
        phones: ['Mobile: +1 617 555 0110'], links: [], linkedin: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
        notes: 'Residency cohort 2019.\nKnows the director of pharmacy.', tags: ['Residency'], jobs: ['Clinical Pharmacist @ Northwind Health'], tieWithMe: contact,
      },
      'Dmitri Volkov': {
        name: 'Dmitri Volkov', given: 'Dmitri', family: 'Volkov', emails: ['Work: dmitri@woodgrove.example'], phones: [], links: [], linkedin: null,
        notes: '', tags: [], jobs: ['VP of Data @ Woodgrove Bank'], tieWithMe: contact,
      },
    });
  });

  it('legacy header: Name, Group Membership, "* " primary marks, Organization 1', () => {
    const db = freshDb();
    importText(db, 'google', fixture('google/contacts-legacy.csv'));
    expect(people(db)).toEqual({
      'Hannah Schmidt': {
        name: 'Hannah Schmidt', given: 'Hannah', family: 'Schmidt', emails: ['Work: hannah.schmidt@contoso.example'], phones: ['Mobile: +49 30 555 0177'],
        links: [], linkedin: null, notes: 'Met at APhA 2024', tags: ['Conference'], jobs: ['Clinical Coordinator @ Contoso Pharmacy'], tieWithMe: contact,
      },
    });
  });

  it('refuses a CSV that is not Google\'s', () => {
    expect(() => previewImport(freshDb(), 'google', 'a,b\n1,2\n')).toThrow(/does not look like a Google Contacts CSV/);
  });
});

describe('matching and merging', () => {
  const ALL = [
    ['linkedin', 'linkedin/Connections.csv'], ['linkedin', 'linkedin/Connections-legacy.csv'], ['linkedin', 'linkedin/Connections-crlf.csv'],
    ['linkedin', 'linkedin/Connections-bom.csv'], ['vcard', 'vcard/apple-3.0.vcf'], ['vcard', 'vcard/outlook-2.1.vcf'],
    ['vcard', 'vcard/rfc6350-4.0.vcf'], ['vcard', 'vcard/google-3.0.vcf'], ['google', 'google/contacts.csv'], ['google', 'google/contacts-legacy.csv'],
  ] as const;

  it('importing every fixture a second time changes nothing in any table', () => {
    const db = freshDb();
    for (const [format, file] of ALL) importText(db, format, fixture(file));
    const once = snapshot(db);
    for (const [format, file] of ALL) {
      const preview = previewImport(db, format, fixture(file));
      expect(preview.nothingToDo, file).toBe(true);
      expect(preview.matches.every((m) => m.changes.length === 0), file).toBe(true);
      importText(db, format, fixture(file));
    }
    expect(snapshot(db)).toBe(once);
  });

  it('matches across formats by e-mail, LinkedIn URL and name at organization, filling in without overwriting', () => {
    const db = freshDb();
    importText(db, 'linkedin', fixture('linkedin/Connections.csv'));
    const tom = people(db)['Tom Becker']!;
    const tomId = (db.prepare("SELECT id FROM people WHERE display_name = 'Tom Becker'").get() as { id: number }).id;
    updatePerson(db, tomId, { notes: 'My own words about Tom.' });
    const preview = previewImport(db, 'vcard', fixture('vcard/apple-3.0.vcf'));
    expect(preview.counts).toMatchObject({ newPeople: 0, matchedPeople: 2, updatedPeople: 2, newOrganizations: 0 });
    expect(preview.matches).toEqual([
      {
        key: 'card 1', where: 'card 1 (line 1)', name: 'Tom Becker', personId: tomId, personName: 'Tom Becker', matchedBy: 'email',
        changes: ['phone +1 (415) 555-0142', 'link https://tombecker.example.org', 'link https://github.com/tombecker-example', 'tag Mentors', 'tag Acme'],
      },
      expect.objectContaining({ name: 'Sara Okafor', matchedBy: 'linkedin', changes: ['e-mail sara.okafor@acme.example'] }),
    ]);
    importText(db, 'vcard', fixture('vcard/apple-3.0.vcf'));
    importText(db, 'vcard', fixture('vcard/rfc6350-4.0.vcf'));
    importText(db, 'google', fixture('google/contacts.csv'));
    const p = people(db);
    expect(p['Tom Becker']).toEqual({
      ...tom,
      emails: ['tom.becker@example.org'], // the same address is not added twice
      phones: ['cell: +1 (415) 555-0142'],
      links: ['HomePage: https://tombecker.example.org', 'GitHub: https://github.com/tombecker-example'],
      notes: 'My own words about Tom.',
      tags: ['Acme', 'Mentors'],
      tieWithMe: linkedin('2024-01-02'),
    });
    // Wei: name at organization; Zoë: LinkedIn URL; Priya: LinkedIn URL from Google's Website column.
    expect(p['Wei Zhang']).toMatchObject({ given: 'Wei', jobs: ['Residency Program Director @ Northwind Health'] });
    expect(p['Zoë Lindqvist']).toMatchObject({ emails: ['work: zoe.lindqvist@fabrikam.example'], tags: ['conference', 'Stockholm'], jobs: ['Director, Talent Acquisition @ Fabrikam [R]'] });
    expect(p['Priya Raman']).toMatchObject({ emails: ['Home: priya.raman@example.com', 'Work: praman@northwind.example'], notes: 'Residency cohort 2019.\nKnows the director of pharmacy.', tieWithMe: linkedin('2025-03-14') });
    expect(p['Dmitri Volkov']).toMatchObject({ emails: ['Work: dmitri@woodgrove.example'], jobs: ['VP of Data @ Woodgrove Bank'] });
    expect(Object.keys(p)).toHaveLength(13);
    expect(otherTies(db)).toEqual(['Zoë Lindqvist — Wei Zhang: 3 imported (colleague)']);
  });

  it('re-plans inside the commit: a person added after the preview is merged into, not duplicated', () => {
    const db = freshDb();
    const parsed = parseContacts('linkedin', fixture('linkedin/Connections-crlf.csv'));
    expect(previewImport(db, 'linkedin', fixture('linkedin/Connections-crlf.csv')).counts.newPeople).toBe(2);
    createPerson(db, { displayName: 'Nina P.', linkedinUrl: 'https://www.linkedin.com/in/ninapetrova' });
    const result = commitImport(db, parsed);
    expect(result.counts).toMatchObject({ newPeople: 1, matchedPeople: 1 });
    expect(Object.keys(people(db))).toEqual(['Nina P.', 'Omar Haddad']);
  });

  it('leaves out the records the user unticked', () => {
    const db = freshDb();
    const result = importText(db, 'linkedin', fixture('linkedin/Connections.csv'), { exclude: ['line 5', 'line 6'] });
    expect(result.counts.newPeople).toBe(11);
    expect(Object.keys(people(db))).not.toContain('Priya Raman');
    expect(Object.keys(people(db))).not.toContain('Tom Becker');
  });

  it('calls the backup hook before writing, and not when nothing would change', () => {
    const db = freshDb();
    const calls: number[] = [];
    const backupBeforeImport = () => calls.push(1);
    importText(db, 'linkedin', fixture('linkedin/Connections-bom.csv'), { backupBeforeImport });
    importText(db, 'linkedin', fixture('linkedin/Connections-bom.csv'), { backupBeforeImport });
    expect(calls).toEqual([1]);
  });
});

describe('normalization', () => {
  it('LinkedIn URLs: https, lower-case host, no query, fragment or trailing slash', () => {
    expect(normalizeLinkedInUrl('http://WWW.LinkedIn.com/in/Ana-Lee/?trk=x#top')).toBe('https://www.linkedin.com/in/ana-lee');
    expect(normalizeLinkedInUrl('linkedin.com/in/ana//')).toBe('https://www.linkedin.com/in/ana');
    expect(normalizeLinkedInUrl('https://example.com/in/ana')).toBeNull();
    expect(normalizeLinkedInUrl('not a url at all')).toBeNull();
  });

  it('export dates', () => {
    expect(parseExportDate('08 Feb 2026')).toBe('2026-02-08');
    expect(parseExportDate('8 Sept 2025')).toBe('2025-09-08');
    expect(parseExportDate('2024-02-29')).toBe('2024-02-29');
    expect(parseExportDate('29 Feb 2025')).toBeNull();
    expect(parseExportDate('Feb 2026')).toBeNull();
  });

  it('organization names match without legal form', () => {
    expect(looseOrgKey('acme labs, inc.')).toBe('acme labs');
    expect(looseOrgKey('northwind co. ltd')).toBe('northwind');
    expect(looseOrgKey('inc.')).toBe('inc');
  });
});

describe('IPC channels', () => {
  const dispatcher = () => {
    const db = freshDb();
    return { db, dispatch: createDispatcher(createHandlers({ db, dataDir: '/tmp/kith-test' }), { validateOutput: true }) };
  };

  it('import:preview and import:commit answer within the contract, export:run too', async () => {
    const { db, dispatch } = dispatcher();
    const text = fixture('linkedin/Connections.csv');
    const preview = await dispatch('import:preview', { format: 'linkedin', text });
    expect(preview.ok && preview.value).toMatchObject({ format: 'linkedin', counts: { newPeople: 13 }, nothingToDo: false });
    const before = snapshot(db);
    expect(snapshot(db)).toBe(before);
    const commit = await dispatch('import:commit', { format: 'linkedin', text });
    expect(commit.ok && commit.value).toMatchObject({ counts: { newPeople: 13, newTies: 13 } });
    for (const format of ['json', 'csv', 'vcard', 'gexf', 'graphml']) {
      const out = await dispatch('export:run', { format });
      expect(out.ok, format).toBe(true);
    }
  });

  it('refuses oversized text and unknown formats with a clear INVALID_INPUT, and a bad file without changes', async () => {
    const { db, dispatch } = dispatcher();
    const before = snapshot(db);
    const big = await dispatch('import:preview', { format: 'vcard', text: 'x'.repeat(MAX_IMPORT_CHARS + 1) });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!big.ok && big.error.message).toMatch(/too large to import \(more than 50 MB/);
    expect(await dispatch('import:commit', { format: 'outlook', text: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('import:commit', { format: 'linkedin', text: 'a,"b\n' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('export:run', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(snapshot(db)).toBe(before);
  });

  it('errors are KithErrors a person can read', () => {
    expect(() => previewImport(freshDb(), 'json', '{')).toThrow(KithError);
  });
});

// ---- helpers: fixtures, a fresh database, readable views of what landed ----

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function freshDb(): Db {
  return createTestDb();
}

/** Every table of user data, as text: equal snapshots mean nothing changed. */
function snapshot(db: Db): string {
  return exportJson(db, { now: new Date(0) });
}

interface PersonView {
  name: string;
  given: string;
  family: string;
  emails: string[];
  phones: string[];
  links: string[];
  linkedin: string | null;
  notes: string;
  tags: string[];
  jobs: string[];
  tieWithMe: string | null;
}

/** People (not me) by name, with what an import sets, in a form easy to compare. */
function people(db: Db): Record<string, PersonView> {
  const me = (db.prepare('SELECT id FROM people WHERE is_me = 1').get() as { id: number }).id;
  const rows = db.prepare('SELECT * FROM people WHERE is_me = 0 ORDER BY id').all() as {
    id: number;
    display_name: string;
    given_name: string;
    family_name: string;
    emails: string;
    phones: string;
    links: string;
    linkedin_url: string | null;
    notes: string;
  }[];
  const out: Record<string, PersonView> = {};
  for (const r of rows) {
    const lv = (s: string) => (JSON.parse(s) as { value: string; label?: string }[]).map((v) => (v.label ? `${v.label}: ${v.value}` : v.value));
    const jobs = (
      db
        .prepare(
          `SELECT o.name, a.title, a.is_hiring_manager AS hm, a.is_recruiter AS rec, a.is_current AS cur FROM affiliations a
             JOIN organizations o ON o.id = a.organization_id WHERE a.person_id = ? ORDER BY a.id`,
        )
        .all(r.id) as { name: string; title: string; hm: number; rec: number; cur: number }[]
    ).map((a) => `${a.title} @ ${a.name}${a.hm ? ' [HM]' : ''}${a.rec ? ' [R]' : ''}${a.cur ? '' : ' (former)'}`);
    const tags = (db.prepare('SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = ? ORDER BY t.name_key').all(r.id) as { name: string }[]).map((t) => t.name);
    const tie = db.prepare('SELECT strength, context, since, source FROM ties WHERE person_a = ? AND person_b = ?').get(Math.min(me, r.id), Math.max(me, r.id)) as
      | { strength: number; context: string; since: string | null; source: string }
      | undefined;
    out[r.display_name] = {
      name: r.display_name,
      given: r.given_name,
      family: r.family_name,
      emails: lv(r.emails),
      phones: lv(r.phones),
      links: lv(r.links),
      linkedin: r.linkedin_url,
      notes: r.notes,
      tags,
      jobs,
      tieWithMe: tie ? `${tie.strength} ${tie.source} since ${tie.since ?? '-'}${tie.context ? ` (${tie.context})` : ''}` : null,
    };
  }
  return out;
}

/** Ties between two people who are not me: `A — B: strength (context)`. */
function otherTies(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT a.display_name AS a, b.display_name AS b, t.strength, t.context, t.source FROM ties t
           JOIN people a ON a.id = t.person_a JOIN people b ON b.id = t.person_b
          WHERE a.is_me = 0 AND b.is_me = 0 ORDER BY t.id`,
      )
      .all() as { a: string; b: string; strength: number; context: string; source: string }[]
  ).map((t) => `${t.a} — ${t.b}: ${t.strength} ${t.source}${t.context ? ` (${t.context})` : ''}`);
}

function organizations(db: Db): string[] {
  return (db.prepare('SELECT name, domain FROM organizations ORDER BY name_key').all() as { name: string; domain: string }[]).map((o) =>
    o.domain ? `${o.name} (${o.domain})` : o.name,
  );
}

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
