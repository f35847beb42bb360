// Exact betweenness off the main thread (issue 16). Exact Brandes is O(n·m):
// 10,000 people and 27,000 ties take 10–30 s on a 2-core machine, during which
// the main process answered nothing. Above EXACT_BETWEENNESS_LIMIT the graph
// view now gets a quick estimate at once and the exact values from a
// worker_threads worker when they are ready (metrics.ts).
//
// Why an eval'd worker: the worker's code is `brandesCsr` below, sent as text
// (Function.prototype.toString) with the graph as typed arrays. There is no
// worker entry file to build, find or package, so the same code runs under
// vitest (TypeScript on the fly), the esbuild bundles of the Electron main
// process and of the CLI, and plain Node. `brandesCsr` must stay
// self-contained: plain loops over its arguments, no imports, no closures, no
// inner functions (a bundler could wrap those in helpers the worker lacks).
import { Worker } from 'node:worker_threads';

/**
 * Brandes' accumulation over a CSR graph (neighbours of v: adj[start[v] .. start[v+1])) from
 * `sources` evenly spaced sources (all n: exact). Unnormalized, each pair counted from both ends.
 */
export function brandesCsr(start: Int32Array, adj: Int32Array, n: number, sources: number): Float64Array {
  const centrality = new Float64Array(n);
  const dist = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const k = Math.min(sources, n);
  for (let s = 0; s < k; s++) {
    const source = Math.floor((s * n) / k);
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    dist[source] = 0;
    sigma[source] = 1;
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = start[v]!; e < start[v + 1]!; e++) {
        const w = adj[e]!;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      for (let e = start[w]!; e < start[w + 1]!; e++) {
        const v = adj[e]!;
        if (dist[v] === dist[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      centrality[w]! += delta[w]!;
    }
  }
  return centrality;
}

export interface Csr {
  ids: readonly number[];
  start: Int32Array;
  adj: Int32Array;
}

/** The graph as CSR arrays over node indexes (ids[i] is node i); duplicate ties count once. */
export function toCsr(nodes: readonly number[], edges: readonly { a: number; b: number }[]): Csr {
  const n = nodes.length;
  const index = new Map<number, number>();
  nodes.forEach((id, i) => index.set(id, i));
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.a);
    const b = index.get(e.b);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  const start = new Int32Array(n + 1);
  for (const [a, b] of pairs) {
    start[a + 1]!++;
    start[b + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(start[n]!);
  for (const [a, b] of pairs) {
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  return { ids: nodes, start, adj };
}

/** networkx's normalization of undirected betweenness from k of n sources: × n/k ÷ (n−1)(n−2). */
export function normalized(csr: Csr, raw: Float64Array, sources: number): Map<number, number> {
  const n = csr.ids.length;
  const k = Math.min(sources, n);
  const scale = n <= 2 || k === 0 ? 0 : n / k / ((n - 1) * (n - 2));
  const out = new Map<number, number>();
  csr.ids.forEach((id, i) => out.set(id, raw[i]! * scale));
  return out;
}

/**
 * Exact betweenness in a worker thread; the promise settles with the normalized values (or the
 * worker's error). `cancel` stops the worker (the ties changed: its answer is of no use). The
 * worker does not keep the process alive (the CLI exits when its work is done).
 */
export function exactBetweennessInWorker(csr: Csr): { promise: Promise<Map<number, number>>; cancel(): void } {
  const n = csr.ids.length;
  const code = `const { parentPort, workerData } = require('node:worker_threads');
const brandesCsr = ${brandesCsr.toString()};
const c = brandesCsr(workerData.start, workerData.adj, workerData.n, workerData.n);
parentPort.postMessage(c, [c.buffer]);`;
  const worker = new Worker(code, { eval: true, workerData: { start: csr.start, adj: csr.adj, n } });
  worker.unref();
  let settled = false;
  const promise = new Promise<Map<number, number>>((resolve, reject) => {
    worker.once('message', (raw: Float64Array) => {
      settled = true;
      resolve(normalized(csr, raw, n));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The betweenness worker stopped (exit code ${code}).`));
    });
  });
  return {
    promise,
    cancel: () => {
      if (!settled) void worker.terminate();
    },
  };
}
