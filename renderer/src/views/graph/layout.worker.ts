// The graph layout, off the UI thread (issue 5): ForceAtlas2
// (graphology-layout-forceatlas2) run synchronously inside this module
// worker. Barnes–Hut above 1,000 people keeps each iteration O(n log n).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutRequest, LayoutResponse } from './layout';

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
      settings: { ...settings, barnesHutOptimize: n > 1_000, adjustSizes: false, edgeWeightInfluence: 0.5, scalingRatio: 10, gravity: 1 },
    });
  }
  const xy = new Float64Array(n * 2);
  let i = 0;
  graph.forEachNode((_node, attr) => {
    // Model units: ForceAtlas2's scale is small next to 10–40 px nodes.
    xy[2 * i] = (attr.x as number) * 6;
    xy[2 * i + 1] = (attr.y as number) * 6;
    i++;
  });
  return { xy, ms: performance.now() - started };
}

// Only when running as a worker (the bench imports runLayout directly too).
const scope = globalThis as unknown as { onmessage: unknown; postMessage?: (m: unknown, t: Transferable[]) => void; document?: unknown };
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
    const result = runLayout(event.data);
    scope.postMessage!(result, [result.xy.buffer]);
  };
}
