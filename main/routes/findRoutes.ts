// findIntroRoutes: the best k introduction routes from me to a person or to
// the right people at an organization, each hop explained (issue 4). Plain
// Node; the IPC handler and the CLI (`kith routes`) call it the same way:
//
//   findIntroRoutes(db, { organizationId: 7 })            // or { personId: 42 }, k, maxHops
//
// The graph comes from the route index (graph.ts), kept fresh by triggers and
// data_version, never rebuilt per query.
import { describeSince, localDateOf } from '../../shared/cadence';
import { now as clockNow, timeZone } from '../../shared/clock';
import type { Db } from '../db/open';
import { KithError } from '../../shared/errors';
import type {
  Route,
  RouteAlternative,
  RouteGoal,
  RouteHop,
  RoutesByPerson,
  RoutesByPersonItem,
  RoutesQuery,
  RoutesResult,
  RoutesThrough,
  RoutesThroughQuery,
  RouteTarget,
} from '../../shared/routes';
import { stmt } from '../services/util';
export { byPersonLine } from '../../shared/routes';
import { LIKELY } from '../../shared/likelyTies';
import { getRouteGraph, type RouteGraph } from './graph';
import { isLikelyGraph, withLikelyTies } from './likelyGraph';
import { bestRoutePerFirstHop, kShortestRoutes, type FoundPath, type SearchGraph, type SearchStats } from './kshortest';
import {
  BASE_WARMTH,
  DEFAULT_K,
  DEFAULT_MAX_HOPS,
  FIT,
  type FitKind,
  cost,
  hopWarmth,
  quietFactor,
  routeWarmth,
} from './warmth';

export interface FindRoutesOptions {
  /** "Now" for the quiet-tie decay and the "3 weeks ago" wording (tests fix it). */
  now?: Date;
  /** Filled with counters of the search, for benchmarks. */
  stats?: SearchStats;
}

/** Arc costs (−ln warmth) with my own ties decayed for one day; recomputed when the day or the graph changes. */
interface DayKeys {
  /** The local date and zone the keys were made for. */
  day: string;
  arcKey: Float64Array;
  sinkKey: Float64Array;
}
const dayKeys = new WeakMap<RouteGraph, DayKeys>();

function keysFor(graph: RouteGraph, now: Date): DayKeys {
  const zone = timeZone();
  const day = `${localDateOf(now, zone)} ${zone}`;
  let keys = dayKeys.get(graph);
  if (!keys) {
    const arcKey = new Float64Array(graph.adjTarget.length);
    // A likely arc (issue 15) counts at its discount.
    const discount = isLikelyGraph(graph) ? graph.adjDiscount : null;
    for (let e = 0; e < arcKey.length; e++) arcKey[e] = cost(BASE_WARMTH[graph.adjStrength[e]!]! * (discount ? discount[e]! : 1));
    keys = { day: '', arcKey, sinkKey: new Float64Array(graph.n).fill(-1) };
    dayKeys.set(graph, keys);
  }
  if (keys.day !== day) {
    const { adjStart, adjTarget, adjStrength, me } = graph;
    for (let e = adjStart[me]!; e < adjStart[me + 1]!; e++) {
      const other = adjTarget[e]!;
      const key = cost(myHopWarmth(graph, other, adjStrength[e]!, now));
      keys.arcKey[e] = key;
      // The same tie seen from the other side, so the arc keys stay symmetric.
      for (let r = adjStart[other]!; r < adjStart[other + 1]!; r++) {
        if (adjTarget[r] === me) keys.arcKey[r] = key;
      }
    }
    keys.day = day;
  }
  return keys;
}

function myHopWarmth(graph: RouteGraph, other: number, strength: number, now: Date): number {
  return hopWarmth(strength, myQuietDays(graph, other, now));
}

/**
 * Calendar days since my last contact with `other`, in my time zone: from the
 * journal's own local date of our latest entry (or the local day the tie was
 * recorded, when we have none) to today. Not 24-hour periods since an instant,
 * which put an evening entry a day late (issue 15 review).
 */
function myQuietDays(graph: RouteGraph, other: number, now: Date, zone: string = timeZone()): number {
  let from = graph.myContactDay[other]!;
  if (Number.isNaN(from)) {
    const at = graph.myContactAt[other]!;
    if (Number.isNaN(at)) return 0;
    from = localDay(new Date(at), zone);
  }
  return Math.max(0, todayDay(now, zone) - from);
}

/** localDay(now) for the last (now, zone) asked: keysFor asks it once per tie of mine. */
let todayMemo = { at: NaN, zone: '', day: NaN };
function todayDay(now: Date, zone: string): number {
  if (todayMemo.at !== now.getTime() || todayMemo.zone !== zone) todayMemo = { at: now.getTime(), zone, day: localDay(now, zone) };
  return todayMemo.day;
}

/** The local date of an instant in a zone, as a UTC day number. */
function localDay(instant: Date, zone: string): number {
  return Date.parse(`${localDateOf(instant, zone)}T00:00:00Z`) / 86_400_000;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
/**
 * "today", "3 weeks ago", "15 months ago": between local dates in the user's
 * zone, by the calendar (shared/cadence.ts describeSince). `when` is a local
 * date or journal time ("2025-05-11", "2025-05-11T09:30"), or an instant.
 */
export function describeAgo(when: string, now: Date): string {
  const zone = timeZone();
  const local = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(when) ? when.slice(0, 10) : localDateOf(when, zone);
  return describeSince(local, localDateOf(now, zone));
}

/** The end of a route's "why": what the last person is to the goal. Empty for a person target. */
export function describeFit(fit: FitKind, name: string, organization: string): string {
  const who = firstName(name);
  switch (fit) {
    case 'target_person':
      return '';
    case 'hiring_manager':
      return `${who} is a hiring manager at ${organization}`;
    case 'recruiter':
      return `${who} is a recruiter at ${organization}`;
    case 'referrer':
      return `${who} works at ${organization} and refers people`;
    case 'employee':
      return `${who} works at ${organization}`;
    case 'former_employee':
      return `${who} used to work at ${organization}`;
  }
}

function findArc(graph: RouteGraph, a: number, b: number): number {
  for (let e = graph.adjStart[a]!; e < graph.adjStart[a + 1]!; e++) if (graph.adjTarget[e] === b) return e;
  throw new Error(`No tie between nodes ${a} and ${b} in the route index`);
}

function lastContactTogether(db: Db, a: number, b: number): string | null {
  const row = stmt<{ at: string | null }>(
    db,
    `SELECT CASE WHEN i.has_time THEN i.occurred_at ELSE i.occurred_date END AS at, max(i.occurred_utc) FROM interaction_participants x
       JOIN interaction_participants y ON y.interaction_id = x.interaction_id AND y.person_id = ?
       JOIN interactions i ON i.id = x.interaction_id AND i.deleted_at IS NULL
      WHERE x.person_id = ?`,
  ).get(b, a);
  return row?.at ?? null;
}

/** When I last had an entry with `person`: its local date, or local date and time. */
function lastEntryWith(db: Db, person: number): string | null {
  const row = stmt<{ at: string | null }>(
    db,
    `SELECT CASE WHEN i.has_time THEN i.occurred_at ELSE i.occurred_date END AS at, max(i.occurred_utc) FROM interaction_participants p
       JOIN interactions i ON i.id = p.interaction_id AND i.deleted_at IS NULL
      WHERE p.person_id = ?`,
  ).get(person);
  return row?.at ?? null;
}

function tieContext(db: Db, tieId: number): string {
  return stmt<{ context: string }>(db, 'SELECT context FROM ties WHERE id = ?').get(tieId)?.context ?? '';
}

function describeHop(hop: Omit<RouteHop, 'reason'>, fromMe: boolean, now: Date): string {
  const parts = [`strength ${hop.strength}`];
  if (fromMe) parts.push(hop.lastContact ? `last talked ${describeAgo(hop.lastContact, now)}` : 'no journal entry yet');
  else if (hop.context) parts.push(hop.context.charAt(0).toLowerCase() + hop.context.slice(1));
  const head = fromMe ? hop.to.name : `${firstName(hop.from.name)} knows ${hop.to.name}`;
  return `${head} — ${parts.join(', ')}`;
}

function buildRoute(
  db: Db,
  graph: RouteGraph,
  nodes: readonly number[],
  fit: FitKind,
  organizationName: string,
  rank: number | null,
  now: Date,
  memberFit: ReadonlyMap<number, FitKind> = new Map(),
): Route {
  const hops: RouteHop[] = [];
  const hopWarmths: number[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    const e = findArc(graph, a, b);
    const strength = graph.adjStrength[e]!;
    const fromMe = a === graph.me;
    const quiet = fromMe ? quietFactor(myQuietDays(graph, b, now)) : 1;
    const warmth = fromMe ? myHopWarmth(graph, b, strength, now) : hopWarmth(strength, null);
    const journalAt = graph.lastJournalAt[b]!;
    const likelyAt = isLikelyGraph(graph) ? graph.adjLikely[e]! : -1;
    if (likelyAt >= 0 && isLikelyGraph(graph)) {
      // A likely tie (issue 15): marked, discounted, explained by its evidence.
      const arc = graph.likelyArcs[likelyAt]!;
      const likelyWarmth = hopWarmth(strength, null) * LIKELY.routeDiscount;
      const to = { id: graph.ids[b]!, name: graph.names[b]! };
      hops.push({
        from: { id: graph.ids[a]!, name: graph.names[a]! },
        to,
        tieId: null,
        likely: { pairKey: arc.pairKey, confidence: arc.confidence, discount: LIKELY.routeDiscount, evidence: arc.evidence },
        strength,
        context: arc.evidence.join('; '),
        lastContact: lastContactTogether(db, graph.ids[a]!, graph.ids[b]!),
        quietFactor: 1,
        warmth: likelyWarmth,
        reason: `${firstName(graph.names[a]!)} probably knows ${to.name}: ${arc.evidence.join('; ')} (a likely tie, not confirmed: counted as strength ${strength} ×${LIKELY.routeDiscount})`,
      });
      hopWarmths.push(likelyWarmth);
      continue;
    }
    const hop: Omit<RouteHop, 'reason'> = {
      from: { id: graph.ids[a]!, name: graph.names[a]! },
      to: { id: graph.ids[b]!, name: graph.names[b]! },
      tieId: graph.adjTieId[e]!,
      strength,
      context: tieContext(db, graph.adjTieId[e]!),
      // As the journal has it (the local date or time the user wrote), not the UTC day of the instant.
      lastContact: fromMe ? (Number.isNaN(journalAt) ? null : lastEntryWith(db, graph.ids[b]!)) : lastContactTogether(db, graph.ids[a]!, graph.ids[b]!),
      quietFactor: quiet,
      warmth,
    };
    let reason = describeHop(hop, fromMe, now);
    // An introducer who works (or worked) at the target is named as such (issue 12).
    const atTarget = i + 2 < nodes.length ? memberFit.get(b) : undefined;
    if (atTarget !== undefined && organizationName) {
      reason += atTarget === 'former_employee' ? ` (${firstName(hop.to.name)} used to work at ${organizationName})` : ` (${firstName(hop.to.name)} works at ${organizationName} too)`;
    }
    hops.push({ ...hop, reason });
    hopWarmths.push(warmth);
  }
  const warmth = routeWarmth(hopWarmths, FIT[fit]);
  const last = nodes[nodes.length - 1]!;
  const fitText = describeFit(fit, graph.names[last]!, organizationName);
  const why = [...hops.map((h) => h.reason), ...(fitText ? [fitText] : [])].join('; ') + '.';
  return {
    rank,
    personIds: nodes.map((v) => graph.ids[v]!),
    hops,
    fit,
    fitFactor: FIT[fit],
    warmth,
    warmthPercent: Math.round(warmth * 1000) / 10,
    why,
  };
}

/** Which fits meet a goal (issue 12). Referrers and other current employees count under "anyone there"; former employees never do. */
export const GOAL_FITS: Readonly<Record<RouteGoal, readonly FitKind[]>> = {
  hiring_manager: ['hiring_manager'],
  recruiter: ['recruiter'],
  hiring_manager_or_recruiter: ['hiring_manager', 'recruiter'],
  anyone: ['hiring_manager', 'recruiter', 'referrer', 'employee'],
};

export const GOAL_WORDS: Readonly<Record<RouteGoal, string>> = {
  hiring_manager: 'a hiring manager',
  recruiter: 'a recruiter',
  hiring_manager_or_recruiter: 'a hiring manager or recruiter',
  anyone: 'anyone there',
};

/** The default goal's fallback order: when nobody there meets one, the next is used. */
const DEFAULT_GOAL_ORDER: readonly RouteGoal[] = ['hiring_manager', 'hiring_manager_or_recruiter', 'anyone'];

/** Whether anyone among the members meets a goal: by any of their roles, not only their best (a hiring manager flagged recruiter is a recruiter too). */
function meetsGoal(members: { roles: readonly (readonly FitKind[])[] }, goal: RouteGoal): boolean {
  const wanted = GOAL_FITS[goal];
  return members.roles.some((roles) => roles.some((f) => wanted.includes(f)));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

type SearchMode = { kind: 'k' } | { kind: 'groups' } | { kind: 'prefix'; prefix: readonly number[] };

function search(
  graph: RouteGraph,
  keys: DayKeys,
  targets: Int32Array,
  fits: readonly FitKind[],
  k: number,
  maxHops: number,
  mode: SearchMode,
  stats?: SearchStats,
  blocked?: Uint8Array,
): FoundPath[] {
  for (let i = 0; i < targets.length; i++) keys.sinkKey[targets[i]!] = cost(FIT[fits[i]!]);
  const searchGraph: SearchGraph = {
    n: graph.n,
    adjStart: graph.adjStart,
    adjTarget: graph.adjTarget,
    arcKey: keys.arcKey,
    sinkKey: keys.sinkKey,
    targets,
    source: graph.me,
    ...(blocked ? { blocked } : {}),
  };
  try {
    if (mode.kind === 'groups') return bestRoutePerFirstHop(searchGraph, k, maxHops, stats);
    return kShortestRoutes(searchGraph, k, maxHops, stats, mode.kind === 'prefix' ? mode.prefix : undefined);
  } finally {
    for (let i = 0; i < targets.length; i++) keys.sinkKey[targets[i]!] = -1;
  }
}

/** The members of an organization who meet a goal (by any of their roles), with their fits (their best role). */
function goalMembers(members: { nodes: Int32Array; fits: FitKind[]; roles: FitKind[][] }, wanted: readonly FitKind[]): { nodes: Int32Array; fits: FitKind[] } {
  const nodes: number[] = [];
  const fits: FitKind[] = [];
  for (let i = 0; i < members.nodes.length; i++) {
    if (members.roles[i]!.some((f) => wanted.includes(f))) {
      nodes.push(members.nodes[i]!);
      fits.push(members.fits[i]!);
    }
  }
  return { nodes: Int32Array.from(nodes), fits };
}

interface Context {
  db: Db;
  graph: RouteGraph;
  keys: DayKeys;
  now: Date;
  k: number;
  maxHops: number;
}

/** What a query asks for, once the target and goal are settled. */
interface Resolved {
  target: RouteTarget;
  targets: Int32Array;
  fits: readonly FitKind[];
  goal: RouteGoal | null;
  goalFallback: boolean;
  memberFit: Map<number, FitKind>;
  orgName: string;
}

/**
 * Settles the target and the goal (issue 12: hiring manager by default, falling
 * back to hiring manager or recruiter, then anyone there). Returns the answer
 * itself when there is nobody to route to or nobody meets the goal.
 */
function resolve(ctx: Context, query: RoutesQuery): Resolved | RoutesResult {
  const { db, graph, keys, now, k, maxHops } = ctx;
  const memberFit = new Map<number, FitKind>();
  if (query.personId !== undefined) {
    const v = graph.indexOfId.get(query.personId);
    if (v === undefined) {
      throw new KithError('NOT_FOUND', `No person with id ${query.personId}. They may have been deleted; refresh and try again.`);
    }
    const name = graph.names[v]!;
    if (v === graph.me) throw new KithError('CONFLICT', 'That is you. Choose someone else, or an organization, to find routes to.');
    if (graph.archived[v]) {
      throw new KithError('CONFLICT', `${name} is archived, and Kith does not route to archived people. Restore ${firstName(name)} first.`);
    }
    return { target: { kind: 'person', id: query.personId, name }, targets: Int32Array.of(v), fits: ['target_person'], goal: null, goalFallback: false, memberFit, orgName: '' };
  }
  const organizationId = query.organizationId!;
  const org = stmt<{ name: string }>(db, 'SELECT name FROM organizations WHERE id = ?').get(organizationId);
  if (!org) {
    throw new KithError('NOT_FOUND', `No organization with id ${organizationId}. It may have been deleted; refresh and try again.`);
  }
  const target: RouteTarget = { kind: 'organization', id: organizationId, name: org.name };
  const members = graph.orgMembers.get(organizationId);
  if (!members) {
    const archivedPeople = graph.orgAnyMembers.get(organizationId) ?? 0;
    return {
      kind: 'noPeople',
      target,
      k,
      maxHops,
      goal: query.goal ?? 'hiring_manager',
      goalFallback: false,
      archivedPeople,
      message:
        archivedPeople > 0
          ? `Everyone Kith knows at ${org.name} is archived (${plural(archivedPeople, 'person', 'people')}). Restore someone there, or add who works there now.`
          : `Kith knows nobody at ${org.name} yet. Add the people who work there (or used to) to find routes.`,
    };
  }
  for (let i = 0; i < members.nodes.length; i++) memberFit.set(members.nodes[i]!, members.fits[i]!);
  let goal: RouteGoal;
  let goalFallback = false;
  if (query.goal !== undefined) {
    goal = query.goal;
  } else {
    goal = DEFAULT_GOAL_ORDER.find((g) => meetsGoal(members, g)) ?? 'anyone';
    goalFallback = goal !== 'hiring_manager';
  }
  if (!meetsGoal(members, goal)) {
    // A goal nobody meets is an answer: the nearest alternatives, each labelled (issue 12).
    const alternatives: RouteAlternative[] = [];
    const nearest: [string, readonly FitKind[]][] = [
      ['A recruiter there', ['recruiter']],
      ['Anyone there', GOAL_FITS.anyone],
      ['A former employee', ['former_employee']],
    ];
    for (const [label, wanted] of nearest) {
      if (wanted.every((f) => GOAL_FITS[goal].includes(f))) continue;
      const sub = goalMembers(members, wanted);
      if (sub.nodes.length === 0) continue;
      const found = search(graph, keys, sub.nodes, sub.fits, 1, maxHops, { kind: 'k' });
      if (found.length === 0) continue;
      const nodes = found[0]!.nodes;
      alternatives.push({ label, route: buildRoute(db, graph, nodes, memberFit.get(nodes[nodes.length - 1]!)!, org.name, null, now, memberFit) });
    }
    return {
      kind: 'noGoalPerson',
      target,
      k,
      maxHops,
      goal,
      goalFallback,
      alternatives,
      message:
        `Nobody Kith knows at ${org.name} is ${GOAL_WORDS[goal]}.` +
        (alternatives.length > 0
          ? ` The nearest alternatives: ${alternatives.map((a) => `${a.label.toLowerCase()}, ${a.route.hops[a.route.hops.length - 1]!.to.name} (${a.route.warmthPercent}%)`).join('; ')}.`
          : ' Nobody else there is within reach either.'),
    };
  }
  const sub = goalMembers(members, GOAL_FITS[goal]);
  return { target, targets: sub.nodes, fits: sub.fits, goal, goalFallback, memberFit, orgName: org.name };
}

function isAnswer(r: Resolved | RoutesResult): r is RoutesResult {
  return 'kind' in r;
}

function contextFor(db: Db, query: { k?: number | undefined; maxHops?: number | undefined; likelyTies?: boolean | undefined }, options: FindRoutesOptions): Context {
  const now = options.now ?? clockNow();
  // Likely ties (issue 15) are an additive input: extra discounted arcs, on unless the query turns them off.
  const graph = query.likelyTies === false ? getRouteGraph(db) : withLikelyTies(db, getRouteGraph(db));
  return { db, graph, keys: keysFor(graph, now), now, k: query.k ?? DEFAULT_K, maxHops: query.maxHops ?? DEFAULT_MAX_HOPS };
}

function goalNote(r: Resolved): string {
  if (r.goal === null) return '';
  return r.goalFallback
    ? ` Nobody there is flagged ${r.goal === 'anyone' ? 'hiring manager or recruiter' : 'hiring manager'}, so these routes go to ${GOAL_WORDS[r.goal]}.`
    : ` Goal: ${GOAL_WORDS[r.goal]}.`;
}

/**
 * The warmest route through each of my contacts, the best k (default 5) of
 * them, to a person or to the people at an organization who meet the goal
 * (issue 12). A route ends at the first person who meets the goal, so no route
 * is an extension of another, and no two share a first hop. Throws NOT_FOUND
 * for an unknown target and CONFLICT for me or an archived person; every other
 * outcome is a RoutesResult.
 */
export function findIntroRoutes(db: Db, query: RoutesQuery, options: FindRoutesOptions = {}): RoutesResult {
  const ctx = contextFor(db, query, options);
  const { graph, keys, now, k, maxHops } = ctx;
  const resolved = resolve(ctx, query);
  if (isAnswer(resolved)) return resolved;
  const { target, targets, fits, goal, goalFallback, memberFit, orgName } = resolved;

  const fitOf = new Map<number, FitKind>();
  for (let i = 0; i < targets.length; i++) fitOf.set(targets[i]!, fits[i]!);
  const found = search(graph, keys, targets, fits, k, maxHops, { kind: 'groups' }, options.stats);

  const routes = found.map((p, i) => buildRoute(db, graph, p.nodes, fitOf.get(p.nodes[p.nodes.length - 1]!)!, orgName, i + 1, now, memberFit));
  const base = { target, k, maxHops, goal, goalFallback };
  const note = goalNote(resolved);

  if (target.kind === 'person') {
    const v = targets[0]!;
    const e = graph.adjStart[graph.me]!;
    let direct = false;
    for (let x = e; x < graph.adjStart[graph.me + 1]!; x++) if (graph.adjTarget[x] === v) direct = true;
    if (direct) {
      const directRoute = routes.find((r) => r.hops.length === 1) ?? buildRoute(db, graph, [graph.me, v], 'target_person', '', null, now);
      const hop = directRoute.hops[0]!;
      const best = routes[0]!;
      const tail =
        best.hops.length === 1
          ? 'Reaching out yourself is also the warmest route.'
          : `A warmer way in may be an introduction: ${best.why}`;
      return {
        kind: 'direct',
        ...base,
        directRoute,
        routes,
        message: `You know ${target.name} directly (${hop.reason.slice(hop.reason.indexOf('—') + 2)}), so you can reach out yourself. ${tail}`,
      };
    }
  }

  if (routes.length === 0) {
    const eligiblePeople = targets.length;
    return {
      kind: 'noRoute',
      ...base,
      eligiblePeople,
      message:
        target.kind === 'person'
          ? `No route to ${target.name} within ${maxHops} hops: nobody you know connects to ${firstName(target.name)} through people who are not archived. Add a tie you know of, or allow more hops.`
          : `No route to ${target.name} within ${maxHops} hops: none of the ${plural(eligiblePeople, 'person', 'people')} there meeting the goal (${GOAL_WORDS[goal!]}) connects to your network. Add a tie you know of, or allow more hops.${note}`,
    };
  }

  const best = routes[0]!;
  const via = best.hops.length === 1 ? `directly to ${best.hops[0]!.to.name}` : `through ${best.hops[0]!.to.name}`;
  const groups = routes.length === 1 ? '1 route' : `${routes.length} routes, one through each of ${routes.length} of your contacts,`;
  return {
    kind: 'found',
    ...base,
    routes,
    message: `${groups} to ${target.name}; the warmest (${best.warmthPercent}%) goes ${via}.${note}`,
  };
}

/** The person who introduces me to the last person: the one before them (me for a direct route). */
function finalIntroducer(nodes: readonly number[]): number {
  return nodes[nodes.length - 2]!;
}

/** How many routes "other ways through X" looks at, at most, before it stops (a group's routes can be very many). */
const MAX_THROUGH_ENUMERATION = 2_560;

/**
 * "Other ways through Arjun" (issue 12), computed on demand: the best route
 * through that contact of mine, and the best route for each other final
 * introducer, warmest first, k (default 5) of them. Throws NOT_FOUND for an
 * unknown person and CONFLICT when they are not one of my own contacts.
 */
export function findRoutesThrough(db: Db, query: RoutesThroughQuery, options: FindRoutesOptions = {}): RoutesThrough {
  const ctx = contextFor(db, query, options);
  const { graph, keys, now, k, maxHops } = ctx;
  const v = graph.indexOfId.get(query.throughId);
  if (v === undefined) throw new KithError('NOT_FOUND', `No person with id ${query.throughId}. They may have been deleted; refresh and try again.`);
  const throughName = graph.names[v]!;
  let mine = false;
  for (let e = graph.adjStart[graph.me]!; e < graph.adjStart[graph.me + 1]!; e++) if (graph.adjTarget[e] === v) mine = true;
  if (!mine) {
    throw new KithError(
      'CONFLICT',
      graph.archived[v] ? `${throughName} is archived, and Kith does not route through archived people.` : `${throughName} is not one of your own contacts: routes start with someone you know directly.`,
    );
  }
  const through = { id: query.throughId, name: throughName };
  const resolved = resolve(ctx, query);
  if (isAnswer(resolved)) {
    return { target: resolved.target, k, maxHops, goal: resolved.goal, goalFallback: resolved.goalFallback, through, best: null, others: [], more: false, message: resolved.message };
  }
  const { target, targets, fits, goal, goalFallback, memberFit, orgName } = resolved;
  const fitOf = new Map<number, FitKind>();
  for (let i = 0; i < targets.length; i++) fitOf.set(targets[i]!, fits[i]!);
  // The exact first n routes through the contact; more until k + 1 introducers show up or none are left.
  let picked: FoundPath[] = [];
  let more = false;
  for (let n = 8 * (k + 1); ; n *= 2) {
    const found = search(graph, keys, targets, fits, n, maxHops, { kind: 'prefix', prefix: [graph.me, v] });
    const seen = new Set<number>();
    picked = [];
    for (const p of found) {
      const introducer = finalIntroducer(p.nodes);
      if (seen.has(introducer)) continue;
      seen.add(introducer);
      picked.push(p);
    }
    more = picked.length > k + 1;
    if (picked.length > k || found.length < n || n >= MAX_THROUGH_ENUMERATION) break;
  }
  const routes = picked.slice(0, k + 1).map((p) => buildRoute(db, graph, p.nodes, fitOf.get(p.nodes[p.nodes.length - 1]!)!, orgName, null, now, memberFit));
  const [best = null, ...others] = routes;
  const who = firstName(throughName);
  const message =
    best === null
      ? `No route through ${throughName} within ${maxHops} hops.${goalNote(resolved)}`
      : others.length === 0
        ? `${who} has no other way in within ${maxHops} hops: every route through ${who} ends with the same introducer.`
        : `${plural(others.length, 'other way', 'other ways')} through ${who}, each with a different final introducer${more ? `; more introducers beyond these ${others.length}` : ''}.`;
  return { target, k, maxHops, goal, goalFallback, through, best, others, more, message };
}

/**
 * Each person who meets the goal, with the best way to them (issue 12),
 * warmest first: one route per goal person that passes through no other goal
 * person. To a person target, that person alone.
 */
export function findRoutesByPerson(db: Db, query: RoutesQuery, options: FindRoutesOptions = {}): RoutesByPerson {
  const ctx = contextFor(db, query, options);
  const { graph, keys, now, k, maxHops } = ctx;
  const resolved = resolve(ctx, query);
  if (isAnswer(resolved)) {
    return { target: resolved.target, k, maxHops, goal: resolved.goal, goalFallback: resolved.goalFallback, items: [], unreachable: 0, message: resolved.message };
  }
  const { target, targets, fits, goal, goalFallback, memberFit, orgName } = resolved;
  const blocked = new Uint8Array(graph.n);
  for (let i = 0; i < targets.length; i++) blocked[targets[i]!] = 1;
  const found: FoundPath[] = [];
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i]!;
    blocked[v] = 0;
    const best = search(graph, keys, Int32Array.of(v), [fits[i]!], 1, maxHops, { kind: 'k' }, options.stats, blocked)[0];
    blocked[v] = 1;
    if (best) found.push(best);
  }
  found.sort((a, b) => a.key - b.key || compareIds(a.nodes, b.nodes));
  const fitOf = new Map<number, FitKind>();
  for (let i = 0; i < targets.length; i++) fitOf.set(targets[i]!, fits[i]!);
  const items: RoutesByPersonItem[] = found.map((p, i) => {
    const last = p.nodes[p.nodes.length - 1]!;
    const route = buildRoute(db, graph, p.nodes, fitOf.get(last)!, orgName, i + 1, now, memberFit);
    return { person: { id: graph.ids[last]!, name: graph.names[last]! }, fit: route.fit, route };
  });
  const unreachable = targets.length - items.length;
  const message =
    items.length === 0
      ? `Nobody there who meets the goal is within ${maxHops} hops of you.${goalNote(resolved)}`
      : `${plural(items.length, 'person', 'people')} within reach${goal === null ? '' : ` who ${items.length === 1 ? 'meets' : 'meet'} the goal (${GOAL_WORDS[goal]})`}, each by the best way to them${unreachable > 0 ? `; ${unreachable} more out of reach within ${maxHops} hops` : ''}.`;
  return { target, k, maxHops, goal, goalFallback, items, unreachable, message };
}

function compareIds(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
