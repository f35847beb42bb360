// Communities drawn (issue 16), pure geometry shared by the graph view and its
// tests: the soft tint behind each community of the whole view, and the
// layout of the map of communities a large network opens on.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { CommunityMap, GraphNode } from './graph';
import { hash01, type Point } from './graphLayout';

export type { Point } from './graphLayout';

/** A community's soft tint: a translucent disc around most of its people, named above. */
export interface CommunityTint {
  community: number;
  label: string;
  x: number;
  y: number;
  r: number;
}

/** Communities smaller than this get no tint (a pair needs no hull), and at most this many (the largest). */
export const TINT_MIN_MEMBERS = 4;
export const TINT_MAX = 12;

/**
 * The tints of the communities drawn (issue 16), pure. A community may lie in more than one
 * clump, so each tint is centred on its densest member (of up to 40 evenly picked: the one with
 * the smallest median distance to the rest) and reaches the 60th percentile of their distances
 * from it, plus a margin: around its main body, not a giant disc across the picture. A community
 * too scattered for that (its disc wider than a quarter of the drawing) gets no tint. Named by
 * `labels` (the user's name, else "Around <organization>").
 */
export function communityTints(
  nodes: readonly Pick<GraphNode, 'id' | 'community'>[],
  positions: ReadonlyMap<number, { x: number; y: number }>,
  labels: ReadonlyMap<number, string>,
): CommunityTint[] {
  const groups = new Map<number, { x: number; y: number }[]>();
  let x1 = Infinity;
  let x2 = -Infinity;
  let y1 = Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    x1 = Math.min(x1, p.x);
    x2 = Math.max(x2, p.x);
    y1 = Math.min(y1, p.y);
    y2 = Math.max(y2, p.y);
    const list = groups.get(n.community);
    if (list) list.push(p);
    else groups.set(n.community, [p]);
  }
  const extent = Math.max(x2 - x1, y2 - y1);
  const out: CommunityTint[] = [];
  const ranked = [...groups.entries()].filter(([, ps]) => ps.length >= TINT_MIN_MEMBERS).sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  for (const [community, ps] of ranked) {
    if (out.length >= TINT_MAX) break;
    const step = Math.max(1, Math.floor(ps.length / 40));
    let best = { at: ps[0]!, spread: Infinity, dist: [] as number[] };
    for (let i = 0; i < ps.length; i += step) {
      const c = ps[i]!;
      const dist = ps.map((p) => Math.hypot(p.x - c.x, p.y - c.y)).sort((a, b) => a - b);
      const spread = dist[dist.length >> 1]!;
      if (spread < best.spread) best = { at: c, spread, dist };
    }
    const r = best.dist[Math.min(best.dist.length - 1, Math.floor(best.dist.length * 0.6))]! + 24;
    if (ps.length < nodes.length && r > extent / 4) continue;
    const tint = { community, label: labels.get(community) ?? '', x: best.at.x, y: best.at.y, r };
    // A larger community's tint already there (discs mostly on top of each other, or names colliding): none.
    if (out.some((t) => Math.hypot(t.x - tint.x, t.y - tint.y) < 0.75 * (t.r + tint.r) || labelsCollide(t, tint))) continue;
    out.push(tint);
  }
  return out;
}

/** Whether two tints' names (drawn centred above their discs, tintFont high) would overlap. */
function labelsCollide(a: CommunityTint, b: CommunityTint): boolean {
  const box = (t: CommunityTint) => {
    const font = tintFont(t.r);
    const half = (0.6 * font * t.label.length) / 2;
    return { x1: t.x - half, x2: t.x + half, y1: t.y - t.r - 1.4 * font, y2: t.y - t.r };
  };
  const p = box(a);
  const q = box(b);
  return p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
}

/** A tint's label size (model units): grows with the community's disc, within bounds. */
export function tintFont(r: number): number {
  return Math.round(Math.max(14, Math.min(40, r / 7)));
}

// ---- The map of communities ----

export const MAP_NODE_MIN = 36;
export const MAP_NODE_MAX = 150;
/** Room between two communities for the name below each. */
const MAP_GAP = 110;

export function mapNodeSize(size: number, largest: number): number {
  return MAP_NODE_MIN + (MAP_NODE_MAX - MAP_NODE_MIN) * Math.sqrt(Math.min(1, size / Math.max(1, largest)));
}

/** Positions of the communities: ForceAtlas2 over the map weighted by ties, then spread so none overlap. Deterministic. */
export function mapPositions(map: CommunityMap): Map<number, Point> {
  const largest = map.communities[0]?.size ?? 1;
  const graph = new Graph({ type: 'undirected' });
  map.communities.forEach((c, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, map.communities.length) + hash01(c.id) * 0.3;
    const r = 100 + 400 * hash01(c.id + 31);
    graph.addNode(String(c.id), { x: r * Math.cos(a), y: r * Math.sin(a), size: mapNodeSize(c.size, largest) / 2 });
  });
  for (const l of map.links) {
    if (graph.hasNode(String(l.a)) && graph.hasNode(String(l.b))) graph.addEdge(String(l.a), String(l.b), { weight: Math.log1p(l.ties) });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: 300,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: true, gravity: 1, strongGravityMode: true, scalingRatio: 20, barnesHutOptimize: false },
    });
  }
  const out = new Map<number, Point>();
  const radius = new Map<number, number>();
  graph.forEachNode((node, attr) => {
    out.set(Number(node), { x: attr.x as number, y: attr.y as number });
    radius.set(Number(node), attr.size as number);
  });
  // Overlaps left by ForceAtlas2 pushed apart, pair by pair (a few dozen communities: cheap)...
  const ids = [...out.keys()];
  const need = (i: number, j: number) => radius.get(ids[i]!)! + radius.get(ids[j]!)! + MAP_GAP;
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const p = out.get(ids[i]!)!;
        const q = out.get(ids[j]!)!;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let d = Math.hypot(dx, dy);
        if (d >= need(i, j)) continue;
        if (d < 1e-6) {
          dx = Math.cos(i + j);
          dy = Math.sin(i + j);
          d = 1;
        }
        const push = (need(i, j) - d) / 2 + 0.5;
        out.set(ids[i]!, { x: p.x - (dx / d) * push, y: p.y - (dy / d) * push });
        out.set(ids[j]!, { x: q.x + (dx / d) * push, y: q.y + (dy / d) * push });
        moved = true;
      }
    }
    if (!moved) break;
  }
  // ...then the whole map drawn in, uniformly, until the closest pair just keeps its gap.
  let scale = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = out.get(ids[i]!)!;
      const q = out.get(ids[j]!)!;
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d > 1e-6) scale = Math.max(scale, need(i, j) / d);
    }
  }
  if (scale > 0 && scale < 1) for (const [id, p] of out) out.set(id, { x: p.x * scale, y: p.y * scale });
  return out;
}

