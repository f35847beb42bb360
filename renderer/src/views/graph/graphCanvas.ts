// The Cytoscape drawing of the graph view (issue 5): one instance per data
// set, preset positions (the layout runs in a worker, see layoutClient.ts),
// highlight / dim / focus helpers, PNG and SVG export. Imperative on purpose:
// React renders the panels around it, Cytoscape owns its canvas.
import cytoscape, { type Core, type ElementDefinition, type CollectionReturnValue, type NodeSingular } from 'cytoscape';
import { buildElements, graphLook, PEOPLE_LABEL_MIN_PX, type CommunityTint, keptByHighlight, ROUTE_TIE_WIDTH, SHOWN_LABEL_FONT, SHOWN_LABEL_OUTLINE, SHOWN_LABEL_SELECTOR, stylesheet, type ColourBy, type ElementDef, type Theme } from './encode';
import { Overview } from './overview';
import { sceneToSvg, type SvgScene } from './exportSvg';
import type { Point } from './layout';
import { perfOptionsFor, type PerfOptions } from '../../../../shared/graphPerf';
import { viewportFor, WEAK_TIE_ZOOM, type CommunityMap, type GraphData } from '../../../../shared/graph';
import { mapElements, mapPositions, mapStylesheet } from './communityMap';

export interface CanvasHandlers {
  /** `at` is the node's centre on screen, `size` its drawn diameter (the tooltip keeps off its label). */
  onHover(id: number | null, at: { x: number; y: number; size: number } | null): void;
  onSelect(id: number | null): void;
  onDoubleClick(id: number): void;
  /** The community map (issue 16): a click on a community opens its people. */
  onCommunity?(id: number): void;
}

export interface DrawOptions {
  colourBy: ColourBy;
  clusters: boolean;
  theme: Theme;
  positions: ReadonlyMap<number, Point>;
  /** Communities' tints and names (issue 16). */
  tints?: readonly CommunityTint[];
}

/**
 * Cytoscape injects a <style> element (".__________cytoscape_container { position: relative }")
 * unless an element with its id exists; the CSP refuses inline styles, and our
 * container is positioned by graph.css anyway, so a placeholder takes its place.
 */
export function preventCytoscapeStyleElement(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}

/** Idle time when the browser has it, else the next task. */
const whenIdle: (f: () => void) => void =
  typeof requestIdleCallback === 'function' ? (f) => requestIdleCallback(f, { timeout: 100 }) : (f) => setTimeout(f, 0);

/** Resolves after the next frame has been drawn. */
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const ZOOM_RANGE: [number, number] = [0.02, 6];
/** Room around the community map when it is fitted (drawn and refitted alike). */
const MAP_PADDING = 40;
/** Smallest on-screen diameter (px) of a route hop, search hit or selected person. */
const SHOWN_MIN_PX = 12;

export class GraphCanvas {
  cy: Core | null = null;
  perf: PerfOptions | null = null;
  /** Resolves when every element of the last draw is in Cytoscape (progressive draws add them in idle batches). */
  filled: Promise<void> = Promise.resolve();
  /** Resolves when the first frame of the last draw is on screen (the overview, or Cytoscape's own). */
  firstPaint: Promise<void> = Promise.resolve();
  /** Resolves when every person of the last draw is in Cytoscape (hover, click and search reach them all). */
  peopleIn: Promise<void> = Promise.resolve();
  private routeIds: number[] = [];
  /** Elements not yet in Cytoscape (progressive draw): people first, then ties strongest first. */
  private pending: ElementDefinition[] = [];
  /** Large graphs: draws what Cytoscape does not have yet (see overview.ts). */
  private overview: Overview | null = null;
  /**
   * Ties the overview layer keeps for good (perf.tiesOnOverview, issue 16): never handed over in
   * batches; a highlight moves the few it marks into Cytoscape (moveTies).
   */
  private overviewTies: ElementDefinition[] = [];
  /** People stay on the overview layer until a view asks for them (perf.peopleOnDemand, issue 16): the idle hand-over skips them. */
  private peopleOnDemand = false;
  /** The positions of the last draw (fitEveryone frames them). */
  private drawnPositions: ReadonlyMap<number, Point> | null = null;
  /** People whose always-shown label is enlarged for the zoom (keepShownLabelsReadable). */
  private scaledLabels: CollectionReturnValue | null = null;
  /** While a highlight dims everything: people whose ties among themselves stay bright. */
  private dimming: { keep: ReadonlySet<string> } | null = null;
  /** The clicked person, whose neighbourhood stays highlighted when the pointer leaves (issue 16). */
  private selectedNode: NodeSingular | null = null;
  private generation = 0;
  /** What a refit frames (issue 16): the highlighted people (route, organization, bridge, focus), else everyone. */
  private fitIds: string[] = [];
  /** The container's size when the picture was last fitted (or drawn): a refit at that size changes nothing. */
  private fittedSize = '';
  /** The community map is shown (its own fit padding). */
  private mapShown = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: CanvasHandlers,
  ) {}

  /**
   * Draws `data` (replacing what was there); resolves once the first frame is
   * painted. Large graphs paint the whole picture at once on the overview layer
   * and hand the elements to Cytoscape in idle batches (see `peopleIn` and
   * `filled`); `perf` overrides the size-based choice (the bench measures each
   * option this way).
   */
  draw(data: GraphData, options: DrawOptions, keepViewport = false, perf?: PerfOptions): Promise<void> {
    preventCytoscapeStyleElement();
    const generation = ++this.generation;
    const previous = this.cy;
    const kept = keepViewport && previous ? { zoom: previous.zoom(), pan: previous.pan() } : null;
    this.overview?.destroy();
    this.overview = null;
    this.overviewTies = [];
    this.peopleOnDemand = false;
    previous?.destroy();
    this.cy = null;
    this.selectedNode = null;
    this.routeIds = [];
    this.fitIds = [];
    this.dimming = null;
    this.mapShown = false;
    this.fittedSize = this.containerSize();
    const chosen = (this.perf = perf ?? perfOptionsFor(data.nodes.length, data.edges.length));
    this.drawnPositions = options.positions;
    const elements = buildElements(data, { ...options, labelLimit: chosen.labelLimit }) as ElementDefinition[];
    // The viewport from the positions, not cy.fit(): fitting measures every element's bounding box first.
    const viewport = kept ?? viewportFor(options.positions.values(), this.container.clientWidth, this.container.clientHeight, 30, 25, ZOOM_RANGE);
    const edgeStart = elements.findIndex((e) => e.group === 'edges');
    const nodeCount = edgeStart < 0 ? elements.length : edgeStart;
    if (chosen.overview && viewport) {
      const cut = Math.min(elements.length, chosen.firstElements ?? 0);
      const pixelRatio = chosen.pixelRatio === 'auto' ? window.devicePixelRatio || 1 : chosen.pixelRatio;
      if (chosen.tiesOnOverview) {
        // The tints' discs go under the ties on the overview layer (issue 16); Cytoscape keeps their names.
        for (const e of elements) if (e.group === 'nodes' && ` ${String(e.classes ?? '')} `.includes(' tint ')) e.classes = `${String(e.classes)} name-only`;
      }
      this.overview = new Overview(this.container, elements as ElementDef[], graphLook(options.theme, chosen.weakDashes), viewport, pixelRatio, chosen.tiesOnOverview);
      this.overview.handOver(elements.slice(0, cut) as ElementDef[]);
      this.overview.paint();
      // The overview is the first frame; Cytoscape is created after it, so it does not delay it.
      this.firstPaint = afterFrame();
      // Ties kept on the overview layer (issue 16): Cytoscape is given the people only.
      const handed = chosen.tiesOnOverview ? elements.filter((e) => e.group !== 'edges') : elements;
      if (chosen.tiesOnOverview) this.overviewTies = elements.filter((e) => e.group === 'edges');
      // Organization clusters are compound parents: their people must be in Cytoscape with them.
      this.peopleOnDemand = !!chosen.tiesOnOverview && !!chosen.peopleOnDemand && !elements.some((e) => e.group === 'nodes' && !e.position);
      const mounted = this.firstPaint.then(() => {
        if (generation !== this.generation) return;
        this.mount(handed, Math.min(cut, handed.length), nodeCount, options, viewport, generation);
      });
      // Until Cytoscape exists, these wait for it and then for what mount() sets them to.
      // (A later draw or destroy() makes them resolve at once: nothing of this draw is coming.)
      this.filled = mounted.then(() => (generation === this.generation ? this.filled : undefined));
      this.peopleIn = mounted.then(() => (generation === this.generation ? this.peopleIn : undefined));
      return mounted;
    }
    const firstEdges = chosen.firstEdges;
    const cut = firstEdges === undefined || edgeStart < 0 ? elements.length : Math.min(elements.length, edgeStart + firstEdges);
    this.mount(elements, cut, nodeCount, options, viewport, generation);
    // Two animation frames: Cytoscape draws in its own frame callback, registered when it was created.
    // (Not its 'render' event: the WebGL renderer never emits it.)
    this.firstPaint = afterFrame();
    return this.firstPaint;
  }

  /**
   * The map of communities (issue 16): one node per community, one edge per pair; a click opens
   * the community (handlers.onCommunity), hovering lights its links. Resolves once painted.
   */
  drawMap(map: CommunityMap, theme: Theme): Promise<void> {
    preventCytoscapeStyleElement();
    this.generation++;
    this.overview?.destroy();
    this.overview = null;
    this.overviewTies = [];
    this.peopleOnDemand = false;
    this.cy?.destroy();
    this.pending = [];
    this.selectedNode = null;
    this.routeIds = [];
    this.fitIds = [];
    this.dimming = null;
    this.perf = null;
    this.mapShown = true;
    this.fittedSize = this.containerSize();
    const positions = mapPositions(map);
    const cy = cytoscape({
      container: this.container,
      elements: mapElements(map, positions, theme) as ElementDefinition[],
      style: mapStylesheet(theme) as unknown as cytoscape.StylesheetJson,
      layout: { name: 'preset', fit: true, padding: MAP_PADDING },
      minZoom: ZOOM_RANGE[0],
      maxZoom: 2,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('mouseover', 'node', (e) => {
      const node = e.target as NodeSingular;
      node.addClass('hover').connectedEdges().addClass('hover');
      this.container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      cy.elements('.hover').removeClass('hover');
      this.container.style.cursor = '';
    });
    cy.on('tap', 'node', (e) => this.handlers.onCommunity?.(Number(e.target.data('community'))));
    // Names stay readable (at least 11 px on screen) when the map is fitted into a small window.
    const readable = () =>
      cy.batch(() =>
        cy.nodes().forEach((n) => {
          const font = Number(n.data('font'));
          const want = Math.min(30, Math.max(font, 11 / cy.zoom()));
          if (want > font) n.style({ 'font-size': want, 'text-max-width': `${Math.round(want * 9)}px` });
          else n.removeStyle('font-size text-max-width');
        }),
      );
    readable();
    cy.on('zoom', readable);
    this.cy = cy;
    this.scaledLabels = null;
    this.filled = Promise.resolve();
    this.peopleIn = Promise.resolve();
    this.firstPaint = afterFrame();
    return this.firstPaint;
  }

  /** The community map's nodes on screen (the test hook reports them, so a test can click one). */
  mapNodesOnScreen(): { id: number; x: number; y: number }[] {
    const cy = this.cy;
    if (!cy) return [];
    return cy.nodes('.community').map((n) => ({ id: Number(n.data('community')), x: n.renderedPosition().x, y: n.renderedPosition().y }));
  }

  /** Creates the Cytoscape instance with the first `cut` elements and starts handing it the rest. */
  private mount(elements: ElementDefinition[], cut: number, nodeCount: number, options: DrawOptions, viewport: { zoom: number; pan: Point } | null, generation: number): void {
    const perf = this.perf!;
    this.pending = elements.slice(cut);
    const initial = cut === elements.length ? elements : elements.slice(0, cut);
    const cy = cytoscape({
      container: this.container,
      elements: initial,
      style: stylesheet({ theme: options.theme, haystack: perf.haystack, weakDashes: perf.weakDashes }) as unknown as cytoscape.StylesheetJson,
      // Positions are in the elements; preset keeps them (the default would run a grid layout).
      layout: { name: 'preset', fit: !viewport, padding: 30 },
      ...(viewport ?? {}),
      minZoom: ZOOM_RANGE[0],
      maxZoom: ZOOM_RANGE[1],
      // Default wheel speed (issue 16: a custom wheelSensitivity made zoom crawl and Cytoscape warns against it).
      boxSelectionEnabled: false,
      // People are not dragged around (positions belong to the layout); one flag instead of ungrabify per node.
      autoungrabify: true,
      hideEdgesOnViewport: perf.hideEdgesOnViewport,
      textureOnViewport: perf.textureOnViewport,
      motionBlur: perf.motionBlur,
      pixelRatio: perf.pixelRatio,
      // Same as renderer: { name: 'canvas', webgl } (core merges renderer options into the top level; typed here).
      webgl: perf.webgl,
    });
    // One delegated listener per event for the whole graph (never per element).
    cy.on('mouseover', 'node:childless', (e) => {
      const node = e.target as NodeSingular;
      const p = node.renderedPosition();
      this.handlers.onHover(Number(node.id()), { x: p.x, y: p.y, size: node.renderedOuterHeight() });
      this.showNeighbourhood(node);
    });
    cy.on('mouseout', 'node', () => {
      this.handlers.onHover(null, null);
      this.showNeighbourhood(this.selectedNode);
    });
    cy.on('viewport', () => {
      this.handlers.onHover(null, null);
      this.overview?.setViewport({ zoom: cy.zoom(), pan: { ...cy.pan() } });
    });
    cy.on('zoom select unselect', () => this.keepShownLabelsReadable());
    // Weak ties come out of the faint when zoomed in (issue 16); small graphs only (a restyle of every weak tie).
    let zoomedIn = false;
    cy.on('zoom', () => {
      if (this.perf?.overview) return;
      const now = cy.zoom() >= WEAK_TIE_ZOOM;
      if (now === zoomedIn) return;
      zoomedIn = now;
      cy.edges('.weak').toggleClass('lit', now);
    });
    cy.on('resize', () => this.overview?.schedule());
    // Issue 16: people still on the overview layer answer hover, click and double-click at once
    // (its hit-testing); a click moves the person into Cytoscape and selects them.
    let overviewHover: number | null = null;
    cy.on('mousemove', (e) => {
      const hit = e.target === cy ? this.overviewPersonAt(e.renderedPosition) : null;
      if (hit) {
        if (overviewHover !== hit.id && (this.overview?.people ?? 0) <= GraphCanvas.HOVER_NEIGHBOURHOOD_LIMIT) this.showNeighbourhoodOnOverview(String(hit.id));
        overviewHover = hit.id;
        this.handlers.onHover(hit.id, hit.at);
      } else if (overviewHover !== null) {
        overviewHover = null;
        this.handlers.onHover(null, null);
        this.showNeighbourhood(this.selectedNode);
      }
    });
    cy.on('tap', (e) => {
      const hit = e.target === cy ? this.overviewPersonAt(e.renderedPosition) : null;
      if (hit) {
        // After Cytoscape's own handling of this tap, which unselects everything on a background tap.
        queueMicrotask(() => this.selectFromOverview(hit.id));
      } else if (e.target === cy) {
        this.selectedNode = null;
        this.showNeighbourhood(null);
        this.handlers.onSelect(null);
      } else if (e.target.isNode() && e.target.isChildless()) {
        this.selectedNode = e.target as NodeSingular;
        this.showNeighbourhood(this.selectedNode);
        this.handlers.onSelect(Number(e.target.id()));
      }
    });
    cy.on('dbltap', 'node:childless', (e) => this.handlers.onDoubleClick(Number(e.target.id())));
    cy.on('dbltap', (e) => {
      const hit = e.target === cy ? this.overviewPersonAt(e.renderedPosition) : null;
      if (hit) this.handlers.onDoubleClick(hit.id);
    });
    this.cy = cy;
    this.scaledLabels = null;
    this.keepShownLabelsReadable();
    let peopleIn: () => void = () => {};
    this.peopleIn = cut >= nodeCount ? Promise.resolve() : new Promise<void>((resolve) => (peopleIn = resolve));
    this.filled = this.pending.length
      ? afterFrame().then(() =>
          this.fill(generation, perf.batch ?? 2_000, () => {
            // People come first in pending: none left at its head means none left at all.
            if (this.pending[0]?.group !== 'nodes') peopleIn();
          }),
        )
      : afterFrame();
    void this.filled.then(() => peopleIn());
  }

  /** Adds the pending elements in idle-time batches, each after the previous one has been painted. */
  private fill(generation: number, batch: number, onBatch: () => void): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        void afterFrame().then(() => {
          // Cytoscape has painted everything: the overview has nothing left to draw (unless it keeps the ties).
          if (generation === this.generation && !this.overviewTies.length) {
            this.overview?.destroy();
            this.overview = null;
          }
          resolve();
        });
      };
      const step = () => {
        const cy = this.cy;
        if (generation !== this.generation || !cy || cy.destroyed()) return resolve();
        // With ties kept on the overview (issue 16): people only, in batches that do not grow.
        // Cytoscape styles, measures and caches each new person in the frame after they are added
        // (~0.3 ms each here, under load), on top of redrawing all it holds (~150–250 ms at 10,000
        // people): 1,000 at a time keeps each such frame well under a second, a dozen of them.
        if (this.peopleOnDemand) {
          // Only the communities' tints (their names); the people wait on the overview for a view to ask.
          const next = this.pending.filter((d) => String(d.classes ?? '').includes('tint'));
          if (next.length) {
            this.pending = this.pending.filter((d) => !String(d.classes ?? '').includes('tint'));
            this.addElements(cy, next);
          }
          return finish();
        }
        if (this.perf?.tiesOnOverview) {
          const next = this.pending.splice(0, Math.min(batch, this.pending.length));
          this.addElements(cy, next);
          onBatch();
          if (!this.pending.length) return finish();
          void afterFrame().then(() => whenIdle(step));
          return;
        }
        // People before ties (pending holds them in that order; a tie's ends are in by the time it
        // is). Each batch costs Cytoscape a redraw of everything it holds, so batches grow with it
        // (half of what it holds): a dozen batches at most, whatever the size. Issue 16: a batch
        // may end the people and begin the ties (a few leftover people were a batch, and a frame
        // pair, of their own).
        const size = Math.max(batch, Math.ceil(cy.elements().length / 2));
        const next = this.pending.splice(0, Math.min(size, this.pending.length));
        if (next.length) this.addElements(cy, next);
        onBatch();
        if (!this.pending.length) return finish();
        void afterFrame().then(() => whenIdle(step));
      };
      whenIdle(step);
    });
  }


  /** Moves elements from pending into Cytoscape (dimmed if a highlight is on) and off the overview. */
  private addElements(cy: Core, defs: ElementDefinition[]): void {
    this.addToCytoscape(cy, defs);
    this.handedOver(defs);
  }

  /** Into Cytoscape, dimmed if a highlight is on and they are outside it. */
  private addToCytoscape(cy: Core, defs: ElementDefinition[]): void {
    const keep = this.dimming?.keep;
    if (keep) {
      for (const d of defs) {
        const inside = d.group === 'nodes' ? keptByHighlight(keep, String(d.data.id)) : keptByHighlight(keep, String(d.data.source), String(d.data.target));
        if (!inside) d.classes = `${String(d.classes ?? '')} dimmed`;
      }
    }
    cy.add(defs);
  }

  /** After `defs` went into Cytoscape: the overview stops drawing them. */
  private handedOver(defs: ElementDefinition[]): void {
    if (defs.some((d) => String(d.classes ?? '').includes('tint'))) this.keepShownLabelsReadable();
    if (this.overview) {
      this.overview.handOver(defs as ElementDef[]);
      // At the next frame, with whatever else changes in it (a click's focus animation moves the viewport too).
      this.overview.schedule();
    }
  }

  /** The person the overview layer draws under this point (CSS pixels), with where and how large they are on screen. */
  private overviewPersonAt(p: { x: number; y: number } | undefined): { id: number; at: { x: number; y: number; size: number } } | null {
    const overview = this.overview;
    if (!overview || !p) return null;
    const hit = overview.personAt(p.x, p.y);
    if (!hit) return null;
    const at = overview.toScreen(hit.at);
    return { id: Number(hit.id), at: { x: at.x, y: at.y, size: 2 * hit.r * (this.cy?.zoom() ?? 1) } };
  }

  /** A click on a person still on the overview layer: into Cytoscape now, selected as a tap on them would. */
  private selectFromOverview(id: number): void {
    const cy = this.cy;
    if (!cy) return;
    this.ensurePeople([id]);
    const node = cy.getElementById(String(id));
    if (node.empty()) return;
    cy.nodes(':selected').unselect();
    node.select();
    this.selectedNode = node;
    this.showNeighbourhood(node);
    this.handlers.onSelect(id);
  }

  /** Moves these people into Cytoscape now if they are still pending (search, focus and routes need them). */
  private ensurePeople(ids: readonly number[]): void {
    const cy = this.cy;
    if (!cy || !this.pending.length) return;
    const wanted = new Set(ids.map(String));
    const now: ElementDefinition[] = [];
    this.pending = this.pending.filter((d) => {
      const hit = d.group === 'nodes' && wanted.has(String(d.data.id));
      if (hit) now.push(d);
      return !hit;
    });
    if (now.length) this.addElements(cy, now);
  }

  /** Adds now any pending tie between consecutive people of `ids` (a route must show every hop). */
  private addPendingBetween(ids: readonly number[]): void {
    const cy = this.cy;
    if (!cy || !this.pending.length) return;
    const pairs = new Set<string>();
    for (let i = 1; i < ids.length; i++) {
      pairs.add(`${ids[i - 1]}:${ids[i]}`);
      pairs.add(`${ids[i]}:${ids[i - 1]}`);
    }
    const now: ElementDefinition[] = [];
    this.pending = this.pending.filter((d) => {
      const hit = d.group === 'edges' && pairs.has(`${String(d.data.source)}:${String(d.data.target)}`);
      if (hit) now.push(d);
      return !hit;
    });
    if (now.length) this.addElements(cy, now);
    this.moveTies((d) => pairs.has(`${String(d.data.source)}:${String(d.data.target)}`));
  }

  /** Ties kept on the overview layer that a highlight styles (a route's, those into a group): into Cytoscape now, off the overview. */
  private moveTies(wanted: (d: ElementDefinition) => boolean): void {
    const cy = this.cy;
    if (!cy || !this.overviewTies.length) return;
    const now: ElementDefinition[] = [];
    this.overviewTies = this.overviewTies.filter((d) => {
      const hit = wanted(d);
      if (hit) now.push(d);
      return !hit;
    });
    if (!now.length) return;
    // Both ends must be in Cytoscape before a tie is (the other end may still be waiting to be handed over).
    this.ensurePeople(now.flatMap((d) => [Number(d.data.source), Number(d.data.target)]));
    this.addElements(cy, now);
  }

  /** The ties kept on the overview layer with an end among these people: into Cytoscape (see moveTies). */
  private moveTiesOf(ids: readonly number[]): void {
    if (!this.overviewTies.length) return;
    const set = new Set(ids.map(String));
    this.moveTies((d) => set.has(String(d.data.source)) || set.has(String(d.data.target)));
  }

  /** Dims everything but the route; hops numbered along it (0 is the first person). */
  highlightRoute(ids: readonly number[]): void {
    const cy = this.cy;
    if (!cy) return;
    this.clearHighlights();
    this.ensurePeople(ids);
    this.addPendingBetween(ids);
    this.routeIds = [...ids];
    this.dimming = { keep: new Set() };
    this.overview?.setDimming(this.dimming.keep);
    cy.batch(() => {
      cy.elements().addClass('dimmed');
      ids.forEach((id, i) => {
        const node = cy.getElementById(String(id));
        if (node.empty()) return;
        node.removeClass('dimmed').addClass('route').data('hopLabel', i === 0 ? `${node.data('name')}` : `${i} · ${node.data('name')}`);
        if (i > 0) {
          const edge = node.edgesWith(cy.getElementById(String(ids[i - 1])));
          edge.removeClass('dimmed').addClass('route');
        }
      });
      cy.nodes('.cluster').removeClass('dimmed');
    });
    const route = cy.nodes('.route');
    this.fitIds = route.map((n) => n.id());
    if (route.nonempty()) cy.fit(route, 80);
    this.keepShownLabelsReadable();
  }

  /** Dims everything but these people and the ties among them, and zooms to them. */
  focusIds(ids: readonly number[]): void {
    const cy = this.cy;
    if (!cy) return;
    this.clearHighlights();
    this.ensurePeople(ids);
    const set = cy.collection();
    for (const id of ids) set.merge(cy.getElementById(String(id)));
    if (set.empty()) return;
    this.dimming = { keep: new Set(ids.map(String)) };
    this.overview?.setDimming(this.dimming.keep);
    cy.batch(() => {
      cy.elements().addClass('dimmed');
      set.removeClass('dimmed').addClass('hit');
      set.edgesWith(set).removeClass('dimmed');
      cy.nodes('.cluster').removeClass('dimmed');
    });
    this.keepShownLabelsReadable();
    this.fitIds = set.map((n) => n.id());
    cy.animate({ fit: { eles: set, padding: 80 } }, { duration: 250 });
  }

  /**
   * An organization's view (issue 16): its people, the ties into it (weak ones marked) and the
   * people at their other ends stay bright, the rest dims; `path` (me, …, one of its people: the
   * way in an insight names) is drawn as a route, its weak ties marked too.
   */
  highlightOrganization(members: readonly number[], path: readonly number[]): void {
    const cy = this.cy;
    if (!cy) return;
    this.clearHighlights();
    this.ensurePeople([...members, ...path]);
    this.addPendingBetween(path);
    // The ties into the organization are styled (weak ones marked): Cytoscape's to draw.
    this.moveTiesOf(members);
    const org = cy.collection();
    for (const id of members) org.merge(cy.getElementById(String(id)));
    const into = org.connectedEdges();
    const around = into.connectedNodes().union(org);
    const way = cy.collection();
    const hop = new Map<string, number>();
    path.forEach((id, i) => {
      const node = cy.getElementById(String(id));
      if (node.empty()) return;
      way.merge(node);
      hop.set(node.id(), i);
      if (i > 0) way.merge(node.edgesWith(cy.getElementById(String(path[i - 1]))));
    });
    if (around.empty() && way.empty()) return;
    const keep = new Set<string>();
    around.union(way.nodes()).forEach((n) => {
      keep.add(n.id());
    });
    this.dimming = { keep };
    // Only the ties into the organization and the way in stay bright, and those are Cytoscape's now (moveTiesOf, addPendingBetween).
    this.overview?.setDimming(keep, false);
    this.routeIds = [...path];
    cy.batch(() => {
      cy.elements().addClass('dimmed');
      around.removeClass('dimmed');
      into.removeClass('dimmed').addClass('into');
      into.filter('.weak').addClass('weakmark');
      // A few people: each named; many: the labelled ones are enough.
      if (org.length <= 12) org.addClass('hit');
      way.removeClass('dimmed').addClass('route');
      way.edges('.weak').addClass('weakmark');
      way.nodes().forEach((node) => {
        const i = hop.get(node.id()) ?? 0;
        node.data('hopLabel', i === 0 ? `${node.data('name')}` : `${i} · ${node.data('name')}`);
      });
      cy.nodes('.cluster').removeClass('dimmed');
    });
    this.keepShownLabelsReadable();
    // Everyone kept bright in view: the organization, the other ends of the ties into it, the way in.
    const shown = around.union(way.nodes());
    this.fitIds = shown.map((n) => n.id());
    if (shown.nonempty()) cy.fit(shown, 40);
  }

  /** A bridge (issue 16): the person and the people of the communities they join stay bright, the rest dims. */
  focusBridge(id: number, groupMembers: readonly number[]): boolean {
    const cy = this.cy;
    if (!cy) return false;
    this.clearHighlights();
    this.ensurePeople([id, ...groupMembers]);
    this.moveTiesOf([id]);
    const node = cy.getElementById(String(id));
    if (node.empty()) return false;
    const set = cy.collection().merge(node);
    for (const m of groupMembers) set.merge(cy.getElementById(String(m)));
    this.dimming = { keep: new Set(set.map((n) => n.id())) };
    this.overview?.setDimming(this.dimming.keep);
    cy.batch(() => {
      cy.elements().addClass('dimmed');
      set.removeClass('dimmed');
      set.edgesWith(set).removeClass('dimmed');
      node.connectedEdges().removeClass('dimmed').addClass('into');
      cy.nodes('.cluster').removeClass('dimmed');
    });
    cy.nodes().unselect();
    node.select().addClass('hit');
    this.keepShownLabelsReadable();
    this.fitIds = set.map((n) => n.id());
    cy.fit(set, 60);
    return true;
  }

  /** Centres and zooms onto one person, selecting them. */
  focusPerson(id: number): boolean {
    const cy = this.cy;
    if (!cy) return false;
    this.ensurePeople([id]);
    const node = cy.getElementById(String(id));
    if (node.empty()) return false;
    this.clearHighlights();
    cy.nodes().unselect();
    node.select().addClass('hit');
    this.keepShownLabelsReadable();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.6) }, { duration: 250 });
    return true;
  }

  clearHighlights(): void {
    const cy = this.cy;
    if (!cy) return;
    this.routeIds = [];
    this.fitIds = [];
    this.dimming = null;
    this.overview?.setDimming(null);
    cy.batch(() => {
      cy.elements('.dimmed').removeClass('dimmed');
      cy.elements('.route').removeClass('route');
      cy.elements('.hit').removeClass('hit');
      cy.elements('.faded').removeClass('faded');
      cy.elements('.into').removeClass('into');
      cy.elements('.weakmark').removeClass('weakmark');
    });
    this.keepShownLabelsReadable();
  }

  /** The selected person (or none, when the panel closes) keeps their neighbourhood highlighted. */
  highlightNeighbourhood(id: number | null): void {
    const node = id === null ? null : this.cy?.getElementById(String(id));
    this.selectedNode = node && node.nonempty() ? node : null;
    this.showNeighbourhood(this.selectedNode);
  }

  /**
   * Hover and click (issue 16, as Obsidian's graph): the person, their neighbours and the ties
   * among them stay bright, everything else fades. Not while a route or focus dims the graph (that
   * highlight wins), nor on large graphs, where restyling every element per hover would stall.
   */
  private showNeighbourhood(node: NodeSingular | null): void {
    const cy = this.cy;
    if (!cy) return;
    if (this.perf?.overview) {
      this.showNeighbourhoodOnOverview(node && !node.removed() ? node.id() : null);
      return;
    }
    cy.batch(() => {
      cy.elements('.faded').removeClass('faded');
      if (cy.zoom() < WEAK_TIE_ZOOM) cy.edges('.lit').removeClass('lit');
      if (!node || this.dimming !== null || node.removed()) return;
      const around = node.closedNeighborhood();
      cy.elements().difference(around).not('.tint').addClass('faded');
      // The person's own weak ties (and mine, when it is me) come out of the faint (issue 16).
      node.connectedEdges('.weak, .mine').addClass('lit');
    });
  }

  /**
   * Large graphs (issue 16): most people and ties are drawn on the overview layer, so the
   * neighbourhood is lit there (everything else dimmed, as routes and focus do), and the few
   * elements Cytoscape holds fade as on small graphs. Not while a route or focus dims the graph.
   */
  private showNeighbourhoodOnOverview(id: string | null): void {
    const cy = this.cy;
    const overview = this.overview;
    if (!cy || !overview || this.dimming !== null) return;
    if (id === null) {
      if (!this.neighbourhoodLit) return;
      this.neighbourhoodLit = false;
      overview.setDimming(null);
      cy.batch(() => cy.elements('.faded').removeClass('faded'));
      return;
    }
    const keep = overview.neighbourhood(id);
    const inCy = cy.getElementById(id);
    if (inCy.nonempty()) for (const n of inCy.neighborhood('node').toArray()) keep.add(n.id());
    this.neighbourhoodLit = true;
    overview.setDimming(keep);
    cy.batch(() => {
      cy.elements('.faded').removeClass('faded');
      cy.nodes()
        .filter((n) => !n.hasClass('tint') && !keep.has(n.id()))
        .addClass('faded');
      cy.edges()
        .filter((e) => !(keep.has(e.source().id()) && keep.has(e.target().id())))
        .addClass('faded');
    });
  }

  /** The overview layer shows a neighbourhood (large graphs). */
  private neighbourhoodLit = false;

  /** Hover lights a neighbourhood on the overview up to this many people drawn there (a repaint each); a click always does. */
  private static readonly HOVER_NEIGHBOURHOOD_LIMIT = 5_000;

  /** Elements not yet handed to Cytoscape, and whether the overview layer is still up (the test hook reports both). */
  handOverState(): { pending: number; overview: boolean } {
    // `overview`: the layer still draws people (issue 16: with ties kept there, it stays up for them alone).
    const overview = this.overview !== null && (this.overview.people > 0 || !this.overviewTies.length);
    // With people on demand, none are waiting for the idle hand-over: they stay on the overview.
    return { pending: this.peopleOnDemand ? 0 : this.pending.length, overview };
  }

  /** Likely ties drawn (issue 15), by Cytoscape or on the overview layer (the test hook reports them). */
  likelyCount(): number {
    return (this.cy?.edges('.likely').length ?? 0) + (this.overview?.tieCounts().likely ?? 0);
  }

  /**
   * Route hops, search hits and the selected person always show their name; zoomed out
   * (a long route fitted to the window, a whole network), 12 model units would be a few
   * pixels, so below zoom 1 their font and halo grow to stay 12 px on screen. Bypasses on
   * those few people only; removed from anyone no longer among them.
   */
  private keepShownLabelsReadable(): void {
    const cy = this.cy;
    if (!cy) return;
    const shown = cy.elements(`${SHOWN_LABEL_SELECTOR}, edge.route`);
    const k = Math.max(1, 1 / cy.zoom());
    const bypassed = 'font-size text-outline-width width height';
    const previous = this.scaledLabels;
    if (previous) previous.difference(shown).removeStyle(bypassed);
    if (k === 1) shown.removeStyle(bypassed);
    else {
      shown.forEach((e: cytoscape.SingularElementReturnValue) => {
        // A route's ties: as wide on screen as at zoom 1.
        if (e.group() === 'edges') {
          e.style('width', ROUTE_TIE_WIDTH * k);
          return;
        }
        // The person too: at least SHOWN_MIN_PX on screen.
        const size = Math.max(Number(e.data('size')) || 0, SHOWN_MIN_PX * k);
        e.style({ 'font-size': SHOWN_LABEL_FONT * k, 'text-outline-width': SHOWN_LABEL_OUTLINE * k, width: size, height: size });
      });
    }
    this.scaledLabels = shown;
    // Communities' names (issue 16) stay at least 13 px on screen, however far out the view is.
    cy.nodes('.tint').forEach((t) => {
      const font = Number(t.data('font')) || 14;
      const want = Math.max(font, 13 / cy.zoom());
      if (want > font) t.style({ 'font-size': want, 'text-outline-width': 3 * (want / font) });
      else t.removeStyle('font-size text-outline-width');
    });
    this.scheduleLabelSeparation();
  }

  /**
   * Names are kept apart once a frame, not on every zoom event: a wheel
   * gesture fires many, and the pass measures up to 800 labels. (After a
   * destroy or a new draw it runs on whatever Cytoscape holds then, if any.)
   */
  private labelSeparationFrame = 0;
  private scheduleLabelSeparation(): void {
    if (this.labelSeparationFrame) return;
    this.labelSeparationFrame = requestAnimationFrame(() => {
      this.labelSeparationFrame = 0;
      this.separateCommunityNames();
      this.separatePeopleLabels();
    });
  }

  /**
   * People's names never print over each other either: where two would, the
   * more important keeps it (me, the focus, bridges, then the larger node),
   * the other waits until zooming in makes room. The route, the selection and
   * the hovered person always keep theirs; so do communities' names, which
   * people's names give way to. Up to 800 names shown at once (beyond, the
   * zoom's minimum font size already thins them).
   */
  private separatePeopleLabels(): void {
    const cy = this.cy;
    if (!cy) return;
    const zoom = cy.zoom();
    const drawn = this.labelDrawnAt();
    const candidates = cy
      .nodes('node.labelled')
      .not(SHOWN_LABEL_SELECTOR)
      .filter((n) => drawn(Number(n.data('font'))));
    if (candidates.length > 800) return;
    const box = (n: cytoscape.SingularElementArgument) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    const taken: cytoscape.BoundingBox12[] = [];
    cy.nodes(SHOWN_LABEL_SELECTOR).forEach((n) => {
      taken.push(box(n));
    });
    cy.nodes('.tint')
      .not('.name-hidden')
      .forEach((t) => {
        taken.push(box(t));
      });
    const rank = (n: cytoscape.SingularElementArgument) => (n.hasClass('me') ? 3 : n.hasClass('focus') ? 2 : n.hasClass('bridge') ? 1 : 0);
    const ordered = candidates.toArray().sort((a, b) => rank(b) - rank(a) || Number(b.data('size')) - Number(a.data('size')) || Number(a.id()) - Number(b.id()));
    const pad = 1 / zoom;
    for (const n of ordered) {
      const b = box(n);
      const clash = b.w > 0 && taken.some((o) => b.x1 - pad < o.x2 && o.x1 < b.x2 + pad && b.y1 - pad < o.y2 && o.y1 < b.y2 + pad);
      if (clash) {
        if (!n.hasClass('label-hidden')) n.addClass('label-hidden');
      } else {
        if (n.hasClass('label-hidden')) n.removeClass('label-hidden');
        if (b.w > 0) taken.push(b);
      }
    }
    // Too small to be drawn at this zoom: no longer held back.
    cy.nodes('node.labelled.label-hidden')
      .filter((n) => !drawn(Number(n.data('font'))))
      .removeClass('label-hidden');
  }

  /**
   * Whether Cytoscape draws a label of this font size at the current zoom: it
   * compares the size at its texture level (the zoom times the pixel ratio,
   * rounded up to a power of two) with min-zoomed-font-size.
   */
  private labelDrawnAt(): (font: number) => boolean {
    const cy = this.cy;
    if (!cy) return () => false;
    const ratio = this.perf?.pixelRatio === 'auto' || this.perf?.pixelRatio === undefined ? window.devicePixelRatio || 1 : this.perf.pixelRatio;
    const scale = Math.pow(2, Math.ceil(Math.log2(cy.zoom() * ratio)));
    return (font) => font * scale >= PEOPLE_LABEL_MIN_PX;
  }

  /** People's names drawn at this zoom (the test hook): how many show, and how many pairs of them overlap (none). */
  peopleLabelsOnScreen(): { shown: number; overlapping: number } {
    const cy = this.cy;
    if (!cy) return { shown: 0, overlapping: 0 };
    const drawn = this.labelDrawnAt();
    const boxes = cy
      .nodes('node.labelled')
      .not('.label-hidden')
      .not(SHOWN_LABEL_SELECTOR)
      .filter((n) => drawn(Number(n.data('font'))))
      .map((n) => n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.w > 0 && b.w > 0 && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping++;
      }
    return { shown: boxes.length, overlapping };
  }

  /**
   * Two communities' names never print over each other: the larger
   * community's name is shown and a smaller one whose name would overlap it
   * waits until zooming in makes room (it was "Around Willow Biotech" across
   * "Around Acme Robotics" on the 2,000-person sample).
   */
  private separateCommunityNames(): void {
    const cy = this.cy;
    if (!cy) return;
    const tints = cy.nodes('.tint').toArray().sort((a, b) => Number(b.data('size')) - Number(a.data('size')));
    const shown: cytoscape.BoundingBox12[] = [];
    const pad = 2 / cy.zoom();
    for (const t of tints) {
      const box = t.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      const clash = box.w > 0 && shown.some((o) => box.x1 - pad < o.x2 && o.x1 < box.x2 + pad && box.y1 - pad < o.y2 && o.y1 < box.y2 + pad);
      if (clash) {
        if (!t.hasClass('name-hidden')) t.addClass('name-hidden');
      } else {
        if (t.hasClass('name-hidden')) t.removeClass('name-hidden');
        if (box.w > 0) shown.push(box);
      }
    }
  }

  /** Communities' names as drawn (the test hook): where on screen, and whether shown. */
  communityNamesOnScreen(): { label: string; shown: boolean; x1: number; y1: number; x2: number; y2: number }[] {
    const cy = this.cy;
    if (!cy) return [];
    return cy.nodes('.tint').map((t) => {
      const b = t.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { label: String(t.data('label')), shown: !t.hasClass('name-hidden'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
  }

  /** How many people and ties are drawn dimmed (the test hook reports it). */
  dimmedCount(): number {
    return (this.cy?.elements('.dimmed').not('.tint').length ?? 0) + (this.overview?.tieCounts().dimmed ?? 0);
  }

  fadedCount(): number {
    return this.cy?.elements('.faded').length ?? 0;
  }

  highlightedRoute(): number[] {
    return [...this.routeIds];
  }

  viewport(): { zoom: number; pan: Point } | null {
    const cy = this.cy;
    return cy ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : null;
  }

  setViewport(v: { zoom: number; pan: Point }): void {
    this.cy?.viewport(v);
  }

  panBy(dx: number, dy: number): void {
    this.cy?.panBy({ x: dx, y: dy });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  fit(): void {
    this.fitEveryone();
  }

  /**
   * Everyone in view. With people on demand (issue 16) Cytoscape holds only the tints and a few
   * people, so its own fit would frame those: the saved positions are framed instead, as the draw does.
   */
  private fitEveryone(): void {
    const cy = this.cy;
    if (!cy) return;
    const viewport = this.peopleOnDemand && this.drawnPositions ? viewportFor(this.drawnPositions.values(), this.container.clientWidth, this.container.clientHeight, 30, 25, ZOOM_RANGE) : null;
    if (viewport) cy.viewport(viewport);
    else cy.fit(undefined, 30);
  }

  /** After the container changed size (window, panel; issue 16): the route if one is shown, else everyone, fitted again. */
  refit(): void {
    const cy = this.cy;
    if (!cy) return;
    // A late report of the size the picture was drawn at (a ResizeObserver runs after the draw) is
    // not a change: refitting then would move the picture under a click aimed at it (issue 16).
    const size = this.containerSize();
    if (size === this.fittedSize) return;
    this.fittedSize = size;
    cy.resize();
    if (this.mapShown) {
      cy.fit(undefined, MAP_PADDING);
      return;
    }
    const framed = cy.collection();
    for (const id of this.fitIds) framed.merge(cy.getElementById(id));
    if (framed.nonempty()) cy.fit(framed, 60);
    else this.fitEveryone();
    this.keepShownLabelsReadable();
  }

  private containerSize(): string {
    return `${this.container.clientWidth}x${this.container.clientHeight}`;
  }

  positions(): Map<number, Point> {
    const out = new Map<number, Point>();
    this.cy?.nodes(':childless').not('.tint').forEach((n) => {
      const p = n.position();
      out.set(Number(n.id()), { x: p.x, y: p.y });
    });
    return out;
  }

  async png(background: string): Promise<Blob | null> {
    const cy = this.cy;
    if (!cy) return null;
    const overview = this.overview;
    if (!overview) return cy.png({ output: 'blob', bg: background, full: false, scale: 2 }) as unknown as Blob;
    // Ties kept on the overview layer (issue 16): painted under Cytoscape's picture, as on screen.
    const scale = 2;
    const out = document.createElement('canvas');
    overview.paintOn(out, scale);
    const ctx = out.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.globalCompositeOperation = 'source-over';
    const top = new Image();
    top.src = cy.png({ output: 'base64uri', full: false, scale }) as unknown as string;
    await top.decode();
    ctx.drawImage(top, 0, 0, out.width, out.height);
    return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
  }

  /** The current view as SVG: visible elements, their computed colours, widths and dashes. */
  svg(background: string, text: string): string {
    const cy = this.cy;
    const scene: SvgScene = { nodes: [], edges: [], background, text };
    if (!cy) return sceneToSvg(scene);
    const ext = cy.extent();
    const inView = (p: Point) => p.x >= ext.x1 - 50 && p.x <= ext.x2 + 50 && p.y >= ext.y1 - 50 && p.y <= ext.y2 + 50;
    // Ties kept on the overview layer (issue 16) first: under everything, as on screen.
    if (this.overview) {
      scene.edges.push(...this.overview.tieLines(ext.x1 - 50, ext.y1 - 50, ext.x2 + 50, ext.y2 + 50));
      scene.nodes.push(...this.overview.peopleShapes(ext.x1 - 50, ext.y1 - 50, ext.x2 + 50, ext.y2 + 50, cy.zoom()));
    }
    cy.edges().forEach((e) => {
      const s = e.source().position();
      const t = e.target().position();
      if (!inView(s) && !inView(t)) return;
      scene.edges.push({
        x1: s.x,
        y1: s.y,
        x2: t.x,
        y2: t.y,
        width: parseFloat(e.style('width')),
        colour: e.style('line-color'),
        opacity: Number(e.style('opacity')),
        dashed: e.style('line-style') === 'dashed',
      });
    });
    const zoom = cy.zoom();
    cy.nodes(':childless').not('.tint').forEach((n) => {
      const p = n.position();
      if (!inView(p)) return;
      const font = parseFloat(n.style('font-size'));
      const minZoomed = parseFloat(n.style('min-zoomed-font-size'));
      const border = parseFloat(n.style('border-width'));
      scene.nodes.push({
        x: p.x,
        y: p.y,
        size: n.width(),
        colour: n.style('background-color'),
        label: String(n.style('label') ?? ''),
        opacity: Number(n.style('opacity')),
        ring: border >= 3 ? n.style('border-color') : undefined,
        showLabel: font * zoom >= minZoomed,
      });
    });
    return sceneToSvg(scene);
  }

  destroy(): void {
    this.generation++;
    this.pending = [];
    this.overviewTies = [];
    this.peopleOnDemand = false;
    this.overview?.destroy();
    this.overview = null;
    this.cy?.destroy();
    this.cy = null;
  }
}
