// Routes over likely ties (issue 15): on by default, off with the toggle,
// discounted, marked in the hop, and the drafted request asks first.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import { LIKELY } from '../../shared/likelyTies';
import { getGraphData, getGraphInsights } from '../../main/graph/service';
import { findIntroRoutes } from '../../main/routes/findRoutes';
import { BASE_WARMTH } from '../../main/routes/warmth';
import { createAffiliation } from '../../main/services/affiliations';
import { createIntroduction } from '../../main/services/introductions';
import { listLikelyTies } from '../../main/services/likelyTies';
import { createOrganization, updateOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import { createTestDb, removeTempDirs } from '../helpers/db';

let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(removeTempDirs);

describe('routes with likely ties', () => {
  it('use a likely hop at its discount, mark it, and the drafted request asks "Do you know Chen?"', () => {
    const db = createTestDb();
    const me = getMeId(db);
    const tom = createPerson(db, { displayName: 'Tom Reyes' }).id;
    const chen = createPerson(db, { displayName: 'Chen Wei' }).id;
    createTie(db, { personA: me, personB: tom, strength: 4 });
    // A small team: confident enough for routes (1 − e^(−3/3) ≈ 0.63 ≥ 0.4).
    const cobalt = createOrganization(db, { name: 'Cobalt Software', sizeBand: '1-10' }).id;
    const acme = createOrganization(db, { name: 'Acme Labs' }).id;
    createAffiliation(db, { personId: tom, organizationId: cobalt, startDate: '2019-01', endDate: '2021-06' });
    createAffiliation(db, { personId: chen, organizationId: cobalt, startDate: '2018-05', endDate: '2021-12' });
    createAffiliation(db, { personId: chen, organizationId: acme, isHiringManager: true });

    const off = findIntroRoutes(db, { organizationId: acme, likelyTies: false });
    expect(off.kind).toBe('noRoute');

    const on = findIntroRoutes(db, { organizationId: acme });
    expect(on.kind).toBe('found');
    if (on.kind !== 'found') return;
    const route = on.routes[0]!;
    expect(route.personIds).toEqual([me, tom, chen]);
    const hop = route.hops[1]!;
    expect(hop.tieId).toBeNull();
    expect(hop.likely).toMatchObject({ discount: LIKELY.routeDiscount, evidence: ['both at Cobalt Software, 2019–2021'] });
    expect(hop.reason).toContain('Tom probably knows Chen Wei: both at Cobalt Software, 2019–2021');
    expect(hop.warmth).toBeCloseTo(BASE_WARMTH[3]! * LIKELY.routeDiscount, 12);

    const intro = createIntroduction(db, { route: route.personIds, targetOrganizationId: acme });
    expect(intro.message).toContain('Do you know Chen (Chen Wei)? If you do, would you be comfortable introducing us?');
  });
});

describe('the review queue', () => {
  it('puts first the likely tie that opens a route to a target, then the rest by confidence', () => {
    const db = createTestDb();
    const me = getMeId(db);
    const [tom, chen, ana, ben] = ['Tom', 'Chen', 'Ana', 'Ben'].map((n) => createPerson(db, { displayName: n }).id) as [number, number, number, number];
    createTie(db, { personA: me, personB: tom, strength: 4 });
    const small = createOrganization(db, { name: 'Tiny Studio', sizeBand: '1-10' }).id;
    const mid = createOrganization(db, { name: 'Cobalt Software', sizeBand: '11-50' }).id;
    const acme = createOrganization(db, { name: 'Acme Labs' }).id;
    db.prepare('UPDATE organizations SET is_target = 1 WHERE id = ?').run(acme);
    // Ana and Ben: very likely, but no use for Acme. Tom and Chen: less likely, and Chen hires at Acme.
    createAffiliation(db, { personId: ana, organizationId: small, startDate: '2020-01' });
    createAffiliation(db, { personId: ben, organizationId: small, startDate: '2020-01' });
    createAffiliation(db, { personId: tom, organizationId: mid, startDate: '2020-01' });
    createAffiliation(db, { personId: chen, organizationId: mid, startDate: '2020-01' });
    createAffiliation(db, { personId: chen, organizationId: acme, isHiringManager: true });
    const byConfidence = listLikelyTies(db).items.map((t) => [t.a.id, t.b.id]);
    expect(byConfidence[0]).toEqual([ana, ben]);
    const queue = listLikelyTies(db, { order: 'routeGain' }).items;
    expect([queue[0]!.a.id, queue[0]!.b.id]).toEqual([tom, chen].sort((x, y) => x - y));
    expect(queue[0]!.helps).toEqual([{ organizationId: acme, name: 'Acme Labs' }]);
    expect(queue[0]!.routeGain).toBeGreaterThan(0);
    expect(queue.find((t) => t.a.id === ana)!.routeGain).toBe(0);
    expect(queue[0]!.askSize).toEqual([]);
    // With Cobalt's size unknown, the queue asks for it: it would matter for a target.
    updateOrganization(db, mid, { sizeBand: null });
    const asked = listLikelyTies(db, { order: 'routeGain' }).items[0]!;
    expect(asked.askSize).toEqual([{ organizationId: mid, name: 'Cobalt Software' }]);
    expect(listLikelyTies(db, { order: 'routeGain' }).items.find((t) => t.a.id === ana)!.askSize).toEqual([]);
  });
});

describe('the graph', () => {
  it('sends likely ties apart from ties (off with the toggle); insights use confirmed ties only', () => {
    const db = createTestDb();
    const me = getMeId(db);
    const [tom, chen] = ['Tom', 'Chen'].map((n) => createPerson(db, { displayName: n }).id) as [number, number];
    createTie(db, { personA: me, personB: tom, strength: 4 });
    createTie(db, { personA: me, personB: chen, strength: 2 });
    const cobalt = createOrganization(db, { name: 'Cobalt Software', sizeBand: '1-10' }).id;
    for (const p of [tom, chen]) createAffiliation(db, { personId: p, organizationId: cobalt, startDate: '2020-01' });
    const before = getGraphInsights(db);
    const data = getGraphData(db, { mode: { kind: 'whole' } });
    expect(data.edges).toHaveLength(2);
    expect(data.likelyEdges).toEqual([{ source: Math.min(tom, chen), target: Math.max(tom, chen), confidence: Math.round((1 - Math.exp(-3 / 3)) * 1000) / 1000, evidence: 'both at Cobalt Software since 2020' }]);
    expect(getGraphData(db, { mode: { kind: 'whole' }, likelyTies: false }).likelyEdges).toBeUndefined();
    expect(getGraphInsights(db)).toEqual(before);
  });
});
