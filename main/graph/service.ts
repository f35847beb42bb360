// The graph view's services (issue 5): data for a mode and filters, insights.
import { now as clockNow } from '../../shared/clock';
import { GRAPH_LIMITS, type CommunityMap, type GraphData, type GraphInsights, type GraphLikelyEdge, type GraphQuery } from '../../shared/graph';
import { LIKELY } from '../../shared/likelyTies';
import { visibleLikelyTies } from '../likely/index';
import { KithError } from '../../shared/errors';
import type { Db } from '../db/open';
import { communityLabels, communityMap, renameCommunity } from './communities';
import { computeInsights } from './insights';
import { getMetrics } from './metrics';
import { loadNetwork } from './network';
import { shapeGraph } from './shape';

export function getGraphData(db: Db, query: GraphQuery, now = clockNow()): GraphData {
  const { mode } = query;
  const net = loadNetwork(db);
  if (mode.kind === 'ego' && mode.personId !== undefined && !net.people.some((p) => p.id === mode.personId)) {
    throw new KithError('NOT_FOUND', 'That person is not in the network (they may have been archived). Pick someone else to centre on.');
  }
  let orgName: string | null = null;
  if (mode.kind === 'org') {
    const row = db.prepare('SELECT name FROM organizations WHERE id = ?').get(mode.organizationId) as { name: string } | undefined;
    if (!row) throw new KithError('NOT_FOUND', 'That organization does not exist. Pick another one.');
    orgName = row.name;
  }
  const data = shapeGraph(net, { mode, filters: query.filters, now, metrics: getMetrics(db, net), include: query.include });
  // Likely ties (issue 15) ride along for drawing only: insights and layout use confirmed ties.
  if (query.likelyTies !== false) data.likelyEdges = likelyEdgesAmong(db, data.nodes.map((n) => n.id));
  // The organization of an organization view is named even when nobody is there now.
  if (mode.kind === 'org' && orgName !== null && !data.organizations.some((o) => o.id === mode.organizationId)) {
    data.organizations.push({ id: mode.organizationId, name: orgName });
  }
  return data;
}

function likelyEdgesAmong(db: Db, ids: readonly number[]): GraphLikelyEdge[] {
  const shown = new Set(ids);
  const out: GraphLikelyEdge[] = [];
  for (const p of visibleLikelyTies(db).all) {
    if (out.length >= GRAPH_LIMITS.likelyEdges) break;
    if (p.confidence < LIKELY.defaultMinConfidence || !shown.has(p.a) || !shown.has(p.b)) continue;
    out.push({ source: p.a, target: p.b, confidence: p.confidence, evidence: p.evidence.map((e) => e.text).join('; ') });
  }
  return out;
}

export function getGraphInsights(db: Db, now = clockNow()): GraphInsights {
  const net = loadNetwork(db);
  const metrics = getMetrics(db, net);
  return computeInsights(net, metrics, now, undefined, communityLabels(db, net, metrics));
}

/** The map of communities a large network opens on (issue 16). */
export function getCommunityMap(db: Db): CommunityMap {
  const net = loadNetwork(db);
  const metrics = getMetrics(db, net);
  return communityMap(net, metrics, communityLabels(db, net, metrics));
}

export function renameGraphCommunity(db: Db, communityId: number, name: string): { label: string; named: boolean } {
  const net = loadNetwork(db);
  return renameCommunity(db, net, getMetrics(db, net), communityId, name);
}
