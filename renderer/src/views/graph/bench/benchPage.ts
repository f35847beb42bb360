// The graph bench page (issue 5), bundled by test/bench/suites/graph.ts with
// esbuild and served over loopback under the app's CSP (with the HTML in
// test/bench/graph/). It lives here, not under test/, because it is browser
// code built on the renderer's own modules (type-checked with the DOM).
// Never imported by the app. It draws the same
// graph with sigma.js and with Cytoscape (the app's own elements and
// stylesheet from renderer/src/views/graph/encode.ts, with each performance
// option), runs the app's layout worker, and measures everything with
// performance.now() in the page. One scenario per page load: Cytoscape's WebGL
// mode changes its canvas renderer's prototype for every later instance.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { GraphData } from '../../../../../shared/graph';
import { nodeColour, nodeSize } from '../encode';
import { initialPositions, toLayoutRequest, type LayoutResponse, type Point } from '../layout';
import type { PerfOptions } from '../../../../../shared/graphPerf';
import { GraphCanvas } from '../graphCanvas';

export interface BenchInput {
  data: GraphData;
  /** x,y per node in data.nodes order; when absent, the layout's community start positions. */
  xy?: number[];
}
export interface DrawResult {
  firstPaintMs: number;
  frameMeanMs: number;
  frameP95Ms: number;
  /** Cytoscape: when every tie is drawn (progressive draws add them after the first paint). */
  filledMs?: number;
  /** Cytoscape: ties in the first paint. */
  firstEdges?: number;
  webgl?: boolean;
}

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const container = () => document.getElementById('stage')!;

function layoutGraph(data: GraphData) {
  return {
    ids: data.nodes.map((n) => n.id),
    edges: data.edges.map((e) => [e.source, e.target, e.strength] as const),
    community: new Map(data.nodes.map((n) => [n.id, n.community])),
  };
}

function positionsOf(input: BenchInput): Map<number, Point> {
  if (!input.xy) return initialPositions(layoutGraph(input.data));
  const m = new Map<number, Point>();
  input.data.nodes.forEach((n, i) => m.set(n.id, { x: input.xy![2 * i]!, y: input.xy![2 * i + 1]! }));
  return m;
}

async function frames(step: (i: number) => void, count = 20): Promise<{ mean: number; p95: number }> {
  const times: number[] = [];
  let last = await raf();
  for (let i = 0; i < count; i++) {
    step(i);
    const now = await raf();
    times.push(now - last);
    last = now;
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((s, t) => s + t, 0) / times.length, p95: times[Math.floor(times.length * 0.95)]! };
}

async function drawSigma(input: BenchInput, frameCount = 20): Promise<DrawResult> {
  const maxB = input.data.nodes.reduce((m, n) => Math.max(m, n.betweenness), 0);
  const graph = new Graph({ type: 'undirected', multi: false });
  const at = positionsOf(input);
  input.data.nodes.forEach((n) =>
    graph.addNode(String(n.id), { x: at.get(n.id)!.x, y: -at.get(n.id)!.y, size: nodeSize(n.betweenness, maxB) / 4, color: nodeColour(n, 'organization', 'light'), label: n.name }),
  );
  for (const e of input.data.edges) {
    if (!graph.hasEdge(String(e.source), String(e.target))) graph.addEdge(String(e.source), String(e.target), { size: e.strength / 3, color: '#aaaab8' });
  }
  const t0 = performance.now();
  const sigma = new Sigma(graph, container());
  await raf();
  await raf();
  const firstPaintMs = performance.now() - t0;
  const camera = sigma.getCamera();
  const f = await frames((i) => camera.setState({ x: 0.5 + 0.1 * Math.sin(i / 5), y: 0.5, ratio: 1 / (1 + (i % 20) * 0.05) }), frameCount);
  sigma.kill();
  return { firstPaintMs, frameMeanMs: f.mean, frameP95Ms: f.p95 };
}

/** The app's own drawing (GraphCanvas: elements, stylesheet, viewport, progressive ties) with these options. */
async function drawCytoscape(input: BenchInput, perf: PerfOptions, frameCount = 20): Promise<DrawResult> {
  const positions = positionsOf(input);
  const canvas = new GraphCanvas(container(), { onHover() {}, onSelect() {}, onDoubleClick() {} });
  const t0 = performance.now();
  await canvas.draw(input.data, { colourBy: 'organization', theme: 'light', clusters: false, positions }, false, perf);
  const firstPaintMs = performance.now() - t0;
  const cy = canvas.cy!;
  const firstEdges = cy.edges().length;
  await canvas.filled;
  const filledMs = performance.now() - t0;
  const zoom = cy.zoom();
  const pan = cy.pan();
  const f = await frames((i) => cy.viewport({ zoom: zoom * (1 + (i % 20) * 0.05), pan: { x: pan.x + 40 * Math.sin(i / 5), y: pan.y } }), frameCount);
  const webgl = !!document.querySelector('canvas[data-id="layer4-webgl"], canvas[data-id$="-webgl"]');
  canvas.destroy();
  return { firstPaintMs, filledMs, firstEdges, frameMeanMs: f.mean, frameP95Ms: f.p95, webgl };
}

/** The app's layout worker on the whole graph; also the longest gap between UI frames while it runs. */
async function layout(input: BenchInput): Promise<{ layoutMs: number; workerMs: number; longestFrameMs: number; xy: number[] }> {
  const g = layoutGraph(input.data);
  const t0 = performance.now();
  const req = toLayoutRequest(g, initialPositions(g));
  const worker = new Worker('./worker.js', { type: 'module' });
  let done = false;
  const result = new Promise<LayoutResponse>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
  });
  worker.postMessage(req, [req.xy.buffer, req.edges.buffer, req.weights.buffer, req.ids.buffer]);
  let longest = 0;
  const watch = (async () => {
    let last = await raf();
    while (!done) {
      const now = await raf();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  const r = await result;
  const layoutMs = performance.now() - t0;
  done = true;
  await watch;
  worker.terminate();
  return { layoutMs, workerMs: r.ms, longestFrameMs: longest, xy: Array.from(r.xy) };
}

function webglAvailable(): boolean {
  return !!document.createElement('canvas').getContext('webgl2');
}

const api = { drawSigma, drawCytoscape, layout, webglAvailable };
(globalThis as unknown as { __graphBench: typeof api }).__graphBench = api;
document.documentElement.dataset.benchReady = 'true';
