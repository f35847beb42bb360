// The review queue of likely ties across everyone (issue 15), ranked by how
// much confirming each would warm my best route to my target organizations.
//
// The approximation the issue suggests: one Dijkstra from me and one reverse
// Dijkstra per target (from the people there, each starting at its fit's
// cost) over confirmed ties, costs −ln warmth. A likely pair (a, b) confirmed
// at its suggested strength s would give min(d_me[a] + c_s + d_t[b],
// d_me[b] + c_s + d_t[a]); its gain for target t is the warmth it adds over
// the best route today, exp(−new) − exp(−best) when positive, summed over
// targets. The hop limit and the quiet decay of my own ties are left out:
// the queue orders questions, it does not promise a route.
import type { Db } from '../db/open';
import { getRouteGraph, type RouteGraph } from '../routes/graph';
import { MinHeap } from '../routes/heap';
import { BASE_WARMTH, cost, FIT, type FitKind } from '../routes/warmth';
import { visibleLikelyTies, type VisiblePair } from './index';

/** Dijkstra from several sources with starting costs, over the confirmed ties of the route index. */
function dijkstra(graph: RouteGraph, sources: readonly [number, number][]): Float64Array {
  const dist = new Float64Array(graph.n).fill(Infinity);
  const heap = new MinHeap(64);
  for (const [v, c] of sources) {
    if (c < dist[v]!) {
      dist[v] = c;
      heap.push(c, v);
    }
  }
  while (heap.size > 0) {
    heap.pop();
    const c = heap.popKey;
    const v = heap.popVal;
    if (c > dist[v]!) continue;
    for (let e = graph.adjStart[v]!; e < graph.adjStart[v + 1]!; e++) {
      const w = graph.adjTarget[e]!;
      const next = c + cost(BASE_WARMTH[graph.adjStrength[e]!]!);
      if (next < dist[w]!) {
        dist[w] = next;
        heap.push(next, w);
      }
    }
  }
  return dist;
}

export interface QueueEntry {
  pair: VisiblePair;
  /** Summed warmth gained over my targets (0 when it helps none). */
  gain: number;
  /** The targets it would help, best gain first. */
  helps: { organizationId: number; name: string }[];
  /** When it helps a target: the organizations of its evidence whose size is unknown. */
  askSize: { organizationId: number; name: string }[];
}

/** Every visible likely tie, the ones that would warm a route to a target first (by gain), then by confidence. */
export function likelyReviewQueue(db: Db): QueueEntry[] {
  const graph = getRouteGraph(db);
  const visible = visibleLikelyTies(db).all;
  const targets = db.prepare('SELECT id, name FROM organizations WHERE is_target = 1 AND archived_at IS NULL ORDER BY id').raw().all() as [number, string][];
  const orgNames = new Map(db.prepare('SELECT id, name FROM organizations').raw().all() as [number, string][]);
  const fromMe = dijkstra(graph, [[graph.me, 0]]);
  const perTarget: { id: number; name: string; toTarget: Float64Array; best: number }[] = [];
  for (const [id, name] of targets) {
    const members = graph.orgMembers.get(id);
    if (!members) continue;
    const toTarget = dijkstra(
      graph,
      Array.from(members.nodes, (v, i) => [v, cost(FIT[members.fits[i] as FitKind])] as [number, number]),
    );
    let best = Infinity;
    for (let v = 0; v < graph.n; v++) best = Math.min(best, fromMe[v]! + toTarget[v]!);
    perTarget.push({ id, name, toTarget, best });
  }
  const entries: QueueEntry[] = visible.map((pair) => {
    const a = graph.indexOfId.get(pair.a);
    const b = graph.indexOfId.get(pair.b);
    let gain = 0;
    const helps: { organizationId: number; name: string; gain: number }[] = [];
    if (a !== undefined && b !== undefined) {
      const c = cost(BASE_WARMTH[pair.strength]!);
      for (const t of perTarget) {
        const via = Math.min(fromMe[a]! + c + t.toTarget[b]!, fromMe[b]! + c + t.toTarget[a]!);
        const g = Math.exp(-via) - (Number.isFinite(t.best) ? Math.exp(-t.best) : 0);
        if (g > 1e-12) {
          gain += g;
          helps.push({ organizationId: t.id, name: t.name, gain: g });
        }
      }
    }
    helps.sort((x, y) => y.gain - x.gain);
    const askSize =
      helps.length === 0
        ? []
        : pair.evidence
            .filter((e) => e.organizationId !== undefined && e.sizeKnown === false)
            .map((e) => ({ organizationId: e.organizationId!, name: orgNames.get(e.organizationId!) ?? '' }));
    return { pair, gain, helps: helps.map(({ organizationId, name }) => ({ organizationId, name })), askSize };
  });
  entries.sort((x, y) => y.gain - x.gain || y.pair.confidence - x.pair.confidence || x.pair.a - y.pair.a || x.pair.b - y.pair.b);
  return entries;
}
