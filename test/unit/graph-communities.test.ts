// Communities by name and the community map (issue 16): names follow their
// community across recomputation (matched by overlap of at least half), the
// map counts ties between communities, and the metrics are cached on the ties
// only (a journal entry does not recompute them). Real SQLite temp files.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { matchNames } from '../../main/graph/communities';
import { betweenness, getMetrics, whenBetweennessExact } from '../../main/graph/metrics';
import { loadNetwork } from '../../main/graph/network';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createAffiliation } from '../../main/services/affiliations';
import { createEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import type { CommunityMap, GraphData, GraphInsights } from '../../shared/graph';
import { createTestDb, removeTempDirs } from '../helpers/db';

describe('matchNames', () => {
  const current = new Map([
    [0, [1, 2, 3, 4, 5, 6]],
    [1, [7, 8, 9]],
    [2, [10, 11]],
  ]);
  it('a name goes to the community holding at least half of its members, largest overlap first, once each', () => {
    const matched = matchNames(current, [
      { name: 'grew', members: [1, 2] },
      { name: 'split', members: [7, 8, 10, 11] },
      { name: 'scattered', members: [1, 7, 10, 20] },
      { name: 'also 0', members: [3] },
    ]);
    // 'grew' (2 of 2) and 'also 0' (1 of 1) both hold community 0: the larger overlap wins.
    expect(matched.get(0)).toBe(0);
    // 'split': half in 1, half in 2; the tie goes to the smaller community id.
    expect(matched.get(1)).toBe(1);
    expect(matched.has(2)).toBe(false);
    expect([...matched.values()]).not.toContain(2);
  });
  it('names of gone communities match nothing', () => {
    expect(matchNames(current, [{ name: 'gone', members: [50, 51, 52, 1] }]).size).toBe(0);
    expect(matchNames(current, [{ name: 'empty', members: [] }]).size).toBe(0);
  });
});

describe('community names and the map over a real database', () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });
  afterEach(() => db.close());

  /** Two groups of five, all tied inside (strength 4), one weak tie between them; the first group at Pinecone Health. */
  function twoGroups() {
    const pinecone = createOrganization(db, { name: 'Pinecone Health' }).id;
    const group = (prefix: string) => Array.from({ length: 5 }, (_, i) => createPerson(db, { displayName: `${prefix} ${i}` }).id);
    const a = group('A');
    const b = group('B');
    for (const g of [a, b]) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) createTie(db, { personA: g[i]!, personB: g[j]!, strength: 4 });
    createTie(db, { personA: a[0]!, personB: b[0]!, strength: 1 });
    for (const id of a.slice(0, 3)) createAffiliation(db, { personId: id, organizationId: pinecone });
    return { a, b };
  }

  it('default name, rename, the name following its community after a recomputation, and back to the default', async () => {
    const dispatch = createDispatcher(createHandlers({ db, dataDir: '/nonexistent' }));
    const { a, b } = twoGroups();
    const map = ((await dispatch('graph:communityMap', {})) as { value: CommunityMap }).value;
    const ofA = map.communities.find((c) => c.topPeople.some((p) => a.includes(p.id)))!;
    expect(ofA).toMatchObject({ size: 5, label: 'Around Pinecone Health', named: false });
    expect(map.links).toEqual([{ a: Math.min(map.communities[0]!.id, map.communities[1]!.id), b: Math.max(map.communities[0]!.id, map.communities[1]!.id), ties: 1, weak: 1 }]);

    expect(await dispatch('graph:renameCommunity', { communityId: ofA.id, name: '  Hospital friends ' })).toEqual({ ok: true, value: { label: 'Hospital friends', named: true } });
    // Group A grows by three people: Louvain's ranks change (A is now the largest), the name stays with A.
    for (let i = 0; i < 3; i++) {
      const n = createPerson(db, { displayName: `A new ${i}` }).id;
      for (const m of a) createTie(db, { personA: n, personB: m, strength: 4 });
    }
    const after = ((await dispatch('graph:communityMap', {})) as { value: CommunityMap }).value;
    const aNow = after.communities.find((c) => c.topPeople.some((p) => a.includes(p.id)))!;
    const bNow = after.communities.find((c) => c.topPeople.some((p) => b.includes(p.id)))!;
    expect(aNow).toMatchObject({ size: 8, label: 'Hospital friends', named: true });
    expect(bNow.named).toBe(false);
    const insights = ((await dispatch('graph:insights', {})) as { value: GraphInsights }).value;
    expect(insights.communities.find((c) => c.id === aNow.id)!.label).toBe('Hospital friends');
    // The community view shows its people.
    const people = ((await dispatch('graph:data', { mode: { kind: 'community', communityId: aNow.id } })) as { value: GraphData }).value;
    expect(people.nodes).toHaveLength(8);

    expect(await dispatch('graph:renameCommunity', { communityId: aNow.id, name: '' })).toEqual({ ok: true, value: { label: 'Around Pinecone Health', named: false } });
    expect(await dispatch('graph:renameCommunity', { communityId: 999, name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('graph:renameCommunity', { communityId: aNow.id, name: '\u0000' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('metrics are cached on the ties: a journal entry keeps them, a new tie recomputes them', () => {
    const { a, b } = twoGroups();
    const first = getMetrics(db, loadNetwork(db));
    createEntry(db, { occurredAt: '2026-11-01T12:00', kind: 'call', participantIds: [a[1]!] });
    expect(getMetrics(db, loadNetwork(db))).toBe(first);
    createTie(db, { personA: getMeId(db), personB: b[2]!, strength: 3 });
    expect(getMetrics(db, loadNetwork(db))).not.toBe(first);
  });
});

describe('exact betweenness in a worker thread (issue 16)', () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });
  afterEach(() => db.close());

  it('above the exact limit: an estimate at once, the exact values from the worker, kept across a journal entry', async () => {
    // A chain of five cliques of six joined in a ring: clear bridges, 31 people with me.
    const me = getMeId(db);
    const people = Array.from({ length: 30 }, (_, i) => createPerson(db, { displayName: `P${i}` }).id);
    for (let c = 0; c < 5; c++) {
      const group = people.slice(6 * c, 6 * c + 6);
      for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) createTie(db, { personA: group[i]!, personB: group[j]!, strength: 3 });
      createTie(db, { personA: group[0]!, personB: people[(6 * c + 6) % 30]!, strength: 1 });
    }
    createTie(db, { personA: me, personB: people[3]!, strength: 4 });
    const net = loadNetwork(db);
    const first = getMetrics(db, net, 10);
    // Not blocked on the exact values: an estimate, flagged.
    expect(first.sampled).toBe(true);
    await whenBetweennessExact(db);
    const exact = getMetrics(db, loadNetwork(db), 10);
    expect(exact.sampled).toBe(false);
    // Equal to graphology-metrics' exact Brandes.
    const reference = betweenness({ nodes: net.people.map((p) => p.id), edges: net.ties.map((t) => ({ a: t.a, b: t.b })) }, { exactLimit: 1_000 }).values;
    for (const [id, v] of reference) expect(exact.betweenness.get(id)).toBeCloseTo(v, 12);
    // A journal entry keeps them; the insights say the ranking is exact.
    createEntry(db, { occurredAt: '2026-11-01T12:00', kind: 'call', participantIds: [people[1]!] });
    expect(getMetrics(db, loadNetwork(db), 10)).toBe(exact);
    // A new tie starts over: an estimate again, then exact again.
    createTie(db, { personA: people[2]!, personB: people[20]!, strength: 2 });
    expect(getMetrics(db, loadNetwork(db), 10).sampled).toBe(true);
    await whenBetweennessExact(db);
    expect(getMetrics(db, loadNetwork(db), 10).sampled).toBe(false);
  });
});

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
