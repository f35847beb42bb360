// Likely ties as an additive input to route search (issue 15): the route
// index (graph.ts) with one extra arc pair per likely tie at or above
// LIKELY.defaultMinConfidence. A likely arc has no tie id (adjTieId −1) and
// points into `likelyArcs` (its evidence); its warmth is its suggested
// strength's base warmth × LIKELY.routeDiscount. Built from the route index
// and the visible likely ties, and reused while neither changes.
import { LIKELY, pairKeyOf } from '../../shared/likelyTies';
import type { Db } from '../db/open';
import { visibleLikelyTies, type VisiblePair } from '../likely/index';
import type { RouteGraph } from './graph';

export interface LikelyArc {
  pairKey: string;
  confidence: number;
  evidence: string[];
}

export interface RouteGraphWithLikely extends RouteGraph {
  /** Per arc: an index into likelyArcs, or −1 for a tie. */
  adjLikely: Int32Array;
  likelyArcs: LikelyArc[];
  /** Per arc: the factor on its base warmth (1 for a tie, LIKELY.routeDiscount for a likely one). */
  adjDiscount: Float64Array;
}

const cache = new WeakMap<RouteGraph, { source: readonly VisiblePair[]; graph: RouteGraphWithLikely }>();

export function isLikelyGraph(graph: RouteGraph): graph is RouteGraphWithLikely {
  return 'adjLikely' in graph;
}

/** The route index plus likely arcs (archived people and me never have likely ties). */
export function withLikelyTies(db: Db, base: RouteGraph): RouteGraphWithLikely {
  const visible = visibleLikelyTies(db).all;
  const hit = cache.get(base);
  if (hit && hit.source === visible) return hit.graph;
  const extra: { x: number; y: number; strength: number; arc: number }[] = [];
  const likelyArcs: LikelyArc[] = [];
  for (const p of visible) {
    if (p.confidence < LIKELY.defaultMinConfidence) continue;
    const x = base.indexOfId.get(p.a);
    const y = base.indexOfId.get(p.b);
    if (x === undefined || y === undefined || base.archived[x] || base.archived[y]) continue;
    extra.push({ x, y, strength: p.strength, arc: likelyArcs.length });
    likelyArcs.push({ pairKey: pairKeyOf(p.a, p.b), confidence: p.confidence, evidence: p.evidence.map((e) => e.text) });
  }
  const { n, adjStart, adjTarget, adjStrength, adjTieId } = base;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = adjStart[v + 1]! - adjStart[v]!;
  for (const e of extra) {
    degree[e.x]!++;
    degree[e.y]!++;
  }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + degree[v]!;
  const m = start[n]!;
  const target = new Int32Array(m);
  const strength = new Uint8Array(m);
  const tieId = new Int32Array(m);
  const likely = new Int32Array(m).fill(-1);
  const discount = new Float64Array(m).fill(1);
  const fill = start.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let e = adjStart[v]!; e < adjStart[v + 1]!; e++) {
      const k = fill[v]!++;
      target[k] = adjTarget[e]!;
      strength[k] = adjStrength[e]!;
      tieId[k] = adjTieId[e]!;
    }
  }
  for (const e of extra) {
    for (const [from, to] of [
      [e.x, e.y],
      [e.y, e.x],
    ] as const) {
      const k = fill[from]!++;
      target[k] = to;
      strength[k] = e.strength;
      tieId[k] = -1;
      likely[k] = e.arc;
      discount[k] = LIKELY.routeDiscount;
    }
  }
  const graph: RouteGraphWithLikely = {
    ...base,
    adjStart: start,
    adjTarget: target,
    adjStrength: strength,
    adjTieId: tieId,
    adjLikely: likely,
    likelyArcs,
    adjDiscount: discount,
  };
  cache.set(base, { source: visible, graph });
  return graph;
}
