// The network graph view (issue 5): whole, ego and organization views,
// encodings, filters, search, hover and click, keyboard, route highlighting,
// export, and the weak-tie insights beside it.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CommunityMap, GraphData, GraphFilters, GraphInsights, GraphMode } from '../../../../shared/graph';
import { invoke } from '../../api';
import { Combobox } from '../../components/Combobox';
import { EmptyState } from '../../components/EmptyState';
import { GettingStarted } from '../../components/GettingStarted';
import { ErrorNotice } from '../../components/ErrorNotice';
import { mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { useStickyState } from '../../data/useStickyState';
import { navigate } from '../../router';
import { communityTints, type ColourBy, type Theme } from './encode';
import { GraphCanvas } from './graphCanvas';
import { InsightsPanel } from './InsightsPanel';
import { egoPositions, GRAPH_LIMITS } from '../../../../shared/graph';
import { initialPositions, needsFullLayout, placeNear, toLayoutRequest, type Point } from './layout';
import { layoutInWorker } from './layoutClient';
import { graphHref, parseGraphParams } from './params';
import { PersonPanel } from './PersonPanel';
import { publishGraphState, type GraphTestState } from './testHook';
import './graph.css';

/** Compound organization clusters cost too much beyond this many people. */
const CLUSTER_LIMIT = 1_500;
const QUIET_CHOICES = [
  { label: 'Any time', days: 0 },
  { label: 'Within 1 year', days: 365 },
  { label: 'Within 2 years', days: 730 },
  { label: 'Within 5 years', days: 1826 },
];

function useTheme(): Theme {
  const query = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setDark(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return dark ? 'dark' : 'light';
}

function toPositionsMap(p: { ids: number[]; xy: number[] }): Map<number, Point> {
  const m = new Map<number, Point>();
  p.ids.forEach((id, i) => m.set(id, { x: p.xy[2 * i]!, y: p.xy[2 * i + 1]! }));
  return m;
}

function toPositionsPayload(m: ReadonlyMap<number, Point>): { ids: number[]; xy: number[] } {
  const ids: number[] = [];
  const xy: number[] = [];
  for (const [id, p] of m) {
    ids.push(id);
    xy.push(p.x, p.y);
  }
  return { ids, xy };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function GraphView({ query }: { query: string }) {
  const params = useMemo(() => parseGraphParams(query), [query]);
  const theme = useTheme();
  const [colourBy, setColourBy] = useStickyState<ColourBy>('graph.colourBy', 'community');
  const [clusters, setClusters] = useStickyState('graph.clusters', false);
  const [filters, setFilters] = useStickyState<GraphFilters>('graph.filters', {});
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [hover, setHover] = useState<{ id: number; at: { x: number; y: number; size: number } } | null>(null);
  const [status, setStatus] = useState<GraphTestState['layoutStatus']>('loading');
  const [layoutMs, setLayoutMs] = useState<number | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const [positions, setPositions] = useState<Map<number, Point> | null>(null);
  const [drawn, setDrawn] = useState<GraphData | null>(null);
  const [drawnMap, setDrawnMap] = useState<CommunityMap | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameError, setRenameError] = useState<string | null>(null);

  // A route is drawn on the whole network without filters, so every hop is there.
  const effectiveFilters = useMemo(() => (params.route ? {} : filters), [params.route, filters]);
  // #/graph with no view chosen: a large network opens on the map of its communities
  // (issue 16, see GRAPH_LIMITS.largeNetwork), so the heavy query waits for the size.
  const stats = useQuery('stats:get', undefined);
  // The graph draws second-degree people too (issue 14: they are counted apart in stats).
  const networkSize = stats.data ? stats.data.people + stats.data.secondDegreePeople + 1 : null;
  const large = networkSize !== null && networkSize > GRAPH_LIMITS.largeNetwork;
  const defaultedWhole = params.mode.kind === 'whole' && !params.route && !params.explicitWhole && !params.map;
  useEffect(() => {
    if (defaultedWhole && large) window.location.replace(graphHref({ map: true }));
  }, [defaultedWhole, large]);
  // Issue 15: likely ties drawn apart (accent colour, faint), with a toggle; layout and insights ignore them.
  const [likelyTies, setLikelyTies] = useStickyState('graph.likelyTies', true);
  // The filters' row: shown on a wide window, or when a filter is on; behind
  // "Filters" otherwise (at 1024×700 the two toolbars took 210 of 700 px).
  const activeFilters = Object.keys(filters).length + (likelyTies ? 0 : 1);
  const [filtersChoice, setFiltersChoice] = useState<boolean | null>(null); // null: the user has not chosen
  // Decided when the view opens, so the row never vanishes while a filter is being turned off.
  const [openAtStart] = useState(() => window.innerWidth >= 1200 || activeFilters > 0);
  const filtersOpen = filtersChoice ?? openAtStart;
  const graphQuery = useQuery(
    'graph:data',
    { mode: params.mode, filters: effectiveFilters, likelyTies, ...(params.path ? { include: params.path } : {}) },
    !params.map && (!defaultedWhole || (networkSize !== null && !large)),
  );
  // Names of the communities (the map, the community view's title, the tints' labels).
  const mapQuery = useQuery('graph:communityMap', {});
  const communityMap = mapQuery.data;
  const communityLabels = useMemo(() => new Map((communityMap?.communities ?? []).map((c) => [c.id, c.label])), [communityMap]);
  const insightsQuery = useQuery('graph:insights', {});
  // A large network's bridges are first ranked by an estimate while the exact betweenness is
  // computed in the background (issue 16): asked again until the ranking is exact.
  const [laterInsights, setLaterInsights] = useState<{ from: GraphInsights; value: GraphInsights } | null>(null);
  const insightsData = laterInsights && laterInsights.from === insightsQuery.data ? laterInsights.value : insightsQuery.data;
  useEffect(() => {
    const first = insightsQuery.data;
    if (!first?.betweennessSampled) return;
    let stopped = false;
    let timer = 0;
    const ask = () => {
      timer = window.setTimeout(() => {
        invoke('graph:insights', {}).then(
          (value) => {
            if (stopped) return;
            setLaterInsights({ from: first, value });
            if (value.betweennessSampled) ask();
          },
          () => {},
        );
      }, 3_000);
    };
    ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [insightsQuery.data]);
  const insights = { data: insightsData, error: insightsQuery.error };
  const tags = useQuery('tags:list', {});
  const orgs = useQuery('orgs:list', {});
  const data = graphQuery.data;

  const containerRef = useRef<HTMLDivElement>(null);
  const lastDrawRef = useRef<{ data: GraphData; positions: ReadonlyMap<number, Point>; params: typeof params } | null>(null);
  const [panelOpen, setPanelOpen] = useStickyState('graph.panelOpen', true);
  const canvasRef = useRef<GraphCanvas | null>(null);
  const viewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    invoke('graph:positions', {}).then(
      (p) => !cancelled && setPositions(toPositionsMap(p)),
      (e: unknown) => !cancelled && setDrawError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const canvas = new GraphCanvas(container, {
      onHover: (id, at) => setHover(id === null || at === null ? null : { id, at }),
      onSelect: setSelected,
      onDoubleClick: (id) => navigate(graphHref({ mode: { kind: 'ego', personId: id, hops: 2 } })),
      onCommunity: (id) => navigate(graphHref({ mode: { kind: 'community', communityId: id } })),
    });
    canvasRef.current = canvas;
    // Refit when the window or the side panel changes the canvas's size (issue 16); the first
    // observation (the initial size) is not a change.
    let lastSize: string | null = null;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
      if (lastSize !== null && size !== lastSize) {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => canvas.refit());
      }
      lastSize = size;
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      canvas.destroy();
      canvasRef.current = null;
    };
  }, []);

  // The header's content (the toolbar's organization and tag lists, the map's note) decides the
  // canvas's height: the map waits for it, so no refit moves the map after it is reported ready
  // and a first click lands where the community was drawn (issue 16).
  const headerSettled = !orgs.loading && !tags.loading;
  // The map of communities (issue 16): drawn from the map alone, no layout of everyone needed.
  useEffect(() => {
    if (!params.map || !communityMap || !headerSettled || !canvasRef.current) return;
    let cancelled = false;
    lastDrawRef.current = null;
    setStatus('loading');
    canvasRef.current.drawMap(communityMap, theme).then(
      () => {
        if (cancelled) return;
        setDrawnMap(communityMap);
        setStatus('ready');
      },
      (e: unknown) => {
        if (cancelled) return;
        setStatus('error');
        setDrawError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [params.map, communityMap, theme, headerSettled]);

  // Lay out (only when needed), then draw.
  useEffect(() => {
    if (params.map || !data || !positions || !canvasRef.current) return;
    let cancelled = false;
    let cancelLayout: (() => void) | null = null;
    const run = async () => {
      let known = positions;
      const ids = data.nodes.map((n) => n.id);
      if (params.mode.kind === 'ego' && !params.route && data.centreId !== null) {
        // An ego network is laid out around its own centre (rings by hop), not cut out of the whole
        // network's map, where its people would be scattered; small, so computed here. Not saved.
        const ego = egoPositions(
          { ids, edges: data.edges.map((e) => [e.source, e.target] as const), community: new Map(data.nodes.map((n) => [n.id, n.community])) },
          data.centreId,
        );
        await canvasRef.current!.draw(data, { colourBy, clusters: clusters && data.nodes.length <= CLUSTER_LIMIT, theme, positions: ego });
        if (cancelled) return;
        if (params.focus !== null) canvasRef.current!.focusPerson(params.focus);
        setDrawn(data);
        setStatus('ready');
        return;
      }
      if (needsFullLayout(ids, known)) {
        setStatus('layout');
        // Positions belong to the whole network, so every view shares one mental map.
        const whole = params.mode.kind === 'whole' && Object.keys(effectiveFilters).length === 0 ? data : await invoke('graph:data', { mode: { kind: 'whole' } });
        if (cancelled) return;
        const g = {
          ids: whole.nodes.map((n) => n.id),
          edges: whole.edges.map((e) => [e.source, e.target, e.strength] as const),
          community: new Map(whole.nodes.map((n) => [n.id, n.community])),
          meId: whole.meId,
        };
        const job = layoutInWorker(toLayoutRequest(g, initialPositions(g)));
        cancelLayout = job.cancel;
        const result = await job.promise;
        if (cancelled) return;
        setLayoutMs(Math.round(result.ms));
        const next = new Map<number, Point>();
        g.ids.forEach((id, i) => next.set(id, { x: result.xy[2 * i]!, y: result.xy[2 * i + 1]! }));
        known = next;
        await invoke('graph:savePositions', { positions: toPositionsPayload(next), replace: true });
        if (cancelled) return;
        setPositions(next);
        return; // the effect runs again with the new positions
      }
      const missing = placeNear({ ids, edges: data.edges.map((e) => [e.source, e.target] as const) }, known);
      if (missing.size) {
        const merged = new Map(known);
        for (const [id, p] of missing) merged.set(id, p);
        await invoke('graph:savePositions', { positions: toPositionsPayload(missing) });
        if (cancelled) return;
        setPositions(merged);
        return;
      }
      // Only the look changed (colour, theme, clusters, names): keep the user's zoom and pan (issue 16).
      const sameDrawing = lastDrawRef.current !== null && lastDrawRef.current.data === data && lastDrawRef.current.positions === known && lastDrawRef.current.params === params;
      // Communities tinted and named where the picture is the network's own map (issue 16).
      const tinted = params.mode.kind === 'whole' || params.mode.kind === 'community';
      const tints = tinted ? communityTints(data.nodes, known, communityLabels) : [];
      await canvasRef.current!.draw(data, { colourBy, clusters: clusters && data.nodes.length <= CLUSTER_LIMIT, theme, positions: known, tints }, sameDrawing);
      if (cancelled) return;
      lastDrawRef.current = { data, positions: known, params };
      const canvas = canvasRef.current!;
      // A redraw for the look (theme, colour) keeps the highlight and the user's zoom and pan.
      const kept = sameDrawing ? canvas.viewport() : null;
      if (params.route) canvas.highlightRoute(params.route);
      else if (params.mode.kind === 'org') {
        // Issue 16: the organization's people and the ties into it, weak ones marked; the way in, if given.
        const members = data.nodes.filter((n) => n.focus).map((n) => n.id);
        canvas.highlightOrganization(members, params.path ?? []);
      } else if (params.groups && params.focus !== null) {
        // Issue 16: a bridge and the communities they join.
        const groups = new Set(params.groups);
        if (canvas.focusBridge(params.focus, data.nodes.filter((n) => groups.has(n.community)).map((n) => n.id))) setSelected(params.focus);
      } else if (params.focus !== null && !sameDrawing) canvas.focusPerson(params.focus);
      if (kept) canvas.setViewport(kept);
      if (!sameDrawing) setDrawn(data);
      setStatus('ready');
    };
    run().catch((e: unknown) => {
      if (cancelled) return;
      setStatus('error');
      setDrawError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      cancelled = true;
      cancelLayout?.();
    };
    // effectiveFilters is derived from filters and params.route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, positions, colourBy, clusters, theme, params, communityLabels]);

  const state = useCallback(
    (): GraphTestState => ({
      mode: params.map ? 'map' : params.mode.kind,
      nodes: params.map ? (drawnMap?.communities.map((c) => c.id) ?? []) : drawn ? drawn.nodes.map((n) => n.id) : [],
      edges: params.map ? (drawnMap?.links.length ?? 0) : drawn ? drawn.edges.length : 0,
      likely: params.map ? 0 : (canvasRef.current?.likelyCount() ?? 0),
      route: canvasRef.current?.highlightedRoute() ?? [],
      filters: effectiveFilters,
      colourBy,
      layoutStatus: status,
      layoutMs,
      selected,
      zoom: canvasRef.current?.cy?.zoom() ?? 0,
      handOver: canvasRef.current?.handOverState() ?? { pending: 0, overview: false },
      dimmed: canvasRef.current?.dimmedCount() ?? 0,
      faded: canvasRef.current?.fadedCount() ?? 0,
      mapAt: params.map ? (canvasRef.current?.mapNodesOnScreen() ?? []) : [],
      communityNames: params.map ? [] : (canvasRef.current?.communityNamesOnScreen() ?? []),
      peopleLabels: params.map ? { shown: 0, overlapping: 0 } : (canvasRef.current?.peopleLabelsOnScreen() ?? { shown: 0, overlapping: 0 }),
    }),
    [params, drawn, drawnMap, effectiveFilters, colourBy, status, layoutMs, selected],
  );
  useEffect(() => {
    publishGraphState(state);
    return () => publishGraphState(null);
  }, [state]);

  const nodesById = useMemo(() => new Map((drawn?.nodes ?? []).map((n) => [n.id, n])), [drawn]);
  const orgNames = useMemo(() => new Map((data?.organizations ?? []).map((o) => [o.id, o.name])), [data]);

  const searchOptions = useMemo(() => {
    const q = search.trim().toLocaleLowerCase();
    if (!q || !drawn) return [];
    return drawn.nodes
      .filter((n) => n.name.toLocaleLowerCase().includes(q))
      .slice(0, 8)
      .map((n) => ({ key: String(n.id), label: n.name, detail: n.orgId !== null ? orgNames.get(n.orgId) : n.headline || undefined }));
  }, [search, drawn, orgNames]);

  // The selected person's neighbourhood stays highlighted (issue 16), also after a redraw.
  useEffect(() => {
    canvasRef.current?.highlightNeighbourhood(selected);
  }, [selected, drawn]);

  const focusPerson = (id: number) => {
    setSelected(id);
    if (!canvasRef.current?.focusPerson(id)) navigate(graphHref({ focus: id }));
  };

  const clearAll = () => {
    canvasRef.current?.clearHighlights();
    canvasRef.current?.cy?.nodes().unselect();
    setSelected(null);
    setSearch('');
    if (params.route || params.focus !== null) navigate(graphHref({ mode: params.mode }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      if (isTyping(event.target) && search) return;
      event.preventDefault();
      clearAll();
      return;
    }
    if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
    const canvas = canvasRef.current;
    if (!canvas) return;
    const step = 80;
    const handled: Record<string, () => void> = {
      ArrowLeft: () => canvas.panBy(step, 0),
      ArrowRight: () => canvas.panBy(-step, 0),
      ArrowUp: () => canvas.panBy(0, step),
      ArrowDown: () => canvas.panBy(0, -step),
      '+': () => canvas.zoomBy(1.25),
      '=': () => canvas.zoomBy(1.25),
      '-': () => canvas.zoomBy(0.8),
      '0': () => canvas.fit(),
    };
    const f = handled[event.key];
    if (f) {
      event.preventDefault();
      f();
    }
  };

  const setMode = (mode: GraphMode) => navigate(graphHref({ mode }));
  const setFilter = (patch: Partial<GraphFilters>) => {
    const next: GraphFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof GraphFilters)[]) {
      const v = next[key];
      if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    setFilters(next);
  };

  // A large network may still be handing its elements to Cytoscape: export once they are all in.
  const exportPng = async () => {
    await canvasRef.current?.filled;
    const bg = theme === 'dark' ? '#19191c' : '#ffffff';
    const blob = await canvasRef.current?.png(bg);
    if (blob) download(blob, 'kith-network.png');
  };
  const exportSvg = async () => {
    await canvasRef.current?.filled;
    const svg = canvasRef.current?.svg(theme === 'dark' ? '#19191c' : '#ffffff', theme === 'dark' ? '#ececf0' : '#1c1c1f');
    if (svg) download(new Blob([svg], { type: 'image/svg+xml' }), 'kith-network.svg');
  };

  const error = graphQuery.error?.message ?? drawError;
  // A new install has only me: an empty state with the ways in, not a lone giant node (issue 16).
  const emptyNetwork = drawn !== null && drawn.totalPeople <= 1 && status === 'ready';
  const tooMany = (data?.nodes.length ?? 0) > CLUSTER_LIMIT;
  const hovered = hover ? nodesById.get(hover.id) : undefined;
  const selectedNode = selected !== null ? nodesById.get(selected) : undefined;
  const modeKind = params.route ? 'route' : params.map ? 'map' : params.mode.kind;
  const shownCommunity = params.mode.kind === 'community' ? communityMap?.communities.find((c) => c.id === (params.mode as { communityId: number }).communityId) : undefined;
  const rename = async (name: string) => {
    if (!shownCommunity) return;
    try {
      await mutate('graph:renameCommunity', { communityId: shownCommunity.id, name });
      setRenaming(null);
      setRenameError(null);
    } catch (e) {
      setRenameError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="graph-view" data-testid="graph-view" ref={viewRef} onKeyDown={onKeyDown}>
      <header className="view-header graph-header">
        <div className="view-title-row">
          <h1 className="view-title">Network</h1>
          <span className="view-count" data-testid="graph-count">
            {drawn ? `${drawn.nodes.length.toLocaleString()} people · ${drawn.edges.length.toLocaleString()} ties` : ''}
          </span>
          <div className="view-header-actions">
            <button type="button" className="button small" onClick={() => void exportPng()} disabled={status !== 'ready'} data-testid="graph-export-png">
              Export PNG
            </button>
            <button type="button" className="button small" onClick={() => void exportSvg()} disabled={status !== 'ready'} data-testid="graph-export-svg">
              Export SVG
            </button>
          </div>
        </div>
        {/* From the map itself, not the drawn one: the note is in the header before the map is drawn,
            so its arrival does not shrink the canvas and refit the map after it is ready (issue 16). */}
        {params.map && communityMap && (
          <p className="graph-large-note" data-testid="graph-map-note">
            {communityMap.totalPeople.toLocaleString()} people in {communityMap.communities.length.toLocaleString()} communities
            {communityMap.alone > 0 ? ` (${communityMap.alone.toLocaleString()} more on their own)` : ''}. Click a community to see its people.{' '}
            <button type="button" className="link-button" onClick={() => setMode({ kind: 'whole' })} data-testid="graph-show-everyone">
              Show everyone
            </button>
          </p>
        )}
        {params.mode.kind === 'community' && (
          <div className="graph-large-note graph-community-note" data-testid="graph-community-note">
            {renaming === null ? (
              <>
                <strong data-testid="graph-community-name">{shownCommunity?.label ?? 'This community'}</strong>
                {shownCommunity ? ` · ${shownCommunity.size.toLocaleString()} people` : ''}
                {shownCommunity && (
                  <button type="button" className="link-button" onClick={() => setRenaming(shownCommunity.named ? shownCommunity.label : '')} data-testid="graph-community-rename">
                    Rename
                  </button>
                )}
              </>
            ) : (
              <form
                className="graph-rename"
                onSubmit={(event) => {
                  event.preventDefault();
                  void rename(renaming);
                }}
              >
                <input
                  className="input"
                  value={renaming}
                  onChange={(event) => setRenaming(event.target.value)}
                  placeholder={shownCommunity?.named ? '' : shownCommunity?.label}
                  aria-label="Community name (empty: its default)"
                  maxLength={120}
                  autoFocus
                  data-testid="graph-community-rename-input"
                />
                <button type="submit" className="button small primary" data-testid="graph-community-rename-save">
                  Save
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => {
                    setRenaming(null);
                    setRenameError(null);
                  }}
                >
                  Cancel
                </button>
                {renameError && <span className="graph-rename-error">{renameError}</span>}
              </form>
            )}
            <button type="button" className="link-button" onClick={() => navigate(graphHref({ map: true }))} data-testid="graph-back-to-map">
              All communities
            </button>
            <button type="button" className="link-button" onClick={() => setMode({ kind: 'whole' })} data-testid="graph-show-everyone">
              Show everyone
            </button>
          </div>
        )}
        <div className="toolbar graph-toolbar">
          <div className="graph-search">
            <Combobox
              value={search}
              onValueChange={setSearch}
              options={searchOptions}
              onPick={(o) => {
                setSearch(o.label);
                focusPerson(Number(o.key));
              }}
              placeholder="Find a person…"
              label="Find a person in the graph"
              testId="graph-search"
            />
          </div>
          <label className="toolbar-field">
            <span>View</span>
            <select
              className="select"
              value={modeKind}
              data-testid="graph-mode"
              onChange={(event) => {
                const v = event.target.value;
                if (v === 'whole') setMode({ kind: 'whole' });
                else if (v === 'map') navigate(graphHref({ map: true }));
                else if (v === 'ego') setMode({ kind: 'ego', hops: 2 });
                else if (v === 'org') {
                  const first = orgs.data?.items[0];
                  if (first) setMode({ kind: 'org', organizationId: first.id });
                }
              }}
            >
              <option value="map">Communities</option>
              <option value="whole">Whole network</option>
              {params.mode.kind === 'community' && <option value="community">One community</option>}
              <option value="ego">Ego network</option>
              <option value="org">Organization</option>
              {params.route && <option value="route">Route</option>}
            </select>
          </label>
          {params.mode.kind === 'ego' && !params.route && (
            <label className="toolbar-field">
              <span>Hops</span>
              <select
                className="select"
                value={params.mode.hops ?? 2}
                data-testid="graph-hops"
                onChange={(event) => setMode({ ...params.mode, kind: 'ego', hops: Number(event.target.value) })}
              >
                <option value="1">1</option>
                <option value="2">2</option>
                <option value="3">3</option>
              </select>
            </label>
          )}
          {params.mode.kind === 'org' && (
            <label className="toolbar-field">
              <span>Organization</span>
              <select
                className="select"
                value={params.mode.organizationId}
                data-testid="graph-org"
                onChange={(event) => setMode({ kind: 'org', organizationId: Number(event.target.value) })}
              >
                {(orgs.data?.items ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="toolbar-field">
            <span>Colour</span>
            <select className="select" value={colourBy} onChange={(event) => setColourBy(event.target.value as ColourBy)} data-testid="graph-colour">
              <option value="organization">By organization</option>
              <option value="community">By community</option>
            </select>
          </label>
          <label className="toggle" title={tooMany ? `Clusters are available up to ${CLUSTER_LIMIT.toLocaleString()} people` : undefined}>
            <input type="checkbox" checked={clusters && !tooMany} disabled={tooMany} onChange={(event) => setClusters(event.target.checked)} data-testid="graph-clusters" />
            Clusters
          </label>
          <button
            type="button"
            className={`button graph-filters-toggle${filtersOpen ? ' open' : ''}`}
            aria-expanded={filtersOpen}
            aria-controls="graph-filters"
            onClick={() => setFiltersChoice(!filtersOpen)}
            data-testid="graph-filters-toggle"
          >
            Filters
            {activeFilters > 0 && (
              <span className="count-badge" aria-label={`${activeFilters} on`}>
                {activeFilters}
              </span>
            )}
          </button>
        </div>
        <div className="toolbar graph-toolbar graph-filters" id="graph-filters" aria-label="Filters" hidden={!filtersOpen}>
          <label className="toolbar-field">
            <span>Ties</span>
            <select
              className="select"
              value={filters.minStrength ?? 1}
              disabled={!!params.route}
              onChange={(event) => setFilter({ minStrength: Number(event.target.value) === 1 ? undefined : Number(event.target.value) })}
              data-testid="graph-min-strength"
            >
              <option value="1">Any strength</option>
              <option value="2">2 and up</option>
              <option value="3">3 and up</option>
              <option value="4">4 and up</option>
              <option value="5">5 only</option>
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={filters.weakOnly ?? false} disabled={!!params.route} onChange={(event) => setFilter({ weakOnly: event.target.checked })} data-testid="graph-weak-only" />
            Weak ties only
          </label>
          <label className="toggle" title="Ties Kith guesses from shared organizations, schools and entries: drawn faint in the accent colour until you confirm them">
            <input type="checkbox" checked={likelyTies} onChange={(event) => setLikelyTies(event.target.checked)} data-testid="graph-likely-ties" />
            Likely ties
          </label>
          <label className="toolbar-field">
            <span>Last contact</span>
            <select
              className="select"
              value={filters.quietDays ?? 0}
              disabled={!!params.route}
              onChange={(event) => setFilter({ quietDays: Number(event.target.value) || undefined })}
              data-testid="graph-quiet"
            >
              {QUIET_CHOICES.map((c) => (
                <option key={c.days} value={c.days}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            <span>Tag</span>
            <select
              className="select"
              value={filters.tags?.[0] ?? ''}
              disabled={!!params.route}
              onChange={(event) => setFilter({ tags: event.target.value ? [event.target.value] : undefined })}
              data-testid="graph-tag"
            >
              <option value="">Any</option>
              {(tags.data ?? []).map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            <span>At</span>
            <select
              className="select"
              value={filters.organizationIds?.[0] ?? ''}
              disabled={!!params.route}
              onChange={(event) => setFilter({ organizationIds: event.target.value ? [Number(event.target.value)] : undefined })}
              data-testid="graph-filter-org"
            >
              <option value="">Any organization</option>
              {(orgs.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          {Object.keys(filters).length > 0 && !params.route && (
            <button type="button" className="link-button" onClick={() => setFilters({})} data-testid="graph-clear-filters">
              Clear filters
            </button>
          )}
        </div>
      </header>
      <div className={`graph-body${panelOpen ? '' : ' panel-closed'}`}>
        <div className="graph-stage">
          <div
            className="graph-canvas"
            ref={containerRef}
            tabIndex={0}
            role="application"
            aria-label="Network graph. Arrow keys pan, plus and minus zoom, 0 fits, Escape clears."
            data-testid="graph-canvas"
          />
          {status !== 'ready' && !error && (
            <div className="graph-status" data-testid="graph-status">
              {status === 'layout' ? 'Laying out the network…' : 'Loading…'}
            </div>
          )}
          {error && (
            <div className="graph-overlay">
              <ErrorNotice title="The graph could not be drawn" message={error} onRetry={() => window.location.reload()} />
            </div>
          )}
          {emptyNetwork && (
            <div className="graph-overlay graph-overlay-solid">
              {/* The same two ways in as Home and People (issue 17's GettingStarted; issue 16). */}
              <GettingStarted testId="graph-empty-network" lead="Your network is empty. Import your contacts or add the people you know, and the ties between you will appear here." />
            </div>
          )}
          {!emptyNetwork && drawn && drawn.nodes.length === 0 && status === 'ready' && (
            <div className="graph-overlay">
              <EmptyState title="Nobody to show" testId="graph-empty">
                {Object.keys(effectiveFilters).length ? 'No one matches these filters. Clear a filter to see more.' : 'Add people and the ties between them to see your network.'}
              </EmptyState>
            </div>
          )}
          {params.route && status === 'ready' && (
            <div className="graph-legend-route" data-testid="graph-route-banner">
              Route of {params.route.length - 1} {params.route.length === 2 ? 'hop' : 'hops'} highlighted ·{' '}
              <button type="button" className="link-button" onClick={clearAll}>
                Clear
              </button>
            </div>
          )}
          {hovered && hover && (
            // Above and to the right of the node: its label is drawn below it (issue 16: never covered).
            <div
              className="graph-tooltip"
              style={{ left: hover.at.x + hover.at.size / 2 + 10, top: hover.at.y - hover.at.size / 2 - 10, transform: 'translateY(-100%)' }}
              data-testid="graph-tooltip"
            >
              <strong>{hovered.name}</strong>
              {hovered.headline && <span>{hovered.headline}</span>}
              {hovered.orgId !== null && <span>{orgNames.get(hovered.orgId)}</span>}
              <span className="graph-tooltip-meta">
                {drawn!.edges.filter((e) => e.source === hovered.id || e.target === hovered.id).length} ties shown · bridge score {(hovered.betweenness * 100).toFixed(1)}
              </span>
            </div>
          )}
          {!params.map && <Legend weakMarked={params.mode.kind === 'org'} />}
          <button
            type="button"
            className="button small graph-panel-toggle"
            onClick={() => setPanelOpen(!panelOpen)}
            aria-expanded={panelOpen}
            data-testid="graph-panel-toggle"
          >
            {panelOpen ? 'Hide panel ›' : '‹ Show panel'}
          </button>
        </div>
        <aside hidden={!panelOpen} className="graph-side" aria-label={selectedNode ? 'Person' : 'Weak-tie insights'}>
          {selectedNode && drawn ? (
            <PersonPanel node={selectedNode} data={drawn} orgName={selectedNode.orgId !== null ? (orgNames.get(selectedNode.orgId) ?? null) : null} onClose={() => setSelected(null)} />
          ) : (
            <InsightsPanel
              insights={insights.data}
              error={insights.error?.message ?? null}
              onPerson={focusPerson}
              onBridge={(id, groups) => navigate(graphHref({ mode: { kind: 'whole' }, focus: id, groups }))}
              onOrganization={(id, path) => navigate(graphHref({ mode: { kind: 'org', organizationId: id }, path }))}
              onCommunity={(id, ids) => {
                if (params.mode.kind === 'whole' && !params.route && !params.map) canvasRef.current?.focusIds(ids);
                else navigate(graphHref({ mode: { kind: 'community', communityId: id } }));
              }}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

function Legend({ weakMarked }: { weakMarked: boolean }) {
  return (
    <div className="graph-legend" aria-hidden="true">
      {weakMarked && (
        <span className="graph-legend-item">
          <span className="graph-legend-line weak-marked" /> weak tie into it
        </span>
      )}
      <span className="graph-legend-item">
        <span className="graph-legend-line strong" /> strong tie
      </span>
      <span className="graph-legend-item">
        <span className="graph-legend-line weak" /> weak tie
      </span>
      <span className="graph-legend-item">
        <span className="graph-legend-dot" /> size = bridging
      </span>
      <span className="graph-legend-item">
        <span className="graph-legend-dot graph-legend-ring" /> ring = top bridge
      </span>
    </div>
  );
}
