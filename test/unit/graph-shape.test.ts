// Graph view data shaping and insights (issue 5): filters, ego and
// organization extraction, the insights, on small known networks; then the
// channels over a real database.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { computeInsights, DORMANT_DAYS } from '../../main/graph/insights';
import { computeMetrics } from '../../main/graph/metrics';
import type { Network, NetTie } from '../../main/graph/network';
import { daysSince, shapeGraph, withinHops, adjacencyOf } from '../../main/graph/shape';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createAffiliation } from '../../main/services/affiliations';
import { createOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import { GRAPH_LAYOUT_VERSION, type GraphData, type GraphInsights, type GraphPositions } from '../../shared/graph';
import { POSITIONS_KEY, POSITIONS_LAYOUT_KEY } from '../../main/graph/positions';
import { getSetting, setSetting } from '../../main/services/settings';
import { createTestDb, removeTempDirs } from '../helpers/db';

const NOW = new Date('2025-06-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

// Me (1) — strong — 2 — weak — 3 — strong — 4;  me — weak — 5 (quiet 3 years) — strong — 6;  7 alone.
// Orgs: 10 = {2}, 20 = {4}, 30 = {6}. Tags: 2 and 4 "design".
function smallNetwork(): Network {
  const tie = (id: number, a: number, b: number, strength: number, quietDays: number): NetTie => ({
    id, a, b, strength, lastContact: quietDays < 10_000 ? ago(quietDays) : null, quietSince: ago(Math.min(quietDays, 9_000)),
  });
  return {
    meId: 1,
    people: [
      { id: 1, name: 'Me', headline: '', isMe: true, orgIds: [], tags: [] },
      { id: 2, name: 'Ana', headline: '', isMe: false, orgIds: [10], tags: ['design'] },
      { id: 3, name: 'Ben', headline: '', isMe: false, orgIds: [], tags: [] },
      { id: 4, name: 'Cy', headline: '', isMe: false, orgIds: [20], tags: ['Design'] },
      { id: 5, name: 'Dee', headline: '', isMe: false, orgIds: [], tags: [] },
      { id: 6, name: 'Eve', headline: '', isMe: false, orgIds: [30], tags: [] },
      { id: 7, name: 'Fay', headline: '', isMe: false, orgIds: [], tags: [] },
    ],
    ties: [tie(100, 1, 2, 5, 10), tie(101, 2, 3, 1, 20), tie(102, 3, 4, 4, 30), tie(103, 1, 5, 2, 3 * 365), tie(104, 5, 6, 4, 40)],
    organizations: new Map([
      [10, 'Acme'],
      [20, 'Globex'],
      [30, 'Initech'],
    ]),
  };
}

const ids = (d: GraphData) => d.nodes.map((n) => n.id).sort((a, b) => a - b);
const tieIds = (d: GraphData) => d.edges.map((e) => e.id).sort((a, b) => a - b);

describe('shapeGraph', () => {
  const net = smallNetwork();
  const metrics = computeMetrics(net);
  const shape = (mode: Parameters<typeof shapeGraph>[1]['mode'], filters = {}) => shapeGraph(net, { mode, filters, now: NOW, metrics });

  it('whole network: everyone not archived, every tie, primary organizations, encodings data', () => {
    const d = shape({ kind: 'whole' });
    expect(ids(d)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tieIds(d)).toEqual([100, 101, 102, 103, 104]);
    expect(d.organizations.map((o) => o.name)).toEqual(['Acme', 'Globex', 'Initech']);
    expect(d.nodes.find((n) => n.id === 2)).toMatchObject({ orgId: 10, isMe: false, tags: ['design'] });
    expect(d.edges.find((e) => e.id === 103)!.quietDays).toBe(3 * 365);
    expect(d.centreId).toBeNull();
    // Ben (3) lies between Ana's side and Cy: positive betweenness; Fay has none.
    expect(d.nodes.find((n) => n.id === 3)!.betweenness).toBeGreaterThan(0);
    expect(d.nodes.find((n) => n.id === 7)!.betweenness).toBe(0);
  });

  it('ego network: 1, 2 and 3 hops from me by default, from anyone on request', () => {
    expect(ids(shape({ kind: 'ego', hops: 1 }))).toEqual([1, 2, 5]);
    expect(ids(shape({ kind: 'ego' }))).toEqual([1, 2, 3, 5, 6]);
    expect(ids(shape({ kind: 'ego', hops: 3 }))).toEqual([1, 2, 3, 4, 5, 6]);
    const fromCy = shape({ kind: 'ego', personId: 4, hops: 1 });
    expect(ids(fromCy)).toEqual([3, 4]);
    expect(fromCy.nodes.find((n) => n.id === 4)!.focus).toBe(true);
    expect(fromCy.centreId).toBe(4);
    expect(ids(shape({ kind: 'ego', personId: 7, hops: 2 }))).toEqual([7]);
  });

  it('organization view: its people and everyone within 2 hops of them', () => {
    const d = shape({ kind: 'org', organizationId: 20 });
    expect(ids(d)).toEqual([2, 3, 4]);
    expect(d.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual([4]);
    expect(ids(shape({ kind: 'org', organizationId: 999 }))).toEqual([]);
  });

  it('minimum strength and weak ties only remove ties, then people left without one (me stays)', () => {
    const strong = shape({ kind: 'whole' }, { minStrength: 4 });
    expect(tieIds(strong)).toEqual([100, 102, 104]);
    expect(ids(strong)).toEqual([1, 2, 3, 4, 5, 6]);
    const weak = shape({ kind: 'whole' }, { weakOnly: true });
    expect(tieIds(weak)).toEqual([101, 103]);
    expect(ids(weak)).toEqual([1, 2, 3, 5]);
  });

  it('last contact: hides ties quiet for longer than asked', () => {
    const d = shape({ kind: 'whole' }, { quietDays: 2 * 365 });
    expect(tieIds(d)).toEqual([100, 101, 102, 104]);
    // The ego view follows only the ties shown: Dee is no longer within reach of me.
    expect(ids(shape({ kind: 'ego', hops: 1 }, { quietDays: 2 * 365 }))).toEqual([1, 2]);
  });

  it('tags (case-insensitive) and organizations keep matching people and me', () => {
    expect(ids(shape({ kind: 'whole' }, { tags: ['DESIGN'] }))).toEqual([1, 2, 4]);
    expect(tieIds(shape({ kind: 'whole' }, { tags: ['design'] }))).toEqual([100]);
    expect(ids(shape({ kind: 'whole' }, { organizationIds: [30, 20] }))).toEqual([1, 4, 6]);
    // The ego centre is kept even when a filter would drop it.
    expect(ids(shape({ kind: 'ego', personId: 3, hops: 1 }, { tags: ['design'] }))).toEqual([2, 3, 4]);
  });

  it('withinHops and daysSince', () => {
    const adj = adjacencyOf([1, 2, 3], [{ id: 1, a: 1, b: 2, strength: 3, lastContact: null, quietSince: '' }]);
    expect([...withinHops(adj, [1], 0)]).toEqual([1]);
    expect([...withinHops(adj, [1, 99], 3)].sort()).toEqual([1, 2]);
    expect(daysSince('2024-06-01', NOW)).toBe(365);
    expect(daysSince('2019', NOW)).toBeGreaterThan(5 * 365);
    expect(daysSince('not a date', NOW)).toBe(0);
    expect(daysSince('2030-01-01', NOW)).toBe(0);
  });
});

describe('computeInsights', () => {
  it('bridges, organizations only weak ties reach, communities and dormant weak ties', () => {
    const net = smallNetwork();
    const insights = computeInsights(net, computeMetrics(net), NOW);
    // 2 and 3 carry every path between me's side and Cy; 5 carries me ↔ 6.
    expect(insights.bridges.map((b) => b.id)).toEqual([2, 3, 5]);
    expect(insights.bridges.every((b) => b.betweenness > 0)).toBe(true);
    // Acme (Ana) is reached over a strong tie; Globex (via Ana, then weak 2–3) and Initech (via weak me–Dee) only over weak ones.
    expect(insights.weakOnlyOrganizations.map((o) => [o.name, o.via?.name])).toEqual([
      ['Globex', 'Ana'],
      ['Initech', 'Dee'],
    ]);
    // The way in (issue 16): me, my neighbour, …, the nearest of its people; it crosses a weak tie.
    expect(insights.weakOnlyOrganizations.map((o) => o.path)).toEqual([
      [1, 2, 3, 4],
      [1, 5, 6],
    ]);
    // A bridge joins its own community and its neighbours'.
    expect(insights.bridges[0]!.communityIds.length).toBe(insights.bridges[0]!.communities);
    expect(insights.dormantWeakTies.map((t) => [t.name, t.strength])).toEqual([['Dee', 2]]);
    expect(insights.dormantWeakTies[0]!.quietDays).toBeGreaterThan(DORMANT_DAYS);
    const members = insights.communities.flatMap((c) => c.memberIds);
    expect(new Set(members).size).toBe(members.length);
    expect(insights.communities.every((c) => c.size === c.memberIds.length && c.label.startsWith('Around '))).toBe(true);
  });
});

describe('graph channels over a real database', () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });
  afterEach(() => db.close());

  it('graph:data, graph:insights and positions round trip; invalid input changes nothing', async () => {
    const dispatch = createDispatcher(createHandlers({ db, dataDir: '/nonexistent' }));
    const me = getMeId(db);
    const ana = createPerson(db, { displayName: 'Ana' }).id;
    const ben = createPerson(db, { displayName: 'Ben' }).id;
    const acme = createOrganization(db, { name: 'Acme' }).id;
    createAffiliation(db, { personId: ben, organizationId: acme });
    createTie(db, { personA: me, personB: ana, strength: 4 });
    createTie(db, { personA: ana, personB: ben, strength: 1 });

    const whole = await dispatch('graph:data', { mode: { kind: 'whole' } });
    expect(whole.ok).toBe(true);
    const data = (whole as { value: GraphData }).value;
    expect(data.nodes.map((n) => n.name).sort()).toEqual(['Ana', 'Ben', 'Me']);
    expect(data.edges).toHaveLength(2);
    expect(data.nodes.find((n) => n.id === ana)!.betweenness).toBeCloseTo(1, 6);

    const ego = (await dispatch('graph:data', { mode: { kind: 'ego', hops: 1 } })) as { value: GraphData };
    expect(ego.value.nodes.map((n) => n.id).sort((a, b) => a - b)).toEqual([me, ana]);

    const insights = (await dispatch('graph:insights', {})) as { ok: true; value: GraphInsights };
    expect(insights.value.weakOnlyOrganizations.map((o) => o.name)).toEqual(['Acme']);
    expect(insights.value.bridges[0]!.id).toBe(ana);

    expect(await dispatch('graph:positions', {})).toEqual({ ok: true, value: { ids: [], xy: [] } });
    expect(await dispatch('graph:savePositions', { positions: { ids: [me, ana], xy: [0, 0, 10.123, -5] } })).toEqual({ ok: true, value: { saved: 2 } });
    expect(await dispatch('graph:savePositions', { positions: { ids: [ben], xy: [3, 4] } })).toEqual({ ok: true, value: { saved: 3 } });
    const saved = (await dispatch('graph:positions', {})) as { value: GraphPositions };
    expect(saved.value).toEqual({ ids: [me, ana, ben], xy: [0, 0, 10.12, -5, 3, 4] });

    const bad = await dispatch('graph:savePositions', { positions: { ids: [me], xy: [1] } });
    expect(bad.ok).toBe(false);
    expect(await dispatch('graph:data', { mode: { kind: 'ego', hops: 4 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('graph:data', { mode: { kind: 'ego', personId: 9999 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('graph:data', { mode: { kind: 'org', organizationId: 9999 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(((await dispatch('graph:positions', {})) as { value: GraphPositions }).value.ids).toHaveLength(3);
  });

  it('metrics follow changes to ties', async () => {
    const dispatch = createDispatcher(createHandlers({ db, dataDir: '/nonexistent' }));
    const me = getMeId(db);
    const a = createPerson(db, { displayName: 'A' }).id;
    const b = createPerson(db, { displayName: 'B' }).id;
    createTie(db, { personA: me, personB: a, strength: 3 });
    const before = ((await dispatch('graph:data', { mode: { kind: 'whole' } })) as { value: GraphData }).value;
    expect(before.nodes.find((n) => n.id === a)!.betweenness).toBe(0);
    createTie(db, { personA: a, personB: b, strength: 3 });
    const after = ((await dispatch('graph:data', { mode: { kind: 'whole' } })) as { value: GraphData }).value;
    expect(after.nodes.find((n) => n.id === a)!.betweenness).toBeGreaterThan(0);
  });

  it('positions saved by the old layout read as none, once; the new layout\'s stay and merge (issue 16)', async () => {
    const dispatch = createDispatcher(createHandlers({ db, dataDir: '/nonexistent' }));
    const me = getMeId(db);
    const ana = createPerson(db, { displayName: 'Ana' }).id;
    // As saved before issue 16: positions and no layout version.
    setSetting(db, POSITIONS_KEY, { ids: [me, ana], xy: [1, 2, 3, 4] });
    expect(await dispatch('graph:positions', {})).toEqual({ ok: true, value: { ids: [], xy: [] } });
    // A merge does not revive the old layout's positions.
    expect(await dispatch('graph:savePositions', { positions: { ids: [ana], xy: [5, 6] } })).toEqual({ ok: true, value: { saved: 1 } });
    expect(await dispatch('graph:positions', {})).toEqual({ ok: true, value: { ids: [ana], xy: [5, 6] } });
    expect(await dispatch('graph:savePositions', { positions: { ids: [me, ana], xy: [0, 0, 7, 8] }, replace: true })).toEqual({ ok: true, value: { saved: 2 } });
    expect(getSetting(db, POSITIONS_LAYOUT_KEY, 0)).toBe(GRAPH_LAYOUT_VERSION);
    // Stable from one opening to the next.
    expect(await dispatch('graph:positions', {})).toEqual({ ok: true, value: { ids: [me, ana], xy: [0, 0, 7, 8] } });
  });
});

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
