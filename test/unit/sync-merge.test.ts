// Sync merge (issue 19): operations captured by triggers on real SQLite files,
// exchanged between two and three devices in any order, any number of times,
// converge to the same rows, keyed by global id; concurrent edits of different
// fields both survive; a delete never removes what another device added; an
// edit after a delete brings the row back with its children. The random
// histories also add, edit and delete favors, follow-ups, introductions and
// their moves, target stages, tags and likely-tie decisions (deleting parents
// others are adding children to), rename organizations onto one name, and
// put a device's clock days ahead.
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createAffiliation } from '../../main/services/affiliations';
import { createFavor, deleteFavor, updateFavor } from '../../main/services/favors';
import { createOrganization, updateOrganization } from '../../main/services/organizations';
import { createReminder, deleteReminder, updateReminder } from '../../main/services/reminders';
import { setOrganizationTags, setPersonTags } from '../../main/services/tags';
import { setTargetJob } from '../../main/services/targets';
import { createEntry, updateEntry } from '../../main/services/journal';
import { createPerson, getMeId, updatePerson } from '../../main/services/people';
import { createTie, findTie, updateTie } from '../../main/services/ties';
import { applyOps, canonicalDump, listConflicts, outboxSince } from '../../main/sync/engine';
import { fixedClock, offsetClock, setClock } from '../../shared/clock';
import { device, exchange, pending, type Device } from '../helpers/syncDevices';
import { removeTempDirs } from '../helpers/db';

const SOAK = process.env.KITH_SOAK === '1';


function personIdByName(db: Db, name: string): number {
  return db.prepare('SELECT id FROM people WHERE display_name = ?').pluck().get(name) as number;
}

let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(() => removeTempDirs());

function tick(ms: number): void {
  restore();
  restore = setClock(offsetClock(new Date(Date.parse('2027-01-31T12:00:00Z') + ms), 'Europe/Berlin', fixedClock('2027-01-31T12:00:00Z')));
}

describe('two devices', () => {
  it('start from their own data and end with the union, the same on both', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta', linkedinUrl: 'https://de.linkedin.com/in/ana-acosta/' });
    createTie(a.db, { personA: getMeId(a.db), personB: ana.id, strength: 3, context: 'worked together' });
    const chen = createPerson(b.db, { displayName: 'Chen Wei', headline: 'Engineering Manager' });
    createEntry(b.db, { occurredAt: '2027-01-20', kind: 'coffee', title: 'Coffee with Chen', body: 'Talked about the team.', participantIds: [chen.id] });
    exchange([a, b]);
    const dump = canonicalDump(a.db);
    expect(canonicalDump(b.db)).toEqual(dump);
    expect(Object.values(dump.people!).map((p) => p.display_name).sort()).toEqual(['Ana Acosta', 'Chen Wei', 'Me']);
    expect(Object.keys(dump.interaction_participants!)).toHaveLength(1);
    // Ana's global id comes from her profile URL, so the same import elsewhere is the same person.
    expect(Object.keys(dump.people!).some((g) => g.startsWith('li-'))).toBe(true);
    // On B she is a real row with her tie to me.
    const anaOnB = personIdByName(b.db, 'Ana Acosta');
    expect(findTie(b.db, getMeId(b.db), anaOnB)?.strength).toBe(3);
  });

  it('the same LinkedIn person added on both devices is one person', () => {
    const a = device('laptop');
    const b = device('desktop');
    createPerson(a.db, { displayName: 'Ana Acosta', linkedinUrl: 'https://www.linkedin.com/in/ana-acosta' });
    createPerson(b.db, { displayName: 'Ana Acosta', linkedinUrl: 'https://de.linkedin.com/in/Ana-Acosta/' });
    exchange([a, b]);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    expect(a.db.prepare("SELECT count(*) FROM people WHERE display_name = 'Ana Acosta'").pluck().get()).toBe(1);
  });

  it('keeps concurrent edits of different fields, and the later edit of the same field', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    exchange([a, b]);
    const anaB = personIdByName(b.db, 'Ana Acosta');
    updatePerson(a.db, ana.id, { headline: 'CTO at Cobalt' });
    updatePerson(b.db, anaB, { location: 'Lisbon' });
    tick(1000);
    updatePerson(a.db, ana.id, { notes: 'first' });
    tick(2000);
    updatePerson(b.db, anaB, { notes: 'second, later' });
    exchange([a, b]);
    for (const d of [a, b]) {
      const row = d.db.prepare("SELECT headline, location, notes FROM people WHERE display_name = 'Ana Acosta'").get();
      expect(row).toEqual({ headline: 'CTO at Cobalt', location: 'Lisbon', notes: 'second, later' });
    }
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
  });

  it('a delete never removes a tie another device added meanwhile; the person stays, with it', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const bo = createPerson(a.db, { displayName: 'Bo Berg' });
    exchange([a, b]);
    a.db.prepare('DELETE FROM people WHERE id = ?').run(ana.id);
    createTie(b.db, { personA: personIdByName(b.db, 'Ana Acosta'), personB: personIdByName(b.db, 'Bo Berg'), strength: 2 });
    exchange([a, b]);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    const anaA = personIdByName(a.db, 'Ana Acosta');
    expect(anaA).toBeTypeOf('number');
    expect(findTie(a.db, anaA, bo.id)?.strength).toBe(2);
  });

  it('a delete removes what its device had seen, everywhere', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    createTie(a.db, { personA: getMeId(a.db), personB: ana.id, strength: 4 });
    exchange([a, b]);
    a.db.prepare('DELETE FROM people WHERE id = ?').run(ana.id);
    exchange([a, b]);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    expect(b.db.prepare("SELECT count(*) FROM people WHERE display_name = 'Ana Acosta'").pluck().get()).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM ties').pluck().get()).toBe(0);
  });

  it('an edit made after a delete brings the row back with its children', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    createTie(a.db, { personA: getMeId(a.db), personB: ana.id, strength: 4 });
    exchange([a, b]);
    a.db.prepare('DELETE FROM people WHERE id = ?').run(ana.id);
    tick(5000);
    updatePerson(b.db, personIdByName(b.db, 'Ana Acosta'), { headline: 'Now at Orchid' });
    exchange([a, b]);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    const anaA = personIdByName(a.db, 'Ana Acosta');
    expect(a.db.prepare('SELECT headline FROM people WHERE id = ?').pluck().get(anaA)).toBe('Now at Orchid');
    expect(findTie(a.db, getMeId(a.db), anaA)?.strength).toBe(4);
  });

  it('keeps both versions of a journal entry edited on two devices at once, until the user resolves it', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const entry = createEntry(a.db, { occurredAt: '2027-01-20', kind: 'coffee', title: 'Coffee', body: 'First draft.', participantIds: [ana.id] });
    exchange([a, b]);
    const entryB = b.db.prepare("SELECT id FROM interactions WHERE title = 'Coffee'").pluck().get() as number;
    updateEntry(a.db, entry.id, { body: 'Written on the laptop: she knows Chen.' });
    tick(1000);
    updateEntry(b.db, entryB, { body: 'Written on the desktop: follow up in March.' });
    exchange([a, b]);
    expect(canonicalDump(a.db)).toEqual(canonicalDump(b.db));
    for (const d of [a, b]) {
      expect(d.db.prepare("SELECT body FROM interactions WHERE title = 'Coffee'").pluck().get()).toBe('Written on the desktop: follow up in March.');
      expect(listConflicts(d.db)).toEqual([expect.objectContaining({ table: 'interactions', column: 'body', otherValue: 'Written on the laptop: she knows Chen.' })]);
    }
    // A later edit in sequence is not a conflict, and resolving on one device resolves on both.
    tick(2000);
    updateEntry(a.db, entry.id, { body: 'Both: she knows Chen; follow up in March.' });
    exchange([a, b]);
    for (const d of [a, b]) {
      expect(listConflicts(d.db)).toEqual([]);
      expect(d.db.prepare("SELECT body FROM interactions WHERE title = 'Coffee'").pluck().get()).toBe('Both: she knows Chen; follow up in March.');
    }
  });

  it('an edit that saw the earlier one is not a conflict, even when the earlier arrives late', () => {
    const a = device('laptop');
    const b = device('desktop');
    const c = device('tablet');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const entry = createEntry(a.db, { occurredAt: '2027-01-20', kind: 'coffee', title: 'Coffee', body: 'v0', participantIds: [ana.id] });
    exchange([a, b, c]);
    tick(1000);
    updateEntry(a.db, entry.id, { body: 'v1 from the laptop' });
    applyOps(b.db, pending(a, b));
    tick(2000);
    updateEntry(b.db, b.db.prepare("SELECT id FROM interactions WHERE title = 'Coffee'").pluck().get() as number, { body: 'v2 from the desktop, after v1' });
    // The tablet hears from the desktop first, then the laptop's older edit.
    applyOps(c.db, pending(b, c));
    applyOps(c.db, pending(a, c));
    expect(c.db.prepare("SELECT body FROM interactions WHERE title = 'Coffee'").pluck().get()).toBe('v2 from the desktop, after v1');
    expect(listConflicts(c.db)).toEqual([]);
  });

  it('applying the same operations again, or old ones late, changes nothing', () => {
    const a = device('laptop');
    const b = device('desktop');
    const ana = createPerson(a.db, { displayName: 'Ana Acosta' });
    const first = outboxSince(a.db, 0).map(({ seq: _seq, ...op }) => op);
    tick(1000);
    updatePerson(a.db, ana.id, { headline: 'v2' });
    exchange([a, b]);
    const before = canonicalDump(b.db);
    applyOps(b.db, first);
    applyOps(b.db, first);
    expect(canonicalDump(b.db)).toEqual(before);
    expect(b.db.prepare("SELECT headline FROM people WHERE display_name = 'Ana Acosta'").pluck().get()).toBe('v2');
  });
});

describe('three devices, random operations, any order (seeded)', () => {
  type Action =
    | { kind: 'person'; at: number; name: number }
    | { kind: 'edit'; at: number; name: number; field: 'headline' | 'notes'; value: number }
    | { kind: 'delete'; at: number; name: number }
    | { kind: 'tie'; at: number; x: number; y: number; strength: number }
    | { kind: 'entry'; at: number; names: number[]; body: number }
    | { kind: 'work'; at: number; name: number; org: number }
    | { kind: 'orgdel'; at: number; org: number }
    | { kind: 'sync'; from: number; to: number }
    | { kind: 'time'; ms: number }
    // Issue 19, second step: the rest of the record, and a clock far ahead.
    | { kind: 'favor'; at: number; name: number; op: number; value: number }
    | { kind: 'reminder'; at: number; name: number; op: number; value: number }
    | { kind: 'intro'; at: number; x: number; y: number; op: number; value: number }
    | { kind: 'tags'; at: number; name: number; tags: number[]; org: number }
    | { kind: 'stage'; at: number; org: number; stage: number }
    | { kind: 'decide'; at: number; x: number; y: number; op: number }
    | { kind: 'orgrename'; at: number; org: number; to: number }
    | { kind: 'skew'; at: number; ms: number };
  const at = fc.integer({ min: 0, max: 2 });
  const name = fc.integer({ min: 0, max: 4 });
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant('person' as const), at, name }),
    fc.record({ kind: fc.constant('edit' as const), at, name, field: fc.constantFrom('headline' as const, 'notes' as const), value: fc.integer({ min: 0, max: 99 }) }),
    fc.record({ kind: fc.constant('delete' as const), at, name }),
    fc.record({ kind: fc.constant('tie' as const), at, x: name, y: name, strength: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('entry' as const), at, names: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }), body: fc.integer({ min: 0, max: 99 }) }),
    fc.record({ kind: fc.constant('work' as const), at, name, org: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('orgdel' as const), at, org: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('sync' as const), from: at, to: at }),
    fc.record({ kind: fc.constant('time' as const), ms: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
    fc.record({ kind: fc.constant('favor' as const), at, name, op: fc.integer({ min: 0, max: 2 }), value: fc.integer({ min: 0, max: 99 }) }),
    fc.record({ kind: fc.constant('reminder' as const), at, name, op: fc.integer({ min: 0, max: 2 }), value: fc.integer({ min: 0, max: 99 }) }),
    fc.record({ kind: fc.constant('intro' as const), at, x: name, y: name, op: fc.integer({ min: 0, max: 3 }), value: fc.integer({ min: 0, max: 99 }) }),
    fc.record({ kind: fc.constant('tags' as const), at, name, tags: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), org: fc.integer({ min: -1, max: 2 }) }),
    fc.record({ kind: fc.constant('stage' as const), at, org: fc.integer({ min: 0, max: 2 }), stage: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('decide' as const), at, x: name, y: name, op: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('orgrename' as const), at, org: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 3, max: 4 }) }),
    // A device's clock far ahead (2 or 30 days), or right again.
    fc.record({ kind: fc.constant('skew' as const), at, ms: fc.constantFrom(0, 2 * 86_400_000, 30 * 86_400_000) }),
  );
  const STAGES = ['researching', 'reached_out', 'referred', 'applied', 'interviewing', 'offer', 'closed'] as const;
  const KINDS = ['referral', 'advice', 'introduction', 'article', 'reference', 'other'] as const;

  it('converge to the same rows whatever happened on each', () => {
    let runs = 0;
    let edited = 0;
    const NEW_TABLES = ['favors', 'reminders', 'introductions', 'introduction_events', 'target_stage_events', 'tags', 'person_tags', 'organization_tags', 'likely_tie_decisions'];
    const reached: Record<string, number> = {};
    let collided = 0;
    let skewed = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 20, maxLength: 60 }), (actions) => {
        runs++;
        const devices = [device(`d0r${runs}`), device(`d1r${runs}`), device(`d2r${runs}`)];
        // A shared start (as after a first sync), so devices edit the same rows concurrently.
        for (let n = 0; n < 4; n++) createPerson(devices[n % 3]!.db, { displayName: `Person ${n}` });
        // …and organizations, so targets and renames onto another's name happen.
        for (let n = 0; n < 3; n++) createOrganization(devices[n]!.db, { name: `Org ${n}` });
        exchange(devices);
        let offset = 0;
        // Each device's own clock error (the 'skew' action).
        const skew = [0, 0, 0];
        const id = (d: Device, n: number) => personIdByName(d.db, `Person ${n}`);
        const orgId = (d: Device, n: number) => d.db.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(`Org ${n}`) as number | undefined;
        for (const x of actions) {
          if (x.kind === 'time') {
            offset += x.ms;
            continue;
          }
          if (x.kind === 'skew') {
            skew[x.at] = x.ms;
            continue;
          }
          if (x.kind === 'sync') {
            tick(offset + skew[x.to]!);
            if (x.from !== x.to) applyOps(devices[x.to]!.db, pending(devices[x.from]!, devices[x.to]!));
            continue;
          }
          tick(offset + skew[x.at]!);
          const d = devices[x.at]!;
          if (x.kind === 'person') {
            if (!id(d, x.name)) createPerson(d.db, { displayName: `Person ${x.name}` });
          } else if (x.kind === 'edit') {
            const p = id(d, x.name);
            if (p) updatePerson(d.db, p, { [x.field]: `${x.field} ${x.value} on ${d.name}` });
          } else if (x.kind === 'delete') {
            const p = id(d, x.name);
            if (p) d.db.prepare('DELETE FROM people WHERE id = ?').run(p);
          } else if (x.kind === 'tie') {
            const p = id(d, x.x);
            const q2 = id(d, x.y);
            if (p && q2 && p !== q2) {
              const t = findTie(d.db, p, q2);
              if (t) updateTie(d.db, t.id, { strength: x.strength as 1 | 2 | 3 | 4 | 5 });
              else createTie(d.db, { personA: p, personB: q2, strength: x.strength as 1 | 2 | 3 | 4 | 5 });
            }
          } else if (x.kind === 'work') {
            // An affiliation (a required reference to the organization) and
            // an entry at it (a SET NULL reference): organizations are keyed by name on every device.
            const p = id(d, x.name);
            if (p) createAffiliation(d.db, { personId: p, organizationName: `Org ${x.org}`, title: 'Engineer' });
          } else if (x.kind === 'orgdel') {
            d.db.prepare('DELETE FROM organizations WHERE name = ?').run(`Org ${x.org}`);
          } else if (x.kind === 'favor') {
            // 0 add, 1 edit the oldest (or thank), 2 delete the oldest.
            const p = id(d, x.name);
            const f = p ? (d.db.prepare('SELECT id FROM favors WHERE person_id = ? ORDER BY id LIMIT 1').pluck().get(p) as number | undefined) : undefined;
            if (p && (x.op === 0 || !f)) {
              const entry = d.db.prepare('SELECT id FROM interactions ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
              createFavor(d.db, { personId: p, direction: x.value % 2 ? 'given' : 'received', kind: KINDS[x.value % KINDS.length]!, occurredOn: '2027-01-20', ...(entry && x.value % 3 === 0 ? { interactionId: entry } : {}) });
            } else if (f && x.op === 1) updateFavor(d.db, f, x.value % 2 ? { note: `note ${x.value} on ${d.name}` } : { acknowledged: true });
            else if (f) deleteFavor(d.db, f);
          } else if (x.kind === 'reminder') {
            const p = id(d, x.name);
            const r = p ? (d.db.prepare('SELECT id FROM reminders WHERE person_id = ? ORDER BY id LIMIT 1').pluck().get(p) as number | undefined) : undefined;
            if (p && (x.op === 0 || !r)) createReminder(d.db, { personId: p, title: `Follow up ${x.value}`, dueOn: '2027-02-10' });
            else if (r && x.op === 1) updateReminder(d.db, r, x.value % 2 ? { done: true } : { title: `Retitled ${x.value} on ${d.name}` });
            else if (r) deleteReminder(d.db, r);
          } else if (x.kind === 'intro') {
            // 0 a new introduction (me → x → y), 1 edit, 2 a move (an event), 3 delete.
            const intro = d.db.prepare('SELECT id FROM introductions ORDER BY id LIMIT 1').pluck().get() as number | undefined;
            const p = id(d, x.x);
            const q2 = id(d, x.y);
            if (x.op === 0 || !intro) {
              if (p && q2 && p !== q2) {
                d.db
                  .prepare(`INSERT INTO introductions (introducer_id, requester_id, target_person_id, status, route, created_at, updated_at) VALUES (?, ?, ?, 'idea', ?, 'c', 'u')`)
                  .run(p, getMeId(d.db), q2, JSON.stringify([getMeId(d.db), p, q2]));
              }
            } else if (x.op === 1) d.db.prepare('UPDATE introductions SET notes = ? WHERE id = ?').run(`notes ${x.value} on ${d.name}`, intro);
            else if (x.op === 2) d.db.prepare(`INSERT INTO introduction_events (introduction_id, status, at, note) VALUES (?, 'asked', 'at', ?)`).run(intro, `event ${x.value}`);
            else d.db.prepare('DELETE FROM introductions WHERE id = ?').run(intro);
          } else if (x.kind === 'tags') {
            const names = x.tags.map((t) => `Tag ${t}`);
            const o = x.org >= 0 ? orgId(d, x.org) : undefined;
            const p = id(d, x.name);
            if (o) setOrganizationTags(d.db, o, names);
            else if (p) setPersonTags(d.db, p, names);
          } else if (x.kind === 'stage') {
            const o = orgId(d, x.org);
            if (o) setTargetJob(d.db, { organizationId: o, stage: STAGES[x.stage]!, on: '2027-01-25', ...(x.stage % 2 ? { role: `Role ${x.stage}` } : {}) });
          } else if (x.kind === 'decide') {
            const p = id(d, x.x);
            const q2 = id(d, x.y);
            if (p && q2 && p !== q2) {
              const [lo, hi] = p < q2 ? [p, q2] : [q2, p];
              if (x.op === 2) d.db.prepare('DELETE FROM likely_tie_decisions WHERE person_a = ? AND person_b = ?').run(lo, hi);
              else {
                d.db
                  .prepare(
                    `INSERT INTO likely_tie_decisions (person_a, person_b, decision, evidence_kinds, confidence_milli, strength, decided_at) VALUES (?, ?, ?, 'org', 500, ?, ?)
                     ON CONFLICT (person_a, person_b) DO UPDATE SET decision = excluded.decision, strength = excluded.strength, decided_at = excluded.decided_at`,
                  )
                  .run(lo, hi, x.op === 0 ? 'confirmed' : 'dismissed', x.op === 0 ? 3 : null, d.name);
              }
            }
          } else if (x.kind === 'orgrename') {
            // Organizations renamed onto another's name collide (two global ids, one name key).
            const o = orgId(d, x.org);
            if (o && !orgId(d, x.to)) updateOrganization(d.db, o, { name: `Org ${x.to}` });
          } else if (x.kind === 'entry') {
            const ids = x.names.map((n) => id(d, n)).filter((v): v is number => Boolean(v));
            if (ids.length) {
              const orgId = d.db.prepare('SELECT id FROM organizations WHERE name = ?').pluck().get(`Org ${x.body % 3}`) as number | undefined;
              const e = createEntry(d.db, {
                occurredAt: '2027-01-20',
                kind: 'meeting',
                title: `Meeting ${x.body}`,
                body: `Body ${x.body}`,
                participantIds: ids,
                ...(orgId ? { organizationId: orgId } : {}),
              });
              if (x.body % 3 === 0) updateEntry(d.db, e.id, { body: `Edited ${x.body} on ${d.name}` });
            }
          }
        }
        tick(offset);
        exchange(devices);
        const dumps = devices.map((d) => canonicalDump(d.db));
        expect(dumps[1]).toEqual(dumps[0]);
        expect(dumps[2]).toEqual(dumps[0]);
        edited += Object.values(dumps[0]!.people!).filter((p) => p.headline !== '' || p.notes !== '').length;
        for (const t of NEW_TABLES) reached[t] = (reached[t] ?? 0) + Object.keys(dumps[0]![t] ?? {}).length;
        collided += listConflicts(devices[0]!.db).filter((c) => c.column === 'name_key').length;
        skewed += devices.filter((d) => d.db.prepare('SELECT count(*) FROM sync_peers WHERE clock_ahead_ms > 0').pluck().get() !== 0).length;
        for (const d of devices) d.db.close();
      }),
      // The suite runs a few; `npm run test:soak` runs many more.
      { seed: 1920, numRuns: SOAK ? 400 : 8 },
    );
    // The sequences do reach concurrent edits of shared rows.
    expect(edited).toBeGreaterThan(0);
    // …and every newly synced table, two organizations claiming one name, and a clock far ahead.
    for (const t of NEW_TABLES) expect(reached[t], t).toBeGreaterThan(0);
    expect(collided).toBeGreaterThan(0);
    expect(skewed).toBeGreaterThan(0);
  }, SOAK ? 3_600_000 : 120_000);
});
