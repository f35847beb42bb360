// The map of communities (issue 16), pure: a large network opens on one node
// per community (area by members) and one edge per pair of communities (width
// by the ties between them); laid out by mapPositions (shared/graphCommunities.ts).
import { groupColour, type CommunityMap } from '../../../../shared/graph';
import { mapNodeSize, type Point } from '../../../../shared/graphCommunities';
import type { ElementDef, StyleRule, Theme } from './encode';
import { graphLook } from './encode';

export { mapPositions } from '../../../../shared/graphCommunities';

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
