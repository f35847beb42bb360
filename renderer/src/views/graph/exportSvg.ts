// SVG export of the current view (issue 5), written from element positions
// and styles rather than through cytoscape-svg: that extension pulls in
// canvas2svg, is barely maintained, and redraws through a fake canvas; the
// graph's drawing is simple (circles, lines, text), so writing it is shorter
// and every string is escaped here. Pure: no DOM.
export interface SvgNode {
  x: number;
  y: number;
  size: number;
  colour: string;
  label: string;
  opacity: number;
  /** Ring colour (me, focus, route), if any. */
  ring?: string;
  showLabel: boolean;
}
export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  colour: string;
  opacity: number;
  dashed: boolean;
}
export interface SvgScene {
  nodes: SvgNode[];
  edges: SvgEdge[];
  background: string;
  text: string;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const r2 = (v: number) => Math.round(v * 100) / 100;

export function sceneToSvg(scene: SvgScene, padding = 20): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of scene.nodes) {
    minX = Math.min(minX, n.x - n.size);
    minY = Math.min(minY, n.y - n.size);
    maxX = Math.max(maxX, n.x + n.size);
    maxY = Math.max(maxY, n.y + n.size + 14);
  }
  if (!Number.isFinite(minX)) {
    minX = minY = 0;
    maxX = maxY = 100;
  }
  const w = r2(maxX - minX + 2 * padding);
  const h = r2(maxY - minY + 2 * padding);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${r2(minX - padding)} ${r2(minY - padding)} ${w} ${h}">`,
    `<rect x="${r2(minX - padding)}" y="${r2(minY - padding)}" width="${w}" height="${h}" fill="${escapeXml(scene.background)}"/>`,
    '<g stroke-linecap="round">',
  ];
  for (const e of scene.edges) {
    parts.push(
      `<line x1="${r2(e.x1)}" y1="${r2(e.y1)}" x2="${r2(e.x2)}" y2="${r2(e.y2)}" stroke="${escapeXml(e.colour)}" stroke-width="${r2(e.width)}" stroke-opacity="${r2(e.opacity)}"${e.dashed ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
  }
  parts.push('</g><g>');
  for (const n of scene.nodes) {
    const ring = n.ring ? ` stroke="${escapeXml(n.ring)}" stroke-width="3"` : '';
    parts.push(`<circle cx="${r2(n.x)}" cy="${r2(n.y)}" r="${r2(n.size / 2)}" fill="${escapeXml(n.colour)}" fill-opacity="${r2(n.opacity)}"${ring}/>`);
  }
  parts.push(`</g><g font-family="system-ui, sans-serif" font-size="10" text-anchor="middle" fill="${escapeXml(scene.text)}">`);
  for (const n of scene.nodes) {
    if (n.showLabel && n.label) parts.push(`<text x="${r2(n.x)}" y="${r2(n.y + n.size / 2 + 11)}" fill-opacity="${r2(n.opacity)}">${escapeXml(n.label)}</text>`);
  }
  parts.push('</g></svg>');
  return parts.join('\n');
}
