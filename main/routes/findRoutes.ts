// findIntroRoutes: the best k introduction routes from me to a person or to
// the right people at an organization, each hop explained (issue 4). Plain
// Node; the IPC handler and the CLI (`kith routes`) call it the same way:
//
//   findIntroRoutes(db, { organizationId: 7 })            // or { personId: 42 }, k, maxHops
//
// The graph comes from the route index (graph.ts), kept fresh by triggers and
// data_version, never rebuilt per query.
import { now as clockNow } from '../../shared/clock';
import type { Db } from '../db/open';
import { KithError } from '../../shared/errors';
import type { Route, RouteHop, RoutesQuery, RoutesResult, RouteTarget } from '../../shared/routes';
import { stmt } from '../services/util';
import { getRouteGraph, type RouteGraph } from './graph';
import { kShortestRoutes, type SearchGraph, type SearchStats } from './kshortest';
import {
  BASE_WARMTH,
  DEFAULT_K,
  DEFAULT_MAX_HOPS,
  FIT,
  type FitKind,
  daysSince,
  fitKey,
  hopKey,
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

/** Arc keys with my own ties decayed for one day; recomputed when the day or the graph changes. */
interface DayKeys {
  day: number;
  arcKey: Float64Array;
  sinkKey: Float64Array;
}
const dayKeys = new WeakMap<RouteGraph, DayKeys>();

function keysFor(graph: RouteGraph, now: Date): DayKeys {
  const day = Math.floor(now.getTime() / 86_400_000);
  let keys = dayKeys.get(graph);
  if (!keys) {
    const arcKey = new Float64Array(graph.adjTarget.length);
    for (let e = 0; e < arcKey.length; e++) arcKey[e] = hopKey(BASE_WARMTH[graph.adjStrength[e]!]!);
    keys = { day: NaN, arcKey, sinkKey: new Float64Array(graph.n).fill(-1) };
    dayKeys.set(graph, keys);
  }
  if (keys.day !== day) {
    const { adjStart, adjTarget, adjStrength, me } = graph;
    for (let e = adjStart[me]!; e < adjStart[me + 1]!; e++) {
      const other = adjTarget[e]!;
      const key = hopKey(myHopWarmth(graph, other, adjStrength[e]!, now));
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

function myQuietDays(graph: RouteGraph, other: number, now: Date): number {
  const at = graph.myContactAt[other]!;
  return Number.isNaN(at) ? 0 : daysSince(new Date(at).toISOString(), now);
}

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago". */
export function describeAgo(iso: string, now: Date): string {
  const days = daysSince(iso, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 730) return `${Math.floor(days / 30.44)} months ago`;
  return `${Math.floor(days / 365.25)} years ago`;
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

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
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
    const hop: Omit<RouteHop, 'reason'> = {
      from: { id: graph.ids[a]!, name: graph.names[a]! },
      to: { id: graph.ids[b]!, name: graph.names[b]! },
      tieId: graph.adjTieId[e]!,
      strength,
      context: tieContext(db, graph.adjTieId[e]!),
      lastContact: fromMe ? (Number.isNaN(journalAt) ? null : isoDay(journalAt)) : lastContactTogether(db, graph.ids[a]!, graph.ids[b]!),
      quietFactor: quiet,
      warmth,
    };
    hops.push({ ...hop, reason: describeHop(hop, fromMe, now) });
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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The best k (default 5) distinct simple routes from me, warmest first, to a
 * person or to an organization (its hiring managers and recruiters fit best,
 * then current employees, then former ones). Throws NOT_FOUND for an unknown
 * target and CONFLICT for me or an archived person; every other outcome is a
 * RoutesResult.
 */
export function findIntroRoutes(db: Db, query: RoutesQuery, options: FindRoutesOptions = {}): RoutesResult {
  const now = options.now ?? clockNow();
  const k = query.k ?? DEFAULT_K;
  const maxHops = query.maxHops ?? DEFAULT_MAX_HOPS;
  const graph = getRouteGraph(db);

  let target: RouteTarget;
  let targets: Int32Array;
  let fits: readonly FitKind[];
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
    target = { kind: 'person', id: query.personId, name };
    targets = Int32Array.of(v);
    fits = ['target_person'];
  } else {
    const organizationId = query.organizationId!;
    const org = stmt<{ name: string }>(db, 'SELECT name FROM organizations WHERE id = ?').get(organizationId);
    if (!org) {
      throw new KithError('NOT_FOUND', `No organization with id ${organizationId}. It may have been deleted; refresh and try again.`);
    }
    target = { kind: 'organization', id: organizationId, name: org.name };
    const members = graph.orgMembers.get(organizationId);
    if (!members) {
      const archivedPeople = graph.orgAnyMembers.get(organizationId) ?? 0;
      return {
        kind: 'noPeople',
        target,
        k,
        maxHops,
        archivedPeople,
        message:
          archivedPeople > 0
            ? `Everyone Kith knows at ${org.name} is archived (${plural(archivedPeople, 'person', 'people')}). Restore someone there, or add who works there now.`
            : `Kith knows nobody at ${org.name} yet. Add the people who work there (or used to) to find routes.`,
      };
    }
    targets = members.nodes;
    fits = members.fits;
  }

  const keys = keysFor(graph, now);
  const fitOf = new Map<number, FitKind>();
  for (let i = 0; i < targets.length; i++) {
    keys.sinkKey[targets[i]!] = fitKey(FIT[fits[i]!]);
    fitOf.set(targets[i]!, fits[i]!);
  }
  const search: SearchGraph = {
    n: graph.n,
    adjStart: graph.adjStart,
    adjTarget: graph.adjTarget,
    arcKey: keys.arcKey,
    sinkKey: keys.sinkKey,
    targets,
    source: graph.me,
  };
  let found;
  try {
    found = kShortestRoutes(search, k, maxHops, options.stats);
  } finally {
    for (let i = 0; i < targets.length; i++) keys.sinkKey[targets[i]!] = -1;
  }

  const orgName = target.kind === 'organization' ? target.name : '';
  const routes = found.map((p, i) => buildRoute(db, graph, p.nodes, fitOf.get(p.nodes[p.nodes.length - 1]!)!, orgName, i + 1, now));
  const base = { target, k, maxHops };

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
          : `No route to ${target.name} within ${maxHops} hops: none of the ${plural(eligiblePeople, 'person', 'people')} Kith knows there connects to your network. Add a tie you know of, or allow more hops.`,
    };
  }

  const best = routes[0]!;
  const via = best.hops.length === 1 ? `directly to ${best.hops[0]!.to.name}` : `through ${best.hops[0]!.to.name}`;
  return {
    kind: 'found',
    ...base,
    routes,
    message: `${plural(routes.length, 'route', 'routes')} to ${target.name}; the warmest (${best.warmthPercent}%) goes ${via}.`,
  };
}
