// The graph view's place in the URL (#/graph?…), pure: ego=ID&hops=N,
// org=ID, community=ID, map=1 (the map of communities), route=1,5,9 (the
// Routes view links this way), path=1,5,9 (a way in highlighted on an
// organization view), focus=ID.
import { GRAPH_LIMITS, type GraphMode } from '../../../../shared/graph';

export interface GraphParams {
  mode: GraphMode;
  /** Person ids in order, me first: highlighted with everything else dimmed. */
  route: number[] | null;
  focus: number | null;
  /** The whole network was asked for (?all=1), not just the view's default: large networks open on the community map otherwise. */
  explicitWhole: boolean;
  /** The map of communities (issue 16): one node per community. */
  map: boolean;
  /** On an organization view: the way in (me, …, one of its people) highlighted with its weak ties marked (issue 16). */
  path: number[] | null;
  /** A bridge's communities (issue 16): the bridge `focus` and these communities' people highlighted. */
  groups: number[] | null;
}

const positiveInt = (s: string | null): number | null => (s !== null && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null);
const naturalInt = (s: string | null): number | null => (s !== null && /^\d+$/.test(s) ? Number(s) : null);

function idList(text: string | null, min: number, read: (s: string) => number | null): number[] | null {
  if (!text) return null;
  const list = text.split(',').map((s) => read(s.trim()));
  return list.length >= min && list.every((x): x is number => x !== null) ? (list as number[]) : null;
}

export function parseGraphParams(query: string): GraphParams {
  const q = new URLSearchParams(query);
  const validRoute = idList(q.get('route'), 2, positiveInt);
  const focus = positiveInt(q.get('focus'));
  const org = positiveInt(q.get('org'));
  const community = naturalInt(q.get('community'));
  const base = { route: null, focus, explicitWhole: false, map: false, path: null, groups: null };
  if (org !== null && !validRoute) return { ...base, mode: { kind: 'org', organizationId: org }, path: idList(q.get('path'), 2, positiveInt) };
  if (community !== null && !validRoute) return { ...base, mode: { kind: 'community', communityId: community } };
  if (q.has('ego') && !validRoute) {
    const hops = positiveInt(q.get('hops'));
    const personId = positiveInt(q.get('ego'));
    return {
      ...base,
      mode: {
        kind: 'ego',
        ...(personId !== null ? { personId } : {}),
        hops: hops !== null && hops <= GRAPH_LIMITS.maxHops ? hops : GRAPH_LIMITS.defaultEgoHops,
      },
    };
  }
  if (q.has('map') && !validRoute) return { ...base, mode: { kind: 'whole' }, map: true };
  return { ...base, mode: { kind: 'whole' }, route: validRoute, explicitWhole: q.has('all'), groups: validRoute ? null : idList(q.get('groups'), 1, naturalInt) };
}

export function graphHref(p: { mode?: GraphMode; route?: readonly number[]; focus?: number; map?: boolean; path?: readonly number[]; groups?: readonly number[] }): string {
  const q = new URLSearchParams();
  if (p.route) q.set('route', p.route.join(','));
  else if (p.map) q.set('map', '1');
  else if (p.mode?.kind === 'ego') {
    q.set('ego', p.mode.personId !== undefined ? String(p.mode.personId) : 'me');
    q.set('hops', String(p.mode.hops ?? GRAPH_LIMITS.defaultEgoHops));
  } else if (p.mode?.kind === 'org') {
    q.set('org', String(p.mode.organizationId));
    if (p.path) q.set('path', p.path.join(','));
  } else if (p.mode?.kind === 'community') q.set('community', String(p.mode.communityId));
  else if (p.mode?.kind === 'whole') {
    q.set('all', '1');
    if (p.groups) q.set('groups', p.groups.join(','));
  }
  if (p.focus !== undefined) q.set('focus', String(p.focus));
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `#/graph?${s}` : '#/graph';
}
