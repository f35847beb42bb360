// Weak-tie insights beside the graph (issue 5, DESIGN.md "Weak ties"): the
// bridges, the organizations reachable only through weak ties, the
// communities, and my dormant weak ties worth reviving. Pure over a Network,
// its metrics and `now`.
import { GRAPH_LIMITS, isWeakTie, type GraphInsights } from '../../shared/graph';
import type { FullMetrics } from './metrics';
import type { Network } from './network';
import { daysSince } from './shape';

/** A weak tie of mine quiet for longer than this is dormant. */
export const DORMANT_DAYS = 365;

/** Breadth first from `source` over the ties `use` accepts; for each person reached, the first hop (my neighbour) on the way. */
function reachFrom(net: Network, source: number, use: (strength: number) => boolean): Map<number, number> {
  const adj = new Map<number, { to: number; strength: number }[]>();
  for (const p of net.people) adj.set(p.id, []);
  for (const t of net.ties) {
    if (!use(t.strength)) continue;
    adj.get(t.a)?.push({ to: t.b, strength: t.strength });
    adj.get(t.b)?.push({ to: t.a, strength: t.strength });
  }
  const firstHop = new Map<number, number>([[source, source]]);
  let frontier = [source];
  while (frontier.length) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const { to } of adj.get(v) ?? []) {
        if (firstHop.has(to)) continue;
        firstHop.set(to, v === source ? to : firstHop.get(v)!);
        next.push(to);
      }
    }
    frontier = next;
  }
  return firstHop;
}

export function computeInsights(net: Network, metrics: FullMetrics, now: Date, limit: number = GRAPH_LIMITS.insightItems): GraphInsights {
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
  const bridges = net.people
    .filter((p) => !p.isMe && between(p.id) > 0)
    .sort((x, y) => between(y.id) - between(x.id) || x.id - y.id)
    .slice(0, limit)
    .map((p) => ({ ...person(p.id), betweenness: between(p.id), communities: neighbourCommunities.get(p.id)?.size ?? 0 }));

  // Organizations: reached over any ties, but not over strong ones (strength 3+) alone.
  const anyReach = reachFrom(net, net.meId, () => true);
  const strongReach = reachFrom(net, net.meId, (s) => !isWeakTie(s));
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
    const via = anyReach.get(reached[0]!);
    weakOnlyOrganizations.push({ id: orgId, name: net.organizations.get(orgId) ?? '', people: reached.length, via: via === undefined ? null : person(via) });
  }
  weakOnlyOrganizations.sort((a, b) => b.people - a.people || a.name.localeCompare(b.name) || a.id - b.id);

  // Communities, labelled by their most common organization.
  const members = new Map<number, number[]>();
  for (const p of net.people) {
    const c = metrics.community.get(p.id) ?? 0;
    const list = members.get(c);
    if (list) list.push(p.id);
    else members.set(c, [p.id]);
  }
  const orgOf = new Map(net.people.map((p) => [p.id, p.orgIds[0]]));
  const communityList = [...members.entries()]
    .filter(([, ids]) => ids.length > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, limit)
    .map(([id, ids]) => {
      const counts = new Map<number, number>();
      for (const m of ids) {
        const org = orgOf.get(m);
        if (org !== undefined) counts.set(org, (counts.get(org) ?? 0) + 1);
      }
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      const hub = [...ids].sort((a, b) => between(b) - between(a) || a - b)[0]!;
      const label = top && top[1] > 1 ? `Around ${net.organizations.get(top[0])}` : `Around ${names.get(hub)}`;
      return { id, size: ids.length, label, memberIds: ids };
    });

  const dormantWeakTies = net.ties
    .filter((t) => (t.a === net.meId || t.b === net.meId) && isWeakTie(t.strength) && daysSince(t.quietSince, now) > DORMANT_DAYS)
    .map((t) => {
      const other = t.a === net.meId ? t.b : t.a;
      return { ...person(other), strength: t.strength, lastContact: t.lastContact, quietDays: daysSince(t.quietSince, now), betweenness: between(other) };
    })
    .sort((a, b) => b.betweenness - a.betweenness || b.quietDays - a.quietDays || a.id - b.id)
    .slice(0, limit);

  return { bridges, weakOnlyOrganizations: weakOnlyOrganizations.slice(0, limit), communities: communityList, modularity: metrics.modularity, dormantWeakTies };
}
