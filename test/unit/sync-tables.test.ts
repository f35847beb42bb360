// Sync of the rest of the user's record (issue 19, second step): favors,
// follow-ups, introductions and their moves, target stages, tags and
// likely-tie decisions, between two devices on real SQLite files; a wrong
// clock that cannot win forever; a unique name claimed by two rows; forgetting
// a person on one device forgets them on every device.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { createFavor, deleteFavor, updateFavor } from '../../main/services/favors';
import { forgetPerson } from '../../main/services/forget';
import { createEntry } from '../../main/services/journal';
import { createOrganization, updateOrganization } from '../../main/services/organizations';
import { createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createReminder, updateReminder } from '../../main/services/reminders';
import { personTags, setPersonTags } from '../../main/services/tags';
import { getTargetJob, setTarget, setTargetJob } from '../../main/services/targets';
import { createTie } from '../../main/services/ties';
import { applyOps, canonicalDump, listConflicts, type SyncOp } from '../../main/sync/engine';
import { setUpSync, syncNow, syncStatus } from '../../main/sync/run';
import { fixedClock, setClock } from '../../shared/clock';
import { importText } from '../../main/importers';
import { readArchiveFolder } from '../../main/importers/folder';
import { commitHistory, parseCalendarText } from '../../main/importers/history';
import { readMbox } from '../../main/importers/mbox';
import { enableSync } from '../../main/sync/engine';
import { FIXTURES, HISTORY_FIXTURES } from '../helpers/fixtures';
import { device, exchange, pending } from '../helpers/syncDevices';
import { createTestDb, makeTempDir, removeTempDirs } from '../helpers/db';


const START = Date.parse('2027-01-31T12:00:00Z');
let restore: () => void;
function at(ms: number): void {
  restore();
  restore = setClock(fixedClock(new Date(START + ms).toISOString(), 'Europe/Berlin'));
}
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(() => removeTempDirs());

const idOf = (db: Db, name: string) => db.prepare('SELECT id FROM people WHERE display_name = ?').pluck().get(name) as number;
const orgOf = (db: Db, name: string) => db.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(name) as number;

describe('what syncs', () => {
  it('favors, follow-ups, introductions, target stages, tags and likely-tie decisions reach the other device', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const bo = createPerson(a.db, { displayName: 'Bo Berg' });
    createTie(a.db, { personA: getMeId(a.db), personB: bo.id, strength: 4 });
    createTie(a.db, { personA: bo.id, personB: ana.id, strength: 3 });
    const entry = createEntry(a.db, { occurredAt: '2027-01-20', kind: 'coffee', title: 'Coffee', body: 'x', participantIds: [ana.id] });
    createFavor(a.db, { personId: ana.id, direction: 'received', kind: 'advice', occurredOn: '2027-01-20', note: 'CV tips', interactionId: entry.id });
    createReminder(a.db, { personId: ana.id, title: 'Send the article', dueOn: '2027-02-03' });
    const org = createOrganization(a.db, { name: 'Cobalt' });
    setTarget(a.db, org.id, true);
    setTargetJob(a.db, { organizationId: org.id, role: 'Staff engineer', stage: 'applied', on: '2027-01-25' });
    setPersonTags(a.db, ana.id, ['Climbing', 'Berlin']);
    a.db
      .prepare(`INSERT INTO introductions (introducer_id, requester_id, target_person_id, status, route, created_at, updated_at) VALUES (?, ?, ?, 'idea', ?, 'x', 'x')`)
      .run(bo.id, getMeId(a.db), ana.id, JSON.stringify([getMeId(a.db), bo.id, ana.id]));
    const [lo, hi] = ana.id < bo.id ? [ana.id, bo.id] : [bo.id, ana.id];
    a.db
      .prepare(`INSERT INTO likely_tie_decisions (person_a, person_b, decision, evidence_kinds, confidence_milli, strength, decided_at) VALUES (?, ?, 'dismissed', 'org', 400, NULL, 'x')`)
      .run(lo, hi);
    exchange([a, b]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    const anaB = idOf(b.db, 'Ana Acosta');
    const boB = idOf(b.db, 'Bo Berg');
    expect(b.db.prepare('SELECT note, interaction_id IS NOT NULL AS linked FROM favors WHERE person_id = ?').get(anaB)).toEqual({ note: 'CV tips', linked: 1 });
    expect(b.db.prepare('SELECT title FROM reminders WHERE person_id = ?').pluck().get(anaB)).toBe('Send the article');
    expect(getTargetJob(b.db, orgOf(b.db, 'Cobalt'))).toMatchObject({ role: 'Staff engineer', stage: 'applied' });
    expect(personTags(b.db, anaB)).toEqual(['Berlin', 'Climbing']);
    // The route travels as global ids and lands as B's own local ids.
    expect(JSON.parse(b.db.prepare('SELECT route FROM introductions').pluck().get() as string)).toEqual([getMeId(b.db), boB, anaB]);
    expect(b.db.prepare('SELECT decision FROM likely_tie_decisions').pluck().all()).toEqual(['dismissed']);
    expect(Object.keys(canonicalDump(b.db).tags!).every((g) => g.startsWith('tags-'))).toBe(true);
  });

  it('tags merge as additions and removals; edits and deletes of favors and follow-ups merge field by field', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    setPersonTags(a.db, ana.id, ['Climbing']);
    const favor = createFavor(a.db, { personId: ana.id, direction: 'given', kind: 'referral', occurredOn: '2027-01-20' });
    const rem = createReminder(a.db, { personId: ana.id, title: 'Call', dueOn: '2027-02-03' });
    exchange([a, b]);
    const anaB = idOf(b.db, 'Ana Acosta');
    at(1000);
    setPersonTags(a.db, ana.id, ['Climbing', 'Berlin']);
    setPersonTags(b.db, anaB, ['Climbing', 'Chess']);
    updateFavor(a.db, favor.id, { note: 'for Orchid' });
    updateReminder(b.db, b.db.prepare('SELECT id FROM reminders').pluck().get() as number, { done: true });
    exchange([a, b]);
    for (const d of [a, b]) expect(personTags(d.db, idOf(d.db, 'Ana Acosta'))).toEqual(['Berlin', 'Chess', 'Climbing']);
    at(2000);
    setPersonTags(b.db, anaB, ['Berlin', 'Chess']);
    deleteFavor(b.db, b.db.prepare('SELECT id FROM favors').pluck().get() as number);
    exchange([a, b]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    expect(personTags(a.db, ana.id)).toEqual(['Berlin', 'Chess']);
    expect(a.db.prepare('SELECT count(*) FROM favors').pluck().get()).toBe(0);
    expect(a.db.prepare('SELECT done_at IS NOT NULL FROM reminders WHERE id = ?').pluck().get(rem.id)).toBe(1);
  });
});

describe('the same import on two devices', () => {
  // Issue 19: "the same import on two devices converges". Found by the
  // outside check of review 32: the people met by their LinkedIn URL, but
  // every affiliation, message entry, recommendation (favor) and calendar
  // meeting came twice, once under each device's random global id.
  const ME = ['me@example.com', 'me.work@corp.example'];
  function importAll(db: Db): void {
    importText(db, 'linkedin', readArchiveFolder(path.join(FIXTURES, 'linkedin-archive')));
    importText(db, 'linkedin', fs.readFileSync(path.join(FIXTURES, 'linkedin', 'Connections.csv')));
    const ics = fs.readFileSync(path.join(HISTORY_FIXTURES, 'google.ics'), 'utf8');
    commitHistory(db, parseCalendarText(db, ics, { myEmails: ME }), { myEmails: ME });
  }
  const counts = (db: Db) =>
    Object.fromEntries(['people', 'organizations', 'affiliations', 'ties', 'interactions', 'interaction_participants', 'favors'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

  it('converges without duplicates, whether a device imported before or after switching sync on', () => {
    const alone = createTestDb();
    importAll(alone);
    const a = device('laptop');
    importAll(a.db);
    // B imported before sync was switched on: its rows take their ids then.
    const bDb = createTestDb();
    importAll(bDb);
    enableSync(bDb, { device: 'desktop' });
    const b = { name: 'desktop', db: bDb, sent: new Map<string, number>() };
    exchange([a, b]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    expect(counts(a.db)).toEqual(counts(alone));
    expect(counts(b.db)).toEqual(counts(alone));
    // A third device imports the same files after it has received the others' import.
    const c = device('tablet');
    exchange([a, c]);
    importAll(c.db);
    exchange([a, b, c]);
    for (const d of [b, c]) expect(canonicalDump(d.db)).toEqual(canonicalDump(a.db));
    expect(counts(c.db)).toEqual(counts(alone));
  });

  it('a day of mail imported on two devices is one entry, even while its correspondent is two people to merge', async () => {
    // People found only by an e-mail address get random ids (issue 19): the
    // user merges them (kith people duplicates). Their days of mail must not
    // come twice meanwhile, nor after the merge.
    const mail = await readMbox(path.join(HISTORY_FIXTURES, 'takeout.mbox'), { myEmails: new Set(ME) });
    const importMail = (db: Db) => commitHistory(db, { source: 'mbox', mail }, { myEmails: ME, include: ['attendee lena.park@startup.example'] });
    const alone = createTestDb();
    importMail(alone);
    const entries = (db: Db) => db.prepare(`SELECT count(*) FROM interactions`).pluck().get();
    const a = device('laptop');
    const b = device('desktop');
    importMail(a.db);
    importMail(b.db);
    exchange([a, b]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    expect(entries(a.db)).toBe(entries(alone));
  });
});

describe('a clock far ahead', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('wins only until someone edits after seeing it; both devices agree, and the device is named', () => {
    const a = device('laptop');
    const b = device('skewed');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    exchange([a, b]);
    // B's clock is 30 days ahead when it edits.
    at(30 * DAY);
    updatePerson(b.db, idOf(b.db, 'Ana Acosta'), { headline: 'from the wrong clock' });
    at(1000);
    // A concurrent edit (before A heard of B's) loses to the far-future stamp, on both devices.
    updatePerson(a.db, ana.id, { headline: 'concurrent, on time' });
    exchange([a, b]);
    for (const d of [a, b]) expect(d.db.prepare('SELECT headline FROM people WHERE display_name = ?').pluck().get('Ana Acosta')).toBe('from the wrong clock');
    // A's clock was not dragged 30 days ahead: only to the 24-hour limit.
    const stamp = a.db.prepare('SELECT clock FROM sync_device').pluck().get() as string;
    expect(parseInt(stamp.slice(0, 12), 16)).toBeLessThanOrEqual(START + 1000 + DAY + 1);
    expect(syncStatus(a.db).skewedDevices).toEqual([{ device: 'skewed', aheadMs: expect.any(Number) }]);
    expect(syncStatus(a.db).skewedDevices[0]!.aheadMs).toBeGreaterThan(29 * DAY);
    expect(syncStatus(b.db).skewedDevices).toEqual([]);
    // Reopening does not drag the clock to the far-future stamps it holds either.
    const file = a.db.name;
    a.db.close();
    a.db = createTestDb({ file });
    at(2000);
    const reopened = a.db.prepare('SELECT clock FROM sync_device').pluck().get() as string;
    expect(parseInt(reopened.slice(0, 12), 16)).toBeLessThan(START + 30 * DAY);
    // An edit made after seeing it wins, everywhere, well before the wrong clock's date.
    updatePerson(a.db, ana.id, { headline: 'edited after seeing it' });
    expect(a.db.prepare('SELECT headline FROM people WHERE id = ?').pluck().get(ana.id)).toBe('edited after seeing it');
    exchange([a, b]);
    for (const d of [a, b]) expect(d.db.prepare('SELECT headline FROM people WHERE display_name = ?').pluck().get('Ana Acosta')).toBe('edited after seeing it');
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('forgetting a person', () => {
  it('forgets them on every device, keeps none of their values in sync tables, and a concurrent addition does not bring them back', () => {
    const a = device('laptop');
    const b = device('desktop');
    const zed = createPerson(a.db, { displayName: 'Zed Zimmer', notes: 'Secret Zed note', headline: 'Zed headline' });
    const bo = createPerson(a.db, { displayName: 'Bo Berg' });
    createTie(a.db, { personA: zed.id, personB: bo.id, strength: 2, context: 'Zed and Bo climb' });
    createFavor(a.db, { personId: zed.id, direction: 'received', kind: 'advice', occurredOn: '2027-01-20', note: 'Zed favor' });
    createEntry(a.db, { occurredAt: '2027-01-20', kind: 'coffee', title: 'With Bo', body: 'Bo told me about @Zed Zimmer.', participantIds: [bo.id] });
    exchange([a, b]);
    // Meanwhile B, not yet knowing, adds a follow-up about Zed.
    at(1000);
    createReminder(b.db, { personId: idOf(b.db, 'Zed Zimmer'), title: 'Ask Zed', dueOn: '2027-02-03' });
    at(2000);
    forgetPerson(a.db, zed.id);
    const leaks = (db: Db) =>
      (['sync_fields', 'sync_outbox', 'sync_conflicts'] as const).flatMap((t) =>
        (db.prepare(`SELECT value FROM ${t} WHERE typeof(value) = 'text'`).pluck().all() as string[]).filter((v) => /Zed/.test(v)),
      );
    expect(leaks(a.db)).toEqual([]);
    exchange([a, b]);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
    for (const d of [a, b]) {
      expect(d.db.prepare("SELECT count(*) FROM people WHERE display_name = 'Zed Zimmer'").pluck().get()).toBe(0);
      expect(d.db.prepare('SELECT count(*) FROM reminders').pluck().get()).toBe(0);
      expect(d.db.prepare('SELECT count(*) FROM ties').pluck().get()).toBe(0);
      expect(d.db.prepare("SELECT body FROM interactions WHERE title = 'With Bo'").pluck().get()).toBe('Bo told me about [forgotten].');
    }
    // B purged what it held of them too, except what it wrote itself about them after (its follow-up's own title).
    expect(leaks(b.db).filter((v) => v !== 'Ask Zed')).toEqual([]);
  });
});

describe('a unique name claimed by two rows', () => {
  it('two organizations renamed to one name on two devices: both kept, the same on both, and listed', () => {
    const a = device('laptop');
    const b = device('desktop');
    const c = device('tablet');
    const beta = createOrganization(a.db, { name: 'Beta' });
    createOrganization(b.db, { name: 'Gamma' });
    exchange([a, b, c]);
    at(1000);
    updateOrganization(a.db, beta.id, { name: 'Acme' });
    updateOrganization(b.db, orgOf(b.db, 'Gamma'), { name: 'ACME' });
    // Each device hears of the two renames in its own order.
    applyOps(c.db, pending(b, c));
    applyOps(c.db, pending(a, c));
    exchange([a, b, c]);
    const dump = canonicalDump(a.db);
    expect(canonicalDump(b.db)).toEqual(dump);
    expect(canonicalDump(c.db)).toEqual(dump);
    const orgs = Object.values(dump.organizations!);
    expect(orgs.map((o) => o.name).sort()).toEqual(['ACME', 'Acme']);
    expect(orgs.filter((o) => o.name_key === 'acme')).toHaveLength(1);
    for (const d of [a, b, c]) {
      expect(listConflicts(d.db)).toEqual([expect.objectContaining({ table: 'organizations', column: 'name_key', otherValue: 'acme' })]);
    }
    // Renaming the one that lost resolves it, everywhere.
    at(2000);
    updateOrganization(b.db, listConflicts(b.db)[0]!.localId!, { name: 'Acme Robotics' });
    exchange([a, b, c]);
    for (const d of [a, b, c]) expect(listConflicts(d.db)).toEqual([]);
    expect(canonicalDump(c.db)).toEqual(canonicalDump(a.db));
    // Both renamed onto one name again; then the one that kept it is deleted: the other takes the name, everywhere.
    at(3000);
    updateOrganization(a.db, a.db.prepare(`SELECT id FROM organizations WHERE name_key = 'acme'`).pluck().get() as number, { name: 'Delta' });
    updateOrganization(b.db, orgOf(b.db, 'Acme Robotics'), { name: 'DELTA' });
    exchange([a, b, c]);
    expect(listConflicts(c.db)).toHaveLength(1);
    const loser = listConflicts(c.db)[0]!.gid;
    c.db.prepare(`DELETE FROM organizations WHERE name_key = 'delta'`).run();
    exchange([a, b, c]);
    for (const d of [a, b, c]) {
      expect(listConflicts(d.db)).toEqual([]);
      expect(d.db.prepare(`SELECT i.gid, o.name_key FROM organizations o JOIN sync_ids i ON i.tbl = 'organizations' AND i.local_id = o.id`).all()).toEqual([
        { gid: loser, name_key: 'delta' },
      ]);
    }
    expect(canonicalDump(c.db)).toEqual(canonicalDump(a.db));
  });
});

describe('through a folder', () => {
  const PASS = 'a sync passphrase for the test';
  function place(): { dir: string; db: Db } {
    const dir = makeTempDir('kith-data-');
    return { dir, db: openDatabase(path.join(dir, 'kith.db')) };
  }

  it('a device offline through many passes of the others comes back with its own edits; nothing is lost and all agree', () => {
    const shared = makeTempDir('kith-sync-');
    const [a, b, c] = [place(), place(), place()];
    for (const p of [a, b, c]) setUpSync(p.db, p.dir, shared, PASS);
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    for (const p of [a, b, c, a, b]) syncNow(p.db, p.dir);
    const anaC = idOf(c.db, 'Ana Acosta');
    // C goes offline. A and B go on for 40 passes (files pile up for C).
    for (let i = 1; i <= 40; i++) {
      at(i * 60_000);
      if (i % 2) updatePerson(a.db, ana.id, { headline: `headline ${i}` });
      else createReminder(b.db, { personId: idOf(b.db, 'Ana Acosta'), title: `Follow-up ${i}`, dueOn: '2027-02-10' });
      syncNow(a.db, a.dir);
      syncNow(b.db, b.dir);
    }
    // Meanwhile, offline, C edited other fields, tagged her, and added a favor.
    at(10 * 60_000);
    updatePerson(c.db, anaC, { location: 'Lisbon', notes: 'written offline' });
    setPersonTags(c.db, anaC, ['Offline']);
    createFavor(c.db, { personId: anaC, direction: 'given', kind: 'advice', occurredOn: '2027-01-30' });
    at(41 * 60_000);
    const back = syncNow(c.db, c.dir);
    expect(back.applied).toBeGreaterThanOrEqual(40);
    expect(back.waiting).toEqual([]);
    for (const p of [a, b]) syncNow(p.db, p.dir);
    const dump = canonicalDump(a.db);
    expect(canonicalDump(b.db)).toEqual(dump);
    expect(canonicalDump(c.db)).toEqual(dump);
    for (const p of [a, b, c]) {
      expect(p.db.prepare("SELECT headline, location, notes FROM people WHERE display_name = 'Ana Acosta'").get()).toEqual({
        headline: 'headline 39',
        location: 'Lisbon',
        notes: 'written offline',
      });
      expect(p.db.prepare('SELECT count(*) FROM reminders').pluck().get()).toBe(20);
      expect(p.db.prepare('SELECT count(*) FROM favors').pluck().get()).toBe(1);
      expect(personTags(p.db, idOf(p.db, 'Ana Acosta'))).toEqual(['Offline']);
    }
  });

  it('two data files claiming one device id: the second to write steps aside with a new id and says why; nothing is lost', () => {
    const shared = makeTempDir('kith-sync-');
    const a = place();
    setUpSync(a.db, a.dir, shared, PASS);
    createPerson(a.db, { displayName: 'Ana Acosta' });
    syncNow(a.db, a.dir);
    // A copy that does not know it is one (its remembered file identity was carried over, as a careless restore tool might).
    const copyDir = makeTempDir('kith-copy-');
    a.db.exec(`VACUUM INTO '${path.join(copyDir, 'kith.db').replace(/'/g, "''")}'`);
    const copy = openDatabase(path.join(copyDir, 'kith.db'));
    const st = fs.statSync(path.join(copyDir, 'kith.db'));
    copy.prepare('UPDATE sync_device SET file_identity = ?').run(`${st.dev}:${st.ino}`);
    const device = a.db.prepare('SELECT device FROM sync_device').pluck().get() as string;
    expect(copy.prepare('SELECT device FROM sync_device').pluck().get()).toBe(device);
    // Both write as that device: the original first, then the copy finds the file taken.
    createPerson(a.db, { displayName: 'Bo from the original' });
    syncNow(a.db, a.dir);
    createPerson(copy, { displayName: 'Chen from the copy' });
    const pass = syncNow(copy, copyDir);
    expect(pass.newDeviceId).toBe(true);
    expect(pass.device).not.toBe(device);
    expect(pass.newDeviceReason).toMatch(new RegExp(`Another data file also writes as device ${device}.*nothing was lost`));
    syncNow(a.db, a.dir);
    syncNow(copy, copyDir);
    const names = (db: Db) => db.prepare('SELECT display_name FROM people ORDER BY display_name').pluck().all();
    expect(names(a.db)).toEqual(['Ana Acosta', 'Bo from the original', 'Chen from the copy', 'Me']);
    expect(names(copy)).toEqual(names(a.db));
    expect(canonicalDump(copy)).toEqual(canonicalDump(a.db));
    copy.close();
  });
});

describe('a merged row the schema refuses', () => {
  it('does not block the file: the rest applies, the row is listed with the reason, and a later edit puts it right', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const bo = createPerson(a.db, { displayName: 'Bo Berg' });
    exchange([a, b]);
    const [ga, gb] = [ana.id, bo.id].map((id) => a.db.prepare(`SELECT gid FROM sync_ids WHERE tbl = 'people' AND local_id = ?`).pluck().get(id) as string);
    const [lo, hi] = ga! < gb! ? [ga!, gb!] : [gb!, ga!];
    const key = `${lo}|${hi}`;
    const h = (n: number) => `${(START + 5000 + n).toString(16).padStart(12, '0')}-0000-other`;
    // A confirmed decision without a strength (as two devices' field-by-field edits could leave it).
    const ops: SyncOp[] = [
      { t: 'likely_tie_decisions', g: key, c: '_created', v: null, h: h(0) },
      { t: 'likely_tie_decisions', g: key, c: '_alive', v: 1, h: h(1) },
      { t: 'likely_tie_decisions', g: key, c: '_a', v: lo, h: h(2) },
      { t: 'likely_tie_decisions', g: key, c: '_b', v: hi, h: h(3) },
      { t: 'likely_tie_decisions', g: key, c: 'decision', v: 'confirmed', h: h(4) },
      { t: 'likely_tie_decisions', g: key, c: 'evidence_kinds', v: 'org', h: h(5) },
      { t: 'likely_tie_decisions', g: key, c: 'confidence_milli', v: 500, h: h(6) },
      { t: 'likely_tie_decisions', g: key, c: 'strength', v: null, h: h(7) },
      { t: 'likely_tie_decisions', g: key, c: 'decided_at', v: 'x', h: h(8) },
      { t: 'people', g: ga!, c: 'headline', v: 'applied all the same', h: h(9) },
    ];
    expect(() => applyOps(b.db, ops)).not.toThrow();
    expect(b.db.prepare('SELECT headline FROM people WHERE display_name = ?').pluck().get('Ana Acosta')).toBe('applied all the same');
    expect(listConflicts(b.db)).toEqual([expect.objectContaining({ table: 'likely_tie_decisions', column: '_row', otherValue: expect.stringMatching(/CHECK constraint/) })]);
    applyOps(b.db, [{ t: 'likely_tie_decisions', g: key, c: 'strength', v: 3, h: h(10) }]);
    expect(b.db.prepare('SELECT decision, strength FROM likely_tie_decisions').get()).toEqual({ decision: 'confirmed', strength: 3 });
    expect(listConflicts(b.db)).toEqual([]);
  });
});
