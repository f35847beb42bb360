// Communities by name (issue 16): each Louvain community is called "Around
// <its most common organization>" (or its best connected person) unless the
// user named it; a name follows its community across recomputation. And the
// map of communities a large network opens on.
//
// Why a stored member list: Louvain's community ids are ranks by size, which
// change whenever a tie does, so a name cannot be kept by id. Each name is
// kept with the members its community had; after a recomputation, each stored
// name goes to the new community holding at least half of those members (the
// largest such overlap first, one name per community), and its member list
// moves on with it, so a community that drifts slowly keeps its name. Stored
// as one settings value (like the saved positions): read and written whole,
// no migration.
import { isWeakTie, type CommunityMap, type CommunitySummary } from '../../shared/graph';
import { KithError } from '../../shared/errors';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../services/settings';
import type { FullMetrics } from './metrics';
import type { Network } from './network';

export const COMMUNITY_NAMES_KEY = 'graph.communityNames';
/** People of a community named on the map (its best connected). */
const TOP_PEOPLE = 3;

export interface StoredCommunityName {
  name: string;
  members: number[];
}

export interface CommunityLabel {
  label: string;
  named: boolean;
}

/** Members of each community, ids ascending. */
export function membersByCommunity(net: Network, community: ReadonlyMap<number, number>): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (const p of net.people) {
    const c = community.get(p.id) ?? 0;
    const list = members.get(c);
    if (list) list.push(p.id);
    else members.set(c, [p.id]);
  }
  return members;
}

/**
 * Which stored name each community takes: a name goes to the community holding at least half
 * of its stored members; the largest overlaps are matched first, and each community and each
 * name is matched at most once. Pure.
 */
export function matchNames(current: ReadonlyMap<number, readonly number[]>, stored: readonly StoredCommunityName[]): Map<number, number> {
  const communityOf = new Map<number, number>();
  for (const [c, ids] of current) for (const id of ids) communityOf.set(id, c);
  const candidates: { community: number; name: number; overlap: number }[] = [];
  stored.forEach((entry, name) => {
    const overlap = new Map<number, number>();
    for (const id of entry.members) {
      const c = communityOf.get(id);
      if (c !== undefined) overlap.set(c, (overlap.get(c) ?? 0) + 1);
    }
    for (const [community, n] of overlap) if (entry.members.length > 0 && 2 * n >= entry.members.length) candidates.push({ community, name, overlap: n });
  });
  candidates.sort((x, y) => y.overlap - x.overlap || x.name - y.name || x.community - y.community);
  const out = new Map<number, number>();
  const usedNames = new Set<number>();
  for (const c of candidates) {
    if (out.has(c.community) || usedNames.has(c.name)) continue;
    out.set(c.community, c.name);
    usedNames.add(c.name);
  }
  return out;
}

/** "Around <most common current organization>" when two or more share it, else "Around <best connected member>". */
export function defaultCommunityLabel(ids: readonly number[], net: Network, metrics: Pick<FullMetrics, 'betweenness'>): string {
  const names = new Map(net.people.map((p) => [p.id, p]));
  const counts = new Map<number, number>();
  for (const id of ids) {
    const org = names.get(id)?.orgIds[0];
    if (org !== undefined) counts.set(org, (counts.get(org) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (top && top[1] > 1) return `Around ${net.organizations.get(top[0]) ?? ''}`;
  const between = (id: number) => metrics.betweenness.get(id) ?? 0;
  const hub = [...ids].sort((a, b) => between(b) - between(a) || a - b)[0];
  return `Around ${hub === undefined ? '' : (names.get(hub)?.name ?? '')}`;
}

function readStored(db: Db): StoredCommunityName[] {
  const raw = getSetting<unknown>(db, COMMUNITY_NAMES_KEY, []);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is StoredCommunityName => typeof e === 'object' && e !== null && typeof (e as StoredCommunityName).name === 'string' && Array.isArray((e as StoredCommunityName).members),
  );
}

/**
 * The label of every community of two or more people. Stored names follow their communities: when
 * a recomputation moved members, the stored lists are brought up to date (one small write), and
 * names whose community is gone (fewer than half of its people left together) are dropped.
 */
export function communityLabels(db: Db, net: Network, metrics: FullMetrics): Map<number, CommunityLabel> {
  const members = membersByCommunity(net, metrics.community);
  const stored = readStored(db);
  const matched = matchNames(members, stored);
  const out = new Map<number, CommunityLabel>();
  for (const [c, ids] of members) {
    const name = matched.get(c);
    out.set(c, name !== undefined ? { label: stored[name]!.name, named: true } : { label: defaultCommunityLabel(ids, net, metrics), named: false });
  }
  const next: StoredCommunityName[] = [...matched.entries()].sort((a, b) => a[1] - b[1]).map(([c, name]) => ({ name: stored[name]!.name, members: members.get(c)! }));
  const same = next.length === stored.length && next.every((e, i) => e.name === stored[i]!.name && e.members.join(',') === stored[i]!.members.join(','));
  if (!same) db.transaction(() => setSetting(db, COMMUNITY_NAMES_KEY, next))();
  return out;
}

/** Names a community (an empty name gives back its default); answers its label now. */
export function renameCommunity(db: Db, net: Network, metrics: FullMetrics, communityId: number, name: string): CommunityLabel {
  const members = membersByCommunity(net, metrics.community);
  const ids = members.get(communityId);
  if (!ids) throw new KithError('NOT_FOUND', 'That community is no longer in the network (the communities were found again). Open the map and pick it again.');
  return db.transaction(() => {
    // Bring the stored names up to date first, then replace whatever this community was called.
    communityLabels(db, net, metrics);
    const stored = readStored(db);
    const matched = matchNames(members, stored);
    const own = matched.get(communityId);
    const next = stored.filter((_e, i) => i !== own);
    if (name !== '') next.push({ name, members: ids });
    setSetting(db, COMMUNITY_NAMES_KEY, next);
    return name !== '' ? { label: name, named: true } : { label: defaultCommunityLabel(ids, net, metrics), named: false };
  })();
}

/** The map of communities (issue 16): communities of two or more people, and the ties between each pair. */
export function communityMap(net: Network, metrics: FullMetrics, labels: ReadonlyMap<number, CommunityLabel>): CommunityMap {
  const members = membersByCommunity(net, metrics.community);
  const names = new Map(net.people.map((p) => [p.id, p.name]));
  const between = (id: number) => metrics.betweenness.get(id) ?? 0;
  const communities: CommunitySummary[] = [...members.entries()]
    .filter(([, ids]) => ids.length > 1)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .map(([id, ids]) => ({
      id,
      size: ids.length,
      label: labels.get(id)?.label ?? '',
      named: labels.get(id)?.named ?? false,
      topPeople: [...ids]
        .sort((a, b) => between(b) - between(a) || a - b)
        .slice(0, TOP_PEOPLE)
        .map((p) => ({ id: p, name: names.get(p) ?? '' })),
      hasMe: metrics.community.get(net.meId) === id,
    }));
  const onMap = new Set(communities.map((c) => c.id));
  const links = new Map<string, { a: number; b: number; ties: number; weak: number }>();
  for (const t of net.ties) {
    const ca = metrics.community.get(t.a);
    const cb = metrics.community.get(t.b);
    if (ca === undefined || cb === undefined || ca === cb || !onMap.has(ca) || !onMap.has(cb)) continue;
    const [a, b] = ca < cb ? [ca, cb] : [cb, ca];
    const key = `${a}:${b}`;
    let link = links.get(key);
    if (!link) links.set(key, (link = { a, b, ties: 0, weak: 0 }));
    link.ties++;
    if (isWeakTie(t.strength)) link.weak++;
  }
  const alone = [...members.values()].filter((ids) => ids.length === 1).length;
  return { communities, links: [...links.values()].sort((x, y) => x.a - y.a || x.b - y.b), totalPeople: net.people.length, alone };
}
