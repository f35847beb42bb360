// `kith people forget PERSON` (issue 18): removes someone completely from the
// live data. It asks first: without --yes it only says what would be removed
// (exit 1); no backup is taken (it would keep what is being forgotten).
// `kith backups forgotten` lists the backups that still hold forgotten people.
import type { Command } from 'commander';
import type { ForgetPreview } from '../../shared/forget';
import { forgetPerson, previewForget } from '../services/forget';
import type { CliContext, CommonOptions } from './context';
import { CliError, EXIT } from './errors';
import { plural } from './format';
import { common, examples } from './options';
import { resolvePersonId } from './resolve';

function removalText(p: ForgetPreview): string {
  const parts = [
    plural(p.ties, 'tie'),
    plural(p.affiliations, 'affiliation'),
    plural(p.journalEntries, 'journal entry', 'journal entries') + ' with nobody else',
    plural(p.participations, 'place in a shared journal entry', 'places in shared journal entries'),
    plural(p.mentions, '@mention'),
    plural(p.favors, 'favor'),
    plural(p.followUps, 'follow-up'),
    plural(p.introductions, 'introduction'),
    plural(p.otherRecords, 'other record'),
    plural(p.savedViews, 'saved view'),
    `${plural(p.onlyThroughThem, 'person', 'people')} known only from their connections list`,
  ];
  return parts.join(', ');
}

export function addForgetCommand(program: Command, ctx: CliContext): void {
  const people = program.commands.find((c) => c.name() === 'people');
  if (!people) throw new Error('addForgetCommand needs the people command first');
  examples(
    common(
      people
        .command('forget')
        .description('remove a person completely from your data (ties, journal, mentions, favors, follow-ups, introductions…); backups keep them until you purge those')
        .argument('<person>', 'an id, or a name that matches one person')
        .option('-y, --yes', 'really forget them (without it, only say what would be removed)'),
    ),
    ['kith people forget "Ana Acosta"', 'kith people forget 12 --yes'],
  ).action((ref: string, options: CommonOptions & { yes?: boolean }) => {
    const { db } = ctx.open(options);
    const id = resolvePersonId(db, ref);
    if (!options.yes) {
      const preview = previewForget(db, id);
      ctx.print(options, { forgotten: false, preview }, () => `Forgetting ${preview.displayName} (id ${id}) would remove: ${removalText(preview)}.\n`);
      throw new CliError(EXIT.refused, 'Nothing was changed. Run the same command with --yes to forget them; backups keep them until you purge those.');
    }
    const result = forgetPerson(db, id);
    ctx.print(options, { forgotten: true, result }, () =>
      `Forgot ${result.displayName}: removed ${removalText(result)}.\n` +
      'Backups taken before still hold them: see Settings › Backups in the app to purge those.\n',
    );
  });
}
