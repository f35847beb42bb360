// A test-only window into the graph (issue 5; the idea of Signal's
// window.SignalCI): the canvas cannot be read through the DOM, so end-to-end
// tests read what is drawn here. Defined only when the e2e harness set
// window.__KITH_TEST__ before the app loaded; never in production.
export interface GraphTestState {
  mode: string;
  nodes: number[];
  edges: number;
  /** Likely ties drawn (issue 15), apart from the ties counted in `edges`. */
  likely: number;
  route: number[];
  filters: unknown;
  colourBy: string;
  layoutStatus: 'loading' | 'layout' | 'ready' | 'error';
  layoutMs: number | null;
  selected: number | null;
  zoom: number;
  /** Large graphs: elements still to be handed to Cytoscape, and whether the overview layer still draws people (it keeps the ties for good, issue 16). */
  handOver: { pending: number; overview: boolean };
  /** People and ties drawn dimmed by a highlight. */
  dimmed: number;
  /** People and ties faded around a hovered or selected person's neighbourhood (issue 16). */
  faded: number;
  /** The community map (issue 16): where each community is on screen (CSS pixels in the canvas). */
  mapAt: { id: number; x: number; y: number }[];
  /** Communities' names on the whole view: their boxes on screen, and whether each is shown (two shown never overlap). */
  communityNames: { label: string; shown: boolean; x1: number; y1: number; x2: number; y2: number }[];
  /** People's names drawn at this zoom, and how many pairs of them overlap (none, issue 16 review). */
  peopleLabels: { shown: number; overlapping: number };
}

type Flagged = { __KITH_TEST__?: boolean; __kithGraph?: { state(): GraphTestState | null } };

export function testHookEnabled(): boolean {
  return typeof window !== 'undefined' && (window as unknown as Flagged).__KITH_TEST__ === true;
}

export function publishGraphState(read: (() => GraphTestState) | null): void {
  if (!testHookEnabled()) return;
  (window as unknown as Flagged).__kithGraph = { state: () => (read ? read() : null) };
}
