// `kith ties likely | confirm | dismiss` (issue 15): likely ties inferred from
// shared history, reviewed from the command line with the same services and
// the same IPC schemas as the app.
import type { Command } from 'commander';
import { contract } from '../../shared/contract';
import { LIKELY } from '../../shared/likelyTies';
import { confirmLikelyTie, dismissLikelyTie, listLikelyTies } from '../services/likelyTies';
import { type CliContext, type CommonOptions, validate } from './context';
import { plural, table } from './format';
import { common, examples, integer } from './options';
import { resolvePersonId } from './resolve';

export function addLikelyTieCommands(program: Command, ctx: CliContext): void {
  const ties = program.commands.find((c) => c.name() === 'ties');
  if (!ties) throw new Error('The ties command must be registered before its likely-tie subcommands.');

  examples(
    common(
      ties
        .command('likely')
        .description(`who probably knows whom, inferred from shared organizations, schools and journal entries (at most ${LIKELY.perPerson} per person), most confident first`)
        .option('--person <person>', 'only this person\'s: an id, or a name that matches one person')
        .option('--limit <n>', 'show at most this many (default 50)', integer)
        .option('--by-route-gain', 'the review queue: first the ties that would most warm your routes to your target organizations'),
    ),
    ['kith ties likely', 'kith ties likely --person "Ana Acosta" --json', 'kith ties likely --by-route-gain --limit 10'],
  ).action((options: CommonOptions & { person?: string; limit?: number; byRouteGain?: boolean }) => {
    const { db } = ctx.open(options);
    const query = validate(
      contract['likelyTies:list'].input,
      {
        personId: options.person === undefined ? undefined : resolvePersonId(db, options.person),
        limit: options.limit ?? 50,
        order: options.byRouteGain ? 'routeGain' : undefined,
      },
      { personId: '--person', limit: '--limit' },
    );
    const result = listLikelyTies(db, query);
    ctx.print(options, result, () => {
      if (result.items.length === 0) return `No likely ties${options.person ? ' for this person' : ''}.${result.notice ? ` ${result.notice}` : ''}\n`;
      const head = `${plural(result.total, 'likely tie')}${result.total > result.items.length ? `, the ${result.items.length} most confident shown` : ''}. Confirm with \`kith ties confirm PAIR\`, dismiss with \`kith ties dismiss PAIR\`.\n\n`;
      return (
        head +
        table(result.items, [
          { header: 'PAIR', value: (t) => t.pairKey },
          { header: 'WHO', value: (t) => `${t.a.name} – ${t.b.name}`, max: 50 },
          { header: 'CONF', value: (t) => `${Math.round(t.confidence * 100)}%`, align: 'right' },
          { header: 'STR', value: (t) => String(t.suggestedStrength), align: 'right' },
          { header: 'EVIDENCE', value: (t) => `${t.evidence.map((e) => e.text).join('; ')}${t.returned ? ' (back: new evidence)' : ''}`, max: 120 },
          ...(options.byRouteGain ? [{ header: 'HELPS', value: (t: (typeof result.items)[number]) => (t.helps ?? []).map((h) => h.name).join(', '), max: 60 }] : []),
        ]) +
        (result.notice ? `\n${result.notice}\n` : '')
      );
    });
  });

  examples(
    common(
      ties
        .command('confirm')
        .description('make a likely tie a real tie (at its suggested strength unless --strength)')
        .argument('<pair>', 'the pair, as listed by `kith ties likely` (two person ids joined by a dash, like 12-40)')
        .option('--strength <1-5>', '5 close, 4 friend, 3 worked together, 2 acquaintance, 1 met once', integer),
    ),
    ['kith ties confirm 12-40', 'kith ties confirm 12-40 --strength 2 --json'],
  ).action((pair: string, options: CommonOptions & { strength?: number }) => {
    const input = validate(contract['likelyTies:confirm'].input, { pairKey: pair, strength: options.strength }, { pairKey: 'PAIR', strength: '--strength' });
    const { db } = ctx.open(options);
    const decision = confirmLikelyTie(db, input);
    ctx.print(options, decision, () => `Confirmed: ${pair} is now a tie (tie id ${decision.tieId}).\n`);
  });

  examples(
    common(
      ties
        .command('dismiss')
        .description(`hide a likely tie; it comes back only with a new kind of evidence or ${Math.round(LIKELY.dismissReturnStep * 100)} points more confidence`)
        .argument('<pair>', 'the pair, as listed by `kith ties likely` (two person ids joined by a dash, like 12-40)'),
    ),
    ['kith ties dismiss 12-40'],
  ).action((pair: string, options: CommonOptions) => {
    const input = validate(contract['likelyTies:dismiss'].input, { pairKey: pair }, { pairKey: 'PAIR' });
    const { db } = ctx.open(options);
    const decision = dismissLikelyTie(db, input.pairKey);
    ctx.print(options, decision, () => `Dismissed: ${pair} will not be suggested again unless new evidence appears.\n`);
  });
}
