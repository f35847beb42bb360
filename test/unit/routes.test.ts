// Introduction routes (issue 4): the documented numbers, the sentences, every
// edge case, the IPC channel, and the freshness of the route index.
import { fixedClock, nowIso, setClock } from '../../shared/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatch';
import { findIntroRoutes, describeAgo } from '../../main/routes/findRoutes';
import { routeIndexStats } from '../../main/routes/graph';
import {
  affiliationFit,
  BASE_WARMTH,
  bestFit,
  cost,
  costUnits,
  FIT,
  routeKey,
  hopWarmth,
  quietFactor,
  QUIET_FLOOR,
} from '../../main/routes/warmth';
import { createAffiliation } from '../../main/services/affiliations';
import { createEntry } from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import { RoutesQuery, type RoutesResult } from '../../shared/routes';
import { createTestDb, removeTempDirs, makeTempDir } from '../helpers/db';

const NOW = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString().slice(0, 10);

let db: Db;
let restoreClock: () => void;
beforeEach(() => {
  // "last talked 3 weeks ago" is between local dates in the user's zone: pinned, with NOW.
  restoreClock = setClock(fixedClock(NOW, 'Europe/Berlin'));
  db = createTestDb();
});
afterEach(() => {
  db.close();
  restoreClock();
});

function person(name: string): number {
  return createPerson(db, { displayName: name }).id;
}
function journal(on: string, ...people: number[]): void {
  const now = nowIso();
  const id = Number(
    db.prepare(`INSERT INTO interactions (occurred_at, kind, created_at, updated_at) VALUES (?, 'coffee', ?, ?)`).run(on, now, now).lastInsertRowid,
  );
  for (const p of people) db.prepare('INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)').run(id, p);
}
function routesOf(r: RoutesResult) {
  return r.kind === 'found' || r.kind === 'direct' ? r.routes : [];
}

/** Me —4— Tom —3— Ana (hiring manager at Acme Labs); Me —2— Lee —5— Bo (employee at Acme Labs). */
function acme() {
  const me = getMeId(db);
  const tom = person('Tom Reyes');
  const ana = person('Ana Silva');
  const lee = person('Lee Park');
  const bo = person('Bo Chen');
  const org = createOrganization(db, { name: 'Acme Labs' }).id;
  createAffiliation(db, { personId: ana, organizationId: org, title: 'Engineering Manager', isHiringManager: true });
  createAffiliation(db, { personId: bo, organizationId: org, title: 'Engineer' });
  createTie(db, { personA: me, personB: tom, strength: 4 });
  createTie(db, { personA: tom, personB: ana, strength: 3, context: 'Worked together at Acme Labs' });
  createTie(db, { personA: me, personB: lee, strength: 2 });
  createTie(db, { personA: lee, personB: bo, strength: 5 });
  journal(daysAgo(21), tom);
  journal(daysAgo(10), lee);
  return { me, tom, ana, lee, bo, org };
}

describe('warmth numbers (DESIGN.md, "Tie strength and route warmth")', () => {
  it('base warmth by strength', () => {
    expect(BASE_WARMTH).toEqual({ 5: 0.9, 4: 0.75, 3: 0.6, 2: 0.4, 1: 0.2 });
    expect(hopWarmth(4, null)).toBe(0.75);
    expect(() => hopWarmth(6, null)).toThrow(RangeError);
  });

  it('quiet ties decay gently after 90 days, with a half-life of a year, never below half', () => {
    expect(quietFactor(0)).toBe(1);
    expect(quietFactor(90)).toBe(1);
    expect(quietFactor(90 + 365)).toBeCloseTo(0.75, 12);
    expect(quietFactor(90 + 730)).toBeCloseTo(0.625, 12);
    expect(quietFactor(10_000)).toBeGreaterThan(QUIET_FLOOR);
    expect(quietFactor(10_000)).toBeCloseTo(QUIET_FLOOR, 6);
    expect(hopWarmth(4, 90 + 365)).toBeCloseTo(0.5625, 12);
  });

  it('fit: hiring manager, recruiter, referrer, employee, former employee', () => {
    expect(FIT).toEqual({ target_person: 1, hiring_manager: 1, recruiter: 0.9, referrer: 0.75, employee: 0.6, former_employee: 0.3 });
    const a = { current: true, isHiringManager: false, isRecruiter: false, isReferrer: false };
    expect(affiliationFit({ ...a, isHiringManager: true, isRecruiter: true })).toBe('hiring_manager');
    expect(affiliationFit({ ...a, isRecruiter: true })).toBe('recruiter');
    expect(affiliationFit({ ...a, isReferrer: true })).toBe('referrer');
    expect(affiliationFit(a)).toBe('employee');
    expect(affiliationFit({ ...a, current: false, isHiringManager: true })).toBe('former_employee');
    expect(bestFit(['former_employee', 'employee', 'recruiter'])).toBe('recruiter');
  });

  it('a route cost is summed first, then rounded once, so equal routes tie exactly', () => {
    expect(Number.isInteger(costUnits(cost(0.6)))).toBe(true);
    expect(Object.is(cost(1), 0)).toBe(true);
    expect(costUnits(cost(0.75) + cost(0.6))).toBe(costUnits(cost(0.6) + cost(0.75)));
    expect(routeKey(cost(0.75) + cost(0.6), 2)).toBe(costUnits(cost(0.45)) * 16 + 2);
  });

  it('"ago" wording', () => {
    expect(describeAgo(daysAgo(0), NOW)).toBe('today');
    expect(describeAgo(daysAgo(1), NOW)).toBe('yesterday');
    expect(describeAgo(daysAgo(5), NOW)).toBe('5 days ago');
    expect(describeAgo(daysAgo(21), NOW)).toBe('3 weeks ago');
    // By the calendar: 2025-02-01 to 2025-06-01 is 120 days and 4 whole months.
    expect(describeAgo(daysAgo(120), NOW)).toBe('4 months ago');
    expect(describeAgo('2025-02-02', NOW)).toBe('3 months ago');
    // A journal time is its own local date; an instant is read in the user's zone.
    expect(describeAgo('2025-05-31T23:30', NOW)).toBe('yesterday');
    expect(describeAgo(daysAgo(800), NOW)).toBe('2 years ago');
  });
});

describe('findIntroRoutes', () => {
  it('ranks routes to an organization by warmth × fit and explains each one', () => {
    const { me, tom, ana, lee, bo, org } = acme();
    const r = findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(r.kind).toBe('found');
    // The default goal is the hiring manager: Bo (an employee) is not an answer to it.
    expect(r).toMatchObject({ goal: 'hiring_manager', goalFallback: false });
    expect(routesOf(r).map((x) => x.personIds)).toEqual([[me, tom, ana]]);
    const routes = routesOf(findIntroRoutes(db, { organizationId: org, goal: 'anyone' }, { now: NOW }));
    expect(routes.map((x) => x.personIds)).toEqual([
      [me, tom, ana],
      [me, lee, bo],
    ]);
    const [best, second] = routes;
    expect(best!.warmth).toBeCloseTo(0.75 * 0.6 * 1, 12);
    expect(best!.warmthPercent).toBe(45);
    expect(best!.fit).toBe('hiring_manager');
    expect(best!.why).toBe(
      'Tom Reyes — strength 4, last talked 3 weeks ago; Tom knows Ana Silva — strength 3, worked together at Acme Labs; Ana is a hiring manager at Acme Labs.',
    );
    expect(best!.hops[0]).toMatchObject({ from: { id: me, name: 'Me' }, to: { id: tom, name: 'Tom Reyes' }, strength: 4, lastContact: daysAgo(21), warmth: 0.75 });
    expect(best!.hops[1]).toMatchObject({ strength: 3, context: 'Worked together at Acme Labs', lastContact: null, quietFactor: 1 });
    expect(second!.warmth).toBeCloseTo(0.4 * 0.9 * 0.6, 12);
    expect(second!.why).toMatch(/Bo works at Acme Labs\.$/);
    expect(r.message).toBe('1 route to Acme Labs; the warmest (45%) goes through Tom Reyes. Goal: a hiring manager.');
  });

  it('lowers quiet ties of mine, and says when we last talked', () => {
    const { tom, org } = acme();
    journal(daysAgo(90 + 365 + 30), tom); // older than the 3-weeks entry: changes nothing
    let best = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }))[0]!;
    expect(best.hops[0]!.quietFactor).toBe(1);
    db.prepare('UPDATE interactions SET deleted_at = ? WHERE occurred_at = ?').run(NOW.toISOString(), daysAgo(21));
    best = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }))[0]!;
    expect(best.hops[0]!.quietFactor).toBeCloseTo(quietFactor(90 + 365 + 30), 12);
    expect(best.hops[0]!.warmth).toBeCloseTo(0.75 * quietFactor(485), 12);
    expect(best.hops[0]!.reason).toBe('Tom Reyes — strength 4, last talked 15 months ago');
  });

  it('my quiet ties count calendar days in my time zone, from the journal\'s own local date (or the day the tie was recorded)', () => {
    // 22:30 UTC on 1 June is already 2 June in Berlin: today is 2025-06-02, and 2025-03-03 is 91 days before it.
    const restore = setClock(fixedClock('2025-06-01T22:30:00Z', 'Europe/Berlin'));
    try {
      const me = getMeId(db);
      const org = createOrganization(db, { name: 'Epsilon' }).id;
      const contact = (name: string, when: string | null): number => {
        const p = person(name);
        createTie(db, { personA: me, personB: p, strength: 4 });
        createAffiliation(db, { personId: p, organizationId: org, isHiringManager: true });
        if (when) createEntry(db, { occurredAt: when, kind: 'call', participantIds: [p] });
        return p;
      };
      const evening = contact('Eve Evening', '2025-03-03T23:30'); // 90 days and 0 hours before now, but 91 calendar days
      const dateOnly = contact('Dee Dateonly', '2025-03-03');
      const recent = contact('Rae Recent', '2025-03-04'); // 90 days: no decay yet
      const recorded = contact('Ray Recorded', null);
      // No journal entry: the quiet clock starts on the day the tie was recorded (00:30 on 3 March in Berlin).
      db.prepare('UPDATE ties SET created_at = ? WHERE person_a = ? OR person_b = ?').run('2025-03-02T23:30:00.000Z', recorded, recorded);
      const r = findIntroRoutes(db, { organizationId: org, k: 10 });
      const quiet = new Map(routesOf(r).map((x) => [x.personIds[1]!, x.hops[0]!.quietFactor]));
      expect(quiet.get(recent)).toBe(1);
      for (const p of [evening, dateOnly, recorded]) expect(quiet.get(p)).toBeCloseTo(quietFactor(91), 12);
    } finally {
      restore();
    }
  });

  it('a hop between two other people shows their latest journal entry together', () => {
    const { tom, ana, org } = acme();
    journal(daysAgo(40), tom, ana);
    const best = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }))[0]!;
    expect(best.hops[1]!.lastContact).toBe(daysAgo(40));
  });

  it('respects k and the hop limit', () => {
    const { me, tom, ana, org } = acme();
    expect(routesOf(findIntroRoutes(db, { organizationId: org, k: 1 }, { now: NOW })).map((x) => x.personIds)).toEqual([[me, tom, ana]]);
    const r = findIntroRoutes(db, { organizationId: org, maxHops: 1, goal: 'anyone' }, { now: NOW });
    expect(r).toMatchObject({ kind: 'noRoute', eligiblePeople: 2, maxHops: 1 });
    expect(findIntroRoutes(db, { organizationId: org }, { now: NOW }).maxHops).toBe(4);
    expect(r.message).toContain('within 1 hops');
  });

  it('ties at the k-th place go to the lower person ids, whatever order the ties were recorded in', () => {
    const me = getMeId(db);
    const a = person('A');
    const b = person('B');
    const t = person('Target');
    // B's ties first, so a search that stops at the first equal route would find B.
    createTie(db, { personA: b, personB: t, strength: 3 });
    createTie(db, { personA: me, personB: b, strength: 3 });
    createTie(db, { personA: a, personB: t, strength: 3 });
    createTie(db, { personA: me, personB: a, strength: 3 });
    const routes = routesOf(findIntroRoutes(db, { personId: t, k: 1 }, { now: NOW }));
    expect(routes.map((x) => x.personIds)).toEqual([[me, a, t]]);
    expect(routesOf(findIntroRoutes(db, { personId: t, k: 2 }, { now: NOW })).map((x) => x.personIds)).toEqual([
      [me, a, t],
      [me, b, t],
    ]);
  });

  it('never routes through or to archived people', () => {
    const { me, tom, lee, bo, org } = acme();
    archivePerson(db, tom);
    expect(routesOf(findIntroRoutes(db, { organizationId: org, goal: 'anyone' }, { now: NOW })).map((x) => x.personIds)).toEqual([[me, lee, bo]]);
    archivePerson(db, bo);
    const r = findIntroRoutes(db, { organizationId: org, goal: 'anyone' }, { now: NOW });
    expect(r).toMatchObject({ kind: 'noRoute', eligiblePeople: 1 });
  });

  it('a direct tie is answered clearly and still returned as a 1-hop route', () => {
    const { me, tom, ana } = acme();
    createTie(db, { personA: me, personB: ana, strength: 1 });
    const r = findIntroRoutes(db, { personId: ana }, { now: NOW });
    expect(r.kind).toBe('direct');
    if (r.kind !== 'direct') return;
    expect(r.directRoute.personIds).toEqual([me, ana]);
    expect(r.directRoute.warmth).toBeCloseTo(0.2, 12);
    // The introduction through Tom (0.75 × 0.6 = 0.45) is warmer than a cold message (0.2).
    expect(r.routes.map((x) => x.personIds)).toEqual([
      [me, tom, ana],
      [me, ana],
    ]);
    expect(r.message).toMatch(/^You know Ana Silva directly \(strength 1, no journal entry yet\), so you can reach out yourself\. A warmer way in/);
    const k1 = findIntroRoutes(db, { personId: ana, k: 1 }, { now: NOW });
    expect(k1.kind === 'direct' && k1.directRoute.rank).toBe(null);
  });

  it('unknown targets are NOT_FOUND; me and archived people are CONFLICT', () => {
    const { tom } = acme();
    expect(() => findIntroRoutes(db, { organizationId: 9999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => findIntroRoutes(db, { personId: 9999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => findIntroRoutes(db, { personId: getMeId(db) })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('That is you') }));
    archivePerson(db, tom);
    expect(() => findIntroRoutes(db, { personId: tom })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('archived') }));
  });

  it('an organization with nobody at it, or only archived people, says so', () => {
    const empty = createOrganization(db, { name: 'Nobody Inc' }).id;
    expect(findIntroRoutes(db, { organizationId: empty })).toMatchObject({ kind: 'noPeople', archivedPeople: 0 });
    const x = person('X');
    createAffiliation(db, { personId: x, organizationId: empty });
    // The same person there twice (two jobs) is one person.
    createAffiliation(db, { personId: x, organizationId: empty, title: 'Earlier job', current: false });
    archivePerson(db, x);
    const r = findIntroRoutes(db, { organizationId: empty });
    expect(r).toMatchObject({ kind: 'noPeople', archivedPeople: 1 });
    expect(r.message).toContain('archived (1 person)');
  });

  it('a person nobody connects to: noRoute', () => {
    acme();
    const loner = person('Loner');
    expect(findIntroRoutes(db, { personId: loner })).toMatchObject({ kind: 'noRoute', eligiblePeople: 1 });
  });

  it('former employees fit less than current ones, and a current role counts over a former one', () => {
    const me = getMeId(db);
    const org = createOrganization(db, { name: 'Beta' }).id;
    const f = person('Former');
    createAffiliation(db, { personId: f, organizationId: org, current: false, isHiringManager: true });
    createTie(db, { personA: me, personB: f, strength: 5 });
    // Only a former employee there: no goal is met, and the former employee is offered, labelled.
    const r = findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(r).toMatchObject({ kind: 'noGoalPerson', goal: 'anyone', goalFallback: true });
    if (r.kind !== 'noGoalPerson') return;
    expect(r.alternatives.map((a) => a.label)).toEqual(['A former employee']);
    const alt = r.alternatives[0]!.route;
    expect(alt.fit).toBe('former_employee');
    expect(alt.why).toMatch(/Former used to work at Beta\.$/);
    createAffiliation(db, { personId: f, organizationId: org, isRecruiter: true });
    const best = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }))[0]!;
    expect(best.fit).toBe('recruiter');
    expect(best.warmth).toBeCloseTo(0.9 * 0.9, 12);
  });
});

describe('goals (issue 12)', () => {
  it('a route ends at the first person meeting the goal; introducers at the target are named', () => {
    const { me, tom, ana, lee, bo, org } = acme();
    // Bo (an employee there) also knows Ana: me → Lee → Bo → Ana reaches the hiring manager through Bo.
    createTie(db, { personA: bo, personB: ana, strength: 5 });
    const hm = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }));
    expect(hm.map((x) => x.personIds)).toEqual([
      [me, tom, ana],
      [me, lee, bo, ana],
    ]);
    expect(hm[1]!.hops[1]!.reason).toBe('Lee knows Bo Chen — strength 5 (Bo works at Acme Labs too)');
    // Under "anyone there", Bo ends the route: no route goes on through him to Ana.
    const anyone = routesOf(findIntroRoutes(db, { organizationId: org, goal: 'anyone' }, { now: NOW }));
    expect(anyone.map((x) => x.personIds)).toEqual([
      [me, tom, ana],
      [me, lee, bo],
    ]);
  });

  it('falls back from hiring manager to hiring manager or recruiter, then anyone, and says so', () => {
    const me = getMeId(db);
    const org = createOrganization(db, { name: 'Gamma' }).id;
    const rec = person('Rita Recruiter');
    const emp = person('Eve Employee');
    createAffiliation(db, { personId: rec, organizationId: org, isRecruiter: true });
    createAffiliation(db, { personId: emp, organizationId: org, isReferrer: true });
    createTie(db, { personA: me, personB: rec, strength: 2 });
    createTie(db, { personA: me, personB: emp, strength: 5 });
    let r = findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(r).toMatchObject({ kind: 'found', goal: 'hiring_manager_or_recruiter', goalFallback: true });
    expect(routesOf(r).map((x) => x.personIds)).toEqual([[me, rec]]);
    expect(r.message).toContain('Nobody there is flagged hiring manager, so these routes go to a hiring manager or recruiter.');
    db.prepare('UPDATE affiliations SET is_recruiter = 0 WHERE person_id = ?').run(rec);
    r = findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(r).toMatchObject({ kind: 'found', goal: 'anyone', goalFallback: true });
    // The referrer (×0.75) is warmer than the plain employee (×0.6).
    expect(routesOf(r).map((x) => [x.personIds, x.fit])).toEqual([
      [[me, emp], 'referrer'],
      [[me, rec], 'employee'],
    ]);
  });

  it('a person flagged both hiring manager and recruiter meets either goal, fitting by the best role', () => {
    const me = getMeId(db);
    const org = createOrganization(db, { name: 'Delta' }).id;
    const tom = person('Tom Reyes');
    const ana = person('Ana Silva');
    const bo = person('Bo Chen');
    // Ana: one job flagged both; Bo: a recruiter in one row, a hiring manager in another.
    createAffiliation(db, { personId: ana, organizationId: org, isHiringManager: true, isRecruiter: true });
    createAffiliation(db, { personId: bo, organizationId: org, isRecruiter: true });
    createAffiliation(db, { personId: bo, organizationId: org, isHiringManager: true });
    createTie(db, { personA: me, personB: tom, strength: 4 });
    createTie(db, { personA: tom, personB: ana, strength: 3 });
    createTie(db, { personA: me, personB: bo, strength: 2 });
    for (const goal of ['recruiter', 'hiring_manager', 'hiring_manager_or_recruiter', 'anyone'] as const) {
      const r = findIntroRoutes(db, { organizationId: org, goal }, { now: NOW });
      expect(r.kind).toBe('found');
      expect(routesOf(r).map((x) => [x.personIds, x.fit, x.warmth])).toEqual([
        [[me, tom, ana], 'hiring_manager', 0.75 * 0.6],
        [[me, bo], 'hiring_manager', 0.4],
      ]);
    }
  });

  it('a goal nobody meets is an answer with labelled alternatives', () => {
    const { me, tom, ana, org } = acme();
    const r = findIntroRoutes(db, { organizationId: org, goal: 'recruiter' }, { now: NOW });
    expect(r).toMatchObject({ kind: 'noGoalPerson', goal: 'recruiter', goalFallback: false });
    if (r.kind !== 'noGoalPerson') return;
    expect(r.alternatives.map((a) => [a.label, a.route.personIds])).toEqual([['Anyone there', [me, tom, ana]]]);
    expect(r.message).toBe('Nobody Kith knows at Acme Labs is a recruiter. The nearest alternatives: anyone there, Ana Silva (45%).');
  });

  it('a goal only applies to an organization; the hop limit is 1 to 6', () => {
    expect(RoutesQuery.safeParse({ personId: 1, goal: 'anyone' }).success).toBe(false);
    expect(RoutesQuery.safeParse({ organizationId: 1, goal: 'ceo' }).success).toBe(false);
    expect(RoutesQuery.safeParse({ organizationId: 1, maxHops: 6 }).success).toBe(true);
    const tooFar = RoutesQuery.safeParse({ organizationId: 1, maxHops: 7 });
    expect(tooFar.success).toBe(false);
    expect(tooFar.error?.issues[0]?.message).toBe('The hop limit must be from 1 to 6');
  });
});

describe('exact ranking (issue 12)', () => {
  it('routes of equal warmth tie exactly, and the shorter one comes first', () => {
    const me = getMeId(db);
    const org = createOrganization(db, { name: 'Delta' }).id;
    const x = person('Xavi Friend');
    const h = person('Hana Manager');
    const e = person('Emil Employee');
    createAffiliation(db, { personId: h, organizationId: org, isHiringManager: true });
    createAffiliation(db, { personId: e, organizationId: org });
    createTie(db, { personA: me, personB: x, strength: 5 });
    createTie(db, { personA: x, personB: h, strength: 2 });
    createTie(db, { personA: me, personB: e, strength: 3 });
    // 0.9 × 0.4 × 1.0 = 0.6 × 0.6 = 36%; rounding each hop on its own put the 2-hop route first.
    const routes = routesOf(findIntroRoutes(db, { organizationId: org, goal: 'anyone' }, { now: NOW }));
    expect(routes.map((r) => [r.personIds, r.warmthPercent])).toEqual([
      [[me, e], 36],
      [[me, x, h], 36],
    ]);
    expect(routeKey(cost(0.9) + cost(0.4) + cost(1), 2) - routeKey(cost(0.6) + cost(0.6), 1)).toBe(1);
  });
});

describe('the route index stays fresh without rebuilding per query', () => {
  it('builds once for many queries; a new tie or an archived intermediary shows at the next query', () => {
    const { me, tom, ana, lee, org } = acme();
    findIntroRoutes(db, { organizationId: org }, { now: NOW });
    const builds = routeIndexStats(db).builds;
    for (let i = 0; i < 5; i++) findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(routeIndexStats(db).builds).toBe(builds);

    updatePerson(db, tom, { notes: 'Likes bikes' }); // not something routes depend on
    findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(routeIndexStats(db).builds).toBe(builds);

    createTie(db, { personA: lee, personB: ana, strength: 5 });
    expect(routeIndexStats(db).stale).toBe(true);
    const routes = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }));
    expect(routes.map((x) => x.personIds)).toContainEqual([me, lee, ana]);
    expect(routeIndexStats(db).builds).toBe(builds + 1);

    archivePerson(db, tom);
    const after = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW }));
    expect(after.some((x) => x.personIds.includes(tom))).toBe(false);
    expect(routeIndexStats(db).builds).toBe(builds + 2);
    findIntroRoutes(db, { organizationId: org }, { now: NOW });
    expect(routeIndexStats(db).builds).toBe(builds + 2);
  });

  it('sees commits made by another connection to the same file (data_version)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-routes-'));
    const file = path.join(dir, 'kith.db');
    const app = openDatabase(file);
    try {
      const me = getMeId(app);
      const zed = createPerson(app, { displayName: 'Zed' }).id;
      expect(findIntroRoutes(app, { personId: zed }).kind).toBe('noRoute');
      const cli = new Database(file);
      const now = nowIso();
      cli.prepare('INSERT INTO ties (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, 4, ?, ?)').run(Math.min(me, zed), Math.max(me, zed), now, now);
      cli.close();
      expect(findIntroRoutes(app, { personId: zed }).kind).toBe('direct');
    } finally {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an index built inside a transaction that is rolled back is not trusted afterwards', () => {
    const { me, lee, ana, org } = acme();
    // Issue 18: the inner expectation is recorded and checked outside the
    // transaction, and only the deliberate "roll back" may end it, so a failed
    // expectation inside can no longer be swallowed.
    let routesInside: number[][] = [];
    expect(() =>
      db.transaction(() => {
        createTie(db, { personA: lee, personB: ana, strength: 5 });
        routesInside = routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW })).map((x) => x.personIds);
        throw new Error('roll back');
      })(),
    ).toThrow(/^roll back$/);
    expect(routesInside).toContainEqual([me, lee, ana]);
    expect(routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW })).map((x) => x.personIds)).not.toContainEqual([me, lee, ana]);
    // The rollback also took the TEMP triggers created inside it: a later write must still be seen.
    createTie(db, { personA: lee, personB: ana, strength: 5 });
    expect(routesOf(findIntroRoutes(db, { organizationId: org }, { now: NOW })).map((x) => x.personIds)).toContainEqual([me, lee, ana]);
  });
});

describe('routes:find over IPC', () => {
  it('answers inside the contract, and refuses a query naming both or neither target', async () => {
    const { org, tom } = acme();
    const dispatch = createDispatcher(createHandlers({ db, dataDir: makeTempDir('kith-handlers-') }), { validateOutput: true });
    const ok = await dispatch('routes:find', { organizationId: org, k: 3 });
    expect(ok).toMatchObject({ ok: true, value: { kind: 'found' } });
    expect(await dispatch('routes:find', { personId: tom })).toMatchObject({ ok: true, value: { kind: 'direct' } });
    expect(await dispatch('routes:find', { organizationId: org, personId: tom })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('either an organization id or a person id') },
    });
    expect(await dispatch('routes:find', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('routes:find', { organizationId: org, maxHops: 7 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('routes:find', { organizationId: 424242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
