// How well a layout shows the network's communities (issue 16), pure and
// CPU-independent, so the bench and a unit test can hold the default layout
// to it:
// - silhouette of the communities in the plane (Euclidean), me left out;
// - median tie length inside communities ÷ median across;
// - how many of the top bridges sit nearer the centroid of a community they
//   join than of any community they do not join;
// - stress of layout distance against hop distance on a sample of pairs
//   (with the best uniform scale, so only the shape counts).
import type { Point } from './graph';
import { hash01 } from './graphLayout';

export interface QualityInput {
  ids: readonly number[];
  edges: readonly (readonly [number, number, number?])[];
  community: ReadonlyMap<number, number>;
  /** Left out of every measure (my ties reach everyone). */
  meId: number | null;
  positions: ReadonlyMap<number, Point>;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Mean silhouette over people in communities of 2+ (people alone in theirs score 0, as in scikit-learn). */
export function silhouette(q: QualityInput): number {
  const ids = q.ids.filter((id) => id !== q.meId && q.positions.has(id) && q.community.has(id));
  const groups = new Map<number, number[]>();
  for (const id of ids) {
    const c = q.community.get(id)!;
    const list = groups.get(c);
    if (list) list.push(id);
    else groups.set(c, [id]);
  }
  if (groups.size < 2) return 0;
  let total = 0;
  for (const id of ids) {
    const p = q.positions.get(id)!;
    const own = q.community.get(id)!;
    if (groups.get(own)!.length < 2) continue;
    let a = 0;
    let b = Infinity;
    for (const [c, members] of groups) {
      let sum = 0;
      for (const m of members) if (m !== id) sum += dist(p, q.positions.get(m)!);
      if (c === own) a = sum / (members.length - 1);
      else b = Math.min(b, sum / members.length);
    }
    total += (b - a) / Math.max(a, b) || 0;
  }
  return total / ids.length;
}

/** Median length of ties inside a community ÷ median length of ties across (me's ties left out). */
export function tieLengthRatio(q: QualityInput): number {
  const inside: number[] = [];
  const across: number[] = [];
  for (const [a, b] of q.edges) {
    if (a === q.meId || b === q.meId) continue;
    const pa = q.positions.get(a);
    const pb = q.positions.get(b);
    if (!pa || !pb) continue;
    (q.community.get(a) === q.community.get(b) ? inside : across).push(dist(pa, pb));
  }
  const m = median(across);
  return m === 0 ? 0 : median(inside) / m;
}

/** Of `bridges`, how many lie nearer the centroid of a community they join than of any community they do not join. */
export function bridgesBetween(q: QualityInput, bridges: readonly number[]): number {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const id of q.ids) {
    if (id === q.meId) continue;
    const p = q.positions.get(id);
    const c = q.community.get(id);
    if (!p || c === undefined) continue;
    const s = sums.get(c) ?? { x: 0, y: 0, n: 0 };
    s.x += p.x;
    s.y += p.y;
    s.n++;
    sums.set(c, s);
  }
  const centroid = new Map([...sums].map(([c, s]) => [c, { x: s.x / s.n, y: s.y / s.n }]));
  const joins = new Map<number, Set<number>>();
  for (const [a, b] of q.edges) {
    if (a === q.meId || b === q.meId) continue;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = joins.get(x) ?? new Set<number>();
      const c = q.community.get(y);
      if (c !== undefined) set.add(c);
      joins.set(x, set);
    }
  }
  let good = 0;
  for (const id of bridges) {
    const p = q.positions.get(id);
    if (!p) continue;
    const own = new Set(joins.get(id) ?? []);
    const c = q.community.get(id);
    if (c !== undefined) own.add(c);
    let nearestIn = Infinity;
    let nearestOut = Infinity;
    for (const [cid, at] of centroid) {
      const d = dist(p, at);
      if (own.has(cid)) nearestIn = Math.min(nearestIn, d);
      else nearestOut = Math.min(nearestOut, d);
    }
    if (nearestIn < nearestOut) good++;
  }
  return good;
}

/**
 * Stress on `pairs` seeded pairs of people connected (me and my ties left out):
 * Σ (s·d_layout − d_graph)² / Σ d_graph², with s the least-squares scale.
 */
export function stress(q: QualityInput, pairs = 2_000): number {
  const ids = q.ids.filter((id) => id !== q.meId && q.positions.has(id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map(() => []);
  for (const [a, b] of q.edges) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    adj[ia]!.push(ib);
    adj[ib]!.push(ia);
  }
  const hops = new Int32Array(ids.length);
  const layoutD: number[] = [];
  const graphD: number[] = [];
  const sources = Math.min(ids.length, 40);
  const perSource = Math.ceil(pairs / Math.max(sources, 1));
  for (let s = 0; s < sources; s++) {
    const src = Math.floor(hash01(s * 7 + 1) * ids.length);
    hops.fill(-1);
    hops[src] = 0;
    const queue = [src];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (const w of adj[v]!) {
        if (hops[w]! >= 0) continue;
        hops[w] = hops[v]! + 1;
        queue.push(w);
      }
    }
    for (let k = 0; k < perSource; k++) {
      const t = Math.floor(hash01(s * 100_003 + k * 31 + 5) * ids.length);
      if (t === src || hops[t]! <= 0) continue;
      layoutD.push(dist(q.positions.get(ids[src]!)!, q.positions.get(ids[t]!)!));
      graphD.push(hops[t]!);
    }
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < layoutD.length; i++) {
    num += layoutD[i]! * graphD[i]!;
    den += layoutD[i]! * layoutD[i]!;
  }
  const scale = den === 0 ? 0 : num / den;
  let err = 0;
  let norm = 0;
  for (let i = 0; i < layoutD.length; i++) {
    err += (scale * layoutD[i]! - graphD[i]!) ** 2;
    norm += graphD[i]! ** 2;
  }
  return norm === 0 ? 0 : err / norm;
}
