// Whole-network metrics for the graph view (issue 5): betweenness centrality
// (node size, "bridges") and Louvain communities (node colour, insights).
//
// - Betweenness: graphology-metrics' exact Brandes up to EXACT_BETWEENNESS_LIMIT
//   people. Above it (issue 16), exact Brandes (O(n·m), 10–30 s at 10,000
//   people) runs in a worker thread (betweennessWorker.ts) while requests get
//   an estimate from QUICK_SOURCES evenly spaced sources (Brandes & Pich 2007),
//   scaled by n/k; 256 sampled sources found only 5 of the true top 10 on the
//   5,000 sample, so the estimate is only a stand-in until the exact values
//   arrive. `betweenness()` keeps the synchronous sampled estimator for the
//   bench and the CLI-free callers.
// - Communities: graphology-communities-louvain, weighted by tie strength, with
//   a seeded random source so the same network always gets the same colours.
// Both are cached on the people and ties only (tiesKey, issue 16): a journal
// edit does not recompute them.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import type { Db } from '../db/open';
import { brandesCsr, exactBetweennessInWorker, normalized, toCsr } from './betweennessWorker';
import type { Network } from './network';
import type { NetworkMetrics } from './shape';

export const EXACT_BETWEENNESS_LIMIT = 3_000;
export const SAMPLE_SOURCES = 256;

export interface FullMetrics extends NetworkMetrics {
  modularity: number;
  /** Community ids renumbered by size: 0 is the largest. */
  communityCount: number;
}

export interface SimpleGraph {
  nodes: readonly number[];
  edges: readonly { a: number; b: number; weight?: number }[];
}

export function toGraphology(g: SimpleGraph): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of g.nodes) graph.addNode(String(id));
  for (const e of g.edges) {
    const a = String(e.a);
    const b = String(e.b);
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: e.weight ?? 1 });
  }
  return graph;
}

/** Normalized betweenness (networkx's scale: ÷ (n−1)(n−2) for an undirected graph), by hop count. */
export function betweenness(g: SimpleGraph, options: { exactLimit?: number; samples?: number } = {}): { values: Map<number, number>; sampled: boolean } {
  const exactLimit = options.exactLimit ?? EXACT_BETWEENNESS_LIMIT;
  // graphology's indexed Brandes refuses an empty graph.
  if (g.nodes.length === 0) return { values: new Map(), sampled: false };
  if (g.nodes.length <= exactLimit) {
    const result = betweennessCentrality(toGraphology(g), { getEdgeWeight: null, normalized: true });
    return { values: new Map(Object.entries(result).map(([k, v]) => [Number(k), v])), sampled: false };
  }
  return { values: sampledBetweenness(g, options.samples ?? SAMPLE_SOURCES), sampled: true };
}

/** Brandes' accumulation from k evenly spaced sources, scaled by n/k (k ≥ n gives the exact values). */
export function sampledBetweenness(g: SimpleGraph, k: number): Map<number, number> {
  const csr = toCsr(g.nodes, g.edges);
  return normalized(csr, brandesCsr(csr.start, csr.adj, g.nodes.length, k), k);
}

/** Louvain communities, renumbered by size (0 = largest, ties by smallest member id), with the modularity found. */
export function communities(g: SimpleGraph, options: { weighted?: boolean; seed?: number } = {}): { community: Map<number, number>; modularity: number; count: number } {
  if (g.nodes.length === 0) return { community: new Map(), modularity: 0, count: 0 };
  const graph = toGraphology(g);
  const detailed = louvain.detailed(graph, { getEdgeWeight: options.weighted === false ? null : 'weight', rng: mulberry32(options.seed ?? 1) });
  const members = new Map<number, number[]>();
  for (const [node, c] of Object.entries(detailed.communities)) {
    const list = members.get(c);
    if (list) list.push(Number(node));
    else members.set(c, [Number(node)]);
  }
  const ranked = [...members.values()].map((m) => m.sort((a, b) => a - b)).sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  const community = new Map<number, number>();
  ranked.forEach((list, rank) => list.forEach((id) => community.set(id, rank)));
  // Louvain's modularity is 0/0 on a network without ties (a new install: only me),
  // which failed the insights contract (issue 16); a partition of no ties has none.
  const modularity = Number.isFinite(detailed.modularity) ? detailed.modularity : 0;
  return { community, modularity, count: ranked.length };
}

/** A small seeded PRNG (Mulberry32): deterministic communities for the same network. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function computeMetrics(net: Network): FullMetrics {
  const g: SimpleGraph = { nodes: net.people.map((p) => p.id), edges: net.ties.map((t) => ({ a: t.a, b: t.b, weight: t.strength })) };
  const b = betweenness(g);
  const c = communities(g);
  return { betweenness: b.values, sampled: b.sampled, community: c.community, modularity: c.modularity, communityCount: c.count };
}

/**
 * What the metrics depend on, and nothing else (issue 16): the people's ids and the ties with
 * their strength (Louvain's weights). Names, organizations and the journal are not in it, so a
 * journal entry or a renamed person never throws away the betweenness of 10,000 people.
 * FNV-1a over the numbers; collisions are as likely as 2^-32 per change.
 */
export function tiesKey(net: Network): string {
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    h ^= x & 0xffff;
    h = Math.imul(h, 0x01000193);
    h ^= x >>> 16;
    h = Math.imul(h, 0x01000193);
  };
  for (const p of net.people) mix(p.id);
  mix(-1);
  for (const t of net.ties) {
    mix(t.a);
    mix(t.b);
    mix(t.strength);
  }
  return `${net.people.length}:${net.ties.length}:${(h >>> 0).toString(16)}`;
}

/** Sources of the quick estimate a large network gets while its exact betweenness is computed (issue 16). */
export const QUICK_SOURCES = 64;

interface CacheEntry {
  key: string;
  metrics: FullMetrics;
  /** Large networks: settles once the exact betweenness is in `metrics` (or the worker failed). */
  exact: Promise<void>;
  cancel(): void;
}

const cache = new WeakMap<Db, CacheEntry>();

/**
 * Metrics of the current network, computed once per change of the people or the ties (not of the
 * journal). Up to EXACT_BETWEENNESS_LIMIT people, exact at once. Above it (issue 16), nothing waits
 * for the exact values: communities now, betweenness estimated from QUICK_SOURCES sources now
 * (`sampled`), and exact from a worker thread, which replace the estimate when they arrive.
 */
export function getMetrics(db: Db, net: Network, exactLimit = EXACT_BETWEENNESS_LIMIT): FullMetrics {
  const key = tiesKey(net);
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.metrics;
  hit?.cancel();
  if (net.people.length <= exactLimit) {
    cache.set(db, { key, metrics: computeMetrics(net), exact: Promise.resolve(), cancel: () => {} });
    return cache.get(db)!.metrics;
  }
  const g: SimpleGraph = { nodes: net.people.map((p) => p.id), edges: net.ties.map((t) => ({ a: t.a, b: t.b, weight: t.strength })) };
  const c = communities(g);
  const csr = toCsr(g.nodes, g.edges);
  const estimate = normalized(csr, brandesCsr(csr.start, csr.adj, g.nodes.length, QUICK_SOURCES), QUICK_SOURCES);
  const metrics: FullMetrics = { betweenness: estimate, sampled: true, community: c.community, modularity: c.modularity, communityCount: c.count };
  const job = exactBetweennessInWorker(csr);
  const entry: CacheEntry = {
    key,
    metrics,
    cancel: job.cancel,
    exact: job.promise.then(
      (values) => {
        if (cache.get(db) === entry) entry.metrics = { ...metrics, betweenness: values, sampled: false };
      },
      // Cancelled (the ties changed) or failed: the estimate stays, and the next change tries again.
      () => {},
    ),
  };
  cache.set(db, entry);
  return metrics;
}

/** Resolves once the current network's exact betweenness is in (at once for small networks); tests and the bench wait on it. */
export function whenBetweennessExact(db: Db): Promise<void> {
  return cache.get(db)?.exact ?? Promise.resolve();
}
