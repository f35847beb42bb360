// The graph view's place in the URL (#/graph?…), pure: ego=ID&hops=N,
// org=ID, route=1,5,9 (the Routes view links this way), focus=ID.
import { GRAPH_LIMITS, type GraphMode } from '../../../../shared/graph';

export interface GraphParams {
  mode: GraphMode;
  /** Person ids in order, me first: highlighted with everything else dimmed. */
  route: number[] | null;
  focus: number | null;
  /** The whole network was asked for (?all=1), not just the view's default: large networks open on the ego view otherwise. */
  explicitWhole: boolean;
}

const positiveInt = (s: string | null): number | null => (s !== null && /^\d+$/.test(s) && Number(s) > 0 ? Number(s) : null);

export function parseGraphParams(query: string): GraphParams {
  const q = new URLSearchParams(query);
  const routeText = q.get('route');
  const route = routeText ? routeText.split(',').map((s) => positiveInt(s.trim())) : null;
  const validRoute = route && route.length >= 2 && route.every((x): x is number => x !== null) ? (route as number[]) : null;
  const focus = positiveInt(q.get('focus'));
  const org = positiveInt(q.get('org'));
  if (org !== null && !validRoute) return { mode: { kind: 'org', organizationId: org }, route: null, focus, explicitWhole: false };
  if (q.has('ego') && !validRoute) {
    const hops = positiveInt(q.get('hops'));
    const personId = positiveInt(q.get('ego'));
    return {
      mode: {
        kind: 'ego',
        ...(personId !== null ? { personId } : {}),
        hops: hops !== null && hops <= GRAPH_LIMITS.maxHops ? hops : GRAPH_LIMITS.defaultEgoHops,
      },
      route: null,
      focus,
      explicitWhole: false,
    };
  }
  return { mode: { kind: 'whole' }, route: validRoute, focus, explicitWhole: q.has('all') };
}

export function graphHref(p: { mode?: GraphMode; route?: readonly number[]; focus?: number }): string {
  const q = new URLSearchParams();
  if (p.route) q.set('route', p.route.join(','));
  else if (p.mode?.kind === 'ego') {
    q.set('ego', p.mode.personId !== undefined ? String(p.mode.personId) : 'me');
    q.set('hops', String(p.mode.hops ?? GRAPH_LIMITS.defaultEgoHops));
  } else if (p.mode?.kind === 'org') q.set('org', String(p.mode.organizationId));
  else if (p.mode?.kind === 'whole') q.set('all', '1');
  if (p.focus !== undefined) q.set('focus', String(p.focus));
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `#/graph?${s}` : '#/graph';
}
