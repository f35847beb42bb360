// The frozen samples the layout is measured on (issue 16): the app's sample
// generator (main/sample/generate.ts) at its default seed 42, 150 and 2,000
// people, turned into the Network the graph view reads, without a database.
// Me is id 1; the generator's person i is id i + 2.
import { computeInsights } from '../../../main/graph/insights';
import { computeMetrics, type FullMetrics } from '../../../main/graph/metrics';
import type { Network } from '../../../main/graph/network';
import { generateNetwork } from '../../../main/sample/generate';
import type { LayoutGraph } from '../../../shared/graphLayout';

export const SAMPLE_SEED = 42;
const NOW = new Date('2027-01-31T12:00:00Z');

export function sampleNetwork(people: number): Network {
  const s = generateNetwork({ people, seed: SAMPLE_SEED, now: NOW });
  const id = (i: number) => (i < 0 ? 1 : i + 2);
  const orgIds = new Map<number, number[]>();
  for (const a of s.affiliations) {
    if (!a.current) continue;
    const list = orgIds.get(id(a.person)) ?? [];
    list.push(a.organization + 1);
    orgIds.set(id(a.person), list);
  }
  const seen = new Set<string>();
  const ties: Network['ties'] = [];
  for (const t of s.ties) {
    const [a, b] = [id(t.a), id(t.b)].sort((x, y) => x - y) as [number, number];
    if (a === b || seen.has(`${a}:${b}`)) continue;
    seen.add(`${a}:${b}`);
    ties.push({ id: ties.length + 1, a, b, strength: t.strength, lastContact: null, quietSince: t.since });
  }
  return {
    meId: 1,
    people: [
      { id: 1, name: 'Me', headline: '', isMe: true, orgIds: orgIds.get(1) ?? [], tags: [] },
      ...s.people.map((p, i) => ({ id: id(i), name: p.displayName, headline: p.headline, isMe: false, orgIds: orgIds.get(id(i)) ?? [], tags: p.tags })),
    ],
    ties,
    organizations: new Map(s.organizations.map((o, i) => [i + 1, o.name])),
  };
}

/** The network, the partition the app shows, its top 10 bridges, and the layout input. */
export function sampleForLayout(people: number): { net: Network; metrics: FullMetrics; bridges: number[]; graph: LayoutGraph } {
  const net = sampleNetwork(people);
  const metrics = computeMetrics(net);
  const bridges = computeInsights(net, metrics, NOW, 10).bridges.map((b) => b.id);
  const graph: LayoutGraph = {
    ids: net.people.map((p) => p.id),
    edges: net.ties.map((t) => [t.a, t.b, t.strength] as const),
    community: metrics.community,
    meId: net.meId,
  };
  return { net, metrics, bridges, graph };
}
