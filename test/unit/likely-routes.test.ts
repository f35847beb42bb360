// Routes over likely ties (issue 15): on by default, off with the toggle,
// discounted, marked in the hop, and the drafted request asks first.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import { LIKELY } from '../../shared/likelyTies';
import { findIntroRoutes } from '../../main/routes/findRoutes';
import { BASE_WARMTH } from '../../main/routes/warmth';
import { createAffiliation } from '../../main/services/affiliations';
import { createIntroduction } from '../../main/services/introductions';
import { createOrganization } from '../../main/services/organizations';
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
    const cobalt = createOrganization(db, { name: 'Cobalt Software', sizeBand: '11-50' }).id;
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
