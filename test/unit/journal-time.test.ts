// Journal times as instants (issue 11): the three stored forms (a date, a
// local time, a time with Z or an offset) order as instants, a date-only entry
// sorts after the timed entries of its day, DST gaps are refused and overlaps
// take the earlier offset, and every writer (IPC, CLI, JSON import, the sample
// loader) stores the same instants, checked against an independent conversion.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import { JournalTime } from '../../shared/journal';
import { journalInstant } from '../../shared/journalTime';
import { openDatabase } from '../../main/db/open';
import { m0010Initial } from '../../main/db/migrations/m0010_initial';
import { m0020Journal } from '../../main/db/migrations/m0020_journal';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createEntry, lastEntryTimes, listEntries } from '../../main/services/journal';
import { createPerson } from '../../main/services/people';
import { writeNetwork } from '../../main/sample/load';
import { generateNetwork } from '../../main/sample/generate';
import { commitJsonImport } from '../../main/importers/json';
import { exportJson } from '../../main/exporters/json';
import { createTestDb, makeTempDir, removeTempDirs } from '../helpers/db';
import { kith } from '../helpers/cli';

afterAll(removeTempDirs);
let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});
function pin(instant: string, zone: string): void {
  restore?.();
  restore = setClock(fixedClock(instant, zone));
}

// ---- An independent conversion, by search over offsets with Intl alone ----

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function localOf(ms: number, zone: string): string {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsFormat.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
/** Every instant whose wall clock in `zone` reads `local` ('YYYY-MM-DDTHH:MM:SS'), earliest first. */
function instantsOf(local: string, zone: string): number[] {
  const asUtc = Date.parse(`${local}Z`);
  const out: number[] = [];
  for (let offsetMin = -14 * 60; offsetMin <= 14 * 60; offsetMin += 15) {
    const t = asUtc - offsetMin * 60_000;
    if (localOf(t, zone) === local && !out.includes(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}
/** The instant Kith's rules give a journal time, computed independently; null where the local time does not exist. */
function expectedInstant(when: string, zone: string): number | null {
  if (/Z$|[+-]\d{2}:\d{2}$/.test(when)) return Date.parse(when);
  if (when.length === 10) {
    const next = new Date(Date.parse(`${when}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const start = instantsOf(`${next}T00:00:00`, zone)[0];
    return start === undefined ? null : start - 1;
  }
  const local = when.length === 16 ? `${when}:00` : when;
  return instantsOf(local, zone)[0] ?? null;
}

describe('journalInstant', () => {
  it('orders the forms as instants', () => {
    const z = 'Europe/Berlin';
    // The cases: text order picked the wrong one.
    expect(journalInstant('2024-05-01', z).utc > journalInstant('2024-05-01T01:00:00Z', z).utc).toBe(true);
    expect(journalInstant('2024-05-01T13:30:00-10:00', z).utc > journalInstant('2024-05-01T20:00:00Z', z).utc).toBe(true);
    expect(journalInstant('2024-05-01T13:30:00-10:00', z)).toEqual({ utc: '2024-05-01T23:30:00.000Z', date: '2024-05-02', hasTime: true });
    expect(journalInstant('2024-05-01T10:30', z)).toEqual({ utc: '2024-05-01T08:30:00.000Z', date: '2024-05-01', hasTime: true });
    expect(journalInstant('2024-05-01', z)).toEqual({ utc: '2024-05-01T21:59:59.999Z', date: '2024-05-01', hasTime: false });
  });

  it.each([
    ['Europe/Berlin', '2027-03-28T02:30'],
    ['America/New_York', '2027-03-14T02:15'],
    ['Pacific/Auckland', '2027-09-26T02:45'],
  ])('refuses a time inside the DST gap in %s (%s) with a message that says why', (zone, when) => {
    expect(() => journalInstant(when, zone)).toThrow(/does not exist in .*clocks moved forward/);
    // Converting stored rows (migration 30) moves it forward instead of losing it.
    expect(journalInstant(when, zone, { lenient: true }).hasTime).toBe(true);
  });

  it.each([
    ['Europe/Berlin', '2027-10-31T02:30', '2027-10-31T00:30:00.000Z'],
    ['America/New_York', '2027-11-07T01:30', '2027-11-07T05:30:00.000Z'],
    ['Pacific/Auckland', '2028-04-02T02:30', '2028-04-01T13:30:00.000Z'],
  ])('takes the earlier offset for a time in the autumn overlap in %s', (zone, when, utc) => {
    expect(journalInstant(when, zone).utc).toBe(utc);
    expect(expectedInstant(when, zone)).toBe(Date.parse(utc));
  });

  it('refuses offsets beyond ±14:00 and impossible dates at the contract', () => {
    for (const bad of ['2027-01-01T10:00+15:00', '2027-01-01T10:00:00-14:30', '2027-02-29', '2028-02-30T10:00', '2027-13-01', '2027-01-01T24:00']) {
      expect(JournalTime.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ['2028-02-29', '2027-01-01T10:00+14:00', '2027-01-01T10:00:00.123456-12:00', '2027-12-31T23:59:59Z']) {
      expect(JournalTime.safeParse(good).success, good).toBe(true);
    }
  });
});

describe('entries stored as instants', () => {
  it('a DST-gap time is refused through the journal service and nothing is written', () => {
    pin('2027-04-01T12:00:00Z', 'Europe/Berlin');
    const db = createTestDb({ file: true });
    const ana = createPerson(db, { displayName: 'Ana Acosta' });
    const before = db.prepare('SELECT count(*) AS n FROM interactions').get();
    expect(() => createEntry(db, { occurredAt: '2027-03-28T02:30', kind: 'call', participantIds: [ana.id] })).toThrow(
      /02:30 on 28 March 2027 does not exist in Europe\/Berlin/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual(before);
    db.close();
  });

  it('last contact, the journal list and date filters follow instants and local dates', () => {
    pin('2024-06-01T12:00:00Z', 'Europe/Berlin');
    const db = createTestDb({ file: true });
    const ana = createPerson(db, { displayName: 'Ana Acosta' });
    const ben = createPerson(db, { displayName: 'Ben Okafor' });
    const a1 = createEntry(db, { occurredAt: '2024-05-01T01:00:00Z', kind: 'call', participantIds: [ana.id] });
    const a2 = createEntry(db, { occurredAt: '2024-05-01', kind: 'coffee', participantIds: [ana.id] });
    const b1 = createEntry(db, { occurredAt: '2024-05-01T13:30:00-10:00', kind: 'call', participantIds: [ben.id] });
    const b2 = createEntry(db, { occurredAt: '2024-05-01T20:00:00Z', kind: 'email', participantIds: [ben.id] });
    const last = lastEntryTimes(db);
    expect(last.get(ana.id)).toEqual({ utc: '2024-05-01T21:59:59.999Z', date: '2024-05-01' });
    expect(last.get(ben.id)).toEqual({ utc: '2024-05-01T23:30:00.000Z', date: '2024-05-02' });
    expect(listEntries(db).items.map((e) => e.id)).toEqual([b1.id, a2.id, b2.id, a1.id]);
    expect(listEntries(db, { from: '2024-05-02', to: '2024-05-02' }).items.map((e) => e.id)).toEqual([b1.id]);
    // Keyset pages walk the same order.
    const first = listEntries(db, { limit: 2 });
    const second = listEntries(db, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual([b1.id, a2.id, b2.id, a1.id]);
    // A date-only entry sorts after the timed entries of its day, then by id.
    const a3 = createEntry(db, { occurredAt: '2024-05-01', kind: 'call', participantIds: [ana.id] });
    expect(listEntries(db, { personId: ana.id }).items.map((e) => e.id)).toEqual([a3.id, a2.id, a1.id]);
    db.close();
  });
});

describe('migration 30', () => {
  it('converts every stored form, keeps every row, and orders the journal by instant', () => {
    pin('2024-06-01T12:00:00Z', 'America/New_York');
    const file = path.join(makeTempDir(), 'kith.db');
    const old = openDatabase(file, {
      migrations: [
        { version: 10, name: 'initial schema', up: m0010Initial },
        { version: 20, name: 'journal', up: m0020Journal },
      ],
    });
    const now = '2024-01-01T00:00:00.000Z';
    const ana = Number(old.prepare(`INSERT INTO people (display_name, created_at, updated_at) VALUES ('Ana', ?, ?)`).run(now, now).lastInsertRowid);
    const forms = ['2024-05-01', '2024-05-01T01:00:00Z', '2024-05-01T13:30:00-10:00', '2024-05-01T20:00:00Z', '2024-03-10T02:30', '2024-11-03T01:30'];
    const ids = forms.map((when) => {
      const id = Number(old.prepare(`INSERT INTO interactions (occurred_at, kind, created_at, updated_at) VALUES (?, 'call', ?, ?)`).run(when, now, now).lastInsertRowid);
      old.prepare('INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)').run(id, ana);
      return id;
    });
    old.close();

    const db = openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') });
    const rows = db.prepare('SELECT id, occurred_at, occurred_utc, occurred_date, has_time FROM interactions ORDER BY id').all() as {
      id: number;
      occurred_at: string;
      occurred_utc: string;
      occurred_date: string;
      has_time: number;
    }[];
    expect(rows.map((r) => r.occurred_at)).toEqual(forms);
    expect(rows.map((r) => r.has_time)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(rows[0]).toMatchObject({ occurred_utc: '2024-05-02T03:59:59.999Z', occurred_date: '2024-05-01' });
    expect(rows[2]).toMatchObject({ occurred_utc: '2024-05-01T23:30:00.000Z', occurred_date: '2024-05-01' });
    // A stored time in the spring gap is moved forward, not lost; the autumn overlap takes the earlier offset.
    expect(rows[4]).toMatchObject({ occurred_utc: '2024-03-10T07:30:00.000Z', occurred_date: '2024-03-10' });
    expect(rows[5]).toMatchObject({ occurred_utc: '2024-11-03T05:30:00.000Z' });
    const order = (db.prepare('SELECT id FROM interactions ORDER BY occurred_utc DESC, id DESC').all() as { id: number }[]).map((r) => r.id);
    expect(order).toEqual([ids[5], ids[0], ids[2], ids[3], ids[1], ids[4]]);
    // The journal list uses the new index.
    const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM interactions WHERE deleted_at IS NULL ORDER BY occurred_utc DESC, id DESC LIMIT 50`).all());
    expect(plan).toContain('interactions_live_occurred');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('every writer stores the same instants (property)', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
  const day = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const offset = fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => {
    const minutes = Math.abs(q) * 15;
    return `${q < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  const when = fc.oneof(
    day,
    fc.tuple(day, hhmm).map(([d, t]) => `${d}T${t}`),
    fc.tuple(day, hhmm).map(([d, t]) => `${d}T${t}:00Z`),
    fc.tuple(day, hhmm, offset).map(([d, t, o]) => `${d}T${t}:00${o}`),
  );

  function assertInstantOrder(db: ReturnType<typeof createTestDb>, zone: string, label: string): void {
    const rows = db.prepare('SELECT id, occurred_at, occurred_utc FROM interactions ORDER BY occurred_utc, id').all() as { id: number; occurred_at: string; occurred_utc: string }[];
    const expected = rows
      .map((r) => ({ id: r.id, at: expectedInstant(r.occurred_at, zone)! }))
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .map((r) => r.id);
    expect(rows.map((r) => r.id), label).toEqual(expected);
    for (const r of rows) expect(Date.parse(r.occurred_utc), `${label}: ${r.occurred_at}`).toBe(expectedInstant(r.occurred_at, zone));
  }

  it('through IPC, the CLI, the JSON import and the sample loader, SQL order is instant order', async () => {
    const cases = fc.sample(fc.tuple(fc.constantFrom(...ZONES), fc.array(when, { minLength: 3, maxLength: 8 })), { numRuns: 12, seed: 1131 });
    for (const [zone, times] of cases) {
      pin('2027-06-01T12:00:00Z', zone);
      const exists = times.filter((t) => expectedInstant(t, zone) !== null);
      const gaps = times.filter((t) => expectedInstant(t, zone) === null);

      // IPC: the real dispatcher, with output validation.
      const dataDir = makeTempDir();
      const db = createTestDb({ file: path.join(dataDir, 'kith.db') });
      const dispatch = createDispatcher(createHandlers({ db, dataDir }), { validateOutput: true });
      const ana = createPerson(db, { displayName: 'Ana Acosta' });
      for (const t of exists) expect((await dispatch('journal:create', { occurredAt: t, kind: 'call', participantIds: [ana.id] })).ok, t).toBe(true);
      for (const t of gaps) {
        const r = await dispatch('journal:create', { occurredAt: t, kind: 'call', participantIds: [ana.id] });
        expect(r.ok ? 'ok' : r.error.code, t).toBe('INVALID_INPUT');
      }
      assertInstantOrder(db, zone, `ipc ${zone}`);

      // The JSON import of that export, into a fresh Kith.
      const exported = exportJson(db);
      db.close();
      const db2 = createTestDb({ file: true });
      commitJsonImport(db2, exported);
      assertInstantOrder(db2, zone, `json ${zone}`);
      db2.close();

      // The sample loader.
      const db3 = createTestDb({ file: true });
      const net = generateNetwork({ people: 12, interactions: Math.max(1, exists.length), seed: 7, now: new Date('2027-06-01T12:00:00Z') });
      writeNetwork(db3, { ...net, interactions: exists.map((t, i) => ({ ...net.interactions[i % net.interactions.length]!, occurredAt: t })) });
      assertInstantOrder(db3, zone, `sample ${zone}`);
      db3.close();

      // The CLI, in-process, on its own data folder.
      const cliDir = makeTempDir();
      expect((await kith(['people', 'add', 'Ana Acosta', '--data-dir', cliDir])).code).toBe(0);
      for (const t of exists) {
        const run = await kith(['journal', 'add', '--with', 'Ana Acosta', '--kind', 'call', '--date', t, '--data-dir', cliDir]);
        expect(run.code, `${t}: ${run.stderr}`).toBe(0);
      }
      for (const t of gaps) expect((await kith(['journal', 'add', '--with', 'Ana Acosta', '--kind', 'call', '--date', t, '--data-dir', cliDir])).code, t).toBe(1);
      const cliDb = openDatabase(path.join(cliDir, 'kith.db'));
      assertInstantOrder(cliDb, zone, `cli ${zone}`);
      cliDb.close();
    }
  }, 60_000);
});
