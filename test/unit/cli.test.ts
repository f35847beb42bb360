// `kith` in-process through runCli: every command in text and --json, exit
// codes, and bad arguments refused with exit 2 before the data file is touched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { LATEST_SCHEMA_VERSION } from '../../main/db/open';
import { APP_VERSION } from '../../main/version';
import type { OrganizationDetail, OrganizationRow, Person, PersonDetail, PersonRow, SampleResult, Stats, Tie } from '../../shared/domain';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs, snapshotDb, type DbSnapshot } from '../helpers/db';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('kith-cli-'), 'data');
});
afterEach(removeTempDirs);

/** Runs kith against this test's data folder. */
const run = (...args: string[]) => kith([...args, '--data-dir', dir]);

function snapshot(): DbSnapshot {
  const db = openDatabase(path.join(dir, 'kith.db'), { readonly: true });
  try {
    return snapshotDb(db);
  } finally {
    db.close();
  }
}

async function addPeople(): Promise<void> {
  expect((await run('people', 'add', 'Ana Acosta', '--org', 'Acme Labs', '--title', 'Staff Engineer', '--strength', '4', '--context', 'Former teammate')).code).toBe(0);
  expect((await run('people', 'add', 'Ana Khan', '--org', 'acme labs', '--tag', 'mentor')).code).toBe(0);
  expect((await run('people', 'add', 'José García', '--headline', 'Recruiter', '--location', 'Madrid', '--email', 'jose@example.com', '--email', 'jg@home.example')).code).toBe(0);
}

describe('help and version', () => {
  it('kith --help lists every command, the data folder rule, exit codes and examples', async () => {
    const r = await kith(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const word of ['people', 'orgs', 'ties', 'sample', 'stats', 'KITH_DATA_DIR', 'Exit codes', 'Examples:', '--json']) expect(r.stdout).toContain(word);
  });

  it.each([
    ['people', 'list', ['--search', '--sort', '--archived', '--limit', '"organization"', '"strength"', '"added"']],
    ['people', 'add', ['--headline', '--location', '--email', '--org', '--title', '--tag', '--strength', '--context', '<name>']],
    ['people', 'show', ['<person>', '"me"']],
    ['people', 'archive', ['<person>']],
    ['people', 'restore', ['<person>']],
    ['orgs', 'list', ['--search', '--sort', '"people"']],
    ['orgs', 'add', ['--kind', '--domain', '"school"', '"nonprofit"']],
    ['orgs', 'show', ['<organization>']],
    ['ties', 'add', ['<a>', '<b>', '--strength', '--context', '--since']],
    ['sample', '', ['--people', '--seed']],
    ['stats', '', []],
  ])('kith %s %s --help documents every option with examples', async (group, command, words) => {
    const r = await kith([group, ...(command ? [command] : []), '--help']);
    expect(r.code).toBe(0);
    for (const word of [...(words as string[]), '--data-dir', '--json', 'Examples:', '$ kith']) expect(r.stdout).toContain(word);
  });

  it('--version prints the app version', async () => {
    const r = await kith(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${APP_VERSION}\n` });
  });

  it('no command, an unknown command or option: exit 2 with one line pointing at help, nothing created', async () => {
    expect((await kith([])).code).toBe(2);
    const unknown = await kith(['peeple', 'list']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`kith: unknown command 'peeple' (Did you mean people?) (see "kith --help")\n`);
    const option = await run('people', 'list', '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(`kith: unknown option '--colour' (see "kith people list --help")\n`);
    expect(option.stdout).toBe('');
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('people', () => {
  it('add: text and --json; --org creates or reuses the organization, --strength creates my tie', async () => {
    const r = await run('people', 'add', 'Ana Acosta', '--org', 'Acme Labs', '--title', 'Staff Engineer', '--strength', '4', '--context', 'Former teammate');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Added Ana Acosta \(id \d+\)\.\n$/);
    const j = await run('people', 'add', '  Ben Bauer ', '--org', 'ACME LABS', '--email', 'ben@example.com', '--email', 'b@home.example', '--tag', 'mentor', '--tag', 'Mentor', '--json');
    expect(j.code).toBe(0);
    const detail = j.json<PersonDetail>();
    expect(detail.person).toMatchObject({ displayName: 'Ben Bauer', emails: [{ value: 'ben@example.com' }, { value: 'b@home.example' }], tags: ['mentor'] });
    expect(detail.affiliations).toMatchObject([{ organizationName: 'Acme Labs', current: true }]);
    expect(detail.myTie).toBeNull();
    const ana = (await run('people', 'show', 'Ana Acosta', '--json')).json<PersonDetail>();
    expect(ana.myTie).toMatchObject({ strength: 4, context: 'Former teammate', otherIsMe: true });
    expect(ana.affiliations).toMatchObject([{ organizationName: 'Acme Labs', title: 'Staff Engineer' }]);
    expect((await run('orgs', 'list', '--json')).json<{ items: OrganizationRow[] }>().items).toHaveLength(1);
  });

  it('list: aligned table, footer, --limit, --sort, --search (accents folded), --archived, --json', async () => {
    await addPeople();
    const r = await run('people', 'list');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+ORGANIZATION\s+TITLE\s+TIE$/);
    expect(lines.slice(1, 4).map((l) => l.split(/\s{2,}/)[1])).toEqual(['Ana Acosta', 'Ana Khan', 'José García']);
    expect(lines.at(-1)).toBe('3 people.');
    // Columns line up: NAME starts at the same place on every row.
    const at = lines[0]!.indexOf('NAME');
    for (const l of lines.slice(1, 4)) expect(l.slice(at - 2, at + 1)).toMatch(/^ {2}\S$/);
    expect(lines[1]!.indexOf('Ana Acosta')).toBe(at);
    expect(lines[3]!.indexOf('José García')).toBe(at);
    expect(lines[1]).toMatch(/Acme Labs\s+Staff Engineer\s+4 Friend$/);

    const limited = await run('people', 'list', '--limit', '1', '--sort', 'strength');
    expect(limited.stdout).toMatch(/Ana Acosta/);
    expect(limited.stdout).toMatch(/Showing 1 of 3 people\.\n$/);

    const search = (await run('people', 'list', '--search', 'jose', '--json')).json<{ items: PersonRow[]; total: number }>();
    expect(search.total).toBe(1);
    expect(search.items[0]).toMatchObject({ displayName: 'José García', headline: 'Recruiter' });
    expect((await run('people', 'list', '--search', 'NEAR(', '--json')).json<{ total: number }>().total).toBe(0);
    expect((await run('people', 'list', '--search', 'zzz')).stdout).toBe('No people match.\n');
    expect((await run('people', 'list', '--tag', 'MENTOR', '--json')).json<{ items: PersonRow[] }>().items.map((p) => p.displayName)).toEqual(['Ana Khan']);

    const byOrg = (await run('people', 'list', '--sort', 'organization', '--json')).json<{ items: PersonRow[] }>();
    expect(byOrg.items.map((p) => p.displayName)).toEqual(['Ana Acosta', 'Ana Khan', 'José García']);
    await run('people', 'archive', 'José García');
    expect((await run('people', 'list', '--json')).json<{ total: number }>().total).toBe(2);
    expect((await run('people', 'list', '--archived', 'only')).stdout).toMatch(/José García \(archived\)/);
    expect((await run('people', 'list', '--archived', 'include', '--json')).json<{ total: number }>().total).toBe(3);
  });

  it('show: by id, by unique name or prefix, "me"; text lists details, affiliations and ties', async () => {
    await addPeople();
    const ana = (await run('people', 'show', 'ana acosta', '--json')).json<PersonDetail>();
    const byId = await run('people', 'show', String(ana.person.id));
    expect(byId.code).toBe(0);
    expect(byId.stdout).toMatch(new RegExp(`^Ana Acosta  \\(id ${ana.person.id}\\)\n`));
    expect(byId.stdout).toMatch(/My tie\s+4 Friend — Former teammate/);
    expect(byId.stdout).toMatch(/Affiliations\n\s+ORGANIZATION\s+TITLE\s+WHEN\s+ROLE\n\s+Acme Labs\s+Staff Engineer\s+now/);
    expect(byId.stdout).toMatch(/Ties \(1\)\n[\s\S]*4 Friend\s+Me \(you\)/);
    expect((await run('people', 'show', 'garc', '--json')).json<PersonDetail>().person.displayName).toBe('José García');
    const jose = await run('people', 'show', 'JOSE GARCIA');
    expect(jose.stdout).toMatch(/Emails\s+jose@example.com, jg@home.example/);
    expect(jose.stdout).toMatch(/Location\s+Madrid/);
    expect(jose.stdout).toMatch(/My tie\s+none/);
    const me = (await run('people', 'show', 'me', '--json')).json<PersonDetail>();
    expect(me.person.isMe).toBe(true);
    expect(me.ties).toHaveLength(1);
  });

  it('show: an ambiguous name lists the candidates and exits 1; an unknown one exits 1', async () => {
    await addPeople();
    const r = await run('people', 'show', 'ana');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('kith: "ana" matches 2 people; use an id or a fuller name:');
    expect(lines.slice(1).map((l) => l.trim().replace(/^\d+\s+/, ''))).toEqual(['Ana Acosta  (Acme Labs)', 'Ana Khan  (Acme Labs)']);
    const none = await run('people', 'show', 'Zed');
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^kith: No person matches "Zed"\. Try "kith people list --search \.\.\." to find them\.\n$/);
    const missing = await run('people', 'show', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kith: No person with id 999\./);
  });

  it('archive and restore by id or name, idempotent; archiving me is refused with exit 1', async () => {
    await addPeople();
    const archived = await run('people', 'archive', 'Ana Khan', '--json');
    expect(archived.code).toBe(0);
    const person = archived.json<Person>();
    expect(person.archived).toBe(true);
    expect((await run('people', 'archive', String(person.id))).stdout).toMatch(/was already archived; nothing changed/);
    expect((await run('people', 'restore', String(person.id))).stdout).toBe(`Ana Khan (id ${person.id}) is restored.\n`);
    const before = snapshot();
    const me = await run('people', 'archive', 'me');
    expect(me.code).toBe(1);
    expect(me.stderr).toBe('kith: You cannot archive yourself.\n');
    expect(snapshot()).toEqual(before);
  });

  it('bad arguments: exit 2, one line on stderr naming the option, nothing changed', async () => {
    await addPeople();
    const before = snapshot();
    const cases: [string[], RegExp][] = [
      [['people', 'add', ''], /^kith: NAME: Name cannot be empty\n$/],
      [['people', 'add', '   '], /^kith: NAME: Name cannot be empty\n$/],
      [['people', 'add', 'x'.repeat(2001)], /^kith: NAME: Name is too long/],
      [['people', 'add', 'Dana', '--strength', '6'], /^kith: --strength: Strength must be from 1 to 5\n$/],
      [['people', 'add', 'Dana', '--strength', '2.5'], /^kith: --strength: Strength must be a whole number from 1 to 5\n$/],
      [['people', 'add', 'Dana', '--strength', 'high'], /^kith: option '--strength <1-5>' argument 'high' is invalid\. It must be a number\./],
      [['people', 'add', 'Dana', '--context', 'school'], /^kith: --context needs --strength/],
      [['people', 'add', 'Dana', '--title', 'CTO'], /^kith: --title needs --org/],
      [['people', 'add', 'Dana', '--org', '  '], /^kith: --org: Organization name cannot be empty\n$/],
      [['people', 'add', 'Dana', '--email', ''], /^kith: --email\.0\.value: cannot be empty\n$/],
      [['people', 'add', 'Dana', '--tag', 'x'.repeat(201)], /^kith: --tag\.0: A tag is too long/],
      [['people', 'add'], /^kith: missing required argument 'name'/],
      [['people', 'add', 'Dana', 'Extra'], /^kith: too many arguments for 'add'/],
      [['people', 'list', '--sort', 'age'], /^kith: option '--sort <order>' argument 'age' is invalid\. Allowed choices are name, organization, strength, added\./],
      [['people', 'list', '--limit', '0'], /^kith: --limit: Too small/],
      [['people', 'list', '--limit', 'ten'], /It must be a number/],
      [['people', 'list', '--archived', 'all'], /Allowed choices are include, only/],
      [['people', 'list', '--search', 'x'.repeat(2001)], /^kith: --search: Too big/],
      [['people', 'show'], /missing required argument 'person'/],
      [['orgs', 'add', 'Zeta', '--kind', 'startup'], /Allowed choices are company, school/],
      [['orgs', 'add', 'Zeta', '--domain', 'x'.repeat(501)], /^kith: --domain: Too big/],
      [['orgs', 'list', '--sort', 'size'], /Allowed choices are name, people/],
      [['ties', 'add', 'me', 'Ana Khan'], /required option '--strength <1-5>' not specified/],
      [['ties', 'add', 'me', 'Ana Khan', '--strength', '0'], /^kith: --strength: Strength must be from 1 to 5\n$/],
      [['ties', 'add', 'me', 'Ana Khan', '--strength', '3', '--since', '2024-13'], /^kith: --since: must be a date like 2024, 2024-03 or 2024-03-15\n$/],
      [['ties', 'add', 'me', 'me', '--strength', '3'], /^kith: B: A person cannot have a tie with themselves\n$/],
      [['sample', '--people', '5'], /^kith: --people: Too small/],
      [['sample', '--seed', '-1'], /^kith: --seed: Too small/],
      [['stats', 'now'], /too many arguments/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(snapshot()).toEqual(before);
  });

  it('a usage error does not even create the data folder', async () => {
    expect((await run('people', 'add', '', '--json')).code).toBe(2);
    expect((await run('sample', '--people', '1')).code).toBe(2);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('orgs', () => {
  it('add, list (sorted, searched), show by name or id; duplicate names refused with exit 1', async () => {
    const added = await run('orgs', 'add', 'Riverbend University', '--kind', 'school', '--domain', 'riverbend.example', '--json');
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ name: 'Riverbend University', kind: 'school', domain: 'riverbend.example' });
    expect((await run('orgs', 'add', 'Acme Labs')).stdout).toMatch(/^Added Acme Labs \(id \d+\)\.\n$/);
    await run('people', 'add', 'Ana Acosta', '--org', 'Acme Labs', '--strength', '2');
    await run('people', 'add', 'Ben Bauer', '--org', 'Acme Labs');

    const before = snapshot();
    const dup = await run('orgs', 'add', 'ACME  labs');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/^kith: An organization named "Acme Labs" already exists\./);
    expect(snapshot()).toEqual(before);

    const text = await run('orgs', 'list', '--sort', 'people');
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+KIND\s+CURRENT\s+FORMER\s+KNOWN$/);
    expect(lines[1]).toMatch(/Acme Labs\s+company\s+2\s+0\s+1$/);
    expect(lines[2]).toMatch(/Riverbend University\s+school\s+0\s+0\s+0$/);
    expect(lines[3]).toBe('2 organizations.');
    expect((await run('orgs', 'list', '--search', 'river', '--json')).json<{ items: OrganizationRow[] }>().items.map((o) => o.name)).toEqual([
      'Riverbend University',
    ]);

    const show = await run('orgs', 'show', 'acme');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Acme Labs {2}\(id \d+\)\nKind\s+company\n/);
    expect(show.stdout).toMatch(/People \(2\)\n[\s\S]*Ana Acosta\s+current\s+2 Acquaintance/);
    const json = (await run('orgs', 'show', 'Riverbend University', '--json')).json<OrganizationDetail>();
    expect(json.members).toEqual([]);
    expect((await run('orgs', 'show', String(json.organization.id))).stdout).toMatch(/Nobody in Kith works here yet/);
    expect((await run('orgs', 'show', '12345')).code).toBe(1);
    expect((await run('orgs', 'show', 'Nowhere')).stderr).toMatch(/No organization matches "Nowhere"/);
  });
});

describe('ties', () => {
  it('add between names, ids and me; either order is the same tie, so the second is refused', async () => {
    await addPeople();
    const r = await run('ties', 'add', 'Ana Khan', 'José García', '--strength', '2', '--context', 'Conference', '--since', '2021-06', '--json');
    expect(r.code).toBe(0);
    const tie = r.json<Tie>();
    expect(tie).toMatchObject({ strength: 2, context: 'Conference', since: '2021-06', source: 'manual' });
    const text = await run('ties', 'add', 'me', 'jose', '--strength', '5');
    expect(text.stdout).toMatch(/^Me and José García now have a tie: 5 Close \(tie id \d+\)\.\n$/);
    const before = snapshot();
    const again = await run('ties', 'add', 'José García', 'Ana Khan', '--strength', '4');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already have a tie \(strength 2\)/);
    const ambiguous = await run('ties', 'add', 'ana', 'me', '--strength', '4');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/matches 2 people/);
    expect((await run('ties', 'add', 'me', '777', '--strength', '4')).code).toBe(1);
    expect(snapshot()).toEqual(before);
    const khan = (await run('people', 'show', 'khan', '--json')).json<PersonDetail>();
    expect(khan.ties.map((t) => t.otherName)).toEqual(['José García']);
  });
});

describe('sample and stats', () => {
  it('loads the sample into an empty Kith, refuses a second time, and stats count it', async () => {
    const r = await run('sample', '--people', '40', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Loaded the sample network: 40 people, 7 organizations, \d+ ties, 16 journal entries\.\n$/);
    const before = snapshot();
    const again = await run('sample', '--json');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^kith: The sample network can only be loaded into an empty Kith, and this one already has 40 people\./);
    expect(snapshot()).toEqual(before);

    const stats = (await run('stats', '--json')).json<Stats>();
    expect(stats).toMatchObject({ people: 40, organizations: 7, interactions: 16 });
    const text = await run('stats');
    expect(text.stdout).toMatch(new RegExp(`^Data folder\\s+${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\nPeople\\s+40\\n`));
    expect(text.stdout).toMatch(/Ties by strength\s+5: \d+ {2}4: \d+/);
    expect((await run('people', 'list', '--json')).json<{ total: number }>().total).toBe(40);
  });

  it('--json --people: exactly one JSON document, equal to the service result', async () => {
    const r = await run('sample', '--people', '12', '--json');
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.json<SampleResult>()).toMatchObject({ people: 12, organizations: 5 });
  });
});

describe('where the data lives', () => {
  it('KITH_DATA_DIR is honored when there is no --data-dir; --data-dir wins over it', async () => {
    const envDir = path.join(makeTempDir(), 'from-env');
    expect((await kith(['people', 'add', 'Env Person'], { KITH_DATA_DIR: envDir })).code).toBe(0);
    expect(fs.existsSync(path.join(envDir, 'kith.db'))).toBe(true);
    const listed = await kith(['people', 'list', '--json'], { KITH_DATA_DIR: envDir });
    expect(listed.json<{ items: PersonRow[] }>().items.map((p) => p.displayName)).toEqual(['Env Person']);
    const other = await kith(['people', 'list', '--json', '--data-dir', dir], { KITH_DATA_DIR: envDir });
    expect(other.json<{ total: number }>().total).toBe(0);
    expect((await kith(['stats', '--data-dir', ''])).code).toBe(2);
  });

  it('a data file from a newer Kith or not Kith at all: exit 1, a clear message, file untouched', async () => {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'kith.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const bytes = fs.readFileSync(file);
    const r = await run('stats');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kith: This data file was saved by a newer version of Kith/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);

    fs.writeFileSync(file, 'not a database at all\n');
    const notKith = await run('people', 'list');
    expect(notKith.code).toBe(1);
    expect(notKith.stderr).toMatch(/is not a Kith database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database at all\n');
  });
});
