// `kith journal add|list|search`, `kith due`, `kith favors list` (issue 3):
// the journal, who is due, and the reciprocity ledger from the command line,
// through the same services and schemas as the app's handlers.
import { type Command, Option } from 'commander';
import { contract } from '../../shared/contract';
import { INTERACTION_KIND_LABELS, INTERACTION_KINDS, type Favor, type JournalRow, type SearchHit } from '../../shared/journal';
import { mentionedPeople } from '../../shared/mentions';
import { favorBalances, listFavors } from '../services/favors';
import { dueCadences, todayIn } from '../services/home';
import { createEntry, listEntries } from '../services/journal';
import { listReminders } from '../services/reminders';
import { searchAll } from '../services/search';
import { stmt } from '../services/util';
import { type CliContext, type CommonOptions, validate } from './context';
import { CliError, EXIT } from './errors';
import { plural, table } from './format';
import { resolveOrganizationId, resolvePersonId } from './resolve';
import { collect, common, examples, helpHint, integer } from './options';

/** The zone "today" is in: --tz, else this machine's. */
function zoneOf(options: { tz?: string }): string {
  return options.tz ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

const kindLabel = (k: keyof typeof INTERACTION_KIND_LABELS) => INTERACTION_KIND_LABELS[k];

function entriesTable(rows: readonly JournalRow[]): string {
  return table(rows, [
    { header: 'ID', value: (r) => String(r.id), align: 'right' },
    { header: 'WHEN', value: (r) => r.occurredAt.replace('T', ' ') },
    { header: 'KIND', value: (r) => kindLabel(r.kind) },
    { header: 'TITLE', value: (r) => r.title || r.excerpt, max: 40 },
    { header: 'WITH', value: (r) => r.participants.map((p) => p.displayName).join(', '), max: 40 },
  ]);
}

interface AddOptions extends CommonOptions {
  with?: string[];
  new?: string[];
  kind: string;
  date?: string;
  title?: string;
  body?: string;
  org?: string;
  tz?: string;
}

interface ListOptions extends CommonOptions {
  person?: string;
  kind?: string[];
  org?: string;
  from?: string;
  to?: string;
  limit?: number;
}

interface DueOptions extends CommonOptions {
  days?: number;
  today?: string;
  tz?: string;
}

function addJournalCommands(program: Command, ctx: CliContext): void {
  const journal = helpHint(program.command('journal').description('write, list and search journal entries'));

  examples(
    common(
      journal
        .command('add')
        .description('log an entry: who it was with (--with, or @Name in the body), when, what kind, and notes in Markdown')
        .option('-w, --with <person>', 'someone it was with: an id or a name (repeat for more)', collect)
        .option('--new <name>', 'someone new it was with: creates the person (repeat for more)', collect)
        .addOption(new Option('-k, --kind <kind>', 'what it was').choices(INTERACTION_KINDS).default('coffee'))
        .option('-d, --date <when>', 'when: 2024-03-15 or 2024-03-15T10:30 (default: today)')
        .option('-t, --title <text>', 'a short title')
        .option('-b, --body <markdown>', 'notes in Markdown; @Name mentions link the people named (a mention is not contact)')
        .option('--org <organization>', 'the organization it was about: an id or a name')
        .option('--tz <zone>', 'the time zone "today" is in (default: this machine\'s)'),
    ),
    [
      'kith journal add --with "Ana Acosta" --kind coffee --title "Platform team" --body "Talked with @Ben Okafor about the migration"',
      'kith journal add --with 12 --with 14 --kind call --date 2024-03-15T10:30 --json',
    ],
  ).action((options: AddOptions) => {
    const { db } = ctx.open(options);
    const withIds = (options.with ?? []).map((ref) => resolvePersonId(db, ref));
    const names = stmt<{ id: number; name: string }>(db, 'SELECT id, display_name AS name FROM people WHERE is_me = 0').all() as { id: number; name: string }[];
    const mentioned = options.body ? mentionedPeople(options.body, names) : [];
    const input = validate(
      contract['journal:create'].input,
      {
        occurredAt: options.date ?? todayIn(zoneOf(options)),
        kind: options.kind,
        title: options.title,
        body: options.body,
        organizationId: options.org ? resolveOrganizationId(db, options.org) : undefined,
        participantIds: [...new Set(withIds)],
        // Issue 17: a mention is a reference, stored apart; it does not count as contact.
        mentionIds: mentioned,
        newParticipants: (options.new ?? []).map((displayName) => ({ displayName })),
      },
      { occurredAt: '--date', kind: '--kind', title: '--title', body: '--body', participantIds: '--with', newParticipants: '--new' },
    );
    const entry = createEntry(db, input);
    ctx.print(options, entry, () => `Logged entry ${entry.id} (${kindLabel(entry.kind)}, ${entry.occurredAt}) with ${entry.participants.map((p) => p.displayName).join(', ')}.\n`);
  });

  examples(
    common(
      journal
        .command('list')
        .description('list entries, newest first')
        .option('-p, --person <person>', 'only entries with this person (id or name)')
        .addOption(new Option('-k, --kind <kind>', 'only this kind (repeat for more)').choices(INTERACTION_KINDS).argParser(collect))
        .option('--org <organization>', 'only entries about this organization')
        .option('--from <date>', 'on or after this date (2024-01-31)')
        .option('--to <date>', 'on or before this date')
        .option('-n, --limit <n>', 'at most this many (default 50, at most 500)', integer),
    ),
    ['kith journal list', 'kith journal list --person "Ana Acosta" --kind coffee --kind call', 'kith journal list --from 2024-01-01 --to 2024-03-31 --json'],
  ).action((options: ListOptions) => {
    const raw = { kinds: options.kind, from: options.from, to: options.to, limit: options.limit };
    validate(contract['journal:list'].input, raw, { kinds: '--kind', from: '--from', to: '--to', limit: '--limit' });
    const { db } = ctx.open(options);
    const query = validate(
      contract['journal:list'].input,
      {
        ...raw,
        personId: options.person ? resolvePersonId(db, options.person) : undefined,
        organizationId: options.org ? resolveOrganizationId(db, options.org) : undefined,
      },
      {},
    );
    const page = listEntries(db, query ?? {});
    ctx.print(options, page, () => {
      if (page.total === 0) return 'No entries match.\n';
      const shown = page.items.length < page.total ? `Showing ${page.items.length} of ${plural(page.total, 'entry', 'entries')}.` : `${plural(page.total, 'entry', 'entries')}.`;
      return `${entriesTable(page.items)}${shown}\n`;
    });
  });

  examples(
    common(
      journal
        .command('search')
        .description('full-text search of journal entries (titles and bodies), best first')
        .argument('<query...>', 'words to find; the last may be a prefix')
        .option('-n, --limit <n>', 'at most this many (default 20)', integer),
    ),
    ['kith journal search kubernetes', 'kith journal search "platform team" --json'],
  ).action((words: string[], options: CommonOptions & { limit?: number }) => {
    const query = validate(contract['search:all'].input, { query: words.join(' '), kinds: ['entry'], limit: options.limit ?? 20 }, { query: '<query>', limit: '--limit' });
    if (!query.query.trim()) throw new CliError(EXIT.usage, 'Give some words to search for.');
    const { db } = ctx.open(options);
    const hits = searchAll(db, query).entries;
    ctx.print(options, hits, () => {
      if (hits.length === 0) return `No entries match "${query.query}".\n`;
      // Matches in [brackets]: the terminal's version of the app's highlighting.
      const snippet = (h: SearchHit) => h.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
      return `${table(hits, [
        { header: 'ID', value: (h) => String(h.id), align: 'right' },
        { header: 'ENTRY', value: (h) => h.title, max: 36 },
        { header: 'WHEN / WITH', value: (h) => h.detail, max: 40 },
        { header: 'MATCH', value: snippet, max: 60 },
      ])}${plural(hits.length, 'entry', 'entries')}.\n`;
    });
  });
}

function addDueCommand(program: Command, ctx: CliContext): void {
  examples(
    common(
      helpHint(program.command('due'))
        .description('who is due or overdue for a keep-in-touch, and open follow-ups due by today')
        .option('--days <n>', 'also show cadences due within this many days (default 7)', integer)
        .option('--today <date>', 'pretend today is this date (2024-03-15)')
        .option('--tz <zone>', 'the time zone "today" is in (default: this machine\'s)'),
    ),
    ['kith due', 'kith due --days 30 --json'],
  ).action((options: DueOptions) => {
    const query = validate(
      contract['home:get'].input,
      { timeZone: zoneOf(options), today: options.today, lookaheadDays: options.days },
      { timeZone: '--tz', today: '--today', lookaheadDays: '--days' },
    );
    const { db } = ctx.open(options);
    const today = todayIn(query.timeZone, query.today);
    const cadences = dueCadences(db, today, query.timeZone, query.lookaheadDays ?? 7);
    const followUps = listReminders(db, { dueBy: today });
    ctx.print(options, { today, cadences, followUps }, () => {
      if (cadences.length === 0 && followUps.length === 0) return `Nobody is due and no follow-up is waiting (today is ${today}).\n`;
      let out = '';
      if (cadences.length) {
        out += `Keep in touch (${cadences.length})\n${table(cadences, [
          { header: 'ID', value: (c) => String(c.personId), align: 'right' },
          { header: 'NAME', value: (c) => c.displayName },
          { header: 'STATE', value: (c) => (c.state === 'overdue' ? `${plural(c.daysOverdue, 'day')} overdue` : c.state === 'due' ? 'due today' : `due ${c.dueOn}`) },
          { header: 'CADENCE', value: (c) => c.cadenceLabel },
          { header: 'LAST CONTACT', value: (c) => c.lastContactOn ?? 'never' },
        ])}`;
      }
      if (followUps.length) {
        out += `${out ? '\n' : ''}Follow-ups (${followUps.length})\n${table(followUps, [
          { header: 'ID', value: (r) => String(r.id), align: 'right' },
          { header: 'DUE', value: (r) => r.snoozedUntil ?? r.dueOn },
          { header: 'FOLLOW-UP', value: (r) => r.title, max: 50 },
          { header: 'WITH', value: (r) => r.personName ?? '' },
        ])}`;
      }
      return out;
    });
  });
}

function addFavorsCommands(program: Command, ctx: CliContext): void {
  const favors = helpHint(program.command('favors').description('the reciprocity ledger: favors given and received'));
  examples(
    common(
      favors
        .command('list')
        .description('favors, newest first, and the balance with each person')
        .option('-p, --person <person>', 'only favors with this person (id or name)')
        .addOption(new Option('--direction <which>', 'only favors given or received').choices(['given', 'received'])),
    ),
    ['kith favors list', 'kith favors list --person "Ana Acosta" --json', 'kith favors list --direction received'],
  ).action((options: CommonOptions & { person?: string; direction?: string }) => {
    validate(contract['favors:list'].input, { direction: options.direction }, { direction: '--direction' });
    const { db } = ctx.open(options);
    const query = validate(
      contract['favors:list'].input,
      { direction: options.direction, personId: options.person ? resolvePersonId(db, options.person) : undefined },
      {},
    );
    const items = listFavors(db, query ?? {});
    const balances = favorBalances(db, query?.personId);
    ctx.print(options, { items, balances }, () => {
      if (items.length === 0) return 'No favors recorded.\n';
      const favorsText = table(items, [
        { header: 'ID', value: (f: Favor) => String(f.id), align: 'right' },
        { header: 'DATE', value: (f) => f.occurredOn },
        { header: 'WHO', value: (f) => f.personName },
        { header: 'DIRECTION', value: (f) => (f.direction === 'given' ? 'I helped' : 'helped me') },
        { header: 'KIND', value: (f) => f.kind },
        { header: 'NOTE', value: (f) => f.note, max: 40 },
        { header: 'THANKED', value: (f) => (f.direction === 'received' ? (f.acknowledgedAt ? 'yes' : 'not yet') : '') },
      ]);
      const balanceText = table(balances, [
        { header: 'NAME', value: (b) => b.displayName },
        { header: 'GIVEN', value: (b) => String(b.given), align: 'right' },
        { header: 'RECEIVED', value: (b) => String(b.received), align: 'right' },
        { header: 'NET', value: (b) => (b.net > 0 ? `+${b.net}` : String(b.net)), align: 'right' },
      ]);
      return `${favorsText}${plural(items.length, 'favor')}.\n\nBalance\n${balanceText}`;
    });
  });
}

export function addJournalCliCommands(program: Command, ctx: CliContext): void {
  addJournalCommands(program, ctx);
  addDueCommand(program, ctx);
  addFavorsCommands(program, ctx);
}
