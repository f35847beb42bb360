// Issue 14, "A contact's connections": a contact's own Connections.csv imported
// as theirs ties them (not me) to each connection; people are matched by
// profile URL first; me in the file is recognised and never added; people new
// to Kith are second-degree (left out of Home, the default People list and the
// people count, found by search) until I tie myself to them or log an entry
// with them; importing twice changes nothing; the same list as two different
// people needs an explicit confirmation; bad requests change nothing.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { exportJson } from '../../main/exporters/json';
import { importText, previewImport } from '../../main/importers';
import { undoLastImport } from '../../main/importers/importLog';
import { forgetPerson, previewForget } from '../../main/services/forget';
import { createFavor } from '../../main/services/favors';
import { createEntry } from '../../main/services/journal';
import { dormantTies } from '../../main/services/home';
import { createPerson, getMeId, getPerson, listPeople, updatePerson } from '../../main/services/people';
import { mergePeople } from '../../main/services/merge';
import { findIntroRoutes } from '../../main/routes/findRoutes';
import { quickSearch } from '../../main/services/search';
import { getStats } from '../../main/services/stats';
import { createTie, listTiesOf } from '../../main/services/ties';
import { commitJsonImport } from '../../main/importers/json';
import { KithError } from '../../shared/errors';
import { kith } from '../helpers/cli';
import { createTestDb, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';
import { FIXTURES } from '../helpers/fixtures';

afterEach(removeTempDirs);

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const csv = (...rows: string[]) => ['Notes:', '"Her export"', '', HEADER, ...rows].join('\n') + '\n';

/** Me (with a profile URL), Ana (tied to me), Tom (known by URL), Chen (known by e-mail only). */
function setUp(options: { meUrl?: boolean; anaTiedToMe?: boolean } = {}) {
  const db = createTestDb();
  const me = getMeId(db);
  updatePerson(db, me, { displayName: 'Sam Rivera', emails: [{ value: 'sam@example.org', label: '' }], ...(options.meUrl === false ? {} : { linkedinUrl: 'https://www.linkedin.com/in/sam-rivera' }) });
  const ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
  if (options.anaTiedToMe !== false) createTie(db, { personA: me, personB: ana, strength: 3 });
  const tom = createPerson(db, { displayName: 'Tom Weber', linkedinUrl: 'https://www.linkedin.com/in/tomweber' }).id;
  createTie(db, { personA: me, personB: tom, strength: 2 });
  const chen = createPerson(db, { displayName: 'Chen Fernández', emails: [{ value: 'chen@example.org', label: '' }] }).id;
  return { db, me, ana, tom, chen };
}

const ANA_LIST = csv(
  'Tom,Weber,https://www.linkedin.com/in/tomweber,,Acme Labs,Engineer,02 Jan 2024',
  'Chen,Fernández,https://www.linkedin.com/in/chen-f,chen@example.org,Pinecone,Designer,03 Feb 2023',
  'Sam,Rivera,https://www.linkedin.com/in/sam-rivera/,,Kith,Builder,04 Mar 2022',
  'Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,Fabrikam,Recruiter,05 Apr 2021',
  'Eve,Lind,,,Contoso,CTO,06 May 2020',
);

const tiesOf = (db: Db, id: number) =>
  listTiesOf(db, id)
    .map((t) => `${t.otherName} ${t.strength} ${t.source}${t.fromListOf ? ` (${t.fromListOf.name}'s list)` : ''}${t.since ? ` since ${t.since}` : ''}`)
    .sort();
const idOf = (db: Db, name: string) => db.prepare('SELECT id FROM people WHERE display_name = ?').pluck().get(name) as number;

describe("a contact's connections, imported as theirs", () => {
  it('ties the owner to each connection, recognises me, and adds the others as second-degree', () => {
    const { db, me, ana, tom, chen } = setUp();
    const preview = previewImport(db, 'linkedin', ANA_LIST, { of: ana });
    expect(preview.theirs).toEqual({
      personId: ana,
      name: 'Ana Acosta',
      me: [{ where: 'line 7', matchedBy: 'linkedin' }],
      tieWithMe: 'exists',
      secondDegree: 2,
      newTies: 4,
      sameListAs: [],
    });
    expect(preview.warnings.map((w) => `${w.where}: ${w.message}`)).toContain('line 7: this is you (your LinkedIn address): not added as a person; you and Ana Acosta already have a tie');
    const result = importText(db, 'linkedin', ANA_LIST, { of: ana });
    expect(result.counts).toMatchObject({ newPeople: 2, matchedPeople: 2, newTies: 4 });

    expect(tiesOf(db, ana)).toEqual([
      'Chen Fernández 1 their-connections (Ana Acosta\'s list) since 2023-02-03',
      'Dana Okafor 1 their-connections (Ana Acosta\'s list) since 2021-04-05',
      'Eve Lind 1 their-connections (Ana Acosta\'s list) since 2020-05-06',
      'Sam Rivera 3 manual',
      'Tom Weber 1 their-connections (Ana Acosta\'s list) since 2024-01-02',
    ]);
    // Me was neither added nor changed; Tom and Chen keep their tie with me (or lack of one); nobody new is tied to me.
    expect(db.prepare("SELECT count(*) FROM people WHERE display_name = 'Sam Rivera'").pluck().get()).toBe(1);
    expect(tiesOf(db, me)).toEqual(['Ana Acosta 3 manual', 'Tom Weber 2 manual']);
    expect(getPerson(db, chen).linkedinUrl).toBe('https://www.linkedin.com/in/chen-f'); // matched by e-mail, URL filled in
    expect(getPerson(db, tom).secondDegree).toBeUndefined();
    const dana = idOf(db, 'Dana Okafor');
    const eve = idOf(db, 'Eve Lind');
    expect(getPerson(db, dana).secondDegree).toBe(true);
    expect(getPerson(db, eve).secondDegree).toBe(true);

    // Left out of the default People list and the people count; a filter and a search show them.
    const names = (q: Parameters<typeof listPeople>[1]) => listPeople(db, q).items.map((p) => p.displayName);
    expect(names({})).toEqual(['Ana Acosta', 'Chen Fernández', 'Tom Weber']);
    expect(names({ degree: 'second' })).toEqual(['Dana Okafor', 'Eve Lind']);
    expect(names({ degree: 'all' })).toHaveLength(5);
    expect(listPeople(db, { search: 'dana' }).items).toEqual([expect.objectContaining({ displayName: 'Dana Okafor', secondDegree: true })]);
    expect(getStats(db)).toMatchObject({ people: 3, secondDegreePeople: 2 });
    expect(quickSearch(db, 'dana')).toEqual([{ kind: 'person', id: dana, label: 'Dana Okafor', detail: 'Fabrikam · 2nd degree' }]);
  });

  it('matches by profile URL before e-mail, and never changes the jobs of someone Kith knows', () => {
    const { db, ana } = setUp();
    const pat = createPerson(db, { displayName: 'Pat Quinn', emails: [{ value: 'q@example.org', label: '' }] }).id;
    const quinn = createPerson(db, { displayName: 'Quinn Pat', linkedinUrl: 'https://www.linkedin.com/in/quinn' }).id;
    importText(db, 'linkedin', csv('Quinn,Pat,https://www.linkedin.com/in/quinn,q@example.org,Acme,CEO,01 Jan 2020', 'Tom,Weber,https://www.linkedin.com/in/tomweber,,Acme Labs,Engineer,02 Jan 2024'), { of: ana });
    expect(tiesOf(db, quinn)).toEqual(["Ana Acosta 1 their-connections (Ana Acosta's list) since 2020-01-01"]);
    expect(tiesOf(db, pat)).toEqual([]);
    // Quinn had no job on record: the list's is added; Tom's job is left to what I know.
    expect(db.prepare('SELECT count(*) FROM affiliations WHERE person_id = ?').pluck().get(quinn)).toBe(1);
  });

  it('importing the same list twice changes nothing', () => {
    const { db, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const before = snapshotDb(db);
    const again = previewImport(db, 'linkedin', ANA_LIST, { of: ana });
    expect(again.nothingToDo).toBe(true);
    expect(importText(db, 'linkedin', ANA_LIST, { of: ana }).counts).toMatchObject({ newPeople: 0, newTies: 0, updatedTies: 0 });
    expect(snapshotDb(db)).toEqual(before);
  });

  it('the same list as two different people: refused with a clear message unless confirmed', () => {
    const { db, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const ben = createPerson(db, { displayName: 'Ben Ode' }).id;
    const preview = previewImport(db, 'linkedin', ANA_LIST, { of: ben });
    expect(preview.theirs?.sameListAs).toEqual([{ personId: ana, name: 'Ana Acosta', people: 4, of: 4 }]);
    const before = snapshotDb(db);
    let error: unknown;
    try {
      importText(db, 'linkedin', ANA_LIST, { of: ben });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KithError);
    expect((error as KithError).code).toBe('CONFLICT');
    expect((error as KithError).message).toMatch(/looks like Ana Acosta's connections, imported before as theirs: 4 of its 4 people.*Nothing was imported/);
    expect(snapshotDb(db)).toEqual(before);
    importText(db, 'linkedin', ANA_LIST, { of: ben, confirmOwner: true });
    // Ben's four connections, and me: the list holds my profile URL, and Ben and I had no tie.
    expect(tiesOf(db, ben)).toHaveLength(5);
    expect(tiesOf(db, ben)).toContain("Sam Rivera 1 their-connections (Ben Ode's list) since 2022-03-04");
  });

  it('me in the list: a tie between me and the owner when I am known by URL or e-mail, never from a name alone', () => {
    const byEmail = setUp({ meUrl: false, anaTiedToMe: false });
    const list = csv('Sam,Rivera,,sam@example.org,Kith,Builder,04 Mar 2022', 'Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,,,05 Apr 2021');
    const r = importText(byEmail.db, 'linkedin', list, { of: byEmail.ana });
    expect(r.theirs).toMatchObject({ me: [{ where: 'line 5', matchedBy: 'email' }], tieWithMe: 'added' });
    expect(tiesOf(byEmail.db, byEmail.me)).toEqual(["Ana Acosta 1 their-connections (Ana Acosta's list) since 2022-03-04", 'Tom Weber 2 manual']);

    const byName = setUp({ meUrl: false, anaTiedToMe: false });
    const r2 = importText(byName.db, 'linkedin', csv('Sam,Rivera,https://www.linkedin.com/in/someone,,,,04 Mar 2022'), { of: byName.ana });
    expect(r2.theirs).toMatchObject({ me: [{ matchedBy: 'name' }], tieWithMe: 'none' });
    expect(r2.warnings.map((w) => w.message)).toContain('this is you (your name): not added as a person; a name alone does not make a tie between you and Ana Acosta');
    expect(tiesOf(byName.db, byName.me)).toEqual(['Tom Weber 2 manual']);
    // My name with the profile URL of someone already in Kith is them, not me.
    const other = createPerson(byName.db, { displayName: 'Sam Rivera', linkedinUrl: 'https://www.linkedin.com/in/sam-the-other' }).id;
    const r3 = importText(byName.db, 'linkedin', csv('Sam,Rivera,https://www.linkedin.com/in/sam-the-other,,,,01 Jan 2020'), { of: byName.ana });
    expect(r3.theirs?.me).toEqual([]);
    expect(tiesOf(byName.db, other)).toEqual(["Ana Acosta 1 their-connections (Ana Acosta's list) since 2020-01-01"]);
    // A namesake with another profile URL than mine is not me.
    const namesake = setUp();
    importText(namesake.db, 'linkedin', csv('Sam,Rivera,https://www.linkedin.com/in/sam-rivera-2,,,,04 Mar 2022'), { of: namesake.ana });
    expect(namesake.db.prepare("SELECT degree FROM people WHERE display_name = 'Sam Rivera' AND is_me = 0").pluck().get()).toBe(2);
  });

  it('a second-degree person becomes first-degree with a tie with me or a journal entry; one added by hand is first-degree', () => {
    const { db, me, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const dana = idOf(db, 'Dana Okafor');
    const eve = idOf(db, 'Eve Lind');
    createTie(db, { personA: dana, personB: idOf(db, 'Tom Weber'), strength: 2 }); // a tie with someone else changes nothing
    expect(getPerson(db, dana).secondDegree).toBe(true);
    createTie(db, { personA: me, personB: dana, strength: 1 });
    createEntry(db, { occurredAt: '2026-11-02', kind: 'coffee', title: 'Coffee', participantIds: [eve] });
    expect([getPerson(db, dana).secondDegree, getPerson(db, eve).secondDegree]).toEqual([undefined, undefined]);
    const byHand = createPerson(db, { displayName: 'Hugo Hand' });
    expect(byHand.secondDegree).toBeUndefined();
    expect(listPeople(db).items.map((p) => p.displayName)).toContain('Hugo Hand');
    expect(getStats(db).secondDegreePeople).toBe(0);
  });

  it('merging: the kept person is first-degree if any merged one was, and ties keep saying whose list they came from', () => {
    const { db, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const dana = idOf(db, 'Dana Okafor');
    const hand = createPerson(db, { displayName: 'Dana O.' }).id;
    mergePeople(db, [dana, hand]);
    expect(getPerson(db, dana).secondDegree).toBeUndefined();
    const anaCopy = createPerson(db, { displayName: 'Ana A.' }).id;
    mergePeople(db, [anaCopy, ana]);
    expect(tiesOf(db, idOf(db, 'Eve Lind'))).toEqual(["Ana A. 1 their-connections (Ana A.'s list) since 2020-05-06"]);
  });

  it("routes go through the owner to their connections: the list's ties are real ties", () => {
    const { db, me, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const fabrikam = db.prepare("SELECT id FROM organizations WHERE name = 'Fabrikam'").pluck().get() as number;
    const r = findIntroRoutes(db, { organizationId: fabrikam, goal: 'anyone' });
    expect(r.kind).toBe('found');
    if (r.kind === 'found') expect(r.routes[0]!.personIds).toEqual([me, ana, idOf(db, 'Dana Okafor')]);
  });

  it('second-degree people are not in "Worth reviving", even with a weak tie made by hand elsewhere', () => {
    const { db, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const ids = dormantTies(db, '2026-12-01', 'Europe/Berlin').map((d) => d.personId);
    expect(ids).not.toContain(idOf(db, 'Dana Okafor'));
    expect(ids).toContain(idOf(db, 'Tom Weber'));
  });

  it('bad requests are refused with a clear message and change nothing', () => {
    const { db, me, ana } = setUp();
    const before = snapshotDb(db);
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return `${(e as KithError).code}: ${(e as KithError).message}`;
      }
      return 'accepted';
    };
    expect(refused(() => importText(db, 'linkedin', ANA_LIST, { of: me }))).toMatch(/^INVALID_INPUT: These would be your own connections/);
    expect(refused(() => importText(db, 'linkedin', ANA_LIST, { of: 9999 }))).toMatch(/^NOT_FOUND: There is no person with id 9999/);
    expect(refused(() => importText(db, 'vcard', 'BEGIN:VCARD\nVERSION:3.0\nFN:X\nEND:VCARD\n', { of: ana }))).toMatch(/^INVALID_INPUT: Only LinkedIn's Connections.csv/);
    const messages = fs.readFileSync(path.join(FIXTURES, 'linkedin-archive', 'messages.csv'));
    expect(refused(() => importText(db, 'linkedin', new Uint8Array(messages), { of: ana }))).toMatch(/^INVALID_INPUT: Only a Connections.csv/);
    expect(refused(() => importText(db, 'linkedin', 'just,some\ntext\n', { of: ana }))).toMatch(/^INVALID_INPUT: This does not look like LinkedIn's Connections.csv/);
    expect(snapshotDb(db)).toEqual(before);
    // Bad rows are named, line by line; the rest comes in.
    const r = importText(db, 'linkedin', csv('Bad,Row,too,many,cells,here,01 Jan 2020,extra', 'Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,,,05 Apr 2021'), { of: ana });
    expect(r.skipped.map((s) => s.where)).toEqual(['line 5']);
    expect(r.counts.newPeople).toBe(1);
  });

  it('undo removes the second-degree people and the ties the list brought', () => {
    const { db, ana } = setUp();
    const rows = () => ['people', 'ties', 'organizations', 'affiliations'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all());
    const before = rows();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    expect(db.prepare('SELECT summary FROM imports').pluck().get()).toMatch(/^Ana Acosta's LinkedIn connections: 2 new people/);
    expect(undoLastImport(db).undone).toBe(true);
    expect(rows()).toEqual(before);
  });

  it('the JSON export round trip keeps degrees and whose list a tie came from', () => {
    const { db, ana } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const text = exportJson(db, { now: new Date('2026-12-01T00:00:00Z') });
    expect(text).toContain('"source_person_id": ' + ana);
    const other = createTestDb();
    commitJsonImport(other, text);
    expect(exportJson(other, { now: new Date('2026-12-01T00:00:00Z') })).toBe(text);
  });

  it('kith import linkedin FILE --of NAME, with --dry-run, and --confirm-owner', async () => {
    const dir = path.join(makeTempDir('kith-theirs-cli-'), 'data');
    const file = path.join(path.dirname(dir), 'ana-Connections.csv');
    fs.writeFileSync(file, ANA_LIST);
    const run = (...args: string[]) => kith([...args, '--data-dir', dir]);
    expect((await run('people', 'add', 'Ana Acosta', '--strength', '3')).code).toBe(0);
    expect((await run('people', 'add', 'Ben Ode')).code).toBe(0);
    const dry = await run('import', 'linkedin', file, '--of', 'Ana Acosta', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Ana Acosta's connections: Ana Acosta would be tied to 5 people");
    const done = await run('import', 'linkedin', file, '--of', 'Ana Acosta');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('5 people new to Kith were added as second-degree');
    const backups = async () => (await run('backups', '--json')).json<{ backups: unknown[] }>().backups.length;
    const copies = await backups();
    const twice = await run('import', 'linkedin', file, '--of', 'Ben Ode');
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain("looks like Ana Acosta's connections");
    expect(await backups()).toBe(copies); // refused before the import's safety copy
    expect((await run('import', 'linkedin', file, '--of', 'Ben Ode', '--confirm-owner')).code).toBe(0);
    expect((await run('import', 'linkedin', file, '--confirm-owner')).stderr).toContain('--confirm-owner goes with --of');
    const nobody = await run('import', 'linkedin', file, '--of', 'Nobody Known');
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toMatch(/Nobody Known/);
    const list = (await run('people', 'list', '--json')).json<{ items: { displayName: string }[] }>();
    expect(list.items.map((p) => p.displayName)).toEqual(['Ana Acosta', 'Ben Ode']);
    const second = (await run('people', 'list', '--degree', 'second', '--json')).json<{ total: number }>();
    expect(second.total).toBe(5);
    expect((await run('stats')).stdout).toMatch(/Second-degree\s+5 \(known through a contact's connections\)/);
  });

  it('property (seeded): any list of known, new and duplicate rows, me among them, imports whole, never duplicates me, ties the owner to everyone on it, and a second time changes nothing', () => {
    const { db, me, ana } = setUp();
    const pool = [
      'Tom,Weber,https://www.linkedin.com/in/tomweber,,Acme Labs,Engineer,02 Jan 2024',
      'Chen,Fernández,,chen@example.org,Pinecone,Designer,03 Feb 2023',
      'Sam,Rivera,https://www.linkedin.com/in/sam-rivera,,Kith,Builder,04 Mar 2022',
      'Sam,Rivera,,sam@example.org,,,',
      'Sam,Rivera,https://www.linkedin.com/in/sam-rivera-2,,,,',
      'Ana,Acosta,,,,,',
      'Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,Fabrikam,Recruiter,05 Apr 2021',
      'Dana,Okafor,,dana@example.org,Fabrikam,Recruiter,',
      'Eve,Lind,,,Contoso,CTO,06 May 2020',
      ',,https://www.linkedin.com/in/hidden,,,,07 Jun 2019',
      'Bad,"Quote,https://x,,,,',
      'Zoë,Müller,https://www.linkedin.com/in/zoe%C3%ABm,,"Acme Labs, Inc.",Lead,31 Feb 2026',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), (rows) => {
        db.exec('BEGIN');
        try {
          const text = csv(...rows);
          let preview;
          try {
            preview = previewImport(db, 'linkedin', text, { of: ana });
          } catch (error) {
            // A file that cannot be read (an unterminated quote) is refused whole, with its line.
            expect(error).toBeInstanceOf(KithError);
            const before = db.prepare('SELECT count(*) FROM people').pluck().get();
            expect(() => importText(db, 'linkedin', text, { of: ana })).toThrow(/at line \d+/);
            expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(before);
            return;
          }
          const result = importText(db, 'linkedin', text, { of: ana, confirmOwner: true });
          expect(result.counts.newPeople).toBe(preview.counts.newPeople);
          expect(db.prepare("SELECT count(*) FROM people WHERE linkedin_url = 'https://www.linkedin.com/in/sam-rivera' OR emails LIKE '%sam@example.org%'").pluck().get()).toBe(1);
          // Nobody new is tied to me; every new person is second-degree and tied to Ana.
          const newcomers = db.prepare('SELECT id, degree FROM people WHERE id > 4').all() as { id: number; degree: number }[];
          for (const p of newcomers) {
            expect(p.degree).toBe(2);
            expect(db.prepare('SELECT count(*) FROM ties WHERE (person_a = ? AND person_b = ?) OR (person_a = ? AND person_b = ?)').pluck().get(Math.min(me, p.id), Math.max(me, p.id), Math.min(ana, p.id), Math.max(ana, p.id))).toBe(1);
            expect(db.prepare('SELECT count(*) FROM ties WHERE person_a = ? OR person_b = ?').pluck().get(me, me)).toBe(2);
          }
          expect(previewImport(db, 'linkedin', text, { of: ana }).nothingToDo).toBe(true);
        } finally {
          db.exec('ROLLBACK');
        }
      }),
      { seed: 1414, numRuns: 60 },
    );
  });
});

describe('forgetting the contact whose list it was', () => {
  it('forgets the people known only from their list with them, and keeps those known otherwise', () => {
    const { db, me, ana, tom, chen } = setUp();
    importText(db, 'linkedin', ANA_LIST, { of: ana });
    const dana = idOf(db, 'Dana Okafor');
    const eve = idOf(db, 'Eve Lind');
    // Bo's list also has Eve: she is known through Bo too, and stays.
    const bo = createPerson(db, { displayName: 'Bo Berg' }).id;
    createTie(db, { personA: me, personB: bo, strength: 2 });
    importText(db, 'linkedin', csv('Eve,Lind,,,Contoso,CTO,06 May 2020', 'Quinn,Pat,https://www.linkedin.com/in/quinn,,Acme,CEO,01 Jan 2020'), { of: bo });
    expect(idOf(db, 'Eve Lind')).toBe(eve);
    // Dana is second-degree, but a favor of mine names her: she stays too. Another one, only Ana's, goes.
    importText(db, 'linkedin', csv('Gil,Moreau,https://www.linkedin.com/in/gil-moreau,,Initech,PM,01 Jan 2022'), { of: ana });
    const gil = idOf(db, 'Gil Moreau');
    createFavor(db, { personId: dana, direction: 'received', kind: 'referral', occurredOn: '2026-01-05', note: 'Sent a job lead' });

    const preview = previewForget(db, ana);
    expect(preview.onlyThroughThem).toBe(1);
    forgetPerson(db, ana);
    const alive = (id: number) => db.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(id) === 1;
    expect([ana, gil].map(alive)).toEqual([false, false]);
    expect([me, tom, chen, dana, eve, bo].map(alive)).toEqual([true, true, true, true, true, true]);
    // Nothing of Gil is left: no affiliation, no tie, no alias.
    for (const [table, column] of [['affiliations', 'person_id'], ['ties', 'person_a'], ['ties', 'person_b'], ['person_aliases', 'person_id']] as const) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(gil)).toBe(0);
    }
    // Eve keeps Bo's tie; the ties that came from Ana's list are gone.
    expect(tiesOf(db, eve)).toEqual(["Bo Berg 1 their-connections (Bo Berg's list) since 2020-05-06"]);
    expect(db.prepare('SELECT count(*) FROM ties WHERE source_person_id = ?').pluck().get(ana)).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
