// Layout quality rows of the graph bench (issue 16): every layout option tried,
// on the frozen 150- and 2,000-person samples (sample generator, seed 42), with
// the partition the app shows and me left out of the measure. The figures are
// geometry, not time: they do not depend on the machine's load.
import { initialPositions, iterationsFor, runLayout, toLayoutRequest, type LayoutGraph, type LayoutRequest, type Point } from '../../../shared/graphLayout';
import { bridgesBetween, silhouette, stress, tieLengthRatio } from '../../../shared/graphLayoutQuality';
import { sampleForLayout } from './graphSamples';

type Row = (name: string, value: number, unit: string, target?: string, note?: string) => void;

interface Variant {
  name: string;
  /** Ties weighted by community (×10 inside, ×0.1 across); otherwise by strength only. */
  communityWeights: boolean;
  /** Me left out of the forces. */
  meOut: boolean;
  /** Start each community around its own point. */
  seeded: boolean;
  iterations?: number;
  settings: NonNullable<LayoutRequest['settings']>;
}

const PLAIN: Variant['settings'] = { edgeWeightInfluence: 1, scalingRatio: 10, gravity: 1, strongGravityMode: false };
export const LAYOUT_VARIANTS: Variant[] = [
  { name: 'plain ForceAtlas2 (500 iterations)', communityWeights: false, meOut: false, seeded: false, iterations: 500, settings: PLAIN },
  { name: 'me out of the forces', communityWeights: false, meOut: true, seeded: false, settings: PLAIN },
  { name: 'me out + LinLog', communityWeights: false, meOut: true, seeded: false, settings: { ...PLAIN, linLogMode: true } },
  { name: 'me out + hub dissuasion', communityWeights: false, meOut: true, seeded: false, settings: { ...PLAIN, outboundAttractionDistribution: true } },
  { name: 'me out + community seeding', communityWeights: false, meOut: true, seeded: true, settings: PLAIN },
  { name: 'me out + community weights ×10/×0.1', communityWeights: true, meOut: true, seeded: true, settings: PLAIN },
  { name: 'default: community weights + strong gravity', communityWeights: true, meOut: true, seeded: true, settings: {} },
];

export function layoutQualityRows(row: Row, sizes: readonly number[] = [150, 2_000]): void {
  for (const n of sizes) {
    const sample = sampleForLayout(n);
    let plainStress = 0;
    for (const v of LAYOUT_VARIANTS) {
      const g: LayoutGraph = { ids: sample.graph.ids, edges: sample.graph.edges, community: v.communityWeights || v.seeded ? sample.metrics.community : undefined, meId: v.meOut ? sample.net.meId : null };
      const start = initialPositions(v.seeded ? g : { ids: g.ids, edges: g.edges });
      const req = toLayoutRequest(g, start, { communityWeights: v.communityWeights });
      req.iterations = v.iterations ?? iterationsFor(n);
      req.settings = v.settings;
      const res = runLayout(req);
      const positions = new Map<number, Point>(g.ids.map((id, i) => [id, { x: res.xy[2 * i]!, y: res.xy[2 * i + 1]! }]));
      const q = { ids: g.ids, edges: g.edges, community: sample.metrics.community, meId: sample.net.meId, positions };
      const s = stress(q);
      if (v === LAYOUT_VARIANTS[0]) plainStress = s;
      const label = `layout ${n} people (${sample.metrics.communityCount} communities, Q ${sample.metrics.modularity.toFixed(2)}): ${v.name}`;
      row(`${label}: silhouette`, silhouette(q), '', '≥ 0.35');
      row(`${label}: inside/across tie length`, tieLengthRatio(q), 'x', '≤ 0.3');
      row(`${label}: top 10 bridges between their groups`, bridgesBetween(q, sample.bridges), 'of 10', '≥ 8');
      row(`${label}: stress vs plain`, plainStress === 0 ? 0 : s / plainStress, 'x', '≤ 1.3', `stress ${s.toFixed(3)}; ${req.iterations} iterations, ${Math.round(res.ms)} ms (upper bound: shared CPU)`);
    }
  }
}
