// The default layout shows the communities (issue 16), measured on the frozen
// 150-person sample (generator seed 42) with the partition the app shows, me
// left out of the measures: silhouette ≥ 0.35, inside/across median tie
// length ≤ 0.3, ≥ 8 of the top 10 bridges nearer a community they join, and
// stress ≤ 1.3× plain ForceAtlas2's. The 2,000 sample is in the graph bench.
import { describe, expect, it } from 'vitest';
import { initialPositions, runLayout, toLayoutRequest, type LayoutGraph, type LayoutRequest, type Point } from '../../shared/graphLayout';
import { bridgesBetween, silhouette, stress, tieLengthRatio, type QualityInput } from '../../shared/graphLayoutQuality';
import { sampleForLayout } from '../bench/suites/graphSamples';

function laidOut(g: LayoutGraph, req: LayoutRequest): Map<number, Point> {
  const res = runLayout(req);
  return new Map(g.ids.map((id, i) => [id, { x: res.xy[2 * i]!, y: res.xy[2 * i + 1]! }]));
}

describe('the default layout on the 150-person sample', () => {
  const sample = sampleForLayout(150);
  const measure = (positions: Map<number, Point>): QualityInput => ({ ids: sample.graph.ids, edges: sample.graph.edges, community: sample.metrics.community, meId: sample.net.meId, positions });
  const byDefault = measure(laidOut(sample.graph, toLayoutRequest(sample.graph, initialPositions(sample.graph))));
  // Plain ForceAtlas2: every tie by its strength, me in the forces, everyone starting in one disc.
  const plainGraph: LayoutGraph = { ids: sample.graph.ids, edges: sample.graph.edges };
  const plainRequest = toLayoutRequest(plainGraph, initialPositions(plainGraph));
  plainRequest.settings = { edgeWeightInfluence: 1, scalingRatio: 10, gravity: 1, strongGravityMode: false };
  const plain = measure(laidOut(plainGraph, plainRequest));

  it('separates the communities, which plain ForceAtlas2 does not', () => {
    expect(sample.metrics.communityCount).toBeGreaterThanOrEqual(3);
    expect(silhouette(byDefault)).toBeGreaterThanOrEqual(0.35);
    expect(silhouette(plain)).toBeLessThan(0.35);
    expect(tieLengthRatio(byDefault)).toBeLessThanOrEqual(0.3);
  });

  it('puts the bridges between the groups they join, without distorting distances', () => {
    expect(sample.bridges).toHaveLength(10);
    expect(bridgesBetween(byDefault, sample.bridges)).toBeGreaterThanOrEqual(8);
    expect(stress(byDefault)).toBeLessThanOrEqual(1.3 * stress(plain));
  });

  it('leaves me out of the forces and keeps each tie, weighted inside ×10 and across ×0.1', () => {
    const req = toLayoutRequest(sample.graph, initialPositions(sample.graph));
    const me = sample.graph.ids.indexOf(sample.net.meId);
    const mine = sample.graph.edges.filter(([a, b]) => a === sample.net.meId || b === sample.net.meId).length;
    expect(mine).toBeGreaterThan(0);
    expect(req.weights.length).toBe(sample.graph.edges.length - mine);
    for (let e = 0; e < req.weights.length; e++) expect(req.edges[2 * e] === me || req.edges[2 * e + 1] === me).toBe(false);
    const [a, b, strength] = sample.graph.edges.find(([x, y]) => x !== 1 && y !== 1 && sample.metrics.community.get(x) !== sample.metrics.community.get(y))!;
    const i = sample.graph.edges.filter(([x, y]) => x !== 1 && y !== 1).findIndex(([x, y]) => x === a && y === b);
    expect(req.weights[i]).toBeCloseTo((strength ?? 1) * 0.1, 5);
  });

  it('a silhouette of two far apart groups is near 1, of one mixed group near or below 0', () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const community = new Map(ids.map((id) => [id, id <= 3 ? 0 : 1]));
    const apart = new Map(ids.map((id) => [id, { x: id <= 3 ? id : 1000 + id, y: 0 }]));
    const mixed = new Map(ids.map((id) => [id, { x: id % 2 ? id : -id, y: 0 }]));
    expect(silhouette({ ids, edges: [], community, meId: null, positions: apart })).toBeGreaterThan(0.99);
    expect(silhouette({ ids, edges: [], community, meId: null, positions: mixed })).toBeLessThan(0.1);
  });
});
