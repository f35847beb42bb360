// Introductions (issue 4): created from a route, a drafted request, dated
// status moves, and the tie added once the introduction is made.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { findIntroRoutes } from '../../main/routes/findRoutes';
import { createAffiliation } from '../../main/services/affiliations';
import {
  addIntroducedTie,
  createIntroduction,
  getIntroduction,
  listIntroductions,
  setIntroductionStatus,
  undoIntroductionMove,
  updateIntroduction,
} from '../../main/services/introductions';
import { fixedClock, setClock } from '../../shared/clock';
import { snapshotDb } from '../helpers/db';
import { createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createTie, deleteTie, findTie } from '../../main/services/ties';
import { createTestDb, removeTempDirs, makeTempDir } from '../helpers/db';

let db: Db;
let me: number, tom: number, ana: number, lee: number, org: number;
beforeEach(() => {
  db = createTestDb();
  me = getMeId(db);
  updatePerson(db, me, { displayName: 'Sam Doe' });
  tom = createPerson(db, { displayName: 'Tom Reyes' }).id;
  lee = createPerson(db, { displayName: 'Lee Park' }).id;
  ana = createPerson(db, { displayName: 'Ana Silva' }).id;
  org = createOrganization(db, { name: 'Acme Labs' }).id;
  createAffiliation(db, { personId: ana, organizationId: org, isHiringManager: true });
  createTie(db, { personA: me, personB: tom, strength: 4 });
  createTie(db, { personA: tom, personB: ana, strength: 3 });
  createTie(db, { personA: tom, personB: lee, strength: 3 });
  createTie(db, { personA: lee, personB: ana, strength: 3 });
});
afterEach(() => db.close());

describe('createIntroduction', () => {
  it('from a route: introducer, target, organization, route, a drafted request and an "idea" event', () => {
    const route = findIntroRoutes(db, { organizationId: org });
    expect(route.kind).toBe('found');
    const personIds = route.kind === 'found' ? route.routes[0]!.personIds : [];
    const intro = createIntroduction(db, { route: personIds, targetOrganizationId: org });
    expect(intro).toMatchObject({
      status: 'idea',
      requesterId: me,
      introducer: { id: tom, name: 'Tom Reyes' },
      targetPerson: { id: ana, name: 'Ana Silva' },
      targetOrganization: { id: org, name: 'Acme Labs' },
      route: [me, tom, ana],
      notes: '',
    });
    expect(intro.events.map((e) => e.status)).toEqual(['idea']);
    expect(intro.message).toMatch(/^Hi Tom,/);
    expect(intro.message).toContain("I'd like to meet Ana Silva, who is a hiring manager at Acme Labs.");
    expect(intro.message).toContain('Would you be comfortable introducing us?');
    expect(intro.message).toContain('just say so');
    expect(intro.message.trim().endsWith('Sam')).toBe(true);
    expect(intro.message.length).toBeLessThan(700);
  });

  it('a longer route asks the introducer for the next person', () => {
    const intro = createIntroduction(db, { route: [me, tom, lee, ana] });
    expect(intro.introducer?.id).toBe(tom);
    expect(intro.message).toContain('I believe you know Lee Park, who can put me in touch. Would you be comfortable introducing me to Lee?');
  });

  it('keeps a message the user wrote', () => {
    expect(createIntroduction(db, { route: [me, tom, ana], message: 'Hey Tom!' }).message).toBe('Hey Tom!');
  });

  it('refuses routes that are direct, do not start with me, repeat someone, are out of date, or pass an archived person', () => {
    expect(() => createIntroduction(db, { route: [me, tom] })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('directly') }));
    expect(() => createIntroduction(db, { route: [tom, ana, lee] })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('starts with you') }));
    expect(() => createIntroduction(db, { route: [me, tom, lee, tom] })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    deleteTie(db, findTie(db, tom, ana)!.id);
    expect(() => createIntroduction(db, { route: [me, tom, ana] })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'Tom Reyes and Ana Silva are no longer tied, so this route is out of date. Find routes again.' }),
    );
    archivePerson(db, lee);
    expect(() => createIntroduction(db, { route: [me, tom, lee, ana] })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('archived') }));
    expect(() => createIntroduction(db, { route: [me, tom, 9999] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(listIntroductions(db)).toEqual([]);
  });
});

describe('status moves', () => {
  it('idea → asked → agreed → made → met, each dated', () => {
    const { id } = createIntroduction(db, { route: [me, tom, ana] });
    setIntroductionStatus(db, { id, status: 'asked', at: '2025-05-01', note: 'Sent on Signal' });
    setIntroductionStatus(db, { id, status: 'agreed' });
    setIntroductionStatus(db, { id, status: 'made' });
    const intro = setIntroductionStatus(db, { id, status: 'met' });
    expect(intro.status).toBe('met');
    expect(intro.events.map((e) => e.status)).toEqual(['idea', 'asked', 'agreed', 'made', 'met']);
    expect(intro.events[1]).toMatchObject({ at: '2025-05-01', note: 'Sent on Signal' });
  });

  it('refuses invalid moves with a clear message', () => {
    const { id } = createIntroduction(db, { route: [me, tom, ana] });
    expect(() => setIntroductionStatus(db, { id, status: 'declined' })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: 'An introduction cannot go from idea to declined. From idea it can move to asked, agreed, made, met.' }),
    );
    expect(() => setIntroductionStatus(db, { id, status: 'idea' })).toThrow(expect.objectContaining({ message: 'This introduction is already an idea.' }));
    setIntroductionStatus(db, { id, status: 'asked' });
    setIntroductionStatus(db, { id, status: 'declined' });
    expect(() => setIntroductionStatus(db, { id, status: 'agreed' })).toThrow(expect.objectContaining({ message: expect.stringContaining('It is finished (declined).') }));
    expect(getIntroduction(db, id).events.map((e) => e.status)).toEqual(['idea', 'asked', 'declined']);
    expect(() => setIntroductionStatus(db, { id: 777, status: 'asked' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists by status, and edits message and notes', () => {
    const a = createIntroduction(db, { route: [me, tom, ana] });
    const b = createIntroduction(db, { route: [me, tom, lee] });
    setIntroductionStatus(db, { id: b.id, status: 'asked' });
    expect(listIntroductions(db, { status: 'asked' }).map((i) => i.id)).toEqual([b.id]);
    expect(listIntroductions(db, { status: 'idea' }).map((i) => i.id)).toEqual([a.id]);
    expect(listIntroductions(db).map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const edited = updateIntroduction(db, a.id, { message: 'Shorter.', notes: 'Tom is travelling until June' });
    expect(edited).toMatchObject({ message: 'Shorter.', notes: 'Tom is travelling until June' });
  });
});

describe('addIntroducedTie', () => {
  it('only once made; adds a strength-1 "introduced" tie, and only if absent; routes see it', () => {
    const { id } = createIntroduction(db, { route: [me, tom, ana] });
    expect(() => addIntroducedTie(db, id)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('not made yet') }));
    setIntroductionStatus(db, { id, status: 'made' });
    const first = addIntroducedTie(db, id);
    expect(first.created).toBe(true);
    expect(first.tie).toMatchObject({ strength: 1, source: 'introduced', context: 'Introduced by Tom Reyes' });
    expect(addIntroducedTie(db, id)).toMatchObject({ created: false, tie: { id: first.tie.id } });
    expect(findIntroRoutes(db, { personId: ana }).kind).toBe('direct');
  });
});

describe('undoing a move (issue 17: "Mark met" had no undo)', () => {
  it('puts back exactly what the move changed, in one transaction; only the last move; nothing else', () => {
    const file = createTestDb({ file: true });
    const at = (iso: string) => setClock(fixedClock(iso, 'Europe/Berlin'));
    let restore = at('2027-01-10T09:00:00Z');
    try {
      const fileMe = getMeId(file);
      const a = createPerson(file, { displayName: 'Tom Reyes' }).id;
      const b = createPerson(file, { displayName: 'Ana Silva' }).id;
      createTie(file, { personA: fileMe, personB: a, strength: 4 });
      createTie(file, { personA: a, personB: b, strength: 3 });
      const { id } = createIntroduction(file, { route: [fileMe, a, b] });
      restore();
      restore = at('2027-01-11T09:00:00Z');
      setIntroductionStatus(file, { id, status: 'made' });
      const beforeMet = snapshotDb(file);
      restore();
      restore = at('2027-01-12T09:00:00Z');
      const met = setIntroductionStatus(file, { id, status: 'met' });
      expect(met.status).toBe('met');
      // The undo restores the status, the updated_at and the history as they were.
      const undone = undoIntroductionMove(file, { id, eventId: met.events.at(-1)!.id });
      expect(undone.status).toBe('made');
      expect(snapshotDb(file)).toEqual(beforeMet);

      // Only the last move: an earlier one is refused, nothing changed.
      const again = setIntroductionStatus(file, { id, status: 'met' });
      const made = again.events.find((e) => e.status === 'made')!;
      const snapshot = snapshotDb(file);
      expect(() => undoIntroductionMove(file, { id, eventId: made.id })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
      expect(() => undoIntroductionMove(file, { id, eventId: 999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(snapshotDb(file)).toEqual(snapshot);
      // Edited since the move: the edit's time stays, the move is undone.
      restore();
      restore = at('2027-01-13T09:00:00Z');
      updateIntroduction(file, id, { notes: 'coffee went well' });
      const edited = undoIntroductionMove(file, { id, eventId: again.events.at(-1)!.id });
      expect(edited).toMatchObject({ status: 'made', notes: 'coffee went well', updatedAt: '2027-01-13T09:00:00.000Z' });
      // A tie added after "made" is its own action: undoing "made" leaves it.
      addIntroducedTie(file, id);
      const undoMade = undoIntroductionMove(file, { id, eventId: made.id });
      expect(undoMade.status).toBe('idea');
      expect(findTie(file, fileMe, b)).not.toBeNull();
      // The creation's 'idea' is not a move: nothing to undo.
      expect(() => undoIntroductionMove(file, { id, eventId: undoMade.events[0]!.id })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    } finally {
      restore();
      file.close();
    }
  });
});

describe('introductions channels', () => {
  it('work end to end through the dispatcher with output validation', async () => {
    const dispatch = createDispatcher(createHandlers({ db, dataDir: makeTempDir('kith-handlers-') }), { validateOutput: true });
    const created = await dispatch('introductions:create', { route: [me, tom, ana], targetOrganizationId: org });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: number }).id : 0;
    expect(await dispatch('introductions:get', { id })).toMatchObject({ ok: true, value: { id, status: 'idea' } });
    expect(await dispatch('introductions:setStatus', { id, status: 'made' })).toMatchObject({ ok: true, value: { status: 'made' } });
    expect(await dispatch('introductions:setStatus', { id, status: 'idea' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch('introductions:update', { id, patch: { notes: 'n' } })).toMatchObject({ ok: true, value: { notes: 'n' } });
    expect(await dispatch('introductions:list', { status: 'made' })).toMatchObject({ ok: true, value: { items: [{ id }] } });
    expect(await dispatch('introductions:list', undefined)).toMatchObject({ ok: true });
    expect(await dispatch('introductions:addTie', { id })).toMatchObject({ ok: true, value: { created: true, tie: { strength: 1 } } });
    expect(await dispatch('introductions:create', { route: [me, tom] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('introductions:setStatus', { id, status: 'maybe' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

// Real temp files (issue 18): removed once the file's tests are done.
afterAll(removeTempDirs);
