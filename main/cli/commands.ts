// The `kith` commands. Each one validates its arguments with the IPC
// contract's schemas before opening anything, then calls the same services
// the app's handlers call, against the same data file.
import { addForgetCommand } from './commands-forget';
import { type Command, Option } from 'commander';
import { contract } from '../../shared/contract';
import {
  AffiliationCreate,
  ORGANIZATION_KINDS,
  PEOPLE_SORTS,
  TIE_STRENGTH_LABELS,
  TieCreate,
  type OrganizationDetail,
  type PersonDetail,
  type PersonRow,
  type OrganizationRow,
  type TieView,
} from '../../shared/domain';
import { loadSampleNetwork } from '../sample/load';
import { createAffiliation } from '../services/affiliations';
import { createOrganization, getOrganizationDetail, listOrganizations } from '../services/organizations';
import { archivePerson, createPerson, getMeId, getPerson, getPersonDetail, listPeople, restorePerson } from '../services/people';
import { getStats } from '../services/stats';
import { createTie } from '../services/ties';
import { type CliContext, type CommonOptions, validate } from './context';
import { addDataCommands } from './commands-data';
import { addMergeCommands } from './commands-merge';
import { addPassphraseCommands } from './commands-passphrase';
import { addRoutesCommands, addTargetCommands } from './commands-routes';
import { addLikelyTieCommands } from './commands-likely';
import { addSyncCommands } from './commands-sync';
import { addJournalCliCommands } from './commands-journal';
import { CliError, EXIT } from './errors';
import { fields, plural, table } from './format';
import { resolveOrganizationId, resolvePersonId } from './resolve';
import { collect, common, examples, helpHint, number } from './options';

const strengthLabel = (s: number | null | undefined) => (s ? `${s} ${TIE_STRENGTH_LABELS[s] ?? ''}`.trim() : '');

function dateRange(start: string | null, end: string | null, current: boolean): string {
  if (!start && !end) return current ? 'now' : '';
  return `${start ?? '?'} – ${end ?? (current ? 'now' : '?')}`;
}

function roles(r: { isHiringManager: boolean; isRecruiter: boolean; isReferrer: boolean }): string {
  return [r.isHiringManager && 'hiring manager', r.isRecruiter && 'recruiter', r.isReferrer && 'referrer'].filter(Boolean).join(', ');
}

// ---- people ---------------------------------------------------------------

function peopleTable(rows: readonly PersonRow[]): string {
  return table(rows, [
    { header: 'ID', value: (r) => String(r.id), align: 'right' },
    { header: 'NAME', value: (r) => r.displayName + (r.archived ? ' (archived)' : '') },
    { header: 'ORGANIZATION', value: (r) => r.organizationName ?? '', max: 32 },
    { header: 'TITLE', value: (r) => r.title ?? '', max: 32 },
    { header: 'TIE', value: (r) => strengthLabel(r.myTieStrength) },
  ]);
}

function tieWith(t: TieView): string {
  return `${t.otherName}${t.otherIsMe ? ' (you)' : ''}${t.otherArchived ? ' (archived)' : ''}`;
}

function personText(detail: PersonDetail): string {
  const { person, affiliations, ties, myTie } = detail;
  const head = `${person.displayName}  (id ${person.id}${person.isMe ? ', you' : ''}${person.archived ? ', archived' : ''})\n`;
  let out =
    head +
    fields([
      ['Headline', person.headline],
      ['Location', person.location],
      ['Emails', person.emails.map((e) => e.value).join(', ')],
      ['Phones', person.phones.map((e) => e.value).join(', ')],
      ['LinkedIn', person.linkedinUrl],
      ['Tags', person.tags.join(', ')],
      ['How we met', person.howWeMet],
      ['My tie', myTie ? [strengthLabel(myTie.strength), myTie.context].filter(Boolean).join(' — ') : person.isMe ? '' : 'none'],
    ]);
  if (affiliations.length) {
    out += `\nAffiliations\n${indent(
      table(affiliations, [
        { header: 'ORGANIZATION', value: (a) => a.organizationName },
        { header: 'TITLE', value: (a) => a.title },
        { header: 'WHEN', value: (a) => dateRange(a.startDate, a.endDate, a.current) },
        { header: 'ROLE', value: (a) => roles(a) },
      ]),
    )}`;
  }
  if (ties.length) {
    out += `\nTies (${ties.length})\n${indent(
      table(ties, [
        { header: 'STRENGTH', value: (t) => strengthLabel(t.strength) },
        { header: 'WITH', value: tieWith },
        { header: 'ID', value: (t) => String(t.otherId), align: 'right' },
        { header: 'ORGANIZATION', value: (t) => t.otherOrganizationName ?? '', max: 32 },
        { header: 'CONTEXT', value: (t) => t.context },
        { header: 'SINCE', value: (t) => t.since ?? '' },
      ]),
    )}`;
  }
  return out;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}

interface PeopleListOptions extends CommonOptions {
  search?: string;
  sort?: string;
  archived?: string;
  limit?: number;
  tag?: string;
  degree?: string;
}

interface PeopleAddOptions extends CommonOptions {
  headline?: string;
  location?: string;
  email?: string[];
  org?: string;
  title?: string;
  tag?: string[];
  strength?: number;
  context?: string;
}

function addPeopleCommands(program: Command, ctx: CliContext): void {
  const people = helpHint(program.command('people').description('list, add, show, archive and restore people'));

  examples(
    common(
      people
        .command('list')
        .description('list the people in Kith (yourself excluded; archived people hidden unless asked for)')
        .option('-s, --search <text>', 'only people whose name, headline, notes or current organization start with these words')
        .addOption(new Option('--sort <order>', 'sort order').choices(PEOPLE_SORTS).default('name'))
        .addOption(new Option('--archived <which>', 'include archived people, or show only them').choices(['include', 'only']))
        .option('--tag <tag>', 'only people with this tag')
        .addOption(
          new Option('--degree <which>', "people I know (first, the default; a search looks at everyone), people known only through a contact's connections (second), or all").choices([
            'first',
            'second',
            'all',
          ]),
        )
        .option('-n, --limit <n>', 'show at most this many rows', number),
    ),
    ['kith people list', 'kith people list --search acme --sort strength --limit 20', 'kith people list --archived only --json', 'kith people list --degree second'],
  ).action((options: PeopleListOptions) => {
    const query = validate(
      contract['people:list'].input,
      { search: options.search, sort: options.sort, archived: options.archived, tag: options.tag, limit: options.limit, degree: options.degree },
      { search: '--search', sort: '--sort', archived: '--archived', tag: '--tag', limit: '--limit', degree: '--degree' },
    );
    const { db } = ctx.open(options);
    const result = listPeople(db, query ?? {});
    ctx.print(options, result, () => {
      if (result.total === 0) return 'No people match.\n';
      const shown = result.items.length < result.total ? `Showing ${result.items.length} of ${plural(result.total, 'person', 'people')}.` : `${plural(result.total, 'person', 'people')}.`;
      return `${peopleTable(result.items)}${shown}\n`;
    });
  });

  examples(
    common(
      people
        .command('add')
        .description('add a person; optionally where they work and how well you know them')
        .argument('<name>', 'their name as you want to see it')
        .option('--headline <text>', 'one line about them ("Staff Engineer, payments")')
        .option('--location <place>', 'where they live or work')
        .option('--email <address>', 'an e-mail address (repeat for more)', collect)
        .option('--org <organization>', 'where they work now (created if Kith does not know it yet)')
        .option('--title <title>', 'their title at --org')
        .option('--tag <tag>', 'a tag (repeat for more)', collect)
        .option('--strength <1-5>', 'how well you know them: 1 met once … 5 close; creates your tie with them', number)
        .option('--context <text>', 'how you know them (with --strength): "worked together at Acme"'),
    ),
    [
      'kith people add "Ana Acosta"',
      'kith people add "Ana Acosta" --org "Acme Labs" --title "Staff Engineer" --strength 3 --context "Former teammate"',
      'kith people add "Tom Park" --email tom@example.com --email tom@home.example --tag mentor --json',
    ],
  ).action((name: string, options: PeopleAddOptions) => {
    const person = validate(
      contract['people:create'].input,
      {
        displayName: name,
        headline: options.headline,
        location: options.location,
        emails: options.email?.map((value) => ({ value })),
        tags: options.tag,
      },
      { displayName: 'NAME', headline: '--headline', location: '--location', emails: '--email', tags: '--tag' },
    );
    if (options.title !== undefined && options.org === undefined) throw new CliError(EXIT.usage, '--title needs --org (the organization the title is at).');
    if (options.context !== undefined && options.strength === undefined) {
      throw new CliError(EXIT.usage, '--context needs --strength (how well you know them, 1 to 5).');
    }
    // Validated with placeholder ids now, so a bad --org or --strength refuses before anything is written.
    const affiliation =
      options.org === undefined
        ? null
        : validate(AffiliationCreate, { personId: 1, organizationName: options.org, title: options.title }, {
            organizationName: '--org',
            title: '--title',
          });
    const tie =
      options.strength === undefined
        ? null
        : validate(TieCreate, { personA: 1, personB: 2, strength: options.strength, context: options.context }, {
            strength: '--strength',
            context: '--context',
          });
    const { db } = ctx.open(options);
    const detail = db.transaction(() => {
      const created = createPerson(db, person);
      if (affiliation) createAffiliation(db, { ...affiliation, personId: created.id });
      if (tie) createTie(db, { ...tie, personA: getMeId(db), personB: created.id });
      return getPersonDetail(db, created.id);
    })();
    ctx.print(options, detail, () => `Added ${detail.person.displayName} (id ${detail.person.id}).\n`);
  });

  examples(
    common(
      people
        .command('show')
        .description('show one person: details, affiliations and ties')
        .argument('<person>', 'an id, "me", or a name that matches one person'),
    ),
    ['kith people show 12', 'kith people show "ana acosta"', 'kith people show me --json'],
  ).action((ref: string, options: CommonOptions) => {
    const { db } = ctx.open(options);
    const detail = getPersonDetail(db, resolvePersonId(db, ref));
    ctx.print(options, detail, () => personText(detail));
  });

  for (const [verb, description, run] of [
    ['archive', 'archive a person: hidden from lists and routes, kept with their history', archivePerson],
    ['restore', 'bring an archived person back', restorePerson],
  ] as const) {
    examples(
      common(people.command(verb).description(description).argument('<person>', 'an id, or a name that matches one person')),
      [`kith people ${verb} 12`, `kith people ${verb} "Ana Acosta" --json`],
    ).action((ref: string, options: CommonOptions) => {
      const { db } = ctx.open(options);
      const id = resolvePersonId(db, ref);
      const before = getPerson(db, id);
      const after = run(db, id);
      ctx.print(options, after, () => {
        const changed = before.archived !== after.archived;
        const state = verb === 'archive' ? 'archived' : 'restored';
        return changed
          ? `${after.displayName} (id ${id}) is ${state}.\n`
          : `${after.displayName} (id ${id}) was already ${verb === 'archive' ? 'archived' : 'active'}; nothing changed.\n`;
      });
    });
  }
}

// ---- organizations --------------------------------------------------------

function organizationText(detail: OrganizationDetail): string {
  const { organization: o, members } = detail;
  let out = `${o.name}  (id ${o.id}${o.archived ? ', archived' : ''})\n${fields([
    ['Kind', o.kind],
    ['Domain', o.domain],
    ['Tags', o.tags.join(', ')],
  ])}`;
  out += members.length
    ? `\nPeople (${members.length})\n${indent(
        table(members, [
          { header: 'ID', value: (m) => String(m.personId), align: 'right' },
          { header: 'NAME', value: (m) => m.displayName + (m.archived ? ' (archived)' : '') },
          { header: 'TITLE', value: (m) => m.title, max: 32 },
          { header: 'NOW', value: (m) => (m.current ? 'current' : 'former') },
          { header: 'ROLE', value: (m) => roles(m) },
          { header: 'MY TIE', value: (m) => strengthLabel(m.myTieStrength) },
        ]),
      )}`
    : '\nNobody in Kith works here yet.\n';
  return out;
}

interface OrgsListOptions extends CommonOptions {
  search?: string;
  sort?: string;
  archived?: string;
}

function addOrganizationCommands(program: Command, ctx: CliContext): void {
  const orgs = helpHint(program.command('orgs').description('list, add and show organizations'));

  examples(
    common(
      orgs
        .command('list')
        .description('list organizations with how many people you know there')
        .option('-s, --search <text>', 'only organizations whose name, domain or notes start with these words')
        .addOption(new Option('--sort <order>', 'by name, or by most current people').choices(['name', 'people']).default('name'))
        .addOption(new Option('--archived <which>', 'include archived organizations, or show only them').choices(['include', 'only'])),
    ),
    ['kith orgs list', 'kith orgs list --sort people', 'kith orgs list --search acme --json'],
  ).action((options: OrgsListOptions) => {
    const query = validate(
      contract['orgs:list'].input,
      { search: options.search, sort: options.sort, archived: options.archived },
      { search: '--search', sort: '--sort', archived: '--archived' },
    );
    const { db } = ctx.open(options);
    const result = listOrganizations(db, query ?? {});
    ctx.print(options, result, () =>
      result.items.length === 0
        ? 'No organizations match.\n'
        : `${table<OrganizationRow>(result.items, [
            { header: 'ID', value: (r) => String(r.id), align: 'right' },
            { header: 'NAME', value: (r) => r.name + (r.archived ? ' (archived)' : '') },
            { header: 'KIND', value: (r) => r.kind },
            { header: 'CURRENT', value: (r) => String(r.currentPeople), align: 'right' },
            { header: 'FORMER', value: (r) => String(r.formerPeople), align: 'right' },
            { header: 'KNOWN', value: (r) => String(r.knownDirectly), align: 'right' },
          ])}${plural(result.items.length, 'organization')}.\n`,
    );
  });

  examples(
    common(
      orgs
        .command('add')
        .description('add an organization (names are unique, whatever their case or accents)')
        .argument('<name>', 'its name')
        .addOption(new Option('--kind <kind>', 'what it is').choices(ORGANIZATION_KINDS))
        .option('--domain <domain>', 'its web domain, e.g. acme.example'),
    ),
    ['kith orgs add "Acme Labs"', 'kith orgs add "Riverbend University" --kind school --domain riverbend.example --json'],
  ).action((name: string, options: CommonOptions & { kind?: string; domain?: string }) => {
    const input = validate(
      contract['orgs:create'].input,
      { name, kind: options.kind, domain: options.domain },
      { name: 'NAME', kind: '--kind', domain: '--domain' },
    );
    const { db } = ctx.open(options);
    const org = createOrganization(db, input);
    ctx.print(options, org, () => `Added ${org.name} (id ${org.id}).\n`);
  });

  examples(
    common(
      orgs
        .command('show')
        .description('show one organization and the people there')
        .argument('<organization>', 'an id, or a name that matches one organization'),
    ),
    ['kith orgs show 3', 'kith orgs show acme --json'],
  ).action((ref: string, options: CommonOptions) => {
    const { db } = ctx.open(options);
    const detail = getOrganizationDetail(db, resolveOrganizationId(db, ref));
    ctx.print(options, detail, () => organizationText(detail));
  });
}

// ---- ties, sample, stats --------------------------------------------------

function addTieCommands(program: Command, ctx: CliContext): void {
  const ties = helpHint(program.command('ties').description('record who knows whom'));
  examples(
    common(
      ties
        .command('add')
        .description('record that two people know each other (ties are undirected: A–B is B–A)')
        .argument('<a>', 'an id, "me", or a name that matches one person')
        .argument('<b>', 'an id, "me", or a name that matches one person')
        .requiredOption('--strength <1-5>', '5 close, 4 friend, 3 worked together, 2 acquaintance, 1 met once', number)
        .option('--context <text>', 'how they know each other')
        .option('--since <date>', 'since when: 2019, 2019-04 or 2019-04-15'),
    ),
    ['kith ties add me "Ana Acosta" --strength 4 --context "Former teammate"', 'kith ties add 12 31 --strength 2 --since 2021-06 --json'],
  ).action((a: string, b: string, options: CommonOptions & { strength: number; context?: string; since?: string }) => {
    const names = { strength: '--strength', context: '--context', since: '--since', personA: 'A', personB: 'B' };
    const fieldsOnly = { strength: options.strength, context: options.context, since: options.since };
    validate(TieCreate, { personA: 1, personB: 2, ...fieldsOnly }, names);
    const { db } = ctx.open(options);
    const input = validate(contract['ties:create'].input, { personA: resolvePersonId(db, a), personB: resolvePersonId(db, b), ...fieldsOnly }, names);
    const tie = createTie(db, input);
    ctx.print(options, tie, () => {
      const first = getPerson(db, input.personA);
      const second = getPerson(db, input.personB);
      return `${first.displayName} and ${second.displayName} now have a tie: ${strengthLabel(tie.strength)} (tie id ${tie.id}).\n`;
    });
  });
}

function addSampleCommand(program: Command, ctx: CliContext): void {
  examples(
    common(
      program
        .command('sample')
        .description('load the invented sample network into an empty Kith (to try Kith out, or for tests)')
        .option('--people <n>', 'how many people (10 to 100,000; default 150)', number)
        .option('--seed <n>', 'the same seed always gives the same network (default 42)', number),
    ),
    ['kith sample --data-dir /tmp/kith-demo', 'kith sample --people 2000 --seed 7 --data-dir /tmp/kith-big --json'],
  ).action((options: CommonOptions & { people?: number; seed?: number }) => {
    const input = validate(contract['sample:load'].input, { people: options.people, seed: options.seed }, { people: '--people', seed: '--seed' });
    const { db } = ctx.open(options);
    const result = loadSampleNetwork(db, input ?? {});
    ctx.print(options, result, () =>
      `Loaded the sample network: ${plural(result.people, 'person', 'people')}, ${plural(result.organizations, 'organization')}, ` +
      `${plural(result.ties, 'tie')}, ${plural(result.interactions, 'journal entry', 'journal entries')}.\n`,
    );
  });
}

function addStatsCommand(program: Command, ctx: CliContext): void {
  examples(common(program.command('stats').description('count what is in Kith')), ['kith stats', 'kith stats --json']).action(
    (options: CommonOptions) => {
      const store = ctx.open(options);
      const stats = getStats(store.db);
      ctx.print(options, stats, () =>
        fields([
          ['Data folder', store.dataDir],
          ['People', `${stats.people.toLocaleString('en-US')}${stats.archivedPeople ? ` (+${stats.archivedPeople} archived)` : ''}`],
          ...(stats.secondDegreePeople > 0
            ? [['Second-degree', `${stats.secondDegreePeople.toLocaleString('en-US')} (known through a contact's connections)`] as [string, string]]
            : []),
          ['Organizations', stats.organizations.toLocaleString('en-US')],
          ['Affiliations', stats.affiliations.toLocaleString('en-US')],
          ['Ties', stats.ties.toLocaleString('en-US')],
          ['My ties', stats.myTies.toLocaleString('en-US')],
          ['Journal entries', stats.interactions.toLocaleString('en-US')],
          [
            'Ties by strength',
            [5, 4, 3, 2, 1].map((s) => `${s}: ${(stats.tiesByStrength[String(s)] ?? 0).toLocaleString('en-US')}`).join('  '),
          ],
        ]),
      );
    },
  );
}

export function addCommands(program: Command, ctx: CliContext): void {
  addPeopleCommands(program, ctx);
  addForgetCommand(program, ctx);
  addOrganizationCommands(program, ctx);
  addTieCommands(program, ctx);
  addLikelyTieCommands(program, ctx);
  addSampleCommand(program, ctx);
  addStatsCommand(program, ctx);
  addRoutesCommands(program, ctx);
  addTargetCommands(program, ctx);
  addJournalCliCommands(program, ctx);
  addDataCommands(program, ctx);
  addMergeCommands(program, ctx);
  addPassphraseCommands(program, ctx);
  addSyncCommands(program, ctx);
}
