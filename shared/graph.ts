// The network graph view and its weak-tie insights (issue 5): zod schemas and
// IPC channels, spread into `contract` in shared/contract.ts. Pure TypeScript + zod.
import { z } from 'zod';
import { Id, LIMITS, OptionalTitle, TieStrength } from './domain';

/** Ties of strength 1–2 are weak (DESIGN.md: acquaintance, met once). */
export const WEAK_MAX_STRENGTH = 2;
export const isWeakTie = (strength: number): boolean => strength <= WEAK_MAX_STRENGTH;

/**
 * Version of the default layout (issue 16: 2 is the community-separating one). Saved
 * positions of another version are laid out again, once (main/graph/positions.ts).
 */
export const GRAPH_LAYOUT_VERSION = 2;

export const GRAPH_LIMITS = {
  /**
   * Above this many people, #/graph opens on the map of communities (issue 16:
   * one node per community, one edge per pair of communities), not on everyone:
   * a picture of 500+ people with their ties is a disk in which no one can be
   * seen, and drawing 10,000 takes seconds. Everyone stays one click away
   * (#/graph?all=1), and a click on a community opens its people.
   */
  largeNetwork: 500,
  maxHops: 3,
  defaultEgoHops: 2,
  /** An organization's view: its people and everyone within this many hops of them. */
  orgHops: 2,
  /** Quiet-for filter: up to 50 years. */
  maxQuietDays: 50 * 366,
  /** Positions of at most this many people in one save. */
  maxPositions: 200_000,
  insightItems: 12,
  /** Likely ties drawn at most (issue 15): the most confident. */
  likelyEdges: 5_000,
} as const;

export const GraphMode = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('whole') }),
  z.strictObject({
    kind: z.literal('ego'),
    /** Default: me. */
    personId: Id.optional(),
    hops: z.number().int().min(1, 'Hops must be from 1 to 3').max(GRAPH_LIMITS.maxHops, 'Hops must be from 1 to 3').optional(),
  }),
  z.strictObject({ kind: z.literal('org'), organizationId: Id }),
  /** One community's people (issue 16: a click on the community map opens it). Ids as in GraphNode.community. */
  z.strictObject({ kind: z.literal('community'), communityId: z.number().int().min(0) }),
]);
export type GraphMode = z.infer<typeof GraphMode>;

export const GraphFilters = z.strictObject({
  /** Hide ties weaker than this. */
  minStrength: TieStrength.optional(),
  /** Only ties of strength 1–2. */
  weakOnly: z.boolean().optional(),
  /** Hide ties with no contact for more than this many days (last journal entry, else when the tie began or was recorded). */
  quietDays: z.number().int().min(1).max(GRAPH_LIMITS.maxQuietDays).optional(),
  /** Only people with any of these tags (me always stays). */
  tags: z.array(z.string().max(LIMITS.name)).max(LIMITS.listItems).optional(),
  /** Only people currently at any of these organizations (me always stays). */
  organizationIds: z.array(Id).max(LIMITS.listItems).optional(),
});
export type GraphFilters = z.infer<typeof GraphFilters>;

export const GraphQuery = z.strictObject({
  mode: GraphMode,
  filters: GraphFilters.optional(),
  /** Issue 15: also send likely ties among the people shown (drawn apart; never in layout or insights). On when left out. */
  likelyTies: z.boolean().optional(),
  /** People shown besides the mode's own (issue 16: the way into an organization an insight names, which may start far from it). */
  include: z.array(Id).max(GRAPH_LIMITS.maxHops * 10).optional(),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

export const GraphNode = z.object({
  id: Id,
  name: z.string(),
  headline: z.string(),
  isMe: z.boolean(),
  /** The first current organization, if any. */
  orgId: Id.nullable(),
  /** Louvain community over the whole network (0 = largest). */
  community: z.number().int().min(0),
  /** Betweenness centrality over the whole network, normalized to 0–1. */
  betweenness: z.number().min(0),
  tags: z.array(z.string()),
  /** The centre of an ego view, or a member of the organization of an organization view. */
  focus: z.boolean(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: Id,
  source: Id,
  target: Id,
  strength: TieStrength,
  /** Latest journal entry with both people (or with the other person, for my ties); null when none. */
  lastContact: z.string().nullable(),
  /** Days since lastContact, else since the tie began or was recorded. */
  quietDays: z.number().int().min(0),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

/** A likely tie between two people shown (issue 15): not a tie; drawn distinct from every tie. */
export const GraphLikelyEdge = z.object({ source: Id, target: Id, confidence: z.number().min(0).max(1), evidence: z.string() });
export type GraphLikelyEdge = z.infer<typeof GraphLikelyEdge>;

export const GraphData = z.object({
  meId: Id,
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** Issue 15: likely ties among the nodes, most confident first, at most GRAPH_LIKELY_LIMIT; absent when turned off. */
  likelyEdges: z.array(GraphLikelyEdge).optional(),
  organizations: z.array(z.object({ id: Id, name: z.string() })),
  /** Non-archived people in the whole network, before mode and filters. */
  totalPeople: z.number().int().min(0),
  /** True when betweenness was estimated from a sample of sources (large networks). */
  betweennessSampled: z.boolean(),
  /** The centre of an ego view; the organization of an organization view. */
  centreId: Id.nullable(),
});
export type GraphData = z.infer<typeof GraphData>;

const Person = z.object({ id: Id, name: z.string() });

export const GraphInsights = z.object({
  /** People who bridge otherwise separate parts of the network: highest betweenness first (me excluded). */
  bridges: z.array(
    Person.extend({
      betweenness: z.number().min(0),
      communities: z.number().int().min(0),
      /** The communities of their neighbours and their own (issue 16: a bridge focuses on the groups they join). */
      communityIds: z.array(z.number().int().min(0)),
    }),
  ),
  /** Organizations whose people I reach, but only through at least one weak tie. */
  weakOnlyOrganizations: z.array(
    z.object({
      id: Id,
      name: z.string(),
      people: z.number().int().min(1),
      via: Person.nullable(),
      /** A shortest way in (issue 16): me, my neighbour `via`, …, the first of its people reached; its weak ties are what the view marks. */
      path: z.array(Id),
    }),
  ),
  communities: z.array(z.object({ id: z.number().int().min(0), size: z.number().int().min(1), label: z.string(), named: z.boolean(), memberIds: z.array(Id) })),
  modularity: z.number(),
  /** True while the bridges are ranked by an estimate (a large network's exact betweenness is still being computed; issue 16). */
  betweennessSampled: z.boolean(),
  /** My weak ties gone quiet, the best connected first: worth reviving. */
  dormantWeakTies: z.array(
    Person.extend({ strength: TieStrength, lastContact: z.string().nullable(), quietDays: z.number().int().min(0), betweenness: z.number().min(0) }),
  ),
});
export type GraphInsights = z.infer<typeof GraphInsights>;

/** Positions as flat arrays (ids[i] is at xy[2i], xy[2i+1]): compact for 10,000 people. */
export const GraphPositions = z
  .strictObject({
    ids: z.array(Id).max(GRAPH_LIMITS.maxPositions),
    xy: z.array(z.number().finite()).max(GRAPH_LIMITS.maxPositions * 2),
  })
  .refine((p) => p.xy.length === p.ids.length * 2, { message: 'Give two coordinates per person', path: ['xy'] });
export type GraphPositions = z.infer<typeof GraphPositions>;

/** A community on the map (issue 16): its name, its size, and who stands for it. */
export const CommunitySummary = z.object({
  id: z.number().int().min(0),
  size: z.number().int().min(1),
  /** The name given by the user, else "Around <its most common organization>" (or its best connected person). */
  label: z.string(),
  /** True when the user named it (the name follows it across recomputation). */
  named: z.boolean(),
  /** Its best connected members (highest betweenness first), a few. */
  topPeople: z.array(Person),
  /** Me, when I am in it. */
  hasMe: z.boolean(),
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;

export const CommunityMap = z.object({
  /** Communities of two or more people, largest first. */
  communities: z.array(CommunitySummary),
  /** One per pair of communities with ties between them: how many ties, and how many of them weak. */
  links: z.array(z.object({ a: z.number().int().min(0), b: z.number().int().min(0), ties: z.number().int().min(1), weak: z.number().int().min(0) })),
  totalPeople: z.number().int().min(0),
  /** People in a community of their own (no tie to anyone in the network, or only to me): not on the map. */
  alone: z.number().int().min(0),
});
export type CommunityMap = z.infer<typeof CommunityMap>;

export const CommunityName = OptionalTitle('A community name').refine((s) => s.length <= 120, 'A community name is too long (at most 120 characters)');

export const graphContract = {
  'graph:data': { input: GraphQuery, output: GraphData },
  'graph:insights': { input: z.strictObject({}).optional(), output: GraphInsights },
  'graph:positions': { input: z.strictObject({}).optional(), output: GraphPositions },
  /** Merges into the saved positions (people not given keep theirs); `replace` starts over. */
  'graph:savePositions': {
    input: z.strictObject({ positions: GraphPositions, replace: z.boolean().optional() }),
    output: z.object({ saved: z.number().int().min(0) }),
  },
  /** The map of communities a large network opens on (issue 16). */
  'graph:communityMap': { input: z.strictObject({}).optional(), output: CommunityMap },
  /** Names a community (an empty name gives it back its default); the name follows it across recomputation. */
  'graph:renameCommunity': {
    input: z.strictObject({ communityId: z.number().int().min(0), name: CommunityName }),
    output: z.object({ label: z.string(), named: z.boolean() }),
  },
} as const;

// ---- Encodings (pure; the renderer's encode.ts builds Cytoscape elements from them) ----

/** Twelve categorical colours that read on white and on near-black (Tableau 10 + two). */
export const GRAPH_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#79706e', '#86bcb6', '#d37295'] as const;
export const NO_GROUP_COLOUR = { light: '#b4b4be', dark: '#5c5c66' } as const;

/** The colour of an organization or community id; grey for none. */
export function groupColour(key: number | null, theme: 'light' | 'dark'): string {
  if (key === null) return NO_GROUP_COLOUR[theme];
  const n = GRAPH_PALETTE.length;
  return GRAPH_PALETTE[((key % n) + n) % n]!;
}

const clampStrength = (s: number) => Math.min(5, Math.max(1, Math.round(s)));
/** Strong ties solid and thick, weak ones thin, dashed and lighter. */
export function edgeWidth(strength: number): number {
  return [0.7, 1, 1.6, 2.4, 3.4][clampStrength(strength) - 1]!;
}
export function edgeLineStyle(strength: number): 'dashed' | 'solid' {
  return isWeakTie(clampStrength(strength)) ? 'dashed' : 'solid';
}
/** Weak ties faint (issue 16: they are most of the ties and grey the picture over) until hovered or zoomed into (WEAK_TIE_SHOWN). */
export function edgeOpacity(strength: number): number {
  return [0.16, 0.22, 0.6, 0.7, 0.8][clampStrength(strength) - 1]!;
}
/** A weak tie's opacity once its person is hovered or selected, or the view zoomed in past WEAK_TIE_ZOOM. */
export const WEAK_TIE_SHOWN = 0.55;
export const WEAK_TIE_ZOOM = 1.5;

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

// ---- Layout geometry (pure; the renderer's graph view uses it) ----

export interface Point {
  x: number;
  y: number;
}
export interface EgoGraph {
  ids: readonly number[];
  edges: readonly (readonly [number, number, number?])[];
  community?: ReadonlyMap<number, number>;
}

/**
 * The ego view's own layout (issue 5): the centre in the middle, everyone else
 * on a ring per hop. Ring 1 is ordered by community (then id), so groups sit
 * together; each later ring is ordered by the mean angle of each person's
 * neighbours one ring in, so people sit beside who brought them into view.
 * Rings are spaced to fit their people. Pure and deterministic, O(n log n + m).
 */
export function egoPositions(g: EgoGraph, centre: number, spacing = 34, ringGap = 130): Map<number, Point> {
  const adj = new Map<number, number[]>();
  for (const id of g.ids) adj.set(id, []);
  for (const [a, b] of g.edges) {
    adj.get(a)?.push(b);
    adj.get(b)?.push(a);
  }
  const out = new Map<number, Point>();
  if (!adj.has(centre)) {
    g.ids.forEach((id, i) => out.set(id, { x: 40 * Math.cos(i), y: 40 * Math.sin(i) }));
    return out;
  }
  const hop = new Map<number, number>([[centre, 0]]);
  const rings: number[][] = [[centre]];
  for (let k = 0; rings[k]!.length; k++) {
    const next: number[] = [];
    for (const v of rings[k]!) {
      for (const w of adj.get(v)!) {
        if (!hop.has(w)) {
          hop.set(w, k + 1);
          next.push(w);
        }
      }
    }
    rings.push(next);
  }
  // People not connected to the centre in this view (a filter can cut them off) go on an outer ring.
  const unreached = g.ids.filter((id) => !hop.has(id));
  rings.pop();
  if (unreached.length) rings.push(unreached);
  out.set(centre, { x: 0, y: 0 });
  const angle = new Map<number, number>([[centre, 0]]);
  let radius = 0;
  for (let k = 1; k < rings.length; k++) {
    const ring = rings[k]!;
    let order: number[];
    const key = new Map<number, number>();
    if (k === 1) order = [...ring].sort((a, b) => (g.community?.get(a) ?? 0) - (g.community?.get(b) ?? 0) || a - b);
    else {
      for (const id of ring) {
        let sx = 0;
        let sy = 0;
        for (const w of adj.get(id)!) {
          if (hop.get(w) === k - 1 && angle.has(w)) {
            sx += Math.cos(angle.get(w)!);
            sy += Math.sin(angle.get(w)!);
          }
        }
        const a = sx === 0 && sy === 0 ? 2 * Math.PI * ((id * 0.618034) % 1) : Math.atan2(sy, sx);
        key.set(id, a < 0 ? a + 2 * Math.PI : a);
      }
      order = [...ring].sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    }
    radius = Math.max(radius + ringGap, (order.length * spacing) / (2 * Math.PI));
    // Start each ring where its first person's neighbours are, so the rings line up.
    const start = k === 1 ? -Math.PI / 2 : (key.get(order[0]!) ?? 0);
    order.forEach((id, i) => {
      const a = start + (2 * Math.PI * i) / order.length;
      angle.set(id, a);
      out.set(id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    });
  }
  return out;
}

/** The zoom and pan that fit these positions in a `width`×`height` box (what cy.fit does, without measuring every element). */
export function viewportFor(points: Iterable<Point>, width: number, height: number, padding: number, margin: number, zoomRange: [number, number]): { zoom: number; pan: Point } | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  if (!(x2 >= x1) || width <= 2 * padding || height <= 2 * padding) return null;
  x1 -= margin;
  x2 += margin;
  y1 -= margin;
  y2 += margin;
  const zoom = Math.min(zoomRange[1], Math.max(zoomRange[0], Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1))));
  return { zoom, pan: { x: width / 2 - (zoom * (x1 + x2)) / 2, y: height / 2 - (zoom * (y1 + y2)) / 2 } };
}
