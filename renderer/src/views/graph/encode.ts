// Visual encodings of the graph view (issue 5), pure: tie strength → edge
// width, dash and opacity; organization or community → colour; betweenness →
// node size; and the Cytoscape element definitions and stylesheet built from
// them. Unit-tested (test/unit/graph-encode.test.ts); no DOM here.
import type { GraphData, GraphEdge, GraphNode } from '../../../../shared/graph';
import { isWeakTie } from '../../../../shared/graph';

export type ColourBy = 'organization' | 'community';
export type Theme = 'light' | 'dark';

/** Twelve categorical colours that read on white and on near-black (Tableau 10 + two). */
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e', '#86bcb6', '#d37295'] as const;
export const NO_GROUP_COLOUR: Record<Theme, string> = { light: '#b4b4be', dark: '#5c5c66' };

export function groupColour(key: number | null, theme: Theme): string {
  if (key === null) return NO_GROUP_COLOUR[theme];
  return PALETTE[((key % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

export function nodeColour(node: Pick<GraphNode, 'orgId' | 'community'>, by: ColourBy, theme: Theme): string {
  return groupColour(by === 'organization' ? node.orgId : node.community, theme);
}

/** Strong ties solid and thick, weak ones thin and dashed. */
export function edgeWidth(strength: number): number {
  return [0.7, 1, 1.6, 2.4, 3.4][Math.min(5, Math.max(1, strength)) - 1]!;
}
export function edgeLineStyle(strength: number): 'dashed' | 'solid' {
  return isWeakTie(strength) ? 'dashed' : 'solid';
}
export function edgeOpacity(strength: number): number {
  return [0.45, 0.5, 0.6, 0.7, 0.8][Math.min(5, Math.max(1, strength)) - 1]!;
}

export const NODE_MIN = 10;
export const NODE_MAX = 40;
/** Area grows with betweenness (square root), so a bridge stands out without swamping its neighbours. */
export function nodeSize(betweenness: number, maxBetweenness: number): number {
  if (!(maxBetweenness > 0) || !(betweenness > 0)) return NODE_MIN;
  return NODE_MIN + (NODE_MAX - NODE_MIN) * Math.sqrt(Math.min(1, betweenness / maxBetweenness));
}
/**
 * Label font size in model units, growing with the node: with Cytoscape's
 * min-zoomed-font-size, the big nodes' labels appear first as you zoom in and
 * the rest only when there is room — no text soup.
 */
export function labelSize(size: number): number {
  return Math.round(6 + size * 0.4);
}

export interface EncodeOptions {
  colourBy: ColourBy;
  theme: Theme;
  /** Organizations as compound parent nodes. */
  clusters: boolean;
  positions: ReadonlyMap<number, { x: number; y: number }>;
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
    const def: ElementDef = {
      group: 'nodes',
      data: {
        id: String(n.id),
        label: n.name,
        colour: nodeColour(n, options.colourBy, options.theme),
        size,
        font: labelSize(size),
        parent: options.clusters && n.orgId !== null ? orgNodeId(n.orgId) : undefined,
      },
      classes: [n.isMe ? 'me' : '', n.focus ? 'focus' : ''].filter(Boolean).join(' ') || undefined,
    };
    const p = options.positions.get(n.id);
    if (p) def.position = { x: p.x, y: p.y };
    out.push(def);
  }
  for (const e of data.edges) out.push(edgeElement(e));
  return out;
}

export function edgeElement(e: GraphEdge): ElementDef {
  return {
    group: 'edges',
    data: {
      id: `t${e.id}`,
      source: String(e.source),
      target: String(e.target),
      strength: e.strength,
      width: edgeWidth(e.strength),
      opacity: edgeOpacity(e.strength),
    },
    classes: isWeakTie(e.strength) ? 'weak' : 'strong',
  };
}

export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

export interface StyleOptions {
  theme: Theme;
  /** Haystack edges: straight, cheaper to draw; used above the size threshold. */
  haystack: boolean;
}

export function stylesheet({ theme, haystack }: StyleOptions): StyleRule[] {
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
        label: 'data(label)',
        'font-size': 'data(font)',
        'min-zoomed-font-size': 9,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': halo,
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'border-width': 1,
        'border-color': halo,
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
        padding: '12px',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': edge,
        opacity: 'data(opacity)',
        'curve-style': haystack ? 'haystack' : 'straight',
        'haystack-radius': 0,
      },
    },
    { selector: 'edge.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': [4, 3] as unknown as string } },
    { selector: 'node.dimmed', style: { opacity: 0.12 } },
    { selector: 'edge.dimmed', style: { opacity: 0.05 } },
    {
      selector: 'node.route',
      style: { 'border-width': 3, 'border-color': accent, label: 'data(hopLabel)', 'min-zoomed-font-size': 0, 'z-index': 10 },
    },
    { selector: 'edge.route', style: { 'line-color': accent, opacity: 1, width: 4, 'line-style': 'solid', 'z-index': 10 } },
    { selector: 'node.hit', style: { 'border-width': 4, 'border-color': accent, 'min-zoomed-font-size': 0, 'z-index': 20 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': accent, 'min-zoomed-font-size': 0 } },
  ];
}
