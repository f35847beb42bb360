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
import type cytoscape from 'cytoscape';
import Graph from 'graphology';
import Sigma from 'sigma';
import type { CommunityMap, GraphData } from '../../../../../shared/graph';
import { mapPositions } from '../../../../../shared/graphCommunities';
import { buildElements, graphLook, keptByHighlight, nodeColour, nodeSize, type ElementDef } from '../encode';
import { Overview } from '../overview';
import { viewportFor } from '../../../../../shared/graph';
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
  /** Cytoscape: when every element is in Cytoscape (progressive draws add them after the first paint). */
  filledMs?: number;
  /** Cytoscape: when every person is in Cytoscape (hover and click reach everyone). */
  peopleInMs?: number;
  /** Cytoscape: the longest gap between two frames from the first paint until everything is in (the window's worst stall). */
  longestFrameMs?: number;
  /** Cytoscape: ties in the first paint. */
  firstEdges?: number;
  /**
   * Cytoscape, when probed: from the start until people not yet handed over answered a hover
   * (a mousemove on the canvas), a click (mousedown + mouseup) and the search's focusPerson,
   * through the app's real handlers; NaN if never before everything was in.
   */
  reachableMs?: number;
  /** Frames longer than 100 ms from the first paint until everything is in. */
  longFrames?: number;
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
  const at = positionsOf(input);
  // From the same data to pixels, as for Cytoscape (whose timing includes building its elements).
  const t0 = performance.now();
  const maxB = input.data.nodes.reduce((m, n) => Math.max(m, n.betweenness), 0);
  const graph = new Graph({ type: 'undirected', multi: false });
  input.data.nodes.forEach((n) =>
    graph.addNode(String(n.id), { x: at.get(n.id)!.x, y: -at.get(n.id)!.y, size: nodeSize(n.betweenness, maxB) / 4, color: nodeColour(n, 'organization', 'light'), label: n.name }),
  );
  for (const e of input.data.edges) {
    if (!graph.hasEdge(String(e.source), String(e.target))) graph.addEdge(String(e.source), String(e.target), { size: e.strength / 3, color: '#aaaab8' });
  }
  const sigma = new Sigma(graph, container());
  await raf();
  await raf();
  const firstPaintMs = performance.now() - t0;
  const camera = sigma.getCamera();
  const f = await frames((i) => camera.setState({ x: 0.5 + 0.1 * Math.sin(i / 5), y: 0.5, ratio: 1 / (1 + (i % 20) * 0.05) }), frameCount);
  sigma.kill();
  return { firstPaintMs, frameMeanMs: f.mean, frameP95Ms: f.p95 };
}

/**
 * People to probe: the last ones handed over (the end of the data), each alone enough on screen
 * that the point at their centre is theirs (no one else's disc within reach).
 */
function probePeople(input: BenchInput, positions: Map<number, Point>, count: number): number[] {
  const maxB = input.data.nodes.reduce((m, n) => Math.max(m, n.betweenness), 0);
  const radius = new Map(input.data.nodes.map((n) => [n.id, nodeSize(n.betweenness, maxB) / 2]));
  const out: number[] = [];
  for (let i = input.data.nodes.length - 1; i >= 0 && out.length < count; i--) {
    const id = input.data.nodes[i]!.id;
    const p = positions.get(id)!;
    const crowded = input.data.nodes.some((m) => m.id !== id && Math.hypot(positions.get(m.id)!.x - p.x, positions.get(m.id)!.y - p.y) < radius.get(m.id)! + radius.get(id)! + 20);
    if (!crowded) out.push(id);
  }
  return out;
}

function mouse(type: string, x: number, y: number): void {
  const stage = container();
  const rect = stage.getBoundingClientRect();
  const target = document.elementFromPoint(rect.left + x, rect.top + y) ?? stage;
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: rect.left + x, clientY: rect.top + y, button: 0, buttons: type === 'mouseup' ? 0 : 1, view: window }));
}

/** Whether hover, click and search reach each of these people now, through the canvas's real handlers. */
async function reaches(canvas: GraphCanvas, seen: { hover: number | null; select: number | null }, positions: Map<number, Point>, ids: readonly number[]): Promise<boolean> {
  const v = canvas.viewport()!;
  for (const id of ids) {
    const p = positions.get(id)!;
    const x = p.x * v.zoom + v.pan.x;
    const y = p.y * v.zoom + v.pan.y;
    seen.hover = null;
    seen.select = null;
    mouse('mousemove', x, y);
    const hovered = seen.hover === id;
    mouse('mouseout', x, y);
    mouse('mousedown', x, y);
    mouse('mouseup', x, y);
    await Promise.resolve();
    await Promise.resolve();
    const clicked = seen.select === id;
    // The search picks a person by id (GraphView's focusPerson): true when the canvas can show them.
    const searched = canvas.focusPerson(id);
    canvas.cy!.stop(true, true);
    canvas.clearHighlights();
    canvas.cy!.nodes().unselect();
    canvas.setViewport(v);
    if (!hovered || !clicked || !searched) return false;
  }
  // Away from everyone, so the last hover ends.
  mouse('mousemove', 1, 1);
  return true;
}

/** The app's own drawing (GraphCanvas: elements, stylesheet, viewport, progressive ties) with these options. */
async function drawCytoscape(input: BenchInput, perf: PerfOptions, frameCount = 20, probe = false): Promise<DrawResult> {
  const positions = positionsOf(input);
  const seen = { hover: null as number | null, select: null as number | null };
  const canvas = new GraphCanvas(container(), {
    onHover: (id) => {
      if (id !== null) seen.hover = id;
    },
    onSelect: (id) => {
      if (id !== null) seen.select = id;
    },
    onDoubleClick() {},
  });
  const probes = probe ? probePeople(input, positions, 3) : [];
  const t0 = performance.now();
  const drawn = canvas.draw(input.data, { colourBy: 'organization', theme: 'light', clusters: false, positions }, false, perf);
  await canvas.firstPaint;
  const firstPaintMs = performance.now() - t0;
  await drawn;
  const cy = canvas.cy!;
  const firstEdges = cy.edges().length;
  let filledDone = false;
  let longestFrameMs = 0;
  let longFrames = 0;
  const watch = (async () => {
    let last = await raf();
    while (!filledDone) {
      const now = await raf();
      longestFrameMs = Math.max(longestFrameMs, now - last);
      if (now - last > 100) longFrames++;
      last = now;
    }
  })();
  let reachableMs = NaN;
  if (probes.length) {
    let everything = false;
    void canvas.filled.then(() => (everything = true));
    while (!everything) {
      if (await reaches(canvas, seen, positions, probes)) {
        reachableMs = performance.now() - t0;
        break;
      }
      await raf();
    }
  }
  let peopleInMs = NaN;
  void canvas.peopleIn.then(() => (peopleInMs = performance.now() - t0));
  await canvas.filled;
  const filledMs = performance.now() - t0;
  await canvas.peopleIn;
  filledDone = true;
  await watch;
  const zoom = cy.zoom();
  const pan = cy.pan();
  const f = await frames((i) => cy.viewport({ zoom: zoom * (1 + (i % 20) * 0.05), pan: { x: pan.x + 40 * Math.sin(i / 5), y: pan.y } }), frameCount);
  const webgl = !!document.querySelector('canvas[data-id="layer4-webgl"], canvas[data-id$="-webgl"]');
  canvas.destroy();
  return { firstPaintMs, filledMs, peopleInMs, longestFrameMs, longFrames, firstEdges, reachableMs, frameMeanMs: f.mean, frameP95Ms: f.p95, webgl };
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

/** Ink (0 = background, 1 = black) per block of `block` × `block` pixels, composited over white. */
function inkBlocks(image: ImageData, block: number): { blocks: number[]; ink: number } {
  const bw = Math.ceil(image.width / block);
  const bh = Math.ceil(image.height / block);
  const sums = new Array<number>(bw * bh).fill(0);
  let total = 0;
  const d = image.data;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = 4 * (y * image.width + x);
      const a = d[i + 3]! / 255;
      // Luminance over white, as ink.
      const lum = (0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!) / 255;
      const ink = a * (1 - lum);
      sums[Math.floor(y / block) * bw + Math.floor(x / block)]! += ink;
      total += ink;
    }
  }
  return { blocks: sums.map((v) => v / (block * block)), ink: total / (image.width * image.height) };
}

export interface OverviewComparison {
  overviewInk: number;
  cytoscapeInk: number;
  /** Mean absolute difference of the per-block ink, relative to the mean ink (0 = the same picture). */
  difference: number;
  /** The same measure against the overview of a shifted viewport: what a wrong picture scores. */
  shiftedDifference: number;
}

/**
 * The overview layer alone, then Cytoscape alone with the same elements and options (everything
 * handed over): how far apart the two pictures are, per 16-pixel block (test/e2e/graph-overview.spec.ts).
 */
async function compareOverview(input: BenchInput, perf: PerfOptions, keep?: number[]): Promise<OverviewComparison> {
  const positions = positionsOf(input);
  const stage = container();
  const elements = buildElements(input.data, { colourBy: 'organization', theme: 'light', clusters: false, positions, labelLimit: perf.labelLimit }) as ElementDef[];
  const viewport = viewportFor(positions.values(), stage.clientWidth, stage.clientHeight, 30, 25, [0.02, 6])!;
  const keepSet = keep ? new Set(keep.map(String)) : null;
  const overviewImage = (vp: typeof viewport) => {
    const o = new Overview(stage, elements, graphLook('light', perf.weakDashes), vp, 1);
    o.setDimming(keepSet);
    o.paint();
    const image = o.canvas.getContext('2d')!.getImageData(0, 0, o.canvas.width, o.canvas.height);
    o.destroy();
    return image;
  };
  const fromOverview = overviewImage(viewport);
  const shifted = overviewImage({ zoom: viewport.zoom, pan: { x: viewport.pan.x + 40, y: viewport.pan.y + 25 } });
  const canvas = new GraphCanvas(stage, { onHover() {}, onSelect() {}, onDoubleClick() {} });
  await canvas.draw(input.data, { colourBy: 'organization', theme: 'light', clusters: false, positions }, false, { ...perf, overview: false, firstEdges: undefined });
  await canvas.filled;
  const cy = canvas.cy!;
  // What GraphCanvas does to elements it takes over while a highlight is on (addElements).
  if (keepSet) {
    cy.batch(() =>
      cy.elements().forEach((e: cytoscape.SingularElementReturnValue) => {
        const d = e.data() as { id: string; source?: string; target?: string };
        const inside = d.source === undefined ? keptByHighlight(keepSet, d.id) : keptByHighlight(keepSet, d.source, String(d.target));
        if (!inside) e.addClass('dimmed');
      }),
    );
  }
  await raf();
  await raf();
  await raf();
  const layers = [...stage.querySelectorAll('canvas')];
  const node = layers.find((c) => c.dataset.id === 'layer2-node') ?? layers[layers.length - 1]!;
  const fromCytoscape = node.getContext('2d')!.getImageData(0, 0, node.width, node.height);
  canvas.destroy();
  const a = inkBlocks(fromOverview, 16);
  const b = inkBlocks(fromCytoscape, 16);
  const c = inkBlocks(shifted, 16);
  const diff = (x: number[], y: number[]) => x.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0) / x.length;
  const mean = (a.ink + b.ink) / 2;
  return { overviewInk: a.ink, cytoscapeInk: b.ink, difference: diff(a.blocks, b.blocks) / mean, shiftedDifference: diff(c.blocks, b.blocks) / mean };
}

/** The map of communities a large network opens on (issue 16): its layout and first paint, as the app draws it. */
async function drawMap(map: CommunityMap): Promise<{ firstPaintMs: number; layoutMs: number }> {
  const canvas = new GraphCanvas(container(), { onHover() {}, onSelect() {}, onDoubleClick() {}, onCommunity() {} });
  const t0 = performance.now();
  mapPositions(map);
  const layoutMs = performance.now() - t0;
  const t1 = performance.now();
  await canvas.drawMap(map, 'light');
  const firstPaintMs = performance.now() - t1 + layoutMs;
  canvas.destroy();
  return { firstPaintMs, layoutMs };
}

const api = { drawSigma, drawCytoscape, layout, webglAvailable, compareOverview, drawMap };
(globalThis as unknown as { __graphBench: typeof api }).__graphBench = api;
document.documentElement.dataset.benchReady = 'true';
