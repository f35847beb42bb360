// Layout helpers of the graph view (issue 5), pure: where to start a
// ForceAtlas2 run, and where to put people who have no saved position yet
// (near their neighbours, without moving anybody else). The ego view's ring
// layout is in shared/graph.ts (egoPositions), with its unit tests.
// Moved to shared/ (issue 16) so the layout and its quality measures are unit tested in Node.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Point } from './graph';
export type { Point } from './graph';
export interface LayoutGraph {
  ids: readonly number[];
  /** Pairs of ids, with an optional weight (tie strength). */
  edges: readonly (readonly [number, number, number?])[];
  /** Community per id (groups start together, which helps ForceAtlas2 settle in few iterations). */
  community?: ReadonlyMap<number, number>;
  /** Me: left out of the forces (issue 16), since my ties reach everyone and pull every group into one ball. */
  meId?: number | null;
}

/**
 * The default layout's levers (issue 16), measured in the graph bench and
 * test/unit/graph-layout-quality.test.ts: ForceAtlas2 over the real ties, with
 * ties inside a Louvain community weighted ×INSIDE and ties across ×ACROSS,
 * and my own ties left out of the forces. Plain ForceAtlas2 and LinLog leave
 * the communities interleaved (silhouette below 0 on the 2,000 sample).
 */
export const COMMUNITY_WEIGHT = { inside: 10, across: 0.1 } as const;

/** The median tie's length in the saved layout, in model units (nodes are 10–40 across). */
export const MEDIAN_TIE_LENGTH = 40;

/** A deterministic pseudo-random number in [0, 1) from an integer (no global Math.random). */
export function hash01(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** Starting positions: each community around its own point on a large circle, members scattered in a disc. */
export function initialPositions(g: LayoutGraph): Map<number, Point> {
  const n = g.ids.length;
  const scale = Math.sqrt(Math.max(n, 1)) * 20;
  const counts = new Map<number, number>();
  for (const id of g.ids) {
    const c = g.community?.get(id) ?? 0;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const groups = [...counts.keys()].sort((a, b) => a - b);
  const centre = new Map<number, Point>();
  groups.forEach((c, i) => {
    const angle = (2 * Math.PI * i) / groups.length;
    const r = groups.length === 1 ? 0 : scale;
    centre.set(c, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  const out = new Map<number, Point>();
  for (const id of g.ids) {
    const c = g.community?.get(id) ?? 0;
    const spread = Math.sqrt(counts.get(c)!) * 12;
    const a = 2 * Math.PI * hash01(id);
    const r = spread * Math.sqrt(hash01(id + 7919));
    const o = centre.get(c)!;
    out.set(id, { x: o.x + r * Math.cos(a), y: o.y + r * Math.sin(a) });
  }
  return out;
}

/**
 * Positions for the people in `g` missing from `known`: at the mean of their
 * placed neighbours plus a small deterministic offset, in breadth-first order
 * so a chain of new people unrolls from the placed ones. People with no placed
 * neighbour at all go on a ring just outside the drawing. `known` is not changed.
 */
export function placeNear(g: LayoutGraph, known: ReadonlyMap<number, Point>): Map<number, Point> {
  const adj = new Map<number, number[]>();
  for (const id of g.ids) adj.set(id, []);
  for (const [a, b] of g.edges) {
    adj.get(a)?.push(b);
    adj.get(b)?.push(a);
  }
  const placed = new Map<number, Point>();
  const at = (id: number) => known.get(id) ?? placed.get(id);
  let missing = g.ids.filter((id) => !known.has(id));
  let progress = true;
  while (missing.length && progress) {
    progress = false;
    const still: number[] = [];
    const round = new Map<number, Point>();
    for (const id of missing) {
      const around = adj.get(id)!.map(at).filter((p): p is Point => p !== undefined);
      if (!around.length) {
        still.push(id);
        continue;
      }
      const mx = around.reduce((s, p) => s + p.x, 0) / around.length;
      const my = around.reduce((s, p) => s + p.y, 0) / around.length;
      const a = 2 * Math.PI * hash01(id);
      const r = 18 + 14 * hash01(id + 104729);
      round.set(id, { x: mx + r * Math.cos(a), y: my + r * Math.sin(a) });
      progress = true;
    }
    for (const [id, p] of round) placed.set(id, p);
    missing = still;
  }
  if (missing.length) {
    const all = [...known.values(), ...placed.values()];
    const cx = all.length ? all.reduce((s, p) => s + p.x, 0) / all.length : 0;
    const cy = all.length ? all.reduce((s, p) => s + p.y, 0) / all.length : 0;
    const radius = all.length ? Math.max(...all.map((p) => Math.hypot(p.x - cx, p.y - cy))) + 60 : 60;
    missing.forEach((id, i) => {
      const a = (2 * Math.PI * i) / missing.length;
      placed.set(id, { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a) });
    });
  }
  return placed;
}

/** Full layout when most people have no saved position; otherwise place the few new ones. */
export function needsFullLayout(ids: readonly number[], known: ReadonlyMap<number, Point>): boolean {
  if (ids.length === 0) return false;
  const missing = ids.reduce((s, id) => s + (known.has(id) ? 0 : 1), 0);
  return missing / ids.length > 0.3;
}

/** ForceAtlas2 iterations for a graph size: enough to settle from the community start, within ~3 s at 10,000 people. */
export function iterationsFor(n: number): number {
  // Up to 2,000 people: 300 iterations let the communities separate (issue 16: silhouette 0.40 on
  // the 2,000 sample at 300, 0.24 at 150).
  if (n <= 2_000) return 300;
  if (n <= 5_000) return 80;
  // 10,000 people / 50,000 ties: ~55 ms an iteration (Barnes–Hut) on the bench machine; 40 keeps
  // the whole layout under 3 s and the communities already settled (they start grouped).
  return 40;
}

export interface LayoutRequest {
  ids: Int32Array;
  /** Index pairs into ids: source at 2i, target at 2i+1. */
  edges: Int32Array;
  /** Edge weights (tie strength). */
  weights: Float32Array;
  /** Starting x,y per id. */
  xy: Float64Array;
  iterations: number;
  /** ForceAtlas2 settings tried in the bench (issue 16); the defaults are the app's. */
  settings?: { edgeWeightInfluence?: number; linLogMode?: boolean; outboundAttractionDistribution?: boolean; scalingRatio?: number; gravity?: number; strongGravityMode?: boolean };
}
export interface LayoutResponse {
  xy: Float64Array;
  ms: number;
}

export function toLayoutRequest(g: LayoutGraph, start: ReadonlyMap<number, Point>, options: { communityWeights?: boolean; inside?: number; across?: number; strength?: boolean } = {}): LayoutRequest {
  const weighted = options.communityWeights !== false && g.community !== undefined;
  const forceEdges = g.edges.filter(([a, b]) => g.meId === undefined || g.meId === null || (a !== g.meId && b !== g.meId));
  const index = new Map<number, number>();
  g.ids.forEach((id, i) => index.set(id, i));
  const edges = new Int32Array(forceEdges.length * 2);
  const w = new Float32Array(forceEdges.length);
  forceEdges.forEach(([a, b, weight], i) => {
    edges[2 * i] = index.get(a)!;
    edges[2 * i + 1] = index.get(b)!;
    const inside = options.inside ?? COMMUNITY_WEIGHT.inside;
    const across = options.across ?? COMMUNITY_WEIGHT.across;
    const factor = !weighted ? 1 : g.community!.get(a) === g.community!.get(b) ? inside : across;
    w[i] = (options.strength === false ? 1 : (weight ?? 1)) * factor;
  });
  const xy = new Float64Array(g.ids.length * 2);
  g.ids.forEach((id, i) => {
    const p = start.get(id) ?? { x: 0, y: 0 };
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return { ids: Int32Array.from(g.ids), edges, weights: w, xy, iterations: iterationsFor(g.ids.length) };
}

/** ForceAtlas2 (graphology-layout-forceatlas2), synchronous: run inside the layout worker, and by the tests and bench. Barnes–Hut above 1,000 people. */
export function runLayout(req: LayoutRequest): LayoutResponse {
  const started = performance.now();
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const n = req.ids.length;
  for (let i = 0; i < n; i++) graph.addNode(i, { x: req.xy[2 * i]!, y: req.xy[2 * i + 1]! });
  for (let e = 0; e < req.weights.length; e++) {
    const a = req.edges[2 * e]!;
    const b = req.edges[2 * e + 1]!;
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: req.weights[e]! });
  }
  if (n > 1) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, {
      iterations: req.iterations,
      getEdgeWeight: 'weight',
      // Issue 16: full edge-weight influence (the community weights of layout.ts act as given) and
      // strong gravity, which keeps the separated communities from drifting apart so far that the
      // picture shrinks to dots; measured in the graph bench and graph-layout-quality.test.ts.
      settings: {
        ...settings,
        barnesHutOptimize: n > 1_000,
        adjustSizes: false,
        edgeWeightInfluence: 1,
        scalingRatio: 10,
        gravity: 0.05,
        strongGravityMode: true,
        ...req.settings,
      },
    });
  }
  const raw = new Float64Array(n * 2);
  let i = 0;
  graph.forEachNode((_node, attr) => {
    raw[2 * i] = attr.x as number;
    raw[2 * i + 1] = attr.y as number;
    i++;
  });
  // Model units (issue 16): scaled so the median tie is MEDIAN_TIE_LENGTH long, next to 10–40 px
  // nodes. Separated communities spread ForceAtlas2's drawing far wider than before, and a fixed
  // scale left every node a sub-pixel dot once the view fitted it. Uniform, so no measure changes.
  const lengths: number[] = [];
  for (let e = 0; e < req.weights.length; e++) {
    const a = req.edges[2 * e]!;
    const b = req.edges[2 * e + 1]!;
    if (a !== b) lengths.push(Math.hypot(raw[2 * a]! - raw[2 * b]!, raw[2 * a + 1]! - raw[2 * b + 1]!));
  }
  lengths.sort((x, y) => x - y);
  const median = lengths.length ? lengths[lengths.length >> 1]! : 0;
  const scale = median > 0 ? MEDIAN_TIE_LENGTH / median : 6;
  const xy = new Float64Array(n * 2);
  for (let k = 0; k < n * 2; k++) xy[k] = raw[k]! * scale;
  return { xy, ms: performance.now() - started };
}
