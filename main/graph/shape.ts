// Data shaping for the graph view (issue 5), pure: filters, ego and
// organization extraction over a plain Network, and the GraphData the renderer
// draws. No database, no clock: `now` is given.
import { GRAPH_LIMITS, isWeakTie, type GraphData, type GraphFilters, type GraphMode } from '../../shared/graph';
import type { NetPerson, NetTie, Network } from './network';

const DAY_MS = 86_400_000;

export interface NetworkMetrics {
  betweenness: ReadonlyMap<number, number>;
  community: ReadonlyMap<number, number>;
  sampled: boolean;
}

/** Whole days from an ISO date (or partial date "2019", "2019-05") to now; 0 when unreadable or in the future. */
export function daysSince(iso: string, now: Date): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/** True when any filter that removes ties is set (people left with no tie are then hidden). */
export function hasTieFilter(filters: GraphFilters): boolean {
  return (filters.minStrength ?? 1) > 1 || filters.weakOnly === true || filters.quietDays !== undefined;
}

export function tiePasses(tie: NetTie, filters: GraphFilters, now: Date): boolean {
  if (tie.strength < (filters.minStrength ?? 1)) return false;
  if (filters.weakOnly && !isWeakTie(tie.strength)) return false;
  if (filters.quietDays !== undefined && daysSince(tie.quietSince, now) > filters.quietDays) return false;
  return true;
}

/** People kept by the tag and organization filters; `keep` (me, the ego centre) always stays. */
export function personPasses(person: NetPerson, filters: GraphFilters, keep: ReadonlySet<number>): boolean {
  if (keep.has(person.id)) return true;
  if (filters.tags?.length) {
    const wanted = new Set(filters.tags.map((t) => t.toLocaleLowerCase()));
    if (!person.tags.some((t) => wanted.has(t.toLocaleLowerCase()))) return false;
  }
  if (filters.organizationIds?.length && !person.orgIds.some((o) => filters.organizationIds!.includes(o))) return false;
  return true;
}

export type Adjacency = Map<number, number[]>;

export function adjacencyOf(nodeIds: Iterable<number>, ties: readonly NetTie[]): Adjacency {
  const adj: Adjacency = new Map();
  for (const id of nodeIds) adj.set(id, []);
  for (const t of ties) {
    adj.get(t.a)?.push(t.b);
    adj.get(t.b)?.push(t.a);
  }
  return adj;
}

/** Everyone within `hops` of any of `sources` (the sources included), breadth first. */
export function withinHops(adj: Adjacency, sources: Iterable<number>, hops: number): Set<number> {
  const seen = new Set<number>();
  let frontier: number[] = [];
  for (const s of sources) {
    if (adj.has(s) && !seen.has(s)) {
      seen.add(s);
      frontier.push(s);
    }
  }
  for (let d = 0; d < hops && frontier.length; d++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const w of adj.get(v)!) {
        if (!seen.has(w)) {
          seen.add(w);
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

export interface ShapeOptions {
  mode: GraphMode;
  filters?: GraphFilters;
  now: Date;
  metrics: NetworkMetrics;
  /** People shown besides the mode's own (GraphQuery.include). */
  include?: readonly number[];
}

/**
 * The people and ties to draw for a mode and filters. Order: people filters
 * (tags, organizations), then tie filters among the people kept, then the
 * mode's extraction over what is left (an ego network follows only the ties
 * shown), then — when a tie filter is set — people left without any tie are
 * hidden (except me and the focus), so "weak ties only" is not a cloud of dots.
 */
export function shapeGraph(net: Network, { mode, filters = {}, now, metrics, include }: ShapeOptions): GraphData {
  const known = new Set(net.people.map((p) => p.id));
  const keep = new Set<number>([net.meId]);
  let centreId: number | null = null;
  if (mode.kind === 'ego') {
    centreId = mode.personId ?? net.meId;
    keep.add(centreId);
  } else if (mode.kind === 'org') {
    centreId = mode.organizationId;
  }
  const people = net.people.filter((p) => personPasses(p, filters, keep));
  const peopleIds = new Set(people.map((p) => p.id));
  const ties = net.ties.filter((t) => peopleIds.has(t.a) && peopleIds.has(t.b) && tiePasses(t, filters, now));

  let shown: Set<number>;
  let focus = new Set<number>();
  switch (mode.kind) {
    case 'whole':
      shown = peopleIds;
      break;
    case 'ego': {
      const centre = centreId!;
      if (!known.has(centre)) shown = new Set();
      else shown = withinHops(adjacencyOf(peopleIds, ties), [centre], mode.hops ?? GRAPH_LIMITS.defaultEgoHops);
      focus = new Set(shown.has(centre) ? [centre] : []);
      break;
    }
    case 'org': {
      focus = new Set(people.filter((p) => p.orgIds.includes(mode.organizationId)).map((p) => p.id));
      shown = withinHops(adjacencyOf(peopleIds, ties), focus, GRAPH_LIMITS.orgHops);
      break;
    }
    case 'community':
      // Its people only (issue 16: a click on the community map): ties out of it lead off the picture.
      shown = new Set(people.filter((p) => (metrics.community.get(p.id) ?? 0) === mode.communityId).map((p) => p.id));
      break;
  }

  if (include?.length) shown = new Set([...shown, ...include.filter((id) => peopleIds.has(id))]);
  const edges = ties.filter((t) => shown.has(t.a) && shown.has(t.b));
  if (hasTieFilter(filters)) {
    const touched = new Set<number>([net.meId, ...focus]);
    for (const t of edges) {
      touched.add(t.a);
      touched.add(t.b);
    }
    shown = new Set([...shown].filter((id) => touched.has(id)));
  }

  const orgIds = new Set<number>();
  const nodes = people
    .filter((p) => shown.has(p.id))
    .map((p) => {
      const orgId = p.orgIds[0] ?? null;
      if (orgId !== null) orgIds.add(orgId);
      return {
        id: p.id,
        name: p.name,
        headline: p.headline,
        isMe: p.isMe,
        orgId,
        community: metrics.community.get(p.id) ?? 0,
        betweenness: metrics.betweenness.get(p.id) ?? 0,
        tags: p.tags,
        focus: focus.has(p.id),
      };
    });
  return {
    meId: net.meId,
    nodes,
    edges: edges.map((t) => ({
      id: t.id,
      source: t.a,
      target: t.b,
      strength: t.strength,
      lastContact: t.lastContact,
      quietDays: daysSince(t.quietSince, now),
    })),
    organizations: [...orgIds].sort((a, b) => a - b).map((id) => ({ id, name: net.organizations.get(id) ?? '' })),
    totalPeople: net.people.length,
    betweennessSampled: metrics.sampled,
    centreId,
  };
}
