// The map of communities (issue 16) on the frozen 2,000-person sample: one node
// per community of two or more, one link per pair with ties between them, the
// communities laid out without overlapping (the map must be readable), the
// same positions every time; and the tints of the whole view.
import { describe, expect, it } from 'vitest';
import { communityMap } from '../../main/graph/communities';
import { computeMetrics } from '../../main/graph/metrics';
import { communityTints, mapNodeSize, mapPositions } from '../../shared/graphCommunities';
import { sampleNetwork } from '../bench/suites/graphSamples';

describe('the community map of the 2,000-person sample', () => {
  const net = sampleNetwork(2_000);
  const metrics = computeMetrics(net);
  const map = communityMap(net, metrics, new Map());

  it('one node per community of two or more, links counting every tie across them', () => {
    const sizes = new Map<number, number>();
    for (const p of net.people) sizes.set(metrics.community.get(p.id)!, (sizes.get(metrics.community.get(p.id)!) ?? 0) + 1);
    expect(map.communities.map((c) => c.size)).toEqual([...sizes.values()].filter((n) => n > 1).sort((a, b) => b - a));
    expect(map.alone).toBe([...sizes.values()].filter((n) => n === 1).length);
    const across = net.ties.filter((t) => {
      const a = metrics.community.get(t.a)!;
      const b = metrics.community.get(t.b)!;
      return a !== b && sizes.get(a)! > 1 && sizes.get(b)! > 1;
    });
    expect(map.links.reduce((s, l) => s + l.ties, 0)).toBe(across.length);
    expect(map.links.every((l) => l.a < l.b && l.weak <= l.ties)).toBe(true);
  });

  it('laid out without overlaps, compactly, the same every time', () => {
    const at = mapPositions(map);
    expect(mapPositions(map)).toEqual(at);
    const largest = map.communities[0]!.size;
    let closestGap = Infinity;
    for (const [i, c] of map.communities.entries()) {
      for (const d of map.communities.slice(i + 1)) {
        const gap = Math.hypot(at.get(c.id)!.x - at.get(d.id)!.x, at.get(c.id)!.y - at.get(d.id)!.y) - (mapNodeSize(c.size, largest) + mapNodeSize(d.size, largest)) / 2;
        closestGap = Math.min(closestGap, gap);
      }
    }
    expect(closestGap).toBeGreaterThan(0);
    // Compact: drawn in until the closest pair nearly touches (a map spread wide shows only dots).
    expect(closestGap).toBeLessThan(130);
  });

  it('tints: one per community of four or more drawn, around most of its people, named', () => {
    const positions = new Map(net.people.map((p, i) => [p.id, { x: (metrics.community.get(p.id)! % 5) * 1_000 + (i % 7), y: Math.floor(metrics.community.get(p.id)! / 5) * 1_000 + (i % 11) }]));
    const nodes = net.people.map((p) => ({ id: p.id, community: metrics.community.get(p.id)! }));
    const tints = communityTints(nodes, positions, new Map([[0, 'Around Pinecone Health']]));
    expect(tints.length).toBeGreaterThan(3);
    expect(tints[0]).toMatchObject({ community: 0, label: 'Around Pinecone Health' });
    for (const t of tints) {
      const members = nodes.filter((n) => n.community === t.community).map((n) => positions.get(n.id)!);
      const inside = members.filter((p) => Math.hypot(p.x - t.x, p.y - t.y) <= t.r).length;
      expect(inside / members.length).toBeGreaterThanOrEqual(0.6);
    }
  });
});
