// The best k simple routes from one source to a virtual sink, with a hop
// limit: Dijkstra for the best route, Yen's algorithm for the next best
// (issue 4). Pure: typed arrays in, node sequences out; no database.
//
// Arcs carry costs, −ln(warmth), unrounded; a route's cost is their sum in
// route order (the order Dijkstra adds them), and its ranking key is that sum
// rounded once on a 2^-40 grid, then hops (warmth.ts routeKey; issue 12). The
// search enumerates by cost and keeps going while a route could still round
// to the k-th key (SLACK), then sorts by key: routes of equal warmth tie
// exactly and the documented tie-breaks decide.
//
// Making it fast on 10,000 people / 50,000 ties:
// - A hop-bounded lower bound h_j(v) — the best key from v to the sink in at
//   most j hops, ignoring simplicity — is computed once per query (H rounds of
//   Bellman-Ford over the nodes whose bound changed in the previous round).
//   Every Dijkstra run (the first path and each of Yen's spur paths) uses it
//   as a potential (A*): it is consistent, and stays a lower bound when Yen
//   removes nodes and edges, so each run expands little more than the path it
//   returns.
// - Dijkstra runs over (person, hops used) states, which makes the hop limit
//   exact: a cheaper route to a person that used more hops cannot shadow a
//   dearer one that leaves room to reach the target.
// - A spur search is skipped when root + bound cannot beat the current k-th
//   candidate, and stops as soon as its frontier exceeds it.
// - All buffers are reused between queries (stamps instead of clearing).
//
// Targets end routes: a route never passes through a target (issue 12), so
// no route returned is an extension of another.
//
// Ties: Yen's algorithm enumerates routes in nondecreasing cost order. After
// the k-th route it continues while the next candidate's cost is within SLACK
// of the k-th (it may round to the same key), then sorts by (key, node
// sequence): the routes returned are exactly the first k of "every simple
// route sorted by rounded warmth, hops, then person ids" (node index order is
// person id order), whatever order equal-cost paths were discovered in.

import { MinHeap } from './heap';
import { COST_SCALE, routeKey } from './warmth';

/** More than one grid unit: any route within this of the k-th cost may round to the same key. */
const SLACK = 2 / COST_SCALE;

export interface SearchGraph {
  n: number;
  adjStart: Int32Array;
  adjTarget: Int32Array;
  /** Cost of each directed arc, −ln(warmth); symmetric (the arc u→v and v→u have the same cost). */
  arcKey: Float64Array;
  /** Cost of the arc from v to the virtual sink (−ln(fit)), or a negative number when v is not a target. */
  sinkKey: Float64Array;
  /** Nodes that may end a route (those with sinkKey ≥ 0). */
  targets: ArrayLike<number>;
  source: number;
  /** 1 for nodes no route may enter (the other goal people, when one person's best route is asked for). */
  blocked?: Uint8Array;
}

export interface FoundPath {
  /** Source first, the target person last (the sink is not included). */
  nodes: number[];
  /** The ranking key of the whole route (routeKey of its summed cost and hops). */
  key: number;
  /** The summed cost, unrounded. */
  cost: number;
}

export interface SearchStats {
  spurSearches: number;
  spurSkipped: number;
  statesExpanded: number;
}

/** When many routes tie exactly at the k-th place, stop enumerating after this many (pathological graphs only). */
export const MAX_TIED_ENUMERATION = 2_000;

class Workspace {
  n = 0;
  layers = 0;
  h = new Float64Array(0);
  stateStamp = new Uint32Array(0); // closed states
  gStamp = new Uint32Array(0);
  bestG = new Float64Array(0);
  parent = new Int32Array(0);
  blockStamp = new Uint32Array(0);
  inFrontier = new Uint8Array(0);
  gen = 0;
  blockGen = 0;
  heap = new MinHeap();

  ensure(n: number, layers: number): void {
    if (n === this.n && layers === this.layers) return;
    this.n = n;
    this.layers = layers;
    this.h = new Float64Array(n * layers);
    this.stateStamp = new Uint32Array(n * layers);
    this.gStamp = new Uint32Array(n * layers);
    this.bestG = new Float64Array(n * layers);
    this.parent = new Int32Array(n * layers);
    this.blockStamp = new Uint32Array(n);
    this.inFrontier = new Uint8Array(n);
    this.gen = 0;
    this.blockGen = 0;
  }

  nextGen(): number {
    if (this.gen === 0xffffffff) {
      this.stateStamp.fill(0);
      this.gStamp.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  nextBlockGen(): number {
    if (this.blockGen === 0xffffffff) {
      this.blockStamp.fill(0);
      this.blockGen = 0;
    }
    return ++this.blockGen;
  }
}

const workspace = new Workspace();

/**
 * h[j * n + v]: the least key from v to the sink using at most j hops
 * (Infinity when the sink is farther). Bellman-Ford by rounds; round j only
 * looks at neighbours of nodes whose bound improved in round j − 1.
 */
function computeBounds(g: SearchGraph, maxHops: number, ws: Workspace): void {
  const { n, adjStart, adjTarget, arcKey, sinkKey, targets, blocked, source } = g;
  const h = ws.h;
  h.fill(Infinity, 0, n);
  let frontier: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const v = targets[i]!;
    h[v] = sinkKey[v]!;
    frontier.push(v);
  }
  const inFrontier = ws.inFrontier;
  // Every search starts at the source (layer maxHops) and takes its first step
  // to a neighbour of the source (layer maxHops − 1); nothing else reads those
  // two layers. So full rounds stop at maxHops − 2 and the last two layers are
  // computed for those nodes only (issue 12: halves the work on 10,000 people).
  const fullRounds = Math.max(0, maxHops - 2);
  for (let j = 1; j <= fullRounds; j++) {
    const base = j * n;
    const prev = base - n;
    h.copyWithin(base, prev, prev + n);
    const next: number[] = [];
    for (const w of frontier) {
      const hw = h[prev + w]!;
      for (let e = adjStart[w]!, end = adjStart[w + 1]!; e < end; e++) {
        const v = adjTarget[e]!;
        // A route ends at the first target it meets (issue 12): a target is never passed through.
        // Nor is the source: a bound through me (150 contacts on 10k people) is far too loose.
        if (sinkKey[v]! >= 0 || blocked?.[v] || v === source) continue;
        const cand = hw + arcKey[e]!;
        if (cand < h[base + v]!) {
          h[base + v] = cand;
          if (!inFrontier[v]) {
            inFrontier[v] = 1;
            next.push(v);
          }
        }
      }
    }
    for (const v of next) inFrontier[v] = 0;
    frontier = next;
    if (frontier.length === 0) {
      for (let jj = j + 1; jj <= fullRounds; jj++) h.copyWithin(jj * n, base, base + n);
      break;
    }
  }
  const pull = (v: number, j: number): void => {
    const base = j * n;
    const prev = base - n;
    let best = h[prev + v]!;
    if (sinkKey[v]! < 0 && !blocked?.[v]) {
      for (let e = adjStart[v]!, end = adjStart[v + 1]!; e < end; e++) {
        const cand = h[prev + adjTarget[e]!]! + arcKey[e]!;
        if (cand < best) best = cand;
      }
    }
    h[base + v] = best;
  };
  if (maxHops >= 2) {
    const j = maxHops - 1;
    // The whole layer first (a cheap copy), so a stale value is never read; then the source's neighbours.
    h.copyWithin(j * n, (j - 1) * n, j * n);
    for (let e = adjStart[source]!, end = adjStart[source + 1]!; e < end; e++) pull(adjTarget[e]!, j);
  }
  if (maxHops >= 1) {
    h.copyWithin(maxHops * n, (maxHops - 1) * n, maxHops * n);
    pull(source, maxHops);
  }
}

interface SpurResult {
  nodes: number[]; // from the spur node to the target person
  cum: number[]; // key from the source to each of those nodes
  key: number; // whole route
}

/**
 * Dijkstra (with the bounds as potential) from `start`, which the root path
 * reached with `startHops` hops at key `startKey`. Nodes stamped blocked are
 * not entered; `blockedNext` are the first steps Yen removed (-1: the sink).
 */
function spurSearch(
  g: SearchGraph,
  maxHops: number,
  ws: Workspace,
  start: number,
  startHops: number,
  startKey: number,
  blockedNext: readonly number[],
  bound: number,
  stats: SearchStats,
): SpurResult | null {
  const { n, adjStart, adjTarget, arcKey, sinkKey } = g;
  const h = ws.h;
  const gen = ws.nextGen();
  const blockGen = ws.blockGen;
  const blockStamp = ws.blockStamp;
  const { stateStamp, gStamp, bestG, parent } = ws;
  const sinkBlockedAtStart = blockedNext.includes(-1);
  const heap = ws.heap;
  heap.clear();

  const s0 = startHops * n + start;
  gStamp[s0] = gen;
  bestG[s0] = startKey;
  parent[s0] = -1;
  heap.push(startKey + h[(maxHops - startHops) * n + start]!, s0);

  while (heap.size > 0) {
    heap.pop();
    const f = heap.popKey;
    if (f > bound) return null;
    const val = heap.popVal;
    if (val < 0) {
      // Reached the sink from state -val - 1: the best route with this root.
      let state = -val - 1;
      const nodes: number[] = [];
      const cum: number[] = [];
      while (state >= 0) {
        nodes.push(state % n);
        cum.push(bestG[state]!);
        if (state === s0) break;
        state = parent[state]!;
      }
      nodes.reverse();
      cum.reverse();
      return { nodes, cum, key: f };
    }
    if (stateStamp[val] === gen) continue;
    stateStamp[val] = gen;
    stats.statesExpanded++;
    const v = val % n;
    const u = (val - v) / n;
    const gv = bestG[val]!;
    const sk = sinkKey[v]!;
    if (sk >= 0) {
      // A route ends at the first person who meets the goal (issue 12): no extension through them.
      if (!(v === start && sinkBlockedAtStart)) heap.push(gv + sk, -val - 1);
      continue;
    }
    if (u >= maxHops) continue;
    const hBase = (maxHops - u - 1) * n;
    const nextBase = (u + 1) * n;
    for (let e = adjStart[v]!, end = adjStart[v + 1]!; e < end; e++) {
      const w = adjTarget[e]!;
      if (blockStamp[w] === blockGen) continue;
      const hw = h[hBase + w]!;
      if (hw === Infinity) continue;
      if (v === start && blockedNext.length > 0 && blockedNext.includes(w)) continue;
      const ns = nextBase + w;
      if (stateStamp[ns] === gen) continue;
      const ng = gv + arcKey[e]!;
      if (gStamp[ns] === gen && bestG[ns]! <= ng) continue;
      gStamp[ns] = gen;
      bestG[ns] = ng;
      parent[ns] = val;
      const nf = ng + hw;
      if (nf <= bound) heap.push(nf, ns);
    }
  }
  return null;
}

interface Accepted {
  nodes: number[];
  cum: number[];
  key: number;
}

function compareNodes(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function byKeyThenNodes(a: { key: number; nodes: readonly number[] }, b: { key: number; nodes: readonly number[] }): number {
  return a.key - b.key || compareNodes(a.nodes, b.nodes);
}

/**
 * The best k simple routes from g.source to any target, at most maxHops hops,
 * best first. With `prefix` (source first), only routes that start with it:
 * "the other ways through Arjun" (issue 12).
 */
export function kShortestRoutes(
  g: SearchGraph,
  k: number,
  maxHops: number,
  stats: SearchStats = newStats(),
  prefix: readonly number[] = [g.source],
): FoundPath[] {
  if (k <= 0 || g.targets.length === 0) return [];
  const ws = workspace;
  ws.ensure(g.n, maxHops + 1);
  computeBounds(g, maxHops, ws);
  return yenFrom(g, k, maxHops, ws, stats, prefix, Infinity);
}

export function newStats(): SearchStats {
  return { spurSearches: 0, spurSkipped: 0, statesExpanded: 0 };
}

function arcCost(g: SearchGraph, a: number, b: number): number {
  for (let e = g.adjStart[a]!; e < g.adjStart[a + 1]!; e++) if (g.adjTarget[e] === b) return g.arcKey[e]!;
  return Infinity;
}

/**
 * The warmest route through each of my contacts (issue 12): one route per
 * first hop, the best k of them, best first. A group's route is the first of
 * all simple routes that start with me → that contact, in the exact ranking;
 * groups are ordered by their route's key, then hops, then person ids.
 *
 * The hop-bounded bounds h (Bellman-Ford back from the goal people, computed
 * once) give each contact a lower bound, arc + h_{H−1}(contact); contacts are
 * tried in that order, each with Yen's search restricted to its prefix (k = 1,
 * which continues through equal-cost rivals so ties resolve exactly), and the
 * scan stops once a bound exceeds the k-th group's cost.
 */
export function bestRoutePerFirstHop(g: SearchGraph, k: number, maxHops: number, stats: SearchStats = newStats()): FoundPath[] {
  if (k <= 0 || g.targets.length === 0 || maxHops < 1) return [];
  const ws = workspace;
  ws.ensure(g.n, maxHops + 1);
  computeBounds(g, maxHops, ws);
  const { n, adjStart, adjTarget, arcKey, source, blocked } = g;
  const h = ws.h;
  const firstHops: { v: number; bound: number }[] = [];
  const hBase = (maxHops - 1) * n;
  for (let e = adjStart[source]!; e < adjStart[source + 1]!; e++) {
    const v = adjTarget[e]!;
    if (blocked?.[v]) continue;
    const bound = arcKey[e]! + h[hBase + v]!;
    if (bound !== Infinity) firstHops.push({ v, bound });
  }
  firstHops.sort((a, b) => a.bound - b.bound || a.v - b.v);
  const groups: FoundPath[] = [];
  let kthCost = Infinity;
  for (const { v, bound } of firstHops) {
    if (groups.length >= k && bound > kthCost + SLACK) break;
    const best = yenFrom(g, 1, maxHops, ws, stats, [source, v], groups.length >= k ? kthCost + SLACK : Infinity)[0];
    if (!best) continue;
    groups.push(best);
    groups.sort(byKeyThenNodes);
    if (groups.length > k) groups.pop();
    if (groups.length >= k) kthCost = Math.max(...groups.map((p) => p.cost));
  }
  return groups;
}

/** Yen's algorithm from a fixed prefix over the bounds already in ws.h. */
function yenFrom(
  g: SearchGraph,
  k: number,
  maxHops: number,
  ws: Workspace,
  stats: SearchStats,
  prefix: readonly number[],
  firstBound: number,
): FoundPath[] {
  const n = g.n;
  const h = ws.h;
  const source = g.source;
  const m = prefix.length - 1;
  if (prefix[0] !== source || m > maxHops) return [];
  const prefixCum = [0];
  for (let i = 1; i <= m; i++) {
    if (g.blocked?.[prefix[i]!] || (i < m && g.sinkKey[prefix[i]!]! >= 0)) return [];
    prefixCum.push(prefixCum[i - 1]! + arcCost(g, prefix[i - 1]!, prefix[i]!));
  }
  const start = prefix[m]!;
  if (!(prefixCum[m]! < Infinity) || h[(maxHops - m) * n + start] === Infinity) return [];

  ws.nextBlockGen();
  for (let j = 0; j < m; j++) ws.blockStamp[prefix[j]!] = ws.blockGen;
  ws.blockStamp[source] = ws.blockGen;
  stats.spurSearches++;
  const spur0 = spurSearch(g, maxHops, ws, start, m, prefixCum[m]!, [], firstBound, stats);
  if (!spur0) return [];
  const first: Accepted = { nodes: prefix.slice(0, m).concat(spur0.nodes), cum: prefixCum.slice(0, m).concat(spur0.cum), key: spur0.key };

  const accepted: Accepted[] = [first];
  const candidates: Accepted[] = []; // sorted by key
  const seen = new Set<string>([first.nodes.join(',')]);
  let kthKey = accepted.length === k ? first.key : Infinity;

  const bound = (): number => {
    if (accepted.length >= k) return kthKey + SLACK;
    const need = k - accepted.length;
    return candidates.length >= need ? candidates[need - 1]!.key + SLACK : Infinity;
  };
  const insertCandidate = (c: Accepted): void => {
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid]!.key <= c.key) lo = mid + 1;
      else hi = mid;
    }
    candidates.splice(lo, 0, c);
  };

  for (;;) {
    const last = accepted[accepted.length - 1]!;
    // Spur nodes inside the prefix would leave it: the search starts at its end.
    for (let i = m; i < last.nodes.length && i <= maxHops; i++) {
      const spurNode = last.nodes[i]!;
      const rootKey = last.cum[i]!;
      if (rootKey + h[(maxHops - i) * n + spurNode]! > bound()) {
        stats.spurSkipped++;
        continue;
      }
      // Yen: remove the next step of every accepted route that shares this root.
      const blockedNext: number[] = [];
      for (const p of accepted) {
        if (p.nodes.length < i + 1) continue;
        let same = true;
        for (let j = 0; j <= i; j++) {
          if (p.nodes[j] !== last.nodes[j]) {
            same = false;
            break;
          }
        }
        if (same) blockedNext.push(p.nodes.length > i + 1 ? p.nodes[i + 1]! : -1);
      }
      const blockGen = ws.nextBlockGen();
      ws.blockStamp[source] = blockGen;
      for (let j = 0; j < i; j++) ws.blockStamp[last.nodes[j]!] = blockGen;
      stats.spurSearches++;
      const spur = spurSearch(g, maxHops, ws, spurNode, i, rootKey, blockedNext, bound(), stats);
      if (!spur) continue;
      const nodes = last.nodes.slice(0, i).concat(spur.nodes);
      const id = nodes.join(',');
      if (seen.has(id)) continue;
      seen.add(id);
      insertCandidate({ nodes, cum: last.cum.slice(0, i).concat(spur.cum), key: spur.key });
    }
    const next = candidates.shift();
    if (!next) break;
    if (accepted.length >= k && (next.key > kthKey + SLACK || accepted.length >= k + MAX_TIED_ENUMERATION)) break;
    accepted.push(next);
    if (accepted.length === k) kthKey = next.key;
  }

  // Accepted keys so far are costs; rank by the rounded key, then hops, then ids.
  const ranked = accepted.map((p) => ({ nodes: p.nodes, cost: p.key, key: routeKey(p.key, p.nodes.length - 1) }));
  ranked.sort(byKeyThenNodes);
  return ranked.slice(0, k);
}
