// The Cytoscape element definitions and stylesheet of the graph view (issue 5),
// pure, built on the encodings in shared/graph.ts (tie strength → edge width,
// dash and opacity; organization or community → colour; betweenness → node
// size; label size), which test/unit/graph-encode.test.ts covers.
import type { GraphData, GraphEdge, GraphNode } from '../../../../shared/graph';
import { edgeOpacity, edgeWidth, groupColour, isWeakTie, labelSize, nodeSize } from '../../../../shared/graph';

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
}

export interface ElementDef {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | undefined>;
  position?: { x: number; y: number };
  classes?: string;
}

export const orgNodeId = (orgId: number) => `org-${orgId}`;

export function buildElements(data: GraphData, options: EncodeOptions): ElementDef[] {
  const maxB = data.nodes.reduce((m, n) => Math.max(m, n.betweenness), 0);
  let labelled: Set<number> | null = null;
  if (options.labelLimit !== undefined && options.labelLimit < data.nodes.length) {
    const ranked = [...data.nodes].sort((a, b) => b.betweenness - a.betweenness || a.id - b.id).slice(0, options.labelLimit);
    labelled = new Set(ranked.map((n) => n.id));
  }
  const orgNames = new Map(data.organizations.map((o) => [o.id, o.name]));
  const out: ElementDef[] = [];
  if (options.clusters) {
    const used = new Set(data.nodes.map((n) => n.orgId).filter((o): o is number => o !== null));
    for (const orgId of used) {
      out.push({ group: 'nodes', data: { id: orgNodeId(orgId), label: orgNames.get(orgId) ?? '', colour: groupColour(orgId, options.theme) }, classes: 'cluster' });
    }
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
      classes: [label ? 'labelled' : '', n.isMe ? 'me' : '', n.focus ? 'focus' : ''].filter(Boolean).join(' '),
    };
    const p = options.positions.get(n.id);
    if (p) def.position = { x: p.x, y: p.y };
    out.push(def);
  }
  for (const e of strongestFirst(data.edges)) out.push(edgeElement(e));
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

/** A label drawn at any zoom (route hops, a found or selected person), labelled or not. */
const SHOWN_LABEL = (text: string, halo: string) => ({
  'font-size': 12,
  'min-zoomed-font-size': 0,
  color: text,
  'text-valign': 'bottom',
  'text-margin-y': 3,
  'text-outline-color': halo,
  'text-outline-width': 2,
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

export function stylesheet({ theme, haystack, weakDashes = true }: StyleOptions): StyleRule[] {
  const dark = theme === 'dark';
  const text = dark ? '#ececf0' : '#1c1c1f';
  const halo = dark ? '#19191c' : '#ffffff';
  const edge = dark ? '#8a8a99' : '#77778a';
  const accent = dark ? '#8d8cff' : '#5150cf';
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1,
        'border-color': halo,
      },
    },
    {
      selector: 'node.labelled',
      style: {
        label: 'data(label)',
        'font-size': 'data(font)',
        'min-zoomed-font-size': 9,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': halo,
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'text-events': 'no',
      },
    },
    { selector: 'node.me', style: { 'border-width': 3, 'border-color': accent } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': accent } },
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
    ...[1, 2, 3, 4, 5].map((s) => ({ selector: `edge.s${s}`, style: { width: edgeWidth(s), opacity: edgeOpacity(s) } })),
    ...(weakDashes ? [{ selector: 'edge.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': [4, 3] as unknown as string } }] : []),
    { selector: 'node.dimmed', style: { opacity: 0.12 } },
    { selector: 'edge.dimmed', style: { opacity: 0.05 } },
    {
      selector: 'node.route',
      style: { ...SHOWN_LABEL(text, halo), 'border-width': 3, 'border-color': accent, label: 'data(hopLabel)', 'z-index': 10 },
    },
    { selector: 'edge.route', style: { 'line-color': accent, opacity: 1, width: 4, 'line-style': 'solid', 'z-index': 10 } },
    { selector: 'node.hit', style: { ...SHOWN_LABEL(text, halo), label: 'data(name)', 'border-width': 4, 'border-color': accent, 'z-index': 20 } },
    { selector: 'node:selected', style: { ...SHOWN_LABEL(text, halo), label: 'data(name)', 'border-width': 4, 'border-color': accent } },
  ];
}
