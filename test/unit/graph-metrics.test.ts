// Graph metrics (issue 5) on Zachary's karate club, against published values:
// betweenness as networkx's betweenness_centrality(G, normalized=True) gives it
// (Brandes 2001; the values are also in Newman's "Networks", ch. 7), and
// Louvain's partition (Blondel et al. 2008 report modularity 0.42 on it).
import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../main/graph/insights';
import { betweenness, communities, computeMetrics, sampledBetweenness, type SimpleGraph } from '../../main/graph/metrics';
import { GraphInsights } from '../../shared/graph';

// Zachary (1977), 34 members, 78 ties; members numbered 1–34 as in the paper.
const KARATE_EDGES: [number, number][] = [
  [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8], [1, 9], [1, 11], [1, 12], [1, 13], [1, 14], [1, 18], [1, 20], [1, 22], [1, 32],
  [2, 3], [2, 4], [2, 8], [2, 14], [2, 18], [2, 20], [2, 22], [2, 31],
  [3, 4], [3, 8], [3, 9], [3, 10], [3, 14], [3, 28], [3, 29], [3, 33],
  [4, 8], [4, 13], [4, 14],
  [5, 7], [5, 11],
  [6, 7], [6, 11], [6, 17],
  [7, 17],
  [9, 31], [9, 33], [9, 34],
  [10, 34],
  [14, 34],
  [15, 33], [15, 34],
  [16, 33], [16, 34],
  [19, 33], [19, 34],
  [20, 34],
  [21, 33], [21, 34],
  [23, 33], [23, 34],
  [24, 26], [24, 28], [24, 30], [24, 33], [24, 34],
  [25, 26], [25, 28], [25, 32],
  [26, 32],
  [27, 30], [27, 34],
  [28, 34],
  [29, 32], [29, 34],
  [30, 33], [30, 34],
  [31, 33], [31, 34],
  [32, 33], [32, 34],
  [33, 34],
];
// The faction each member joined after the split (networkx's 'club' attribute: Mr. Hi's).
const MR_HI = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 20, 22]);

const karate: SimpleGraph = {
  nodes: Array.from({ length: 34 }, (_, i) => i + 1),
  edges: KARATE_EDGES.map(([a, b]) => ({ a, b })),
};

// networkx 3.x: nx.betweenness_centrality(nx.karate_club_graph()), members renumbered from 1.
const PUBLISHED_BETWEENNESS: Record<number, number> = {
  1: 0.43763528138528146,
  34: 0.30407497594997596,
  33: 0.145247113997114,
  3: 0.14365680615680618,
  32: 0.13827561327561325,
  9: 0.05592682780182781,
  2: 0.053936688311688304,
  14: 0.04586339586339586,
  20: 0.03247504810004810,
  6: 0.02998737373737374,
  7: 0.02998737373737374,
  12: 0,
};

describe('betweenness on the karate club', () => {
  it('matches the published normalized values (graphology-metrics, exact)', () => {
    expect(KARATE_EDGES).toHaveLength(78);
    const { values, sampled } = betweenness(karate);
    expect(sampled).toBe(false);
    for (const [node, expected] of Object.entries(PUBLISHED_BETWEENNESS)) {
      expect(values.get(Number(node))).toBeCloseTo(expected, 6);
    }
    const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranked.slice(0, 5)).toEqual([1, 34, 33, 3, 32]);
  });

  it('the sampled estimator with every node as a source equals the exact values', () => {
    const exact = betweenness(karate).values;
    const all = sampledBetweenness(karate, 34);
    for (const [id, v] of exact) expect(all.get(id)).toBeCloseTo(v, 10);
  });

  it('above the exact limit, a sample still finds the top two bridges', () => {
    const { values, sampled } = betweenness(karate, { exactLimit: 10, samples: 17 });
    expect(sampled).toBe(true);
    const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranked.slice(0, 2).sort((a, b) => a - b)).toEqual([1, 34]);
  });

  it('handles empty, tiny and disconnected graphs', () => {
    expect(betweenness({ nodes: [], edges: [] }).values.size).toBe(0);
    expect([...betweenness({ nodes: [1, 2], edges: [{ a: 1, b: 2 }] }).values.values()]).toEqual([0, 0]);
    // A path 1-2-3 plus a lone pair 4-5: only 2 lies between others (1↔3, counted both ways), over (n−1)(n−2) = 12.
    const v = betweenness({ nodes: [1, 2, 3, 4, 5], edges: [{ a: 1, b: 2 }, { a: 2, b: 3 }, { a: 4, b: 5 }] }).values;
    expect(v.get(2)).toBeCloseTo(2 / 12, 10);
    expect(v.get(4)).toBe(0);
  });
});

describe('Louvain communities on the karate club', () => {
  it('finds a partition with modularity 0.40–0.42 that follows the split', () => {
    const { community, modularity, count } = communities(karate, { weighted: false });
    expect(modularity).toBeGreaterThanOrEqual(0.4);
    expect(modularity).toBeLessThanOrEqual(0.4198 + 1e-4); // the best known partition scores 0.4198
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(5);
    // The two leaders end up apart, and almost everyone shares a community with their own faction's majority.
    expect(community.get(1)).not.toBe(community.get(34));
    const byCommunity = new Map<number, number[]>();
    for (const [id, c] of community) byCommunity.set(c, [...(byCommunity.get(c) ?? []), id]);
    let agree = 0;
    for (const ids of byCommunity.values()) {
      const hi = ids.filter((id) => MR_HI.has(id)).length;
      agree += Math.max(hi, ids.length - hi);
    }
    expect(agree / 34).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic for the same network and renumbers communities by size', () => {
    const a = communities(karate);
    const b = communities(karate);
    expect([...a.community]).toEqual([...b.community]);
    const sizes = Array.from({ length: a.count }, (_, c) => [...a.community.values()].filter((x) => x === c).length);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });
});

describe('a network without ties (issue 16: a new install has only me)', () => {
  it('has modularity 0, not NaN, and insights that satisfy the contract', () => {
    expect(communities({ nodes: [1], edges: [] }).modularity).toBe(0);
    expect(communities({ nodes: [1, 2, 3], edges: [] }).modularity).toBe(0);
    const me = { id: 1, name: 'Sam Rivera', headline: '', isMe: true, orgIds: [], tags: [] };
    for (const people of [[me], [me, { ...me, id: 2, name: 'Ada Byrne', isMe: false }]]) {
      const net = { meId: 1, people, ties: [], organizations: new Map<number, string>() };
      const insights = computeInsights(net, computeMetrics(net), new Date('2027-01-31T12:00:00Z'));
      expect(() => GraphInsights.parse(insights)).not.toThrow();
      expect(insights.modularity).toBe(0);
    }
  });
});
