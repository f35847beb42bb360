// `kith people duplicates`, `kith people merge A B…`, `kith orgs duplicates`,
// `kith orgs merge A B…` (issue 13): the merge service (main/services/merge.ts)
// from the command line. The first named is kept; non-empty fields win unless
// --prefer field=ID says whose to take; a backup is taken before any merge.
import { type Command } from 'commander';
import type { BackupInfo } from '../../shared/backups';
import { createBackupSync } from '../services/backups';
import { findDuplicateOrganizations, findDuplicatePeople, MERGE_FIELDS, mergeOrganizations, mergePeople, type DuplicateGroup, type MergeField } from '../services/merge';
import type { CliContext, CommonOptions } from './context';
import { CliError, EXIT } from './errors';
import { plural } from './format';
import { collect, common, examples } from './options';
import { resolveOrganizationId, resolvePersonId } from './resolve';

function groupsText(groups: readonly DuplicateGroup[], what: string): string {
  if (groups.length === 0) return `No likely duplicate ${what}.\n`;
  return (
    groups
      .map((g) => `${g.ids.map((id, i) => `${g.names[i]} (id ${id})`).join(' = ')}\n  because: ${g.evidence.join('; ')}`)
      .join('\n') + `\n${plural(groups.length, 'group')} of likely duplicate ${what}. Merge one with: kith ${what === 'people' ? 'people' : 'orgs'} merge ${groups[0]!.ids.join(' ')} --dry-run\n`
  );
}

function parsePrefer(values: readonly string[], resolve: (ref: string) => number): Partial<Record<MergeField, number>> {
  const out: Partial<Record<MergeField, number>> = {};
  for (const v of values) {
    const m = /^([a-zA-Z]+)=(.+)$/.exec(v);
    if (!m || !(MERGE_FIELDS as readonly string[]).includes(m[1]!)) {
      throw new CliError(EXIT.usage, `--prefer takes FIELD=PERSON with FIELD one of ${MERGE_FIELDS.join(', ')} (not "${v}").`);
    }
    out[m[1] as MergeField] = resolve(m[2]!);
  }
  return out;
}

export function addMergeCommands(program: Command, ctx: CliContext): void {
  const people = program.commands.find((c) => c.name() === 'people');
  const orgs = program.commands.find((c) => c.name() === 'orgs');
  if (!people || !orgs) throw new Error('addMergeCommands runs after the people and orgs commands are added');

  common(people.command('duplicates').description('list likely duplicate people (same LinkedIn URL, e-mail or phone; same name at the same organization), with why')).action(
    (options: CommonOptions) => {
      const store = ctx.open(options);
      const groups = findDuplicatePeople(store.db);
      ctx.print(options, { groups }, () => groupsText(groups, 'people'));
    },
  );

  examples(
    common(
      people
        .command('merge')
        .description('merge people into the first one named: everything that refers to them moves to it; a backup is taken first')
        .argument('<people...>', 'ids or names; the first is kept')
        .option('--prefer <field=person>', `take this field from this person (fields: ${MERGE_FIELDS.join(', ')}); repeatable`, collect, [])
        .option('--dry-run', 'show what the merge would do, and change nothing'),
    ),
    ['kith people duplicates', 'kith people merge 12 48 --dry-run', 'kith people merge "Ana Lee" 48 --prefer headline=48'],
  ).action((refs: string[], options: CommonOptions & { prefer: string[]; dryRun?: boolean }) => {
    const store = ctx.open(options);
    const ids = refs.map((r) => resolvePersonId(store.db, r));
    const taken: { backup: BackupInfo | null } = { backup: null };
    const result = mergePeople(store.db, ids, {
      prefer: parsePrefer(options.prefer, (r) => resolvePersonId(store.db, r)),
      dryRun: options.dryRun === true,
      backup: () => (taken.backup = createBackupSync(store, 'before-merge')),
    });
    ctx.print(options, { ...result, backup: taken.backup }, () => {
      let out = `${result.dryRun ? 'Dry run: nothing was changed. Merging would keep' : 'Merged into'} person ${result.keptId}; ${result.dryRun ? 'it would take' : 'moved'}: ${Object.entries(result.repointed)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}.\n`;
      for (const c of result.conflicts) out += `  ${c.field} differs: ${c.values.map((v) => `"${v.value}" (${v.id})`).join(' / ')}; kept "${result.fields.find((f) => f.field === c.field)?.value ?? ''}" (choose with --prefer ${c.field}=ID)\n`;
      if (result.aliases.length) out += `  kept as aliases so imports match them: ${result.aliases.join(', ')}\n`;
      if (taken.backup) out += `A backup of the data as it was before is in backups/${taken.backup.name}.\n`;
      return out;
    });
  });

  common(orgs.command('duplicates').description('list likely duplicate organizations ("Google" and "Google LLC", the same domain), with why')).action((options: CommonOptions) => {
    const store = ctx.open(options);
    const groups = findDuplicateOrganizations(store.db);
    ctx.print(options, { groups }, () => groupsText(groups, 'organizations'));
  });

  examples(
    common(
      orgs
        .command('merge')
        .description('merge organizations into the first one named; the others\' names are kept as aliases that imports match')
        .argument('<organizations...>', 'ids or names; the first is kept')
        .option('--dry-run', 'show what the merge would do, and change nothing'),
    ),
    ['kith orgs duplicates', 'kith orgs merge Google "Google LLC"'],
  ).action((refs: string[], options: CommonOptions & { dryRun?: boolean }) => {
    const store = ctx.open(options);
    const ids = refs.map((r) => resolveOrganizationId(store.db, r));
    const taken: { backup: BackupInfo | null } = { backup: null };
    const result = mergeOrganizations(store.db, ids, { dryRun: options.dryRun === true, backup: () => (taken.backup = createBackupSync(store, 'before-merge')) });
    ctx.print(options, { ...result, backup: taken.backup }, () =>
      `${result.dryRun ? 'Dry run: nothing was changed. Merging would keep' : 'Merged into'} organization ${result.keptId} (aliases: ${result.aliases.join(', ')}); ${Object.entries(result.repointed)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}.\n`,
    );
  });
}
