// Cytoscape's performance options, chosen by graph size (issue 5). Pure data
// in shared/ so the renderer and the graph bench use the very same options. What each
// one buys on this machine class is measured by `npm run bench -- --suite graph`
// (rows "cytoscape first paint …", "… all ties drawn" and "… pan/zoom frame",
// at 2,000 and 10,000 people); the thresholds and choices here follow those figures.
export interface PerfOptions {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  motionBlur: boolean;
  pixelRatio: number | 'auto';
  haystack: boolean;
  webgl: boolean;
  /** Weak ties dashed. Dashes are stroked segment by segment in software canvas. */
  weakDashes: boolean;
  /** Label only the best bridges (plus me and the focus); hover, search and the panel name everyone else. */
  labelLimit?: number;
  /**
   * The whole picture painted at once on the overview layer (renderer/src/views/graph/overview.ts),
   * the elements then handed to Cytoscape in idle-time batches of `batch`, people first;
   * Cytoscape starts with the first `firstElements` of them.
   */
  overview: boolean;
  firstElements?: number;
  /**
   * Without the overview: ties drawn with the first paint (all people, then the strongest
   * ties); the rest are added in idle-time batches of `batch`. Absent: everything at once.
   */
  firstEdges?: number;
  /** Elements per idle-time batch (people and ties are never mixed in one batch). */
  batch?: number;
  /**
   * With the overview: ties stay on the overview layer for good, under Cytoscape's people, and
   * Cytoscape takes only the people, in batches of `batch` that do not grow (issue 16: one
   * Cytoscape redraw of 10,000 people and 50,000 ties is ~650 ms in software canvas, so every
   * batch after the ties began was a frame of that length; people alone redraw in ~150–250 ms,
   * plus ~0.3 ms for each person new in that frame).
   * A highlight moves the few ties it marks (a route's, those into an organization or a bridge)
   * into Cytoscape, which styles them.
   */
  tiesOnOverview?: boolean;
  /**
   * With `tiesOnOverview`: the people stay on the overview layer too, and Cytoscape is given only
   * those a view asks for (a click, a search, a route, a focused group) and the communities' tints.
   * Issue 16: Cytoscape redraws every person it holds element by element whenever people are added
   * (~100–250 ms at 10,000 here), so no batch size keeps the hand-over's frames under 100 ms; the
   * overview layer draws, hit-tests and dims them in one path per colour. Not with organization
   * clusters (their compound parents need their people in Cytoscape).
   */
  peopleOnDemand?: boolean;
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
  weakDashes: true,
  // Issue 16: only the best bridges (and me, the focus, the selection) are labelled; a label on
  // each of 150 people covered the communities with overlapping text. Hover names everyone.
  labelLimit: 24,
  overview: false,
};

export const LARGE_GRAPH: PerfOptions = {
  // Every tie stays drawn while the user pans/zooms (issue 16: hiding them made panning look
  // faster than it is and the picture lose its structure at every move).
  hideEdgesOnViewport: false,
  // A cached bitmap while the user moves the viewport (then redrawn when it stops).
  textureOnViewport: true,
  // Extra blended frames cost more than they hide on software rendering.
  motionBlur: false,
  // Device pixels cost quadratically; 1 keeps a HiDPI screen from quadrupling the work.
  pixelRatio: 1,
  // Straight lines without per-edge geometry.
  haystack: true,
  // Cytoscape's WebGL renderer: off. See the bench rows "+ WebGL renderer": on software GL it
  // paints first faster but every pan/zoom frame is slower, and 3.34 sets CANVAS_LAYERS on the
  // canvas renderer's prototype, changing every later non-WebGL instance in the same page.
  webgl: false,
  // Weak ties stay thin and light; dashing thousands of them is a large share of each frame.
  weakDashes: false,
  // Measuring and laying out thousands of labels is a large share of Cytoscape's first paint.
  labelLimit: 150,
  // The whole picture at once on the overview layer; Cytoscape takes the elements over in idle time.
  overview: true,
  firstElements: 0,
  // Issue 16: with ties kept on the overview, people per batch, not growing (graphCanvas.ts fill);
  // used only when people cannot stay on the overview (organization clusters).
  batch: 1_000,
  tiesOnOverview: true,
  peopleOnDemand: true,
};

export function perfOptionsFor(nodes: number, edges: number): PerfOptions {
  return nodes + edges > LARGE_GRAPH_ELEMENTS ? LARGE_GRAPH : SMALL_GRAPH;
}
