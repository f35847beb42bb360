// Cytoscape's performance options, chosen by graph size (issue 5). What each
// one buys on this machine class is measured by `npm run bench -- --suite graph`
// (rows "cytoscape first paint …" and "… pan/zoom frame"); the threshold and
// choices here follow those figures.
export interface PerfOptions {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  motionBlur: boolean;
  pixelRatio: number | 'auto';
  haystack: boolean;
  webgl: boolean;
  /** Label only the best bridges (plus me and the focus); hover, search and the panel name everyone else. */
  labelLimit?: number;
}

/** Elements (people + ties) above which the large-graph options apply. */
export const LARGE_GRAPH_ELEMENTS = 4_000;

export const SMALL_GRAPH: PerfOptions = {
  hideEdgesOnViewport: false,
  textureOnViewport: false,
  motionBlur: false,
  pixelRatio: 'auto',
  haystack: false,
  webgl: false,
};

export const LARGE_GRAPH: PerfOptions = {
  // Edges vanish while panning/zooming: the single biggest win for frame times at 10,000 ties.
  hideEdgesOnViewport: true,
  // A cached bitmap while the viewport moves (then redrawn when it stops).
  textureOnViewport: true,
  // Extra blended frames cost more than they hide on software GL.
  motionBlur: false,
  // Device pixels cost quadratically; 1 keeps a HiDPI screen from quadrupling the work.
  pixelRatio: 1,
  // Straight lines without per-edge geometry (dashes still drawn).
  haystack: true,
  // Cytoscape's WebGL renderer: off. On the 2-core bench machine (software GL) it cut
  // first paint of 2,000/10,000 from ~1.8 s to ~1.5 s but tripled pan/zoom frame
  // times (~230 → ~720 ms), and 3.34 sets CANVAS_LAYERS on the canvas renderer's
  // prototype, changing every later non-WebGL instance in the same page.
  webgl: false,
  // Measuring and laying out thousands of labels is a large share of Cytoscape's first paint.
  labelLimit: 150,
};

export function perfOptionsFor(nodes: number, edges: number): PerfOptions {
  return nodes + edges > LARGE_GRAPH_ELEMENTS ? LARGE_GRAPH : SMALL_GRAPH;
}
