// Every IPC channel through the real dispatcher and handlers, on real SQLite,
// with output validation on: a valid call per channel, invalid inputs for
// every channel refused as INVALID_INPUT with the database unchanged, and the
// NOT_FOUND / CONFLICT / UNKNOWN_CHANNEL / INTERNAL paths.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../main/db/open';
import { openDatabase } from '../../main/db/open';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { setUpSync, syncNow } from '../../main/sync/run';
import { createHandlers } from '../../main/ipc/handlers';
import { createAffiliation } from '../../main/services/affiliations';
import { createOrganization } from '../../main/services/organizations';
import { createPerson, getMeId } from '../../main/services/people';
import { createIntroduction, getIntroduction, setIntroductionStatus } from '../../main/services/introductions';
import { createBackupSync } from '../../main/services/backups';
import { setPassphrase } from '../../main/services/encryption';
import { createTie } from '../../main/services/ties';
import { CHANNELS, type Channel } from '../../shared/contract';
import { LIMITS } from '../../shared/domain';
import type { IpcResult } from '../../shared/errors';
import { createTestDb, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';
import { JOURNAL_INVALID, JOURNAL_VALID } from './journal-ipc-cases';
import fs from 'node:fs';
import { importText } from '../../main/importers';
import path from 'node:path';
import { afterAll } from 'vitest';

interface Fixture {
  db: Db;
  dispatch: Dispatch;
  me: number;
  ana: number;
  ben: number;
  acme: number;
  affiliation: number;
  tie: number;
  /** A fresh folder per fixture: backups land here, never in a shared path. */
  dataDir: string;
}

const HISTORY_ICS = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:ipc-1\r\nDTSTART:20200105T090000Z\r\nSUMMARY:Coffee\r\nATTENDEE;CN=Zoe Zhang:mailto:zoe@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const HISTORY_BYTES = Buffer.from(HISTORY_ICS).toString('base64');
const RUN = '8f14e45f-ceea-4e7a-9b1f-2a6b1c0d3e4f';

function fixture({ empty = false, file = true } = {}): Fixture {
  const db = createTestDb({ file });
  const dataDir = makeTempDir('kith-ipc-');
  // The OS folder dialog (issue 13) stands in as a chooser that picks a folder holding one Connections.csv.
  const chooseFolder = async () => {
    const folder = path.join(dataDir, 'LinkedInDataExport');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'Connections.csv'), LINKEDIN_CSV);
    return folder;
  };
  // The OS file dialog (issue 14) stands in as a chooser that picks a one-event calendar.
  const chooseFile = async () => {
    const file = path.join(dataDir, 'calendar.ics');
    fs.writeFileSync(file, HISTORY_ICS);
    return file;
  };
  // The OS folder dialog for sync (issue 19) picks a fresh folder outside the data folder.
  const chooseSyncFolder = async () => makeTempDir('kith-ipc-sync-');
  const dispatch = createDispatcher(createHandlers({ db, dataDir, chooseFolder, chooseFile, chooseSyncFolder }), { validateOutput: true });
  const me = getMeId(db);
  if (empty) return { db, dispatch, me, ana: 0, ben: 0, acme: 0, affiliation: 0, tie: 0, dataDir };
  const ana = createPerson(db, { displayName: 'Ana Acosta', tags: ['mentor'] }).id;
  const ben = createPerson(db, { displayName: 'Ben Bauer' }).id;
  const acme = createOrganization(db, { name: 'Acme Labs' }).id;
  const affiliation = createAffiliation(db, { personId: ana, organizationId: acme, title: 'Engineer', startDate: '2020' }).id;
  const tie = createTie(db, { personA: me, personB: ana, strength: 4 }).id;
  return { db, dispatch, me, ana, ben, acme, affiliation, tie, dataDir };
}

function failure(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

function success<T = unknown>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const name = 'x'.repeat(LIMITS.name + 1);
const short = 'x'.repeat(LIMITS.shortText + 1);

/** Me → Ana → Ben, Ben at Target Co: a two-hop route, and an introduction along it. */
function routeToBen(f: Fixture): { target: number } {
  const target = createOrganization(f.db, { name: 'Target Co' }).id;
  createAffiliation(f.db, { personId: f.ben, organizationId: target, isHiringManager: true });
  createTie(f.db, { personA: f.ana, personB: f.ben, strength: 3 });
  return { target };
}
function introToBen(f: Fixture, status?: 'made'): number {
  const { target } = routeToBen(f);
  const id = createIntroduction(f.db, { route: [f.me, f.ana, f.ben], targetOrganizationId: target }).id;
  if (status) setIntroductionStatus(f.db, { id, status });
  return id;
}

const LINKEDIN_CSV = [
  'Notes:',
  '"Some e-mail addresses may be missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Tom,Becker,https://www.linkedin.com/in/tombecker,tom.becker@example.org,"Acme Labs, Inc.",Engineering Manager,02 Jan 2024',
  'Zoë,Lindqvist,https://www.linkedin.com/in/zoelindqvist/,,Fabrikam,"Director, Talent Acquisition",08 Feb 2026',
  '',
].join('\n');

/**
 * A valid call for every channel, and what must be true of its answer.
 * Partial so that a channel added elsewhere does not break the type check;
 * the coverage test below fails instead, naming the channel.
 */
const protect = (f: Fixture, passphrase: string) => setPassphrase({ db: f.db, dbFile: f.db.name, backupDir: path.join(f.dataDir, 'backups') }, passphrase);

const VALID: Partial<Record<Channel, { input: (f: Fixture) => unknown; empty?: boolean; file?: boolean; check?: (value: never, f: Fixture) => void }>> = {
  'app:unlock': { input: () => ({ passphrase: 'already open' }), check: (v: { encrypted: boolean }) => expect(v.encrypted).toBe(false) },
  'sync:status': { input: () => undefined, check: (v: { enabled: boolean; devices: unknown[] }) => expect(v).toMatchObject({ enabled: false, devices: [] }) },
  'sync:chooseFolder': { input: () => ({}), check: (v: { token: string; existing: boolean }) => expect(v).toMatchObject({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), existing: false }) },
  'sync:setUp': {
    file: true,
    input: async (f) => {
      const chosen = success<{ token: string }>(await f.dispatch('sync:chooseFolder', {}));
      return { token: chosen.token, passphrase: 'correct horse battery', confirmPassphrase: 'correct horse battery' };
    },
    check: (v: { created: boolean; last: { pass: { written: number } | null; error: string | null } }) =>
      expect(v).toMatchObject({ created: true, last: { error: null, pass: { written: 1 } } }),
  },
  'sync:now': { input: () => undefined, check: (v: { pass: unknown; error: string }) => expect(v).toMatchObject({ pass: null, error: expect.stringMatching(/not set up/) }) },
  'sync:conflicts': { input: () => undefined, check: (v: unknown[]) => expect(v).toEqual([]) },
  'sync:forgetDevice': {
    file: true,
    // Another data file joins the same sync folder, and this one sees it: then it can be forgotten.
    input: async (f) => {
      const chosen = success<{ token: string; folder: string }>(await f.dispatch('sync:chooseFolder', {}));
      success(await f.dispatch('sync:setUp', { token: chosen.token, passphrase: 'correct horse battery', confirmPassphrase: 'correct horse battery' }));
      const otherDir = makeTempDir('kith-ipc-other-');
      const other = openDatabase(path.join(otherDir, 'kith.db'));
      try {
        const { device } = setUpSync(other, otherDir, chosen.folder, 'correct horse battery');
        syncNow(other, otherDir);
        success(await f.dispatch('sync:now', {}));
        return { device };
      } finally {
        other.close();
      }
    },
    check: (v: { device: string; alreadyForgotten: boolean }, f) => {
      expect(v).toEqual({ device: expect.any(String), alreadyForgotten: false });
      expect(f.db.prepare('SELECT forgotten_at IS NOT NULL FROM sync_peers WHERE device = ?').pluck().get(v.device)).toBe(1);
    },
  },
  'encryption:status': { input: () => undefined, check: (v: { encrypted: boolean }) => expect(v.encrypted).toBe(false) },
  'encryption:set': { file: true, input: () => ({ passphrase: 'correct horse battery' }), check: (v: { encrypted: boolean }) => expect(v.encrypted).toBe(true) },
  'encryption:change': {
    file: true,
    input: (f) => (protect(f, 'correct horse battery'), { current: 'correct horse battery', next: 'staple quietly 2026' }),
    check: (v: { encrypted: boolean }) => expect(v.encrypted).toBe(true),
  },
  'encryption:remove': {
    file: true,
    input: (f) => (protect(f, 'correct horse battery'), { current: 'correct horse battery' }),
    check: (v: { encrypted: boolean }) => expect(v.encrypted).toBe(false),
  },
  'app:info': { input: () => undefined, check: (v: { schemaVersion: number; me: { isMe: boolean } }) => expect(v.me.isMe).toBe(true) },
  'app:completeSetup': {
    input: () => ({ displayName: '  Sam Rivera ', loadSample: true }),
    empty: true,
    check: (v: { onboarded: boolean; me: { displayName: string } }, f) => {
      expect(v).toMatchObject({ onboarded: true, me: { displayName: 'Sam Rivera' } });
      expect(f.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(151);
    },
  },
  'people:list': { input: () => ({ search: 'ana', sort: 'strength' }), check: (v: { total: number }) => expect(v.total).toBe(1) },
  'people:get': { input: (f) => ({ id: f.ana }), check: (v: { myTie: { strength: number } }) => expect(v.myTie.strength).toBe(4) },
  'people:create': {
    input: () => ({ displayName: 'Cleo', emails: [{ value: 'c@example.com' }], tags: ['x'] }),
    check: (v: { displayName: string }) => expect(v.displayName).toBe('Cleo'),
  },
  'people:update': { input: (f) => ({ id: f.ben, patch: { headline: 'PM' } }), check: (v: { headline: string }) => expect(v.headline).toBe('PM') },
  'people:archive': { input: (f) => ({ id: f.ben }), check: (v: { archived: boolean }) => expect(v.archived).toBe(true) },
  'people:restore': { input: (f) => ({ id: f.ben }), check: (v: { archived: boolean }) => expect(v.archived).toBe(false) },
  'orgs:list': { input: () => ({ sort: 'people' }), check: (v: { items: { currentPeople: number }[] }) => expect(v.items[0]!.currentPeople).toBe(1) },
  'orgs:get': { input: (f) => ({ id: f.acme }), check: (v: { members: unknown[] }) => expect(v.members).toHaveLength(1) },
  'orgs:create': { input: () => ({ name: 'Bluefin', kind: 'school', domain: 'bluefin.example' }) },
  'orgs:update': { input: (f) => ({ id: f.acme, patch: { notes: 'hiring' } }) },
  'orgs:archive': { input: (f) => ({ id: f.acme }), check: (v: { archived: boolean }) => expect(v.archived).toBe(true) },
  'orgs:restore': { input: (f) => ({ id: f.acme }) },
  'affiliations:create': {
    input: (f) => ({ personId: f.ben, organizationName: 'New Co', endDate: '2021-06' }),
    check: (v: { current: boolean }) => expect(v.current).toBe(false),
  },
  'affiliations:update': { input: (f) => ({ id: f.affiliation, patch: { isHiringManager: true } }) },
  'affiliations:delete': { input: (f) => ({ id: f.affiliation }), check: (v: { ok: boolean }) => expect(v.ok).toBe(true) },
  'ties:create': { input: (f) => ({ personA: f.ben, personB: f.ana, strength: 2, since: '2019-04-15', source: 'introduced' }) },
  'ties:update': { input: (f) => ({ id: f.tie, patch: { strength: 5 } }), check: (v: { strength: number }) => expect(v.strength).toBe(5) },
  'ties:delete': { input: (f) => ({ id: f.tie }) },
  'tags:list': { input: () => undefined, check: (v: unknown) => expect(v).toEqual([{ name: 'mentor', people: 1 }]) },
  'search:quick': { input: () => ({ query: 'acm', limit: 5 }), check: (v: { label: string }[]) => expect(v[0]!.label).toBe('Acme Labs') },
  'stats:get': { input: () => ({}), check: (v: { people: number; myTies: number }) => expect(v).toMatchObject({ people: 2, myTies: 1 }) },
  'sample:load': { input: () => ({ people: 30, seed: 5 }), empty: true, check: (v: { people: number }) => expect(v.people).toBe(30) },
  'imports:list': { input: () => undefined, check: (v: { items: unknown[] }) => expect(v.items).toEqual([]) },
  'duplicates:people': { input: () => undefined, check: (v: { groups: unknown[] }) => expect(v.groups).toEqual([]) },
  'duplicates:organizations': { input: () => undefined, check: (v: { groups: unknown[] }) => expect(v.groups).toEqual([]) },
  'duplicates:mergePeople': {
    input: (f) => ({ ids: [f.ana, f.ben], prefer: { displayName: f.ben } }),
    check: (v: { keptId: number; dryRun: boolean }, f) => {
      expect(v).toMatchObject({ keptId: f.ana, dryRun: false });
      expect(f.db.prepare('SELECT display_name FROM people WHERE id = ?').pluck().get(f.ana)).toBe('Ben Bauer');
    },
  },
  'duplicates:mergeOrganizations': {
    input: (f) => ({ ids: [f.acme, createOrganization(f.db, { name: 'Acme Labs LLC' }).id], dryRun: true }),
    check: (v: { aliases: string[] }) => expect(v.aliases).toEqual(['Acme Labs LLC']),
  },
  'imports:undo': {
    input: (f) => {
      importText(f.db, 'linkedin', LINKEDIN_CSV);
      return { dryRun: true };
    },
    check: (v: { blockers: string[]; undone: boolean }) => expect(v).toMatchObject({ blockers: [], undone: false }),
  },
  'history:chooseFile': { input: () => ({ source: 'ics' }), check: (v: { name: string; sizeBytes: number }) => expect(v).toEqual(expect.objectContaining({ name: 'calendar.ics', sizeBytes: HISTORY_ICS.length })) },
  'history:preview': {
    input: () => ({ source: 'ics', bytes: HISTORY_BYTES }),
    check: (v: { calendar: { events: number }; offered: { email: string; included: boolean }[] }) => {
      expect(v.calendar.events).toBe(1);
      expect(v.offered).toEqual([expect.objectContaining({ email: 'zoe@example.org', included: false })]);
    },
  },
  'history:commit': {
    input: () => ({ source: 'ics', bytes: HISTORY_BYTES, include: ['attendee zoe@example.org'] }),
    check: (v: { calendar: { entries: number }; newPeople: number }, f) => {
      expect(v).toMatchObject({ calendar: { entries: 1 }, newPeople: 1 });
      expect(f.db.prepare(`SELECT count(*) FROM interactions WHERE kind = 'meeting'`).pluck().get()).toBe(1);
    },
  },
  'history:progress': { input: () => ({ run: RUN }), check: (v: null) => expect(v).toBeNull() },
  'history:cancel': { input: () => ({ run: RUN }), check: (v: { cancelled: boolean }) => expect(v.cancelled).toBe(false) },
  'settings:myEmails': { input: () => undefined, check: (v: { emails: string[] }) => expect(v.emails).toEqual([]) },
  'settings:setMyEmails': { input: () => ({ emails: ['Me@Example.org', 'me@example.org'] }), check: (v: { emails: string[] }) => expect(v.emails).toEqual(['me@example.org']) },
  'import:chooseFolder': { input: () => undefined, check: (v: { files: number; name: string }) => expect(v).toMatchObject({ files: 1, name: 'LinkedInDataExport' }) },
  'import:preview': {
    input: () => ({ format: 'linkedin', text: LINKEDIN_CSV }),
    check: (v: { counts: { records: number; newPeople: number } }) => expect(v.counts).toMatchObject({ records: 2, newPeople: 2 }),
  },
  'import:commit': {
    input: () => ({ format: 'linkedin', text: LINKEDIN_CSV }),
    check: (v: { counts: { newPeople: number } }, f) => {
      expect(v.counts.newPeople).toBe(2);
      expect(f.db.prepare(`SELECT count(*) FROM people WHERE display_name IN ('Tom Becker', 'Zoë Lindqvist')`).pluck().get()).toBe(2);
    },
  },
  'graph:data': {
    input: () => ({ mode: { kind: 'ego', hops: 2 }, filters: { minStrength: 1 } }),
    check: (v: { nodes: { isMe: boolean }[] }) => expect(v.nodes.some((n) => n.isMe)).toBe(true),
  },
  'graph:insights': { input: () => ({}), check: (v: { bridges: unknown[] }) => expect(Array.isArray(v.bridges)).toBe(true) },
  'graph:positions': { input: () => undefined, check: (v: { ids: number[] }) => expect(v.ids).toEqual([]) },
  'graph:savePositions': { input: (f) => ({ positions: { ids: [f.me], xy: [1, 2] } }), check: (v: { saved: number }) => expect(v.saved).toBe(1) },
  'graph:communityMap': { input: () => ({}), check: (v: { communities: unknown[]; totalPeople: number }) => expect(v.totalPeople).toBeGreaterThan(1) },
  'graph:renameCommunity': { input: () => ({ communityId: 0, name: 'Old friends' }), check: (v: { label: string }) => expect(v).toEqual({ label: 'Old friends', named: true }) },
  'routes:find': {
    input: (f) => ({ organizationId: routeToBen(f).target, k: 3 }),
    check: (v: { kind: string; routes: { personIds?: number[] }[] }) => {
      expect(v.kind).toBe('found');
      expect(v.routes.length).toBeGreaterThan(0);
    },
  },
  'introductions:create': {
    input: (f) => {
      routeToBen(f);
      return { route: [f.me, f.ana, f.ben], notes: 'ask in March' };
    },
    check: (v: { status: string; introducer: { name: string } }) => expect(v).toMatchObject({ status: 'idea', introducer: { name: 'Ana Acosta' } }),
  },
  'introductions:list': {
    input: (f) => (introToBen(f), { status: 'idea' }),
    check: (v: { items: unknown[] }) => expect(v.items).toHaveLength(1),
  },
  'introductions:get': { input: (f) => ({ id: introToBen(f) }), check: (v: { route: number[] }, f) => expect(v.route).toEqual([f.me, f.ana, f.ben]) },
  'introductions:setStatus': { input: (f) => ({ id: introToBen(f), status: 'asked', at: '2026-01-02', note: 'sent a message' }) },
  'introductions:undoMove': {
    input: (f) => {
      const id = introToBen(f, 'made');
      return { id, eventId: getIntroduction(f.db, id).events.at(-1)!.id };
    },
    check: (v: { status: string; events: unknown[] }) => expect(v).toMatchObject({ status: 'idea', events: [{ status: 'idea' }] }),
  },
  'introductions:update': { input: (f) => ({ id: introToBen(f), patch: { message: 'Hi Ana!' } }) },
  'introductions:addTie': {
    input: (f) => ({ id: introToBen(f, 'made') }),
    check: (v: { created: boolean; tie: { source: string } }) => expect(v).toMatchObject({ created: true, tie: { source: 'introduced' } }),
  },
  'backups:list': { input: () => undefined, check: (v: { folder: string; backups: unknown[] }) => expect(v.folder).toMatch(/backups$/) },
  'backups:create': { input: () => ({}), check: (v: { kind: string; sizeBytes: number }) => expect(v).toMatchObject({ kind: 'manual' }) },
  'backups:restore': {
    input: (f) => ({ name: createBackupSync({ db: f.db, backupDir: path.join(f.dataDir, 'backups') }, 'manual').name }),
    check: (v: { restartRequired: boolean; safetyBackup: { kind: string } }) => expect(v).toMatchObject({ restartRequired: true, safetyBackup: { kind: 'before-restore' } }),
  },
  'targets:list': { input: () => undefined, check: (v: { items: unknown[] }) => expect(v.items).toEqual([]) },
  'targets:get': { input: (f) => ({ organizationId: f.acme }), check: (v: { isTarget: boolean }) => expect(v.isTarget).toBe(false) },
  'targets:set': { input: (f) => ({ organizationId: f.acme, isTarget: true }), check: (v: { isTarget: boolean }) => expect(v.isTarget).toBe(true) },
  'targets:job': { input: (f) => ({ organizationId: f.acme }), check: (v: { stage: string | null }) => expect(v.stage).toBe(null) },
  'targets:setJob': {
    input: (f) => ({ organizationId: f.acme, role: 'Staff engineer', stage: 'applied', on: '2026-01-05' }),
    check: (v: { role: string; history: unknown[] }) => expect(v).toMatchObject({ role: 'Staff engineer', history: [{ stage: 'applied', on: '2026-01-05' }] }),
  },
  'targets:routes': {
    input: (f) => ({ organizationId: routeToBen(f).target }),
    check: (v: { result: { kind: string }; people: unknown[] }) => expect(v.result.kind).toBe('found'),
  },
  'targets:routesThrough': {
    input: (f) => ({ organizationId: routeToBen(f).target, throughId: f.ana }),
    check: (v: { result: { best: { personIds: number[] } | null }; people: unknown[] }, f) => expect(v.result.best?.personIds).toEqual([f.me, f.ana, f.ben]),
  },
  'targets:routesByPerson': {
    input: (f) => ({ organizationId: routeToBen(f).target }),
    check: (v: { result: { items: { person: { id: number } }[] } }, f) => expect(v.result.items.map((i) => i.person.id)).toEqual([f.ben]),
  },
  'targets:warmthModel': { input: () => undefined, check: (v: { baseWarmth: unknown[] }) => expect(v.baseWarmth).toHaveLength(5) },
  // Likely ties (issue 15; their own tests are in likely-ties.test.ts): Ben joins Ana at Acme Labs.
  'likelyTies:list': {
    input: (f) => (createAffiliation(f.db, { personId: f.ben, organizationId: f.acme, startDate: '2021' }), { personId: f.ana }),
    check: (v: { items: { b: { name: string } }[] }) => expect(v.items.map((t) => t.b.name)).toEqual(['Ben Bauer']),
  },
  'likelyTies:confirm': {
    input: (f) => (createAffiliation(f.db, { personId: f.ben, organizationId: f.acme, startDate: '2021' }), { pairKey: `${f.ana}-${f.ben}`, strength: 2 }),
    check: (v: { decision: string; tieId: number | null }) => expect(v).toMatchObject({ decision: 'confirmed', tieId: expect.any(Number) }),
  },
  'likelyTies:dismiss': {
    input: (f) => (createAffiliation(f.db, { personId: f.ben, organizationId: f.acme, startDate: '2021' }), { pairKey: `${f.ana}-${f.ben}` }),
    check: (v: { decision: string }) => expect(v.decision).toBe('dismissed'),
  },
  // Forget a person (issue 18; its own tests are in forget.test.ts).
  'people:forgetPreview': { input: (f) => ({ id: f.ana }), check: (v: { ties: number; affiliations: number }) => expect(v).toMatchObject({ ties: 1, affiliations: 1 }) },
  'people:forget': { input: (f) => ({ id: f.ben, confirm: true }), check: (v: { forgottenKey: string }) => expect(v.forgottenKey).toMatch(/^[0-9a-f]{32}$/) },
  'backups:forgotten': { input: () => undefined, check: (v: unknown[]) => expect(v).toEqual([]) },
  'backups:purgeForgotten': {
    file: true,
    input: async (f) => {
      createBackupSync({ db: f.db, backupDir: path.join(f.dataDir, 'backups') }, 'manual');
      const result = await f.dispatch('people:forget', { id: f.ben, confirm: true });
      return { key: (result as { ok: true; value: { forgottenKey: string } }).value.forgottenKey, confirm: true };
    },
    check: (v: { deleted: string[] }) => expect(v.deleted).toHaveLength(1),
  },
  ...JOURNAL_VALID,
  'export:run': {
    input: () => ({ format: 'json' }),
    check: (v: { text: string }) => expect(JSON.stringify(JSON.parse(v.text))).toContain('Ana Acosta'),
  },
};

afterAll(removeTempDirs);

const byIdInvalid = (f: Fixture) => [{}, { id: String(f.ana) }, { id: 0 }, { id: -3 }, { id: 1.5 }, { id: f.ana, extra: 1 }, null, 'x', [f.ana]];
const nothingInvalid = () => [{ extra: 1 }, 'x', 42, null, []];

/** Refused by every channel's input schema (all are strict objects, most optional). */
const ANY_CHANNEL_INVALID = ['a string', 42, true, [], { __unexpected__: 1 }];

/** Inputs each channel must refuse, beyond ANY_CHANNEL_INVALID: wrong types, missing fields, extra fields, oversized strings. */
const historyInvalid = [
  { source: 'ics' },
  { source: 'mbox', bytes: HISTORY_BYTES },
  { source: 'ics', file: '/etc/passwd' },
  { source: 'ics', path: '/tmp/calendar.ics' },
  { source: 'ics', bytes: HISTORY_BYTES, file: RUN },
  { source: 'ics', bytes: HISTORY_BYTES, maxAttendees: 0 },
  { source: 'ics', bytes: HISTORY_BYTES, maxAttendees: 2.5 },
  { source: 'ics', bytes: HISTORY_BYTES, myEmails: ['nobody'] },
  { source: 'vcard', bytes: HISTORY_BYTES },
];

const INVALID: Partial<Record<Channel, (f: Fixture) => unknown[]>> = {
  'app:unlock': () => [{}, { passphrase: '' }, { passphrase: 5 }, { passphrase: 'x'.repeat(1025) }, { passphrase: 'long enough', extra: 1 }],
  'encryption:status': nothingInvalid,
  'encryption:set': () => [{}, { passphrase: 'short' }, { passphrase: ' padded passphrase ' }, { passphrase: 'x'.repeat(1025) }, { current: 'long enough pass' }],
  'encryption:change': () => [{ current: 'long enough pass' }, { current: '', next: 'long enough pass' }, { current: 'a', next: 'short' }, { next: 'long enough pass' }],
  'encryption:remove': () => [{}, { current: '' }, { current: 1 }, { current: 'x', next: 'long enough pass' }],
  'app:info': nothingInvalid,
  'app:completeSetup': () => [
    {},
    { displayName: 'Sam' },
    { displayName: '   ', loadSample: false },
    { displayName: name, loadSample: false },
    { displayName: 'Sam', loadSample: 'yes' },
    { displayName: 'Sam', loadSample: false, sample: 150 },
    undefined,
  ],
  'people:list': () => [{ sort: 'age' }, { limit: 0 }, { limit: 2.5 }, { limit: '10' }, { search: name }, { search: 5 }, { archived: 'all' }, { tag: 'x'.repeat(201) }, { organizationId: -1 }, { page: 2 }, 'x', null],
  'people:get': byIdInvalid,
  'people:create': () => [
    {},
    { displayName: '' },
    { displayName: ' \n\t ' },
    { displayName: 42 },
    { displayName: name },
    { displayName: 'A', headline: short },
    { displayName: 'A', emails: 'a@example.com' },
    { displayName: 'A', emails: [{ value: '' }] },
    { displayName: 'A', emails: [{ value: 'a@example.com', kind: 'work' }].map((e) => ({ ...e, value: 5 })) },
    { displayName: 'A', tags: ['x'.repeat(201)] },
    { displayName: 'A', tags: Array.from({ length: LIMITS.listItems + 1 }, (_, i) => `t${i}`) },
    { displayName: 'A', cadenceDays: 0 },
    { displayName: 'A', cadenceDays: 3651 },
    { displayName: 'A', isMe: true },
    { displayName: 'A', id: 7 },
    { displayName: 'A', archived: true },
  ],
  'people:update': (f) => [
    { id: f.ben },
    { patch: { headline: 'x' } },
    { id: f.ben, patch: { displayName: '' } },
    { id: f.ben, patch: { isMe: true } },
    { id: f.ben, patch: { archived: true } },
    { id: f.ben, patch: { notes: 7 } },
    { id: String(f.ben), patch: {} },
    { id: f.ben, patch: {}, extra: 1 },
    { id: f.ben, patch: { location: short } },
  ],
  'people:archive': byIdInvalid,
  'people:restore': byIdInvalid,
  'orgs:list': () => [{ sort: 'size' }, { search: name }, { archived: true }, { extra: 1 }, 7],
  'orgs:get': byIdInvalid,
  'orgs:create': () => [{}, { name: '' }, { name: name }, { name: 'A', kind: 'startup' }, { name: 'A', domain: 'x'.repeat(501) }, { name: 'A', isTarget: true }, { name: ['A'] }],
  'orgs:update': (f) => [{ id: f.acme }, { id: f.acme, patch: { name: '  ' } }, { id: f.acme, patch: { kind: 'startup' } }, { id: f.acme, patch: { archived: true } }, { id: 0, patch: {} }],
  'orgs:archive': byIdInvalid,
  'orgs:restore': byIdInvalid,
  'affiliations:create': (f) => [
    { personId: f.ben },
    { personId: f.ben, organizationId: f.acme, organizationName: 'Both Co' },
    { personId: f.ben, organizationName: '' },
    { organizationName: 'New Co' },
    { personId: f.ben, organizationName: 'New Co', startDate: '2024-13' },
    { personId: f.ben, organizationName: 'New Co', startDate: '2023-02-30' },
    { personId: f.ben, organizationName: 'New Co', endDate: 'last year' },
    { personId: f.ben, organizationName: 'New Co', current: 'yes' },
    { personId: f.ben, organizationName: 'New Co', title: short },
    { personId: f.ben, organizationName: 'New Co', salary: 1 },
  ],
  'affiliations:update': (f) => [
    { id: f.affiliation, patch: { startDate: '20-1' } },
    { id: f.affiliation, patch: { organizationId: f.acme } },
    { id: f.affiliation, patch: { title: short } },
    { id: f.affiliation },
  ],
  'affiliations:delete': byIdInvalid,
  'ties:create': (f) => [
    { personA: f.ana, personB: f.ana, strength: 3 },
    { personA: f.ana, personB: f.ben },
    { personA: f.ana, personB: f.ben, strength: 0 },
    { personA: f.ana, personB: f.ben, strength: 6 },
    { personA: f.ana, personB: f.ben, strength: 2.5 },
    { personA: f.ana, personB: f.ben, strength: '3' },
    { personA: f.ana, personB: f.ben, strength: 3, source: 'guess' },
    { personA: f.ana, personB: f.ben, strength: 3, since: '2024-00' },
    { personA: f.ana, personB: f.ben, strength: 3, context: short },
    { personA: f.ana, personB: f.ben, strength: 3, weight: 1 },
  ],
  'ties:update': (f) => [{ id: f.tie, patch: { strength: 9 } }, { id: f.tie, patch: { personA: f.ben } }, { id: f.tie }, { id: f.tie, patch: { since: '2024/01' } }],
  'ties:delete': byIdInvalid,
  'tags:list': nothingInvalid,
  'search:quick': () => [{}, { query: 42 }, { query: 'x'.repeat(2_001) }, { query: 'a', limit: 0 }, { query: 'a', limit: 101 }, { query: 'a', limit: 1.5 }, { query: 'a', extra: 1 }, 'a'],
  'stats:get': nothingInvalid,
  'sample:load': () => [{ people: 5 }, { people: 100_001 }, { people: '150' }, { seed: -1 }, { seed: 1.5 }, { seed: 2 ** 31 }, { size: 10 }, 'big'],
  'import:chooseFolder': nothingInvalid,
  'history:chooseFile': () => [{}, { source: 'pdf' }, { source: 'ics', path: '/tmp/calendar.ics' }, 'ics'],
  'history:preview': () => historyInvalid,
  'history:commit': () => historyInvalid,
  'history:progress': () => [{}, { run: 'not-a-uuid' }, { run: RUN, extra: 1 }],
  'history:cancel': () => [{}, { run: 42 }],
  'settings:myEmails': nothingInvalid,
  'settings:setMyEmails': () => [{}, { emails: 'me@example.org' }, { emails: ['not an address'] }, { emails: Array(51).fill('a@b.example') }],
  'imports:list': nothingInvalid,
  'duplicates:people': nothingInvalid,
  'duplicates:organizations': nothingInvalid,
  'duplicates:mergePeople': (f) => [{}, { ids: [f.ana] }, { ids: [f.ana, 'x'] }, { ids: [f.ana, f.ben], prefer: { notes: f.ana } }, { ids: [f.ana, f.ben], dryRun: 'yes' }, { ids: [f.ana, f.ben], extra: 1 }],
  'duplicates:mergeOrganizations': (f) => [{}, { ids: [f.acme] }, { ids: [f.acme, -1] }, { ids: [f.acme, f.acme], dryRun: 1 }],
  'imports:undo': () => [{ dryRun: 'yes' }, { extra: 1 }, 'x', 42, null, []],
  'import:preview': () => [
    {},
    { format: 'linkedin', folder: '/home/me/LinkedIn' },
    { format: 'linkedin', bytes: 'not base64!' },
    { format: 'excel', text: LINKEDIN_CSV },
    { format: 'linkedin' },
    { format: 'linkedin', text: 5 },
    { format: 'linkedin', text: LINKEDIN_CSV, path: '/etc/passwd' },
    { format: 'linkedin', text: LINKEDIN_CSV, exclude: ['x'.repeat(101)] },
    { format: 'linkedin', text: LINKEDIN_CSV, exclude: 'line 5' },
  ],
  'import:commit': () => [
    { format: 'vcf', text: 'BEGIN:VCARD' },
    { text: LINKEDIN_CSV },
    { format: 'linkedin', text: null },
    { format: 'linkedin', text: LINKEDIN_CSV, dryRun: true },
  ],
  'graph:data': () => [{}, { mode: { kind: 'all' } }, { mode: { kind: 'ego', hops: 4 } }, { mode: { kind: 'org' } }, { mode: { kind: 'whole' }, filters: { minStrength: 0 } }, { mode: { kind: 'whole' }, filters: { quietDays: -1 } }],
  'graph:insights': () => [{ extra: 1 }, 'all'],
  'graph:positions': () => [{ extra: 1 }],
  'graph:communityMap': () => [{ extra: 1 }],
  'graph:renameCommunity': () => [{}, { communityId: -1, name: 'x' }, { communityId: 0 }, { communityId: 0, name: 'x'.repeat(121) }, { communityId: 0, name: '\u0007' }],
  'graph:savePositions': (f) => [{}, { positions: { ids: [f.me], xy: [1] } }, { positions: { ids: [f.me], xy: [1, Infinity] } }, { positions: { ids: ['1'], xy: [1, 2] } }, { positions: { ids: [], xy: [] }, replace: 'yes' }],
  'routes:find': (f) => [{}, { organizationId: f.acme, personId: f.ben }, { organizationId: '1' }, { personId: f.ben, k: 0 }, { personId: f.ben, k: 1000 }, { personId: f.ben, maxHops: 0 }, { personId: f.ben, maxHops: 99 }, { personId: f.ben, weights: {} }],
  'introductions:create': (f) => [{}, { route: [f.me, f.ben] }, { route: [f.me, f.ana, 'x'] }, { route: Array.from({ length: 50 }, (_, i) => i + 1) }, { route: [f.me, f.ana, f.ben], message: 5 }, { route: [f.me, f.ana, f.ben], status: 'made' }],
  'introductions:list': () => [{ status: 'maybe' }, { status: 3 }, { limit: 5 }],
  'introductions:get': byIdInvalid,
  'introductions:setStatus': (f) => [{ id: f.ana }, { id: f.ana, status: 'done' }, { status: 'asked' }, { id: f.ana, status: 'asked', at: 'today' }, { id: f.ana, status: 'asked', note: short }],
  'introductions:undoMove': (f) => [{ id: f.ana }, { eventId: 1 }, { id: f.ana, eventId: '1' }, { id: f.ana, eventId: 1, extra: 1 }],
  'introductions:update': (f) => [{ id: f.ana }, { id: f.ana, patch: { status: 'made' } }, { id: f.ana, patch: { notes: 5 } }],
  'introductions:addTie': byIdInvalid,
  'targets:list': nothingInvalid,
  'targets:get': (f) => [{}, { organizationId: String(f.acme) }, { organizationId: 0 }, { id: f.acme }, null],
  'targets:set': (f) => [{ organizationId: f.acme }, { organizationId: f.acme, isTarget: 'yes' }, { isTarget: true }, { organizationId: f.acme, isTarget: true, extra: 1 }],
  'targets:job': (f) => [{}, { organizationId: 'x' }, { organizationId: f.acme, extra: 1 }],
  'targets:setJob': (f) => [
    { organizationId: f.acme, role: 'x'.repeat(301) },
    { organizationId: f.acme, stage: 'dreaming' },
    { organizationId: f.acme, stage: 'offer', on: '2026-02-30' },
    { organizationId: f.acme, extra: 1 },
  ],
  'targets:routes': (f) => [{}, { organizationId: f.acme, personId: f.ana }, { organizationId: f.acme, k: 0 }, { personId: f.ana, maxHops: 99 }],
  'targets:routesThrough': (f) => [{ organizationId: f.acme }, { organizationId: f.acme, throughId: 'x' }, { personId: f.ben, throughId: f.ana, goal: 'anyone' }, { organizationId: f.acme, throughId: f.ana, maxHops: 7 }],
  'targets:routesByPerson': (f) => [{}, { organizationId: f.acme, goal: 'ceo' }, { organizationId: f.acme, personId: f.ana }, { organizationId: f.acme, maxHops: 0 }],
  'targets:warmthModel': nothingInvalid,
  'likelyTies:list': (f) => [{ personId: 'x' }, { personId: f.ana, minConfidence: 2 }, { limit: 0 }, { order: 'random' }, { extra: 1 }],
  'likelyTies:confirm': (f) => [{}, { pairKey: `${f.ana}` }, { pairKey: 'a-b' }, { pairKey: `${f.ana}-${f.ben}`, strength: 9 }, { pairKey: `${f.ana}-${f.ben}`, extra: 1 }],
  'likelyTies:dismiss': (f) => [{}, { pairKey: 12 }, { pairKey: `${f.ana}-${f.ben}`, strength: 2 }],
  ...JOURNAL_INVALID,
  'sync:status': nothingInvalid,
  'sync:chooseFolder': () => [{ folder: '/tmp' }, { path: '/tmp' }, 'x'],
  'sync:setUp': () => [
    {},
    { token: RUN },
    { token: 'not-a-token', passphrase: 'correct horse battery' },
    { token: RUN, passphrase: '' },
    { token: RUN, passphrase: 'correct horse battery', folder: '/tmp/sync' },
    { folder: '/tmp/sync', passphrase: 'correct horse battery' },
    { token: RUN, passphrase: 'x'.repeat(1025) },
  ],
  'sync:now': nothingInvalid,
  'sync:conflicts': nothingInvalid,
  'sync:forgetDevice': () => [{}, { device: '' }, { device: 5 }, { device: 'x'.repeat(201) }, { device: 'abc', folder: '/tmp' }],
  'backups:list': nothingInvalid,
  'backups:create': nothingInvalid,
  'backups:restore': () => [{}, { name: '../kith.db' }, { name: '/etc/passwd' }, { name: 'kith.db' }, { name: 'kith-manual-2025-01-01T00-00-00-000Z.db', path: '/x' }, { name: 5 }],
  'export:run': () => [{}, { format: 'pdf' }, { format: 'json', path: '/tmp/out.json' }, { format: ['json'] }],
  'people:forgetPreview': byIdInvalid,
  'people:forget': (f) => [{ id: f.ana }, { id: f.ana, confirm: false }, { id: f.ana, confirm: 'yes' }, { id: String(f.ana), confirm: true }],
  'backups:forgotten': nothingInvalid,
  'backups:purgeForgotten': () => [{}, { key: 'x', confirm: true }, { key: 'a'.repeat(32) }, { key: '../kith.db', confirm: true }, { key: 'a'.repeat(32), confirm: true, path: '/x' }],
};

describe('a valid call on every channel', () => {
  it('covers the whole contract (add a case here for a new channel)', () => {
    expect(CHANNELS.filter((c) => !VALID[c]), 'channels without a valid call').toEqual([]);
    expect(CHANNELS.filter((c) => !INVALID[c]), 'channels without specific invalid inputs').toEqual([]);
  });

  it.each(CHANNELS.filter((c) => VALID[c]))('%s answers ok, inside the contract', async (channel) => {
    const spec = VALID[channel]!;
    const f = fixture({ empty: spec.empty, file: spec.file });
    const value = success(await f.dispatch(channel, await spec.input(f)));
    spec.check?.(value as never, f);
  });
});

describe('invalid input on every channel', () => {
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
  });

  it.each(CHANNELS)('%s: INVALID_INPUT with a readable message, database unchanged', async (channel) => {
    const cases = [...ANY_CHANNEL_INVALID, ...(INVALID[channel]?.(f) ?? [])];
    const before = snapshotDb(f.db);
    for (const input of cases) {
      const error = failure(await f.dispatch(channel, input));
      const shown = JSON.stringify(input)?.slice(0, 80);
      expect(error.code, shown).toBe('INVALID_INPUT');
      expect(error.message, shown).toMatch(new RegExp(`^Invalid request \\(${channel}\\): \\S`));
      expect(error.message).not.toMatch(/\[object Object\]/);
      expect(error.message.length).toBeLessThan(600);
    }
    expect(snapshotDb(f.db)).toEqual(before);
  });

  it('messages name the field and say what is wrong', async () => {
    const msg = async (channel: string, input: unknown) => failure(await f.dispatch(channel, input)).message;
    expect(await msg('people:create', { displayName: '' })).toMatch(/displayName: Name cannot be empty/);
    expect(await msg('people:create', { displayName: name })).toMatch(/displayName: Name is too long \(at most 2000 characters\)/);
    expect(await msg('people:create', { displayName: 'A', isMe: true })).toMatch(/isMe/);
    expect(await msg('ties:create', { personA: f.ana, personB: f.ben, strength: 6 })).toMatch(/strength: Strength must be from 1 to 5/);
    expect(await msg('ties:create', { personA: f.ana, personB: f.ana, strength: 3 })).toMatch(/personB: A person cannot have a tie with themselves/);
    expect(await msg('affiliations:create', { personId: f.ana, startDate: '2024-13', organizationName: 'X' })).toMatch(
      /startDate: must be a date like 2024, 2024-03 or 2024-03-15/,
    );
    expect(await msg('affiliations:create', { personId: f.ana })).toMatch(/Give either an organization id or an organization name/);
  });
});

describe('refusals from the services', () => {
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
  });

  async function refused(channel: string, input: unknown, code: string, message?: RegExp): Promise<void> {
    const before = snapshotDb(f.db);
    const error = failure(await f.dispatch(channel, input));
    expect(error.code, channel).toBe(code);
    if (message) expect(error.message).toMatch(message);
    expect(snapshotDb(f.db)).toEqual(before);
  }

  it('unknown ids are NOT_FOUND', async () => {
    const missing = { id: 9_999 };
    for (const channel of ['people:get', 'people:archive', 'people:restore', 'orgs:get', 'orgs:archive', 'orgs:restore', 'affiliations:delete', 'ties:delete'] as const) {
      await refused(channel, missing, 'NOT_FOUND', /No \w+ with id 9999/);
    }
    await refused('people:update', { id: 9_999, patch: { headline: 'x' } }, 'NOT_FOUND');
    await refused('orgs:update', { id: 9_999, patch: { name: 'x' } }, 'NOT_FOUND');
    await refused('affiliations:update', { id: 9_999, patch: { title: 'x' } }, 'NOT_FOUND');
    await refused('ties:update', { id: 9_999, patch: { strength: 2 } }, 'NOT_FOUND');
    await refused('affiliations:create', { personId: 9_999, organizationName: 'New Co' }, 'NOT_FOUND');
    await refused('affiliations:create', { personId: f.ana, organizationId: 9_999 }, 'NOT_FOUND');
    await refused('ties:create', { personA: f.ana, personB: 9_999, strength: 2 }, 'NOT_FOUND');
  });

  it('rule breaks are CONFLICT', async () => {
    await refused('orgs:create', { name: 'ACME LABS' }, 'CONFLICT', /already exists/);
    await refused('people:archive', { id: f.me }, 'CONFLICT', /cannot archive yourself/);
    await refused('ties:create', { personA: f.ana, personB: f.me, strength: 1 }, 'CONFLICT', /already have a tie/);
    await refused('sample:load', {}, 'CONFLICT', /empty Kith/);
    await refused('sample:load', undefined, 'CONFLICT');
  });

  it('an affiliation ending before it starts is INVALID_INPUT from the service', async () => {
    await refused('affiliations:create', { personId: f.ben, organizationName: 'New Co', startDate: '2022', endDate: '2021' }, 'INVALID_INPUT', /before the start date/);
    await refused('affiliations:update', { id: f.affiliation, patch: { endDate: '2019-12' } }, 'INVALID_INPUT');
  });
});

describe('the dispatcher itself', () => {
  it('answers UNKNOWN_CHANNEL for anything outside the contract, including Object.prototype names', async () => {
    const f = fixture();
    const before = snapshotDb(f.db);
    for (const channel of ['people:drop', '', 'PEOPLE:LIST', ' people:list', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, {}]) {
      const error = failure(await f.dispatch(channel, {}));
      expect(error.code, String(channel)).toBe('UNKNOWN_CHANNEL');
      expect(error.message).toMatch(/Kith has no request called/);
    }
    expect(snapshotDb(f.db)).toEqual(before);
  });

  it('turns an unexpected throw into INTERNAL and logs it; an answer outside the contract is caught', async () => {
    const f = fixture();
    const log = vi.fn();
    const handlers = createHandlers({ db: f.db, dataDir: f.dataDir });
    const broken = createDispatcher(
      {
        ...handlers,
        'stats:get': () => {
          throw new Error('boom');
        },
        'tags:list': () => [{ name: 'x', people: 'many' }] as never,
      },
      { validateOutput: true, log },
    );
    const internal = failure(await broken('stats:get', undefined));
    expect(internal).toEqual({ code: 'INTERNAL', message: 'Something went wrong in stats:get: boom' });
    expect(log).toHaveBeenCalledOnce();
    expect(failure(await broken('tags:list', undefined)).message).toMatch(/answered outside the contract: 0\.people/);
  });

  it('passes the parsed input to handlers: names are trimmed before they are stored', async () => {
    const f = fixture();
    const person = success<{ displayName: string }>(await f.dispatch('people:create', { displayName: '  Dana Diaz  ' }));
    expect(person.displayName).toBe('Dana Diaz');
    const org = success<{ name: string }>(await f.dispatch('orgs:create', { name: '\tCobalt Studios ' }));
    expect(org.name).toBe('Cobalt Studios');
  });
});
