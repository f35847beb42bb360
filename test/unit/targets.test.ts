// Targets and the Routes view's channels (issue 4): the target flag, the
// target list with each best route (kept current as ties change), the people
// drawn on a route, and the warmth model as documented in warmth.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { BASE_WARMTH, FIT, QUIET_FLOOR, QUIET_GRACE_DAYS, QUIET_HALF_LIFE_DAYS, quietFactor } from '../../main/routes/warmth';
import { createAffiliation } from '../../main/services/affiliations';
import { archiveOrganization, createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createIntroduction } from '../../main/services/introductions';
import { getTargetJob, isTarget, listTargets, routesForView, setTarget, setTargetJob, warmthModel } from '../../main/services/targets';
import { fixedClock, setClock } from '../../shared/clock';
import { createTie } from '../../main/services/ties';
import { snapshotDb, createTestDb, removeTempDirs, makeTempDir } from '../helpers/db';

let db: Db;
let me: number, tom: number, ana: number, lee: number, acme: number, far: number, empty: number;
beforeEach(() => {
  db = createTestDb();
  me = getMeId(db);
  updatePerson(db, me, { displayName: 'Sam Doe' });
  tom = createPerson(db, { displayName: 'Tom Reyes' }).id;
  ana = createPerson(db, { displayName: 'Ana Silva' }).id;
  lee = createPerson(db, { displayName: 'Lee Park' }).id;
  acme = createOrganization(db, { name: 'Acme Labs' }).id;
  far = createOrganization(db, { name: 'Faraway' }).id;
  empty = createOrganization(db, { name: 'Empty Co' }).id;
  createAffiliation(db, { personId: tom, organizationName: 'Initech', title: 'Designer' });
  createAffiliation(db, { personId: ana, organizationId: acme, title: 'Engineering Manager', isHiringManager: true });
  createAffiliation(db, { personId: lee, organizationId: far });
  createTie(db, { personA: me, personB: tom, strength: 4 });
  createTie(db, { personA: tom, personB: ana, strength: 3 });
});
afterEach(() => db.close());

describe('the target flag', () => {
  it('is off by default, set and cleared, and refuses an unknown organization', () => {
    expect(isTarget(db, acme)).toBe(false);
    expect(setTarget(db, acme, true)).toEqual({ organizationId: acme, isTarget: true });
    expect(isTarget(db, acme)).toBe(true);
    expect(setTarget(db, acme, true)).toEqual({ organizationId: acme, isTarget: true }); // idempotent
    setTarget(db, acme, false);
    expect(isTarget(db, acme)).toBe(false);
    expect(() => setTarget(db, 999, true)).toThrow(/No organization with id 999/);
    expect(() => isTarget(db, 999)).toThrow(/No organization with id 999/);
  });
});

describe('listTargets', () => {
  it('each target with its best route, warmest first; no route and nobody there as statuses; archived left out', () => {
    expect(listTargets(db)).toEqual([]);
    for (const id of [acme, far, empty]) setTarget(db, id, true);
    const rows = listTargets(db);
    expect(rows.map((r) => [r.organization.name, r.status, r.best?.warmthPercent ?? null, r.people])).toEqual([
      ['Acme Labs', 'found', 45, 1], // 0.75 × 0.60 × hiring manager 1.00
      ['Empty Co', 'noPeople', null, 0],
      ['Faraway', 'noRoute', null, 1],
    ]);
    expect(rows[0]!.best).toMatchObject({ hops: 2, fit: 'hiring_manager', via: { id: tom }, reach: { id: ana }, personIds: [me, tom, ana] });

    archiveOrganization(db, empty);
    expect(listTargets(db).map((r) => r.organization.name)).toEqual(['Acme Labs', 'Faraway']);
  });

  it('follows the network: a new tie gives Faraway a route, an archived intermediary takes Acme’s away', () => {
    setTarget(db, acme, true);
    setTarget(db, far, true);
    createTie(db, { personA: me, personB: lee, strength: 5 });
    expect(listTargets(db).map((r) => [r.organization.name, r.best?.warmthPercent ?? null])).toEqual([
      ['Faraway', 54], // 0.90 × employee 0.60
      ['Acme Labs', 45],
    ]);
    archivePerson(db, tom);
    expect(listTargets(db).map((r) => [r.organization.name, r.status])).toEqual([
      ['Faraway', 'found'],
      ['Acme Labs', 'noRoute'],
    ]);
  });
});

describe('routesForView', () => {
  it('adds the people on the routes with the role that matters, and the target flag', () => {
    setTarget(db, acme, true);
    const view = routesForView(db, { organizationId: acme });
    expect(view.result.kind).toBe('found');
    expect(view.isTarget).toBe(true);
    const byId = new Map(view.people.map((p) => [p.id, p]));
    expect(byId.get(me)).toMatchObject({ isMe: true, name: 'Sam Doe' });
    expect(byId.get(tom)).toMatchObject({ isMe: false, title: 'Designer', organization: 'Initech' });
    expect(byId.get(ana)).toMatchObject({ title: 'Engineering Manager', organization: 'Acme Labs' });
  });

  it('for a person: no target flag; nothing to draw when there is no route', () => {
    expect(routesForView(db, { personId: ana })).toMatchObject({ isTarget: null, result: { kind: 'found' } });
    expect(routesForView(db, { personId: lee })).toEqual(expect.objectContaining({ isTarget: null, people: [] }));
    expect(routesForView(db, { organizationId: far }).result.kind).toBe('noRoute');
  });
});

describe('warmthModel', () => {
  it('is exactly the numbers of main/routes/warmth.ts', () => {
    const m = warmthModel();
    expect(Object.fromEntries(m.baseWarmth.map((b) => [b.strength, b.warmth]))).toEqual(BASE_WARMTH);
    expect(Object.fromEntries(m.fit.map((f) => [f.kind, f.factor]))).toEqual(FIT);
    expect(m.quiet).toMatchObject({ graceDays: QUIET_GRACE_DAYS, halfLifeDays: QUIET_HALF_LIFE_DAYS, floor: QUIET_FLOOR });
    for (const e of m.quiet.examples) expect(e.factor).toBe(quietFactor(e.days));
    // warmth.ts documents: 1 year quiet → 0.80, 2 years → 0.65, 5 years → 0.52.
    expect(m.quiet.examples.map((e) => [e.days, Math.round(e.factor * 100) / 100])).toEqual([[90, 1], [180, 0.92], [365, 0.8], [730, 0.65], [1825, 0.52]]);
  });
});

describe('channels through the dispatcher', () => {
  let dispatch: Dispatch;
  beforeEach(() => {
    dispatch = createDispatcher(createHandlers({ db, dataDir: makeTempDir('kith-handlers-') }), { validateOutput: true });
  });

  it('valid calls answer inside the contract', async () => {
    expect(await dispatch('targets:set', { organizationId: acme, isTarget: true })).toEqual({ ok: true, value: { organizationId: acme, isTarget: true } });
    expect(await dispatch('targets:get', { organizationId: acme })).toEqual({ ok: true, value: { organizationId: acme, isTarget: true } });
    expect(await dispatch('targets:list', undefined)).toMatchObject({ ok: true, value: { items: [{ organization: { id: acme }, status: 'found' }] } });
    expect(await dispatch('targets:list', {})).toMatchObject({ ok: true });
    expect(await dispatch('targets:routes', { organizationId: acme, k: 2, maxHops: 3 })).toMatchObject({
      ok: true,
      value: { isTarget: true, result: { kind: 'found', k: 2, maxHops: 3 } },
    });
    expect(await dispatch('targets:warmthModel', undefined)).toMatchObject({ ok: true, value: { defaultK: 5, defaultMaxHops: 4, maxHops: 6 } });
  });

  it('invalid inputs are refused with the database unchanged; unknown ids are NOT_FOUND', async () => {
    const before = snapshotDb(db);
    const invalid: [string, unknown][] = [
      ['targets:set', { organizationId: acme }],
      ['targets:set', { organizationId: acme, isTarget: 'yes' }],
      ['targets:set', { organizationId: 0, isTarget: true }],
      ['targets:set', { organizationId: acme, isTarget: true, extra: 1 }],
      ['targets:get', {}],
      ['targets:get', { organizationId: '1' }],
      ['targets:list', { extra: 1 }],
      ['targets:routes', {}],
      ['targets:routes', { organizationId: acme, personId: ana }],
      ['targets:routes', { organizationId: acme, k: 0 }],
      ['targets:routes', { organizationId: acme, maxHops: 11 }],
      ['targets:warmthModel', { extra: 1 }],
    ];
    for (const [channel, input] of invalid) {
      const r = await dispatch(channel, input);
      expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await dispatch('targets:set', { organizationId: 999, isTarget: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('targets:routes', { organizationId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('targets:routes', { personId: me })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshotDb(db)).toEqual(before);
  });
});

describe('the job behind a target (issue 12)', () => {
  it('carries a role and a dated stage history, used by the drafted request; bad input changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-job-'));
    const file = openDatabase(path.join(dir, 'kith.db'));
    const restoreClock = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
    try {
      const me2 = getMeId(file);
      const org = createOrganization(file, { name: 'Pinecone Health' }).id;
      const olu = createPerson(file, { displayName: 'Olu Ade' }).id;
      const chen = createPerson(file, { displayName: 'Chen Fernández' }).id;
      createAffiliation(file, { personId: chen, organizationId: org, isHiringManager: true });
      createTie(file, { personA: me2, personB: olu, strength: 4 });
      createTie(file, { personA: olu, personB: chen, strength: 3 });
      expect(getTargetJob(file, org)).toEqual({ organizationId: org, role: '', stage: null, history: [] });
      setTargetJob(file, { organizationId: org, role: ' Platform engineer ', stage: 'researching', on: '2027-01-10' });
      setTargetJob(file, { organizationId: org, stage: 'researching' }); // unchanged: nothing recorded
      const job = setTargetJob(file, { organizationId: org, stage: 'applied' });
      expect(job).toEqual({
        organizationId: org,
        role: 'Platform engineer',
        stage: 'applied',
        history: [
          { stage: 'researching', on: '2027-01-10' },
          { stage: 'applied', on: '2027-01-31' },
        ],
      });
      const intro = createIntroduction(file, { route: [me2, olu, chen], targetOrganizationId: org });
      expect(intro.message).toContain("I'm applying for the Platform engineer role at Pinecone Health, so I'd love 20 minutes of Chen's advice.");

      const dispatch2 = createDispatcher(createHandlers({ db: file, dataDir: dir }), { validateOutput: true });
      const snapshot = snapshotDb(file);
      expect(await dispatch2('targets:setJob', { organizationId: org, role: 'x'.repeat(10_000) })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('at most 300 characters') },
      });
      expect(await dispatch2('targets:setJob', { organizationId: org, stage: 'dreaming' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await dispatch2('targets:setJob', { organizationId: org, stage: 'offer', on: '2027-02-30' })).toMatchObject({ ok: false });
      expect(await dispatch2('targets:setJob', { organizationId: 9999, stage: 'offer' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(snapshotDb(file)).toEqual(snapshot);
      expect(await dispatch2('targets:job', { organizationId: org })).toMatchObject({ ok: true, value: { stage: 'applied' } });
    } finally {
      restoreClock();
      file.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
