// Weak-tie insights beside the graph (issue 5, DESIGN.md "Weak ties"): the
// bridges, the organizations reachable only through weak ties, the
// communities, and my dormant weak ties worth reviving. Pure over a Network,
// its metrics and `now`.
import { GRAPH_LIMITS, isWeakTie, type GraphInsights } from '../../shared/graph';
import { defaultCommunityLabel, membersByCommunity, type CommunityLabel } from './communities';
import type { FullMetrics } from './metrics';
import type { Network } from './network';
import { daysSince } from './shape';

/** A weak tie of mine quiet for longer than this is dormant. */
export const DORMANT_DAYS = 365;

/**
 * Breadth first from `source` over the ties `use` accepts: for each person reached, the first hop
 * (my neighbour) on the way, and the person before them (a shortest path, read backwards).
 */
function reachFrom(net: Network, source: number, use: (strength: number) => boolean): { firstHop: Map<number, number>; parent: Map<number, number> } {
  const adj = new Map<number, { to: number; strength: number }[]>();
  for (const p of net.people) adj.set(p.id, []);
  for (const t of net.ties) {
    if (!use(t.strength)) continue;
    adj.get(t.a)?.push({ to: t.b, strength: t.strength });
    adj.get(t.b)?.push({ to: t.a, strength: t.strength });
  }
  const firstHop = new Map<number, number>([[source, source]]);
  const parent = new Map<number, number>();
  let frontier = [source];
  while (frontier.length) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const { to } of adj.get(v) ?? []) {
        if (firstHop.has(to)) continue;
        firstHop.set(to, v === source ? to : firstHop.get(v)!);
        parent.set(to, v);
        next.push(to);
      }
    }
    frontier = next;
  }
  return { firstHop, parent };
}

function pathTo(parent: ReadonlyMap<number, number>, source: number, target: number): number[] {
  const path = [target];
  let at = target;
  while (at !== source) {
    const up = parent.get(at);
    if (up === undefined) return [];
    path.push(up);
    at = up;
  }
  return path.reverse();
}

/**
 * `labels`: the communities' names (communities.ts communityLabels: the user's, else the default);
 * absent, every community gets its default label.
 */
export function computeInsights(net: Network, metrics: FullMetrics, now: Date, limit: number = GRAPH_LIMITS.insightItems, labels?: ReadonlyMap<number, CommunityLabel>): GraphInsights {
  const names = new Map(net.people.map((p) => [p.id, p.name]));
  const person = (id: number) => ({ id, name: names.get(id) ?? '' });
  const between = (id: number) => metrics.betweenness.get(id) ?? 0;

  const neighbourCommunities = new Map<number, Set<number>>();
  for (const t of net.ties) {
    for (const [x, y] of [
      [t.a, t.b],
      [t.b, t.a],
    ] as const) {
      let set = neighbourCommunities.get(x);
      if (!set) neighbourCommunities.set(x, (set = new Set()));
      set.add(metrics.community.get(y) ?? 0);
    }
  }
  for (const p of net.people) neighbourCommunities.get(p.id)?.add(metrics.community.get(p.id) ?? 0);
  const bridges = net.people
    .filter((p) => !p.isMe && between(p.id) > 0)
    .sort((x, y) => between(y.id) - between(x.id) || x.id - y.id)
    .slice(0, limit)
    .map((p) => {
      const joined = [...(neighbourCommunities.get(p.id) ?? [])].sort((a, b) => a - b);
      return { ...person(p.id), betweenness: between(p.id), communities: joined.length, communityIds: joined };
    });

  // Organizations: reached over any ties, but not over strong ones (strength 3+) alone.
  const { firstHop: anyReach, parent } = reachFrom(net, net.meId, () => true);
  const { firstHop: strongReach } = reachFrom(net, net.meId, (s) => !isWeakTie(s));
  const orgMembers = new Map<number, number[]>();
  for (const p of net.people) {
    if (p.isMe) continue;
    for (const org of p.orgIds) {
      const list = orgMembers.get(org);
      if (list) list.push(p.id);
      else orgMembers.set(org, [p.id]);
    }
  }
  const weakOnlyOrganizations: GraphInsights['weakOnlyOrganizations'] = [];
  for (const [orgId, members] of orgMembers) {
    const reached = members.filter((m) => anyReach.has(m));
    if (reached.length === 0 || members.some((m) => strongReach.has(m))) continue;
    // Its first person reached (by id), my neighbour on the way, and a shortest way there (issue 16: the view draws it).
    const first = reached[0]!;
    const via = anyReach.get(first);
    weakOnlyOrganizations.push({ id: orgId, name: net.organizations.get(orgId) ?? '', people: reached.length, via: via === undefined ? null : person(via), path: pathTo(parent, net.meId, first) });
  }
  weakOnlyOrganizations.sort((a, b) => b.people - a.people || a.name.localeCompare(b.name) || a.id - b.id);

  // Communities, labelled by the user's name or their most common organization (communities.ts).
  const members = membersByCommunity(net, metrics.community);
  const communityList = [...members.entries()]
    .filter(([, ids]) => ids.length > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, limit)
    .map(([id, ids]) => {
      const given = labels?.get(id);
      return { id, size: ids.length, label: given?.label ?? defaultCommunityLabel(ids, net, metrics), named: given?.named ?? false, memberIds: ids };
    });

  const dormantWeakTies = net.ties
    .filter((t) => (t.a === net.meId || t.b === net.meId) && isWeakTie(t.strength) && daysSince(t.quietSince, now) > DORMANT_DAYS)
    .map((t) => {
      const other = t.a === net.meId ? t.b : t.a;
      return { ...person(other), strength: t.strength, lastContact: t.lastContact, quietDays: daysSince(t.quietSince, now), betweenness: between(other) };
    })
    .sort((a, b) => b.betweenness - a.betweenness || b.quietDays - a.quietDays || a.id - b.id)
    .slice(0, limit);

  return { bridges, weakOnlyOrganizations: weakOnlyOrganizations.slice(0, limit), communities: communityList, modularity: metrics.modularity, betweennessSampled: metrics.sampled, dormantWeakTies };
}
