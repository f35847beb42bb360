// The overview layer of the graph view (issue 5): the whole picture of a large
// network, painted at once from saved positions, while Cytoscape takes the
// elements over in idle-time batches.
//
// Why: Cytoscape's cost is per element (creating it, resolving its style,
// computing its geometry, caching its texture): about 0.5 ms for each person
// and tie on a 2-core machine with software rendering, so 2,000 people and
// 10,000 ties take over a second before anything shows, and 10,000 / 50,000
// several seconds with the window frozen. Drawing the same picture straight
// onto a canvas, one path per tie class and per colour, takes tens of
// milliseconds. So the person sees their network at once; Cytoscape, which
// owns every interaction (hover, click, selection, highlight, export), takes
// the elements over batch by batch, drawn above this layer, and this layer
// keeps drawing only what Cytoscape does not have yet — the picture is complete
// at every moment and never drawn twice. It follows Cytoscape's viewport, and
// its dimming, so panning or highlighting during the hand-over shows one
// picture. Removed once everything is in Cytoscape — or, with `tiesOnOverview`
// (issue 16, the large-graph options), kept for good: every tie, and with
// `peopleOnDemand` every person no view asked for, are drawn, hit-tested and
// dimmed here, following Cytoscape's viewport and highlights; Cytoscape gets
// the communities' names, the people a click, search, route or focus asks for,
// and the few ties a highlight styles. Cytoscape redraws all it holds element by
// element after every change (~650 ms for 10,000 people and 50,000 ties in
// software canvas, 100–250 ms for the people alone); here it is a few paths.
//
// It draws what the stylesheet in encode.ts draws for the large-graph options
// (haystack ties, classes s1–s5, people as circles with a border, labels for the
// `labelled` people from the zoom at which Cytoscape shows them); both read the
// same look (graphLook) so they cannot drift apart.
import { keptByHighlight, LIKELY_EDGE_OPACITY, type ElementDef, type GraphLook } from './encode';
import { HitGrid } from '../../../../shared/graphHitGrid';

export interface OverviewViewport {
  zoom: number;
  pan: { x: number; y: number };
}

interface Pt {
  x: number;
  y: number;
}

const TAU = Math.PI * 2;
/** People in view up to which each is drawn whole in turn (see paintNodes). */
const ONE_BY_ONE_LIMIT = 1_500;
const FONT_FAMILY = '"Helvetica Neue", Helvetica, sans-serif';

/** A tie as the overview draws it, read once from its element. */
interface Tie {
  a: string;
  b: string;
  /** Strength class 1–5 (the element's `s1`…`s5`). */
  s: number;
  weak: boolean;
  /** A likely tie (issue 15): drawn in the accent colour, faint. */
  likely: boolean;
  /** One of my ties: faint, as the stylesheet's `edge.mine` (issue 16). */
  mine: boolean;
}

/** A person as the overview draws it, read once from their element. */
interface Person {
  at: Pt;
  r: number;
  colour: string;
  /** Me or the ego view's centre: the accent ring. */
  marked: boolean;
  label?: string;
  font: number;
}

export class Overview {
  readonly canvas: HTMLCanvasElement;
  private readonly at = new Map<string, Pt>();
  private readonly nodes = new Map<string, Person>();
  private readonly edges = new Map<string, Tie>();
  /** Communities' tints (issue 16), drawn here under the ties when the ties stay here (`ties`), else Cytoscape's alone. */
  private readonly tints: { at: Pt; r: number; colour: string }[] = [];
  private keep: ReadonlySet<string> | null = null;
  /**
   * The ties as last painted on the live layer, and what they were painted for (issue 16): while
   * people are handed over in batches, each repaint copies them instead of stroking 50,000 again.
   */
  private tiesCache: { canvas: HTMLCanvasElement; key: string } | null = null;
  /** Bumped when the ties drawn or their dimming change (part of the cache's key). */
  private tiesVersion = 0;
  /** Ties among the kept people stay bright (false: every tie here dims; the bright ones are Cytoscape's). */
  private tiesAmongKept = true;
  private viewport: OverviewViewport;
  private frame = 0;
  /** Hit-testing (issue 16): hover and click reach everyone from the first paint, before Cytoscape has them. */
  private readonly grid: HitGrid<Person>;

  constructor(
    private readonly container: HTMLElement,
    elements: readonly ElementDef[],
    private readonly look: GraphLook,
    viewport: OverviewViewport,
    private readonly pixelRatio: number,
    ties = false,
  ) {
    for (const def of elements) {
      const id = String(def.data.id);
      const classes = ` ${def.classes ?? ''} `;
      if (def.group === 'nodes') {
        // Compound parents (organization clusters) have no position of their own: not drawn here.
        if (!def.position) continue;
        // Communities' tints (issue 16): Cytoscape's alone (a disc here would cover the people it
        // draws), unless the ties stay here, under which the discs must lie.
        if (classes.includes(' tint ')) {
          if (ties) this.tints.push({ at: def.position, r: Number(def.data.size) / 2, colour: String(def.data.colour) });
          continue;
        }
        this.at.set(id, def.position);
        this.nodes.set(id, {
          at: def.position,
          r: Number(def.data.size) / 2,
          colour: String(def.data.colour),
          marked: classes.includes(' me ') || classes.includes(' focus '),
          label: def.data.label === undefined ? undefined : String(def.data.label),
          font: Number(def.data.font),
        });
      } else {
        const m = /\bs([1-5])\b/.exec(classes);
        this.edges.set(id, {
          a: String(def.data.source),
          b: String(def.data.target),
          s: m ? Number(m[1]) : 1,
          weak: classes.includes(' weak '),
          likely: classes.includes(' likely '),
          mine: classes.includes(' mine '),
        });
      }
    }
    this.viewport = viewport;
    this.grid = new HitGrid(this.nodes);
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-overview';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas);
  }

  /**
   * The person this layer draws under a point of the container (CSS pixels), or null. People
   * already handed over are Cytoscape's to find (they leave `nodes`, which the grid reads).
   */
  personAt(x: number, y: number): { id: string; at: Pt; r: number } | null {
    const hit = this.grid.at(x, y, this.viewport);
    return hit ? { id: hit.id, at: hit.person.at, r: hit.person.r } : null;
  }

  /** Where a model point is on screen (CSS pixels in the container). */
  toScreen(p: Pt): Pt {
    return { x: p.x * this.viewport.zoom + this.viewport.pan.x, y: p.y * this.viewport.zoom + this.viewport.pan.y };
  }

  /** People and ties not yet handed over. */
  get size(): number {
    return this.nodes.size + this.edges.size;
  }

  /** People not yet handed over (with ties kept here for good, the layer stays once they are all in Cytoscape). */
  get people(): number {
    return this.nodes.size;
  }

  /** Ties this layer draws: all of them, the likely ones, and those drawn dimmed by the current highlight (the test hook reports them). */
  tieCounts(): { all: number; likely: number; dimmed: number } {
    let likely = 0;
    let dimmed = 0;
    for (const { a, b, likely: l } of this.edges.values()) {
      if (l) likely++;
      if (this.tieDimmed(a, b)) dimmed++;
    }
    if (this.keep !== null) for (const id of this.nodes.keys()) if (!keptByHighlight(this.keep, id)) dimmed++;
    return { all: this.edges.size, likely, dimmed };
  }

  /** The people this layer draws with their centre in the model box, as the SVG export writes them (issue 16). */
  peopleShapes(x1: number, y1: number, x2: number, y2: number, zoom: number): { x: number; y: number; size: number; colour: string; label: string; opacity: number; ring?: string; showLabel: boolean }[] {
    const look = this.look;
    const out: ReturnType<Overview['peopleShapes']> = [];
    for (const [id, p] of this.nodes) {
      if (p.at.x < x1 || p.at.x > x2 || p.at.y < y1 || p.at.y > y2) continue;
      out.push({
        x: p.at.x,
        y: p.at.y,
        size: 2 * p.r,
        colour: p.colour,
        label: p.label ?? '',
        opacity: this.keep !== null && !keptByHighlight(this.keep, id) ? look.dimmedNodeOpacity : 1,
        ring: p.marked ? look.accent : undefined,
        showLabel: p.label !== undefined && p.font * zoom >= look.minZoomedFontSize,
      });
    }
    return out;
  }

  /** Cytoscape now draws these: this layer stops drawing them (call paint() after). */
  handOver(defs: readonly ElementDef[]): void {
    for (const def of defs) {
      const id = String(def.data.id);
      if (def.group === 'nodes') this.nodes.delete(id);
      else if (this.edges.delete(id)) {
        this.tiesVersion++;
        this.tiesVersionOfEdges++;
      }
    }
  }

  /** A person and the people their ties here reach (the neighbourhood a hover or a click lights, issue 16). */
  neighbourhood(id: string): Set<string> {
    if (!this.adjacency || this.adjacencyVersion !== this.tiesVersionOfEdges) {
      const adjacency = new Map<string, string[]>();
      const link = (x: string, y: string) => {
        const list = adjacency.get(x);
        if (list) list.push(y);
        else adjacency.set(x, [y]);
      };
      for (const { a, b } of this.edges.values()) {
        link(a, b);
        link(b, a);
      }
      this.adjacency = adjacency;
      this.adjacencyVersion = this.tiesVersionOfEdges;
    }
    return new Set([id, ...(this.adjacency.get(id) ?? [])]);
  }

  private adjacency: Map<string, string[]> | null = null;
  private adjacencyVersion = -1;
  /** Bumped when the set of ties here changes (not their dimming). */
  private tiesVersionOfEdges = 0;

  /** Dims everything but these people and the ties among them (null: nothing dimmed), as the stylesheet's `.dimmed` does. */
  setDimming(keep: ReadonlySet<string> | null, tiesAmongKept = true): void {
    this.keep = keep;
    this.tiesAmongKept = tiesAmongKept;
    this.tiesVersion++;
    this.schedule();
  }

  setViewport(viewport: OverviewViewport): void {
    this.viewport = viewport;
    this.schedule();
  }

  /** Repaints at the next animation frame (several changes in one frame paint once). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Paints now. */
  paint(): void {
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    this.paintOn(this.canvas, this.pixelRatio);
  }

  /**
   * Paints what this layer draws onto `canvas`, at `pr` device pixels per CSS pixel (the PNG
   * export draws the ties kept here under Cytoscape's picture this way, issue 16).
   */
  paintOn(canvas: HTMLCanvasElement, pr: number): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    const w = Math.max(1, Math.round(width * pr));
    const h = Math.max(1, Math.round(height * pr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (!this.size && !this.tints.length) return;
    const { zoom, pan } = this.viewport;
    ctx.setTransform(pr * zoom, 0, 0, pr * zoom, pr * pan.x, pr * pan.y);
    // The visible part of the model, with a margin for node radii and labels.
    const margin = 60 / zoom;
    const x1 = -pan.x / zoom - margin;
    const y1 = -pan.y / zoom - margin;
    const x2 = (width - pan.x) / zoom + margin;
    const y2 = (height - pan.y) / zoom + margin;
    if (this.tints.length) this.paintTints(ctx, x1, y1, x2, y2);
    if (canvas === this.canvas && this.edges.size) {
      // The live layer: ties from their cached bitmap when nothing they depend on has changed.
      const key = `${w}x${h}|${pr}|${zoom}|${pan.x},${pan.y}|${this.tiesVersion}`;
      let cache = this.tiesCache;
      if (!cache || cache.key !== key) {
        const ties = cache?.canvas ?? document.createElement('canvas');
        ties.width = w;
        ties.height = h;
        const tctx = ties.getContext('2d');
        if (tctx) {
          tctx.setTransform(pr * zoom, 0, 0, pr * zoom, pr * pan.x, pr * pan.y);
          this.paintEdges(tctx, x1, y1, x2, y2);
        }
        cache = this.tiesCache = { canvas: ties, key };
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(cache.canvas, 0, 0);
      ctx.setTransform(pr * zoom, 0, 0, pr * zoom, pr * pan.x, pr * pan.y);
    } else this.paintEdges(ctx, x1, y1, x2, y2);
    this.paintNodes(ctx, zoom, x1, y1, x2, y2);
  }

  /**
   * The ties this layer draws with an end in the model box, as the SVG export writes them
   * (issue 16: on large graphs they are never Cytoscape's). Same look as paintEdges.
   */
  tieLines(x1: number, y1: number, x2: number, y2: number): { x1: number; y1: number; x2: number; y2: number; width: number; colour: string; opacity: number; dashed: boolean }[] {
    const look = this.look;
    const inside = (p: Pt) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
    const out: ReturnType<Overview['tieLines']> = [];
    for (const { a, b, s, weak, likely, mine } of this.edges.values()) {
      const p = this.at.get(a);
      const q = this.at.get(b);
      if (!p || !q || (!inside(p) && !inside(q))) continue;
      const dimmed = this.tieDimmed(a, b);
      out.push({
        x1: p.x,
        y1: p.y,
        x2: q.x,
        y2: q.y,
        width: likely ? 1 : look.edgeWidth[s - 1]!,
        colour: likely ? look.accent : look.edge,
        opacity: dimmed ? look.dimmedEdgeOpacity : likely ? LIKELY_EDGE_OPACITY : mine ? look.myTieOpacity : look.edgeOpacity[s - 1]!,
        dashed: weak && look.weakDashes,
      });
    }
    return out;
  }

  /** As the stylesheet's `node.tint` (dimmed with everything else while a highlight is on). */
  private paintTints(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
    const look = this.look;
    const dim = this.keep !== null ? look.dimmedNodeOpacity : 1;
    for (const { at, r, colour } of this.tints) {
      if (at.x + r < x1 || at.x - r > x2 || at.y + r < y1 || at.y - r > y2) continue;
      ctx.beginPath();
      ctx.arc(at.x, at.y, r, 0, TAU);
      ctx.globalAlpha = look.tintOpacity * dim;
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.globalAlpha = look.tintBorderOpacity * dim;
      ctx.lineWidth = look.tintBorder;
      ctx.strokeStyle = colour;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  private tieDimmed(a: string, b: string): boolean {
    return this.keep !== null && (!this.tiesAmongKept || !keptByHighlight(this.keep, a, b));
  }

  private paintEdges(ctx: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number): void {
    const look = this.look;
    // One path per strength class and dimmed state: ten strokes at most, whatever the size.
    const paths = new Map<string, { path: Path2D; s: number; dimmed: boolean; weak: boolean; likely: boolean; mine: boolean }>();
    for (const { a, b, s, weak, likely, mine } of this.edges.values()) {
      const p = this.at.get(a);
      const q = this.at.get(b);
      if (!p || !q) continue;
      if ((p.x < x1 && q.x < x1) || (p.x > x2 && q.x > x2) || (p.y < y1 && q.y < y1) || (p.y > y2 && q.y > y2)) continue;
      const dimmed = this.tieDimmed(a, b);
      const key = `${likely ? 'l' : s}${dimmed ? 'd' : ''}${mine ? 'm' : ''}`;
      let entry = paths.get(key);
      if (!entry) {
        entry = { path: new Path2D(), s, dimmed, weak, likely, mine };
        paths.set(key, entry);
      }
      entry.path.moveTo(p.x, p.y);
      entry.path.lineTo(q.x, q.y);
    }
    ctx.lineCap = 'butt';
    ctx.strokeStyle = look.edge;
    for (const { path, s, dimmed, weak, likely, mine } of paths.values()) {
      ctx.strokeStyle = likely ? look.accent : look.edge;
      ctx.globalAlpha = dimmed ? look.dimmedEdgeOpacity : likely ? LIKELY_EDGE_OPACITY : mine ? look.myTieOpacity : look.edgeOpacity[s - 1]!;
      ctx.lineWidth = likely ? 1 : look.edgeWidth[s - 1]!;
      ctx.setLineDash(weak && look.weakDashes ? look.dash : []);
      ctx.stroke(path);
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }

  private paintNodes(ctx: CanvasRenderingContext2D, zoom: number, x1: number, y1: number, x2: number, y2: number): void {
    const look = this.look;
    const keep = this.keep;
    const fills = new Map<string, { path: Path2D; colour: string; dimmed: boolean }>();
    const rings = new Map<string, { path: Path2D; width: number; colour: string; dimmed: boolean }>();
    const labels: { text: string; x: number; y: number; font: number; dimmed: boolean }[] = [];
    const ring = (key: string, width: number, colour: string, dimmed: boolean) => {
      let entry = rings.get(key);
      if (!entry) rings.set(key, (entry = { path: new Path2D(), width, colour, dimmed }));
      return entry.path;
    };
    // As Cytoscape decides whether a label is big enough (eleTextBiggerThanMin): the zoom rounded up to
    // its texture level, a power of two (issue 16: people stay here for good on large graphs).
    const labelScale = Math.pow(2, Math.ceil(Math.log2(zoom * this.pixelRatio)));
    const visible: [string, Person][] = [];
    for (const entry of this.nodes) {
      const p = entry[1].at;
      if (p.x < x1 || p.x > x2 || p.y < y1 || p.y > y2) continue;
      visible.push(entry);
    }
    // Zoomed in, few people in view, large enough for overlaps to show: each drawn whole (fill, then
    // ring) in turn, covering those before, as Cytoscape does (issue 16: on large graphs people stay
    // here for good). Many in view: one path per colour, fast, their overlaps too small to see.
    const oneByOne = visible.length <= ONE_BY_ONE_LIMIT;
    for (const [id, person] of visible) {
      const p = person.at;
      const { r, colour, marked } = person;
      const dimmed = keep !== null && !keptByHighlight(keep, id);
      const width = marked ? look.markedBorder : look.border;
      if (oneByOne) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, TAU);
        ctx.globalAlpha = dimmed ? look.dimmedNodeOpacity : 1;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = width;
        ctx.strokeStyle = marked ? look.accent : look.halo;
        ctx.stroke();
      } else {
        const key = `${colour}${dimmed ? 'd' : ''}`;
        let fill = fills.get(key);
        if (!fill) fills.set(key, (fill = { path: new Path2D(), colour, dimmed }));
        fill.path.moveTo(p.x + r, p.y);
        fill.path.arc(p.x, p.y, r, 0, TAU);
        const path = ring(`${marked ? 'm' : 'n'}${dimmed ? 'd' : ''}`, width, marked ? look.accent : look.halo, dimmed);
        path.moveTo(p.x + r, p.y);
        path.arc(p.x, p.y, r, 0, TAU);
      }
      if (person.label !== undefined && person.font * labelScale >= look.minZoomedFontSize) {
        labels.push({ text: person.label, x: p.x, y: p.y + r + width / 2 + look.labelMargin, font: person.font, dimmed });
      }
    }
    for (const { path, colour, dimmed } of fills.values()) {
      ctx.globalAlpha = dimmed ? look.dimmedNodeOpacity : 1;
      ctx.fillStyle = colour;
      ctx.fill(path);
    }
    for (const { path, width, colour, dimmed } of rings.values()) {
      ctx.globalAlpha = dimmed ? look.dimmedNodeOpacity : 1;
      ctx.lineWidth = width;
      ctx.strokeStyle = colour;
      ctx.stroke(path);
    }
    if (labels.length) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.lineJoin = 'round';
      for (const l of labels) {
        ctx.font = `${l.font}px ${FONT_FAMILY}`;
        ctx.globalAlpha = (l.dimmed ? look.dimmedNodeOpacity : 1) * look.labelOutlineOpacity;
        ctx.lineWidth = look.labelOutline * 2;
        ctx.strokeStyle = look.halo;
        ctx.strokeText(l.text, l.x, l.y);
        ctx.globalAlpha = l.dimmed ? look.dimmedNodeOpacity : 1;
        ctx.fillStyle = look.text;
        ctx.fillText(l.text, l.x, l.y);
      }
    }
    ctx.globalAlpha = 1;
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas.remove();
    this.tiesCache = null;
    this.nodes.clear();
    this.edges.clear();
  }
}
