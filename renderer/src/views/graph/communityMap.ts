// The map of communities (issue 16), pure: a large network opens on one node
// per community (area by members) and one edge per pair of communities (width
// by the ties between them). Laid out here with ForceAtlas2 on the map's own
// few dozen nodes (milliseconds), sizes respected, then spread until no two
// communities overlap: the map does not wait for the layout of everyone.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { groupColour, type CommunityMap } from '../../../../shared/graph';
import { hash01, type Point } from '../../../../shared/graphLayout';
import type { ElementDef, StyleRule, Theme } from './encode';
import { graphLook } from './encode';

export const MAP_NODE_MIN = 36;
export const MAP_NODE_MAX = 150;
/** Room between two communities for the name below each. */
const MAP_GAP = 70;

export function mapNodeSize(size: number, largest: number): number {
  return MAP_NODE_MIN + (MAP_NODE_MAX - MAP_NODE_MIN) * Math.sqrt(Math.min(1, size / Math.max(1, largest)));
}

/** Positions of the communities: ForceAtlas2 over the map weighted by ties, then spread so none overlap. Deterministic. */
export function mapPositions(map: CommunityMap): Map<number, Point> {
  const largest = map.communities[0]?.size ?? 1;
  const graph = new Graph({ type: 'undirected' });
  map.communities.forEach((c, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, map.communities.length) + hash01(c.id) * 0.3;
    const r = 100 + 400 * hash01(c.id + 31);
    graph.addNode(String(c.id), { x: r * Math.cos(a), y: r * Math.sin(a), size: mapNodeSize(c.size, largest) / 2 });
  });
  for (const l of map.links) {
    if (graph.hasNode(String(l.a)) && graph.hasNode(String(l.b))) graph.addEdge(String(l.a), String(l.b), { weight: Math.log1p(l.ties) });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: 300,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: true, gravity: 1, strongGravityMode: true, scalingRatio: 20, barnesHutOptimize: false },
    });
  }
  const out = new Map<number, Point>();
  const radius = new Map<number, number>();
  graph.forEachNode((node, attr) => {
    out.set(Number(node), { x: attr.x as number, y: attr.y as number });
    radius.set(Number(node), attr.size as number);
  });
  // Overlaps left by ForceAtlas2 pushed apart, pair by pair (a few dozen communities: cheap)...
  const ids = [...out.keys()];
  const need = (i: number, j: number) => radius.get(ids[i]!)! + radius.get(ids[j]!)! + MAP_GAP;
  for (let round = 0; round < 200; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const p = out.get(ids[i]!)!;
        const q = out.get(ids[j]!)!;
        let dx = q.x - p.x;
        let dy = q.y - p.y;
        let d = Math.hypot(dx, dy);
        if (d >= need(i, j)) continue;
        if (d < 1e-6) {
          dx = Math.cos(i + j);
          dy = Math.sin(i + j);
          d = 1;
        }
        const push = (need(i, j) - d) / 2 + 0.5;
        out.set(ids[i]!, { x: p.x - (dx / d) * push, y: p.y - (dy / d) * push });
        out.set(ids[j]!, { x: q.x + (dx / d) * push, y: q.y + (dy / d) * push });
        moved = true;
      }
    }
    if (!moved) break;
  }
  // ...then the whole map drawn in, uniformly, until the closest pair just keeps its gap.
  let scale = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const p = out.get(ids[i]!)!;
      const q = out.get(ids[j]!)!;
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      if (d > 1e-6) scale = Math.max(scale, need(i, j) / d);
    }
  }
  if (scale > 0 && scale < 1) for (const [id, p] of out) out.set(id, { x: p.x * scale, y: p.y * scale });
  return out;
}

export function mapElements(map: CommunityMap, positions: ReadonlyMap<number, Point>, theme: Theme): ElementDef[] {
  const largest = map.communities[0]?.size ?? 1;
  const maxTies = map.links.reduce((m, l) => Math.max(m, l.ties), 1);
  const out: ElementDef[] = [];
  for (const c of map.communities) {
    const size = mapNodeSize(c.size, largest);
    out.push({
      group: 'nodes',
      data: { id: `c${c.id}`, community: c.id, label: `${c.label}\n${c.size.toLocaleString()} people`, colour: groupColour(c.id, theme), size, font: Math.max(13, Math.min(22, size / 6)) },
      position: positions.get(c.id) ?? { x: 0, y: 0 },
      classes: c.hasMe ? 'community me' : 'community',
    });
  }
  for (const l of map.links) {
    out.push({
      group: 'edges',
      // Weighted by the ties between them: width and opacity both, so the few strong links carry the picture.
      data: {
        id: `l${l.a}-${l.b}`,
        source: `c${l.a}`,
        target: `c${l.b}`,
        ties: l.ties,
        width: 0.5 + 11.5 * Math.sqrt(l.ties / maxTies),
        opacity: Math.round((0.06 + 0.64 * (l.ties / maxTies)) * 100) / 100,
      },
      // Mostly weak ties between them: dashed, as weak ties are in the whole view.
      classes: 2 * l.weak > l.ties ? 'link weak' : 'link',
    });
  }
  return out;
}

export function mapStylesheet(theme: Theme): StyleRule[] {
  const look = graphLook(theme);
  return [
    {
      selector: 'node.community',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 2,
        'border-color': look.halo,
        label: 'data(label)',
        'font-size': 'data(font)',
        'text-wrap': 'wrap',
        'text-max-width': '160px',
        'text-valign': 'bottom',
        'text-margin-y': 6,
        color: look.text,
        'text-outline-color': look.halo,
        'text-outline-width': 2,
        'text-outline-opacity': 0.9,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.community.me', style: { 'border-width': 4, 'border-color': look.accent } },
    { selector: 'node.community.hover', style: { 'border-width': 4, 'border-color': look.text } },
    { selector: 'edge.link', style: { 'line-color': look.edge, width: 'data(width)', opacity: 'data(opacity)', 'curve-style': 'straight' } },
    { selector: 'edge.link.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] as unknown as string } },
    { selector: 'edge.link.hover', style: { opacity: 0.95, 'line-color': look.accent } },
  ];
}
