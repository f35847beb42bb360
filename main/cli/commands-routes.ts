// `kith routes`: the ranked introduction routes from me to an organization or
// a person (issue 4), the same answer as the app's Routes view, from
// findIntroRoutes against the same data file.
import { type Command } from 'commander';
import { ROUTE_LIMITS, RoutesQuery, RoutesThroughQuery, type Route, type RouteGoal, type RoutesByPerson, type RoutesResult, type RoutesThrough } from '../../shared/routes';
import { byPersonLine, describeFit, findIntroRoutes, findRoutesByPerson, findRoutesThrough, GOAL_WORDS } from '../routes/findRoutes';
import { type CliContext, type CommonOptions, validate } from './context';
import { CliError, EXIT } from './errors';
import { commanderErrorLine } from './format';
import { resolveOrganizationId, resolvePersonId } from './resolve';
import { common, examples, integer } from './options';
import { TARGET_STAGES, TargetJobSet, type TargetJob, type TargetStage } from '../../shared/targets';
import { getTargetJob, setTargetJob } from '../services/targets';

interface RoutesOptions extends CommonOptions {
  to?: string;
  toPerson?: string;
  k?: number;
  maxHops?: number;
  goal?: string;
  through?: string;
  byPerson?: boolean;
}

/** The CLI spelling of each goal (issue 12). */
const GOAL_FLAGS: Readonly<Record<string, RouteGoal>> = {
  'hiring-manager': 'hiring_manager',
  recruiter: 'recruiter',
  'hiring-manager-or-recruiter': 'hiring_manager_or_recruiter',
  anyone: 'anyone',
};

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

const FIT_WORDS: Record<Route['fit'], string> = {
  target_person: 'the person you chose',
  hiring_manager: 'hiring manager',
  recruiter: 'recruiter',
  referrer: 'refers people',
  employee: 'works there',
  former_employee: 'used to work there',
};

/** One block per route: rank, warmth and fit; the chain; one reason per hop; how the warmth adds up. */
export function routeText(route: Route, result: Pick<RoutesResult, 'target'>, label?: string): string {
  const head = `${label ?? (route.rank === null ? 'Direct' : `#${route.rank}`)}  ${route.warmthPercent}%  ${FIT_WORDS[route.fit]}  ${route.hops.length === 1 ? '1 hop' : `${route.hops.length} hops`}`;
  const chain = ['You', ...route.hops.map((h) => h.to.name)].join(' → ');
  const reasons = route.hops.map((h, i) => {
    const quiet = h.quietFactor < 1 ? `, quiet ×${h.quietFactor.toFixed(2)}` : '';
    return `${i + 1}. ${h.reason}  (${percent(h.warmth)}${quiet})`;
  });
  const last = route.hops[route.hops.length - 1]!.to.name;
  const fit = result.target.kind === 'organization' ? describeFit(route.fit, last, result.target.name) : '';
  if (fit) reasons.push(`   ${fit}  (fit ×${route.fitFactor.toFixed(2)})`);
  const math = `${route.hops.map((h) => percent(h.warmth)).join(' × ')}${route.fit === 'target_person' ? '' : ` × fit ${route.fitFactor.toFixed(2)}`} = ${route.warmthPercent}%`;
  return [head, `    ${chain}`, ...reasons.map((r) => `    ${r}`), `    ${math}`].join('\n') + '\n';
}

function heading(result: RoutesResult | RoutesThrough | RoutesByPerson, what: string): string {
  const goal = result.goal === null ? '' : `, goal: ${GOAL_WORDS[result.goal]}${result.goalFallback ? ' (fallback)' : ''}`;
  return `${what} ${result.target.name} (${result.target.kind}), at most ${result.maxHops} hops${goal}\n${result.message}\n`;
}

/** `--through`: the contact's best route, then one per other final introducer (issue 12). */
export function throughText(result: RoutesThrough): string {
  let out = heading(result, `Routes through ${result.through.name} to`);
  if (result.best) out += `\n${routeText(result.best, result, 'Best')}`;
  result.others.forEach((route, i) => {
    out += `\n${routeText(route, result, `Other ${i + 1}`)}`;
  });
  if (result.more) out += `\nMore introducers exist; ask for more with --k.\n`;
  return out;
}

/** `--by-person`: each person who meets the goal with the best way to them (issue 12). */
export function byPersonText(result: RoutesByPerson): string {
  let out = heading(result, 'People to reach at');
  if (result.items.length > 0) out += '\n';
  for (const item of result.items) out += `${byPersonLine(item)}\n    ${['You', ...item.route.hops.map((h) => h.to.name)].join(' → ')}\n`;
  return out;
}

export function routesText(result: RoutesResult): string {
  let out = heading(result, 'Routes to');
  if (result.kind === 'found' || result.kind === 'direct') {
    for (const route of result.routes) out += `\n${routeText(route, result)}`;
  }
  if (result.kind === 'noGoalPerson') {
    for (const alt of result.alternatives) out += `\n${routeText(alt.route, result, `${alt.label}:`)}`;
  }
  return out;
}

export function addRoutesCommands(program: Command, ctx: CliContext): void {
  const command = program
    .command('routes')
    .description('the warmest introduction routes from you to an organization or a person, each hop explained')
    .option('--to <organization>', 'an organization: an id, or a name that matches one organization')
    .option('--to-person <person>', 'a person: an id, or a name that matches one person')
    .option('--k <n>', 'how many routes (1 to 20; default 5)', integer)
    .option('--max-hops <n>', `the longest route to consider, your own tie counting as one hop (1 to ${ROUTE_LIMITS.maxHops}; default ${ROUTE_LIMITS.defaultMaxHops})`, integer)
    .option(
      '--goal <goal>',
      'with --to: who the route must reach: hiring-manager (default; falls back to hiring-manager-or-recruiter, then anyone), recruiter, hiring-manager-or-recruiter, anyone',
    )
    .option('--through <person>', 'one of your contacts: their other routes, each with a different final introducer (--k of them)')
    .option('--by-person', 'list each person who meets the goal, with the best way to them')
    .option('--data-dir <dir>', "the Kith data folder (default: $KITH_DATA_DIR, else the app's own folder)")
    .option('--json', 'print the result as one JSON document on stdout')
    .configureOutput({ outputError: (text, write) => write(commanderErrorLine(text, 'kith routes')) })
    .addHelpText(
      'after',
      '\nWarmth: each hop by tie strength (5: 90%, 4: 75%, 3: 60%, 2: 40%, 1: 20%), your own quiet ties lowered gently,\n' +
        'times the fit of the last person (hiring manager ×1.00, recruiter ×0.90, referrer ×0.75, employee ×0.60, former ×0.30).\n' +
        'The list shows the warmest route through each of your contacts; --k counts contacts. Routes end at the first person who meets the goal.\n' +
        '"No route", "nobody there" and a goal nobody meets are answers (exit 0); an unknown or ambiguous name is refused (exit 1).\n\n' +
        'Examples:\n' +
        '  $ kith routes --to "Acme Labs"\n' +
        '  $ kith routes --to "Acme Labs" --k 3 --max-hops 4 --json\n' +
        '  $ kith routes --to "Acme Labs" --goal recruiter\n' +
        '  $ kith routes --to "Acme Labs" --through "Arjun Mehta"\n' +
        '  $ kith routes --to "Acme Labs" --by-person\n' +
        '  $ kith routes --to-person "Ana Acosta"\n',
    );
  command.action((options: RoutesOptions) => {
    if ((options.to === undefined) === (options.toPerson === undefined)) {
      throw new CliError(EXIT.usage, 'Give either --to ORGANIZATION or --to-person PERSON (one of them).');
    }
    if (options.goal !== undefined && options.toPerson !== undefined) {
      throw new CliError(EXIT.usage, '--goal applies to --to ORGANIZATION; a route to a person ends at that person.');
    }
    if (options.through !== undefined && options.byPerson) {
      throw new CliError(EXIT.usage, 'Give --through PERSON or --by-person, not both.');
    }
    let goal: RouteGoal | undefined;
    if (options.goal !== undefined) {
      goal = Object.hasOwn(GOAL_FLAGS, options.goal) ? GOAL_FLAGS[options.goal] : undefined;
      if (goal === undefined) {
        throw new CliError(EXIT.usage, `Unknown --goal "${options.goal}": use one of ${Object.keys(GOAL_FLAGS).join(', ')}.`);
      }
    }
    const flags = { k: '--k', maxHops: '--max-hops', organizationId: '--to', personId: '--to-person', goal: '--goal' };
    // Judge --k and --max-hops before the data file is opened.
    validate(RoutesQuery, { organizationId: 1, k: options.k, maxHops: options.maxHops }, flags);
    const { db } = ctx.open(options);
    const target =
      options.to !== undefined ? { organizationId: resolveOrganizationId(db, options.to) } : { personId: resolvePersonId(db, options.toPerson!) };
    const query = validate(RoutesQuery, { ...target, k: options.k, maxHops: options.maxHops, goal }, flags);
    if (options.through !== undefined) {
      const throughQuery = validate(RoutesThroughQuery, { ...query, throughId: resolvePersonId(db, options.through) }, { ...flags, throughId: '--through' });
      const result = findRoutesThrough(db, throughQuery);
      ctx.print(options, result, () => throughText(result));
    } else if (options.byPerson) {
      const result = findRoutesByPerson(db, query);
      ctx.print(options, result, () => byPersonText(result));
    } else {
      const result = findIntroRoutes(db, query);
      ctx.print(options, result, () => routesText(result));
    }
  });
}

/** The CLI spelling of each job stage (issue 12): reached-out for reached_out. */
const STAGE_FLAGS: Readonly<Record<string, TargetStage>> = Object.fromEntries(TARGET_STAGES.map((s) => [s.replace(/_/gu, '-'), s]));

interface TargetOptions extends CommonOptions {
  role?: string;
  stage?: string;
  on?: string;
}

export function targetJobText(name: string, job: TargetJob): string {
  const stage = job.stage === null ? 'no stage yet' : `${job.stage.replace(/_/gu, ' ')} (since ${job.history[job.history.length - 1]!.on})`;
  const lines = [`${name}: ${job.role ? `role: ${job.role}; ` : 'no role given; '}${stage}`];
  for (const h of job.history) lines.push(`  ${h.on}  ${h.stage.replace(/_/gu, ' ')}`);
  return lines.join('\n') + '\n';
}

/** `kith target ORG [--role TEXT] [--stage STAGE] [--on DATE]`: the job behind a target organization (issue 12). */
export function addTargetCommands(program: Command, ctx: CliContext): void {
  examples(
    common(
      program
        .command('target')
        .description('show or set the role you are after at an organization and where you stand (each stage change dated)')
        .argument('<organization>', 'an id, or a name that matches one organization')
        .option('--role <text>', 'the role you are after (free text; an empty string clears it)')
        .option('--stage <stage>', `where you stand: ${Object.keys(STAGE_FLAGS).join(', ')}`)
        .option('--on <date>', 'the day the stage was reached (YYYY-MM-DD; default today)'),
    ),
    ['kith target "Acme Labs"', 'kith target "Acme Labs" --role "Staff platform engineer" --stage applied', 'kith target "Acme Labs" --stage interviewing --on 2026-02-03 --json'],
  ).action((organization: string, options: TargetOptions) => {
    let stage: TargetStage | undefined;
    if (options.stage !== undefined) {
      stage = Object.hasOwn(STAGE_FLAGS, options.stage) ? STAGE_FLAGS[options.stage] : undefined;
      if (stage === undefined) throw new CliError(EXIT.usage, `Unknown --stage "${options.stage}": use one of ${Object.keys(STAGE_FLAGS).join(', ')}.`);
    }
    if (options.on !== undefined && stage === undefined) throw new CliError(EXIT.usage, '--on dates a stage: give --stage too.');
    const flags = { role: '--role', stage: '--stage', on: '--on', organizationId: '<organization>' };
    // Judge the values before the data file is opened.
    validate(TargetJobSet, { organizationId: 1, role: options.role, stage, on: options.on }, flags);
    const { db } = ctx.open(options);
    const organizationId = resolveOrganizationId(db, organization);
    const name = (db.prepare('SELECT name FROM organizations WHERE id = ?').get(organizationId) as { name: string }).name;
    const job =
      options.role === undefined && stage === undefined
        ? getTargetJob(db, organizationId)
        : setTargetJob(db, validate(TargetJobSet, { organizationId, role: options.role, stage, on: options.on }, flags));
    ctx.print(options, job, () => targetJobText(name, job));
  });
}
