// The Cytoscape element definitions and stylesheet of the graph view (issue 5),
// pure, built on the encodings in shared/graph.ts (tie strength → edge width,
// dash and opacity; organization or community → colour; betweenness → node
// size; label size), which test/unit/graph-encode.test.ts covers.
import type { GraphData, GraphEdge, GraphNode } from '../../../../shared/graph';
import { edgeOpacity, edgeWidth, groupColour, isWeakTie, labelSize, nodeSize, WEAK_TIE_SHOWN } from '../../../../shared/graph';
import { tintFont, type CommunityTint } from '../../../../shared/graphCommunities';

export { communityTints, type CommunityTint } from '../../../../shared/graphCommunities';

export { nodeSize } from '../../../../shared/graph';

export type ColourBy = 'organization' | 'community';
export type Theme = 'light' | 'dark';

export function nodeColour(node: Pick<GraphNode, 'orgId' | 'community'>, by: ColourBy, theme: Theme): string {
  return groupColour(by === 'organization' ? node.orgId : node.community, theme);
}

export interface EncodeOptions {
  colourBy: ColourBy;
  theme: Theme;
  /** Organizations as compound parent nodes. */
  clusters: boolean;
  positions: ReadonlyMap<number, { x: number; y: number }>;
  /** Label only this many people (the best bridges, and me); all when absent. Large graphs: see perf.ts. */
  labelLimit?: number;
  /** A soft tint behind each community, with its name (issue 16); see communityTints. */
  tints?: readonly CommunityTint[];
}

/** Hubs (most ties) labelled besides the best bridges (issue 16). */
export const HUB_LABELS = 10;

export const tintNodeId = (community: number) => `tint-${community}`;

export interface ElementDef {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | undefined>;
  position?: { x: number; y: number };
  classes?: string;
}

export const orgNodeId = (orgId: number) => `org-${orgId}`;

/** How many of the best bridges carry a ring (the insights panel lists the same top ones). */
export const BRIDGE_RINGS = 10;

export function buildElements(data: GraphData, options: EncodeOptions): ElementDef[] {
  const maxB = data.nodes.reduce((m, n) => Math.max(m, n.betweenness), 0);
  let labelled: Set<number> | null = null;
  if (options.labelLimit !== undefined && options.labelLimit < data.nodes.length) {
    const ranked = [...data.nodes].sort((a, b) => b.betweenness - a.betweenness || a.id - b.id).slice(0, options.labelLimit);
    labelled = new Set(ranked.map((n) => n.id));
    // Hubs too (issue 16): the people with the most ties drawn.
    const degree = new Map<number, number>();
    for (const e of data.edges) {
      degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
      degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    }
    for (const [id] of [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, HUB_LABELS)) labelled.add(id);
  }
  // Issue 16: the top bridges get a ring, as the insights panel ranks them (me excluded).
  const bridges = new Set(
    data.nodes
      .filter((n) => !n.isMe && n.betweenness > 0)
      .sort((a, b) => b.betweenness - a.betweenness || a.id - b.id)
      .slice(0, BRIDGE_RINGS)
      .map((n) => n.id),
  );
  const orgNames = new Map(data.organizations.map((o) => [o.id, o.name]));
  const out: ElementDef[] = [];
  if (options.clusters) {
    const used = new Set(data.nodes.map((n) => n.orgId).filter((o): o is number => o !== null));
    for (const orgId of used) {
      out.push({ group: 'nodes', data: { id: orgNodeId(orgId), label: orgNames.get(orgId) ?? '', colour: groupColour(orgId, options.theme) }, classes: 'cluster' });
    }
  }
  // Tints first: drawn beneath everything (z-compound-depth bottom), and never hit by the pointer.
  for (const t of options.tints ?? []) {
    out.push({
      group: 'nodes',
      data: { id: tintNodeId(t.community), label: t.label, colour: groupColour(t.community, options.theme), size: 2 * t.r, font: tintFont(t.r) },
      position: { x: t.x, y: t.y },
      classes: 'tint',
    });
  }
  for (const n of data.nodes) {
    const size = n.isMe ? Math.max(nodeSize(n.betweenness, maxB), 18) : nodeSize(n.betweenness, maxB);
    const label = labelled === null || labelled.has(n.id) || n.isMe || n.focus;
    // Only labelled people carry label data and the 'labelled' class: Cytoscape measures
    // and lays out text for every node whose label is non-empty, hidden or not (issue 5 bench).
    const def: ElementDef = {
      group: 'nodes',
      data: {
        id: String(n.id),
        name: n.name,
        colour: nodeColour(n, options.colourBy, options.theme),
        size,
        ...(label ? { label: n.name, font: labelSize(size) } : {}),
        parent: options.clusters && n.orgId !== null ? orgNodeId(n.orgId) : undefined,
      },
      classes: [label ? 'labelled' : '', n.isMe ? 'me' : '', n.focus ? 'focus' : '', bridges.has(n.id) ? 'bridge' : ''].filter(Boolean).join(' '),
    };
    const p = options.positions.get(n.id);
    if (p) def.position = { x: p.x, y: p.y };
    out.push(def);
  }
  for (const e of strongestFirst(data.edges)) {
    const def = edgeElement(e);
    // My own ties (issue 16): left out of the layout's forces, they cross the whole picture from me
    // to every group; drawn faint unless I am hovered or selected.
    if (e.source === data.meId || e.target === data.meId) def.classes = `${def.classes ?? ''} mine`;
    out.push(def);
  }
  // Likely ties (issue 15) last: drawn under their own class, distinct from every tie at every size.
  for (const e of data.likelyEdges ?? []) {
    out.push({ group: 'edges', data: { id: `l${e.source}-${e.target}`, source: String(e.source), target: String(e.target), strength: 0 }, classes: 'likely' });
  }
  return out;
}

/** Ties, strongest first (then by id): a progressive draw shows the backbone of the network first. */
export function strongestFirst(edges: readonly GraphEdge[]): GraphEdge[] {
  return [...edges].sort((a, b) => b.strength - a.strength || a.id - b.id);
}

/**
 * A tie's element. Width, opacity and dash come from its strength class (s1–s5)
 * in the stylesheet, not from per-element data mappers: Cytoscape then shares
 * one computed style per class instead of resolving mappers per edge.
 */
export function edgeElement(e: GraphEdge): ElementDef {
  return {
    group: 'edges',
    data: { id: `t${e.id}`, source: String(e.source), target: String(e.target), strength: e.strength },
    classes: `s${Math.min(5, Math.max(1, Math.round(e.strength)))} ${isWeakTie(e.strength) ? 'weak' : 'strong'}`,
  };
}

/**
 * Whether a highlight that keeps these people bright keeps a person (one id) or a
 * tie (its two ends) bright: the people kept, and the ties among them. Cytoscape's
 * `.dimmed` (graphCanvas.ts) and the overview layer both follow it.
 */
export function keptByHighlight(keep: ReadonlySet<string>, id: string, otherEnd?: string): boolean {
  return keep.has(id) && (otherEnd === undefined || keep.has(otherEnd));
}

/** A label drawn at any zoom (route hops, a found or selected person), labelled or not. */
/** Font size and halo (model units) of the labels that are always shown; graphCanvas.ts keeps them readable when zoomed out. */
export const SHOWN_LABEL_FONT = 12;
export const SHOWN_LABEL_OUTLINE = 2;
/** Width of a highlighted route's ties (model units; kept on screen when zoomed out, as the labels). */
export const ROUTE_TIE_WIDTH = 4;
/** Selector of the people whose label is always shown (route hops, search hits, the selected person). */
export const SHOWN_LABEL_SELECTOR = 'node.route, node.hit, node:selected';
const SHOWN_LABEL = (text: string, halo: string) => ({
  'font-size': SHOWN_LABEL_FONT,
  'min-zoomed-font-size': 0,
  color: text,
  'text-valign': 'bottom',
  'text-margin-y': 3,
  'text-outline-color': halo,
  'text-outline-width': SHOWN_LABEL_OUTLINE,
  'text-outline-opacity': 0.9,
});

export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

export interface StyleOptions {
  theme: Theme;
  /** Haystack edges: straight, cheaper to draw; used above the size threshold. */
  haystack: boolean;
  /** Weak ties dashed (the design's encoding); false draws them thin and light only. Default true. */
  weakDashes?: boolean;
}

/**
 * Colours, widths and opacities of the drawing, in one place: the Cytoscape
 * stylesheet below and the overview layer (overview.ts) both read them.
 */
export interface GraphLook {
  text: string;
  halo: string;
  edge: string;
  accent: string;
  /** A weak tie marked on an organization's view or a way in (issue 16). */
  weakMark: string;
  /** Tie width and opacity by strength class 1–5. */
  edgeWidth: readonly number[];
  edgeOpacity: readonly number[];
  weakDashes: boolean;
  dash: number[];
  border: number;
  /** Border of me and of the ego view's centre. */
  markedBorder: number;
  minZoomedFontSize: number;
  labelMargin: number;
  labelOutline: number;
  labelOutlineOpacity: number;
  dimmedNodeOpacity: number;
  dimmedEdgeOpacity: number;
  /** My own ties (issue 16): faint unless I am hovered or selected. */
  myTieOpacity: number;
  /** A community's tint (issue 16): its disc's fill, its border's width and opacity. */
  tintOpacity: number;
  tintBorder: number;
  tintBorderOpacity: number;
}

/** A person's name is drawn only at this size on screen or more (Cytoscape's min-zoomed-font-size). */
export const PEOPLE_LABEL_MIN_PX = 9;

export function graphLook(theme: Theme, weakDashes = true): GraphLook {
  const dark = theme === 'dark';
  const classes = [1, 2, 3, 4, 5];
  return {
    text: dark ? '#ececf0' : '#1c1c1f',
    halo: dark ? '#19191c' : '#ffffff',
    edge: dark ? '#8a8a99' : '#77778a',
    accent: dark ? '#8d8cff' : '#5150cf',
    weakMark: dark ? '#ffa94d' : '#d9480f',
    edgeWidth: classes.map(edgeWidth),
    edgeOpacity: classes.map(edgeOpacity),
    weakDashes,
    dash: [4, 3],
    border: 1,
    markedBorder: 3,
    minZoomedFontSize: PEOPLE_LABEL_MIN_PX,
    labelMargin: 3,
    labelOutline: 2,
    labelOutlineOpacity: 0.9,
    dimmedNodeOpacity: 0.12,
    dimmedEdgeOpacity: 0.05,
    myTieOpacity: 0.12,
    tintOpacity: dark ? 0.1 : 0.08,
    tintBorder: 1.5,
    tintBorderOpacity: 0.35,
  };
}

/** Opacity of a likely tie's line (issue 15), in Cytoscape and the overview layer alike. */
export const LIKELY_EDGE_OPACITY = 0.5;

export function stylesheet({ theme, haystack, weakDashes = true }: StyleOptions): StyleRule[] {
  const look = graphLook(theme, weakDashes);
  const { text, halo, edge, accent } = look;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': look.border,
        'border-color': halo,
      },
    },
    {
      selector: 'node.labelled',
      style: {
        label: 'data(label)',
        'font-size': 'data(font)',
        'min-zoomed-font-size': look.minZoomedFontSize,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': look.labelMargin,
        'text-outline-color': halo,
        'text-outline-width': look.labelOutline,
        'text-outline-opacity': look.labelOutlineOpacity,
        'text-events': 'no',
      },
    },
    {
      selector: 'node.tint',
      style: {
        'background-color': 'data(colour)',
        'background-opacity': look.tintOpacity,
        'border-width': look.tintBorder,
        'border-color': 'data(colour)',
        'border-opacity': look.tintBorderOpacity,
        label: 'data(label)',
        'font-size': 'data(font)',
        'font-weight': 'bold',
        color: text,
        'text-opacity': 0.8,
        'text-valign': 'top',
        'text-margin-y': -4,
        'text-outline-color': halo,
        'text-outline-width': 3,
        'text-outline-opacity': 0.9,
        'min-zoomed-font-size': 0,
        'z-compound-depth': 'bottom',
        events: 'no',
      },
    },
    // Large graphs (issue 16): the disc is drawn on the overview layer, under the ties kept there; Cytoscape draws the name.
    { selector: 'node.tint.name-only', style: { 'background-opacity': 0, 'border-width': 0 } },
    // A smaller community's name that would print over a larger one's (graphCanvas separateCommunityNames).
    { selector: 'node.tint.name-hidden', style: { 'text-opacity': 0 } },
    // A person's name that would print over a more important one (graphCanvas separatePeopleLabels).
    { selector: 'node.labelled.label-hidden', style: { 'text-opacity': 0 } },
    { selector: 'node.bridge', style: { 'border-width': look.markedBorder, 'border-color': text, 'border-opacity': 0.75 } },
    { selector: 'node.me', style: { 'border-width': look.markedBorder, 'border-color': accent } },
    { selector: 'node.focus', style: { 'border-width': look.markedBorder, 'border-color': accent } },
    {
      selector: 'node.cluster',
      style: {
        'background-color': 'data(colour)',
        'background-opacity': 0.08,
        'border-color': 'data(colour)',
        'border-width': 1,
        'border-opacity': 0.6,
        shape: 'round-rectangle',
        label: 'data(label)',
        'font-size': 12,
        'text-valign': 'top',
        'text-halign': 'center',
        'min-zoomed-font-size': 6,
        color: text,
        'text-outline-color': halo,
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        padding: '12px',
      },
    },
    {
      selector: 'edge',
      style: {
        'line-color': edge,
        'curve-style': haystack ? 'haystack' : 'straight',
        'haystack-radius': 0,
      },
    },
    ...look.edgeWidth.map((width, i) => ({ selector: `edge.s${i + 1}`, style: { width, opacity: look.edgeOpacity[i]! } })),
    ...(weakDashes ? [{ selector: 'edge.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': look.dash as unknown as string } }] : []),
    // Issue 16: the hovered or selected person's weak ties come out of the faint (see WEAK_TIE_SHOWN).
    { selector: 'edge.mine', style: { opacity: look.myTieOpacity } },
    { selector: 'edge.weak.lit, edge.mine.lit', style: { opacity: WEAK_TIE_SHOWN } },
    // Likely ties (issue 15): the accent colour, thin and faint, dotted where dashes are drawn; never mistaken for a weak tie.
    { selector: 'edge.likely', style: { 'line-color': accent, width: 1, opacity: LIKELY_EDGE_OPACITY, ...(weakDashes ? { 'line-style': 'dotted' } : {}) } },
    { selector: 'node.faded', style: { opacity: look.dimmedNodeOpacity } },
    { selector: 'edge.faded', style: { opacity: look.dimmedEdgeOpacity } },
    { selector: 'node.dimmed', style: { opacity: look.dimmedNodeOpacity } },
    { selector: 'edge.dimmed', style: { opacity: look.dimmedEdgeOpacity } },
    {
      selector: 'node.route',
      style: { ...SHOWN_LABEL(text, halo), 'border-width': 3, 'border-color': accent, label: 'data(hopLabel)', 'z-index': 10 },
    },
    // Issue 16: ties into an organization (or a bridge's ties) bright; weak ones marked in the weak-tie colour, dashed.
    { selector: 'edge.into', style: { opacity: 0.85 } },
    { selector: 'edge.weakmark', style: { 'line-color': look.weakMark, 'line-style': 'dashed', 'line-dash-pattern': [5, 3] as unknown as string, opacity: 1, width: 2.5 } },
    { selector: 'edge.route', style: { 'line-color': accent, opacity: 1, width: ROUTE_TIE_WIDTH, 'line-style': 'solid', 'z-index': 10 } },
    { selector: 'edge.route.weakmark', style: { 'line-color': look.weakMark, 'line-style': 'dashed', 'line-dash-pattern': [8, 4] as unknown as string } },
    { selector: 'node.hit', style: { ...SHOWN_LABEL(text, halo), label: 'data(name)', 'border-width': 4, 'border-color': accent, 'z-index': 20 } },
    { selector: 'node:selected', style: { ...SHOWN_LABEL(text, halo), label: 'data(name)', 'border-width': 4, 'border-color': accent } },
  ];
}
