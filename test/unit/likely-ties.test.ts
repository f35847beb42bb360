// Likely ties (issue 15): evidence per kind, decisions, merges, the export
// round trip, and the incremental upkeep agreeing with a full recomputation.
// Real SQLite temp files; the clock pinned at 2027-01-31 (Europe/Berlin).
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from '../../shared/clock';
import { LIKELY, pairKeyOf, type SizeBand } from '../../shared/likelyTies';
import { openDatabase, type Db } from '../../main/db/open';
import { exportJson } from '../../main/exporters/json';
import { commitJsonImport } from '../../main/importers/json';
import { inferAll, inferredPairs, likelyIndexStats, visibleLikelyTies } from '../../main/likely/index';
import { createAffiliation, updateAffiliation, deleteAffiliation } from '../../main/services/affiliations';
import { createEntry, deleteEntry } from '../../main/services/journal';
import { confirmLikelyTie, dismissLikelyTie, listLikelyTies } from '../../main/services/likelyTies';
import { mergePeople } from '../../main/services/merge';
import { createOrganization, updateOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId } from '../../main/services/people';
import { createTie, findTie, updateTie } from '../../main/services/ties';
import { createTestDb, removeTempDirs } from '../helpers/db';

let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());
afterAll(removeTempDirs);

function person(db: Db, name: string): number {
  return createPerson(db, { displayName: name }).id;
}
function org(db: Db, name: string, sizeBand: SizeBand | null = null, kind: 'company' | 'school' = 'company'): number {
  return createOrganization(db, { name, kind, sizeBand }).id;
}
function at(db: Db, p: number, o: number, startDate?: string, endDate?: string, current?: boolean): void {
  createAffiliation(db, { personId: p, organizationId: o, startDate, endDate, current });
}
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function pairOf(db: Db, x: number, y: number) {
  return listLikelyTies(db).items.find((t) => t.pairKey === pairKeyOf(x, y));
}

describe('likely ties: evidence', () => {
  it('same organization with dated overlap of 3 months or more, said as a sentence', () => {
    const db = createTestDb();
    const [ana, chen, dora] = [person(db, 'Ana'), person(db, 'Chen'), person(db, 'Dora')];
    const cobalt = org(db, 'Cobalt Software', '11-50');
    at(db, ana, cobalt, '2019-01', '2021-06');
    at(db, chen, cobalt, '2018-05', '2021-12');
    // Two months of overlap is not enough.
    at(db, dora, cobalt, '2021-05', '2022-03');
    const t = pairOf(db, ana, chen)!;
    expect(t.evidence).toEqual([{ kind: 'same_org', text: 'both at Cobalt Software, 2019–2021', confidence: round3(1 - Math.exp(-3 / 23)), organizationId: cobalt, sizeKnown: true }]);
    expect(t.suggestedStrength).toBe(3);
    expect(pairOf(db, ana, dora)).toBeUndefined();
    // Chen and Dora overlap 2021-05 … 2021-12: 8 months.
    expect(pairOf(db, chen, dora)?.evidence[0]!.text).toBe('both at Cobalt Software in 2021');
  });

  it('no likely tie between people whose dates do not overlap, even at a tiny organization', () => {
    const db = createTestDb();
    const [ana, ben] = [person(db, 'Ana'), person(db, 'Ben')];
    const o = org(db, 'Tiny Studio', '1-10');
    at(db, ana, o, '2015', '2017');
    at(db, ben, o, '2018-02', '2020');
    expect(listLikelyTies(db).items).toEqual([]);
  });

  it('both current without dates is evidence; one former without dates is not', () => {
    const db = createTestDb();
    const [ana, ben, cy] = [person(db, 'Ana'), person(db, 'Ben'), person(db, 'Cy')];
    const o = org(db, 'Acme Labs');
    at(db, ana, o);
    at(db, ben, o);
    at(db, cy, o, undefined, undefined, false);
    const t = pairOf(db, ana, ben)!;
    expect(t.evidence[0]).toMatchObject({ kind: 'same_org', text: 'both at Acme Labs now' });
    // Unknown size counts as large (at least 25 people), and undated as weaker.
    expect(t.confidence).toBeCloseTo((1 - Math.exp(-3 / 25)) * LIKELY.undatedFactor, 3);
    expect(pairOf(db, ana, cy)).toBeUndefined();
  });

  it('confidence falls as the organization grows; the largest fall below the list', () => {
    const db = createTestDb();
    const [ana, ben] = [person(db, 'Ana'), person(db, 'Ben')];
    const o = org(db, 'Growing Co');
    at(db, ana, o, '2020-01');
    at(db, ben, o, '2020-01');
    const seen: number[] = [];
    for (const band of ['1-10', '11-50', '51-200', '201-1000', '1001-10000', '10001+'] as const) {
      updateOrganization(db, o, { sizeBand: band });
      // Two people at an organization of S: 1 − e^(−3/S), S the band's typical size.
      const typical = { '1-10': 3, '11-50': 23, '51-200': 100, '201-1000': 450, '1001-10000': 3200, '10001+': 30_000 }[band];
      const expected = round3(1 - Math.exp(-3 / typical));
      seen.push(expected);
      const listed = pairOf(db, ana, ben);
      if (expected >= LIKELY.listFloor) expect(listed?.confidence).toBe(expected);
      else expect(listed).toBeUndefined();
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThan(seen[i - 1]!);
  });

  it('an organization is at least as large as the people Kith knows there, and the upkeep follows', () => {
    const db = createTestDb();
    const o = org(db, 'Tiny Studio', '1-10');
    const team = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kit', 'Lu'].map((n) => person(db, n));
    const [ana, ben] = [team[0]!, team[1]!];
    const conf = () => pairOf(db, ana, ben)?.confidence ?? 0;
    at(db, ana, o, '2020-01');
    at(db, ben, o, '2020-01');
    // Two known, band 1–10 (typical 3): S = 3.
    expect(conf()).toBe(round3(1 - Math.exp(-3 / 3)));
    for (const p of team.slice(2, 6)) at(db, p, o, '2020-01');
    // Six known: S = 6, and Ana–Ben (whose own rows did not change) follow.
    expect(conf()).toBe(round3(1 - Math.exp(-3 / 6)));
    for (const p of team.slice(6)) at(db, p, o, '2020-01');
    // Twelve known, though the band says 1–10: at least 11.
    expect(conf()).toBe(round3(1 - Math.exp(-3 / 11)));
    // The same as a full recomputation.
    const full = inferAll(db, '2027-01-31');
    for (const [, p] of full) expect(pairOf(db, p.a, p.b)?.confidence).toBe(p.confidence);
    // Someone leaves the organization's rows: back to 11 known, then 10.
    deleteAffiliation(db, db.prepare('SELECT id FROM affiliations WHERE person_id = ?').pluck().get(team[11]) as number);
    expect(conf()).toBe(round3(1 - Math.exp(-3 / 11)));
    deleteAffiliation(db, db.prepare('SELECT id FROM affiliations WHERE person_id = ?').pluck().get(team[10]) as number);
    expect(conf()).toBe(round3(1 - Math.exp(-3 / 10)));
  });

  it('same school with overlapping years', () => {
    const db = createTestDb();
    const [ana, ben, cy] = [person(db, 'Ana'), person(db, 'Ben'), person(db, 'Cy')];
    const uni = org(db, 'Cedar University', '1001-10000', 'school');
    updateOrganization(db, uni, { sizeBand: '11-50' });
    at(db, ana, uni, '2012', '2016');
    at(db, ben, uni, '2014', '2018');
    at(db, cy, uni, '2017', '2019');
    expect(pairOf(db, ana, ben)!.evidence[0]).toMatchObject({ kind: 'same_school', text: 'both at Cedar University, 2014–2016' });
    expect(pairOf(db, ana, cy)).toBeUndefined();
  });

  it('took part together grows with the count; mentions do not count', () => {
    const db = createTestDb();
    const [ana, chen, mo] = [person(db, 'Ana'), person(db, 'Chen'), person(db, 'Mo')];
    createEntry(db, { occurredAt: '2027-01-10', kind: 'meeting', participantIds: [ana, chen], mentionIds: [mo] });
    const one = pairOf(db, ana, chen)!;
    expect(one.evidence[0]).toMatchObject({ kind: 'took_part', text: 'in a meeting together in January' });
    createEntry(db, { occurredAt: '2026-03-02', kind: 'meeting', participantIds: [ana, chen] });
    createEntry(db, { occurredAt: '2026-11-20', kind: 'meeting', participantIds: [ana, chen] });
    const three = pairOf(db, ana, chen)!;
    expect(three.evidence[0]!.text).toBe('in 3 meetings together since March 2026');
    expect(three.confidence).toBeGreaterThan(one.confidence);
    expect(three.suggestedStrength).toBe(3);
    expect(pairOf(db, ana, mo)).toBeUndefined();
    expect(pairOf(db, chen, mo)).toBeUndefined();
  });

  it('a meeting with hundreds of attendees is ignored, and the app says so', () => {
    const db = createTestDb();
    const crowd = Array.from({ length: 300 }, (_, i) => person(db, `Guest ${i}`));
    createEntry(db, { occurredAt: '2026-05-01', kind: 'event', participantIds: crowd.slice(0, 100) });
    const result = listLikelyTies(db);
    expect(result.items).toEqual([]);
    expect(result.crowdedEntries).toBe(1);
    expect(result.notice).toMatch(/more than 20 people/);
  });

  it('pairs already tied, me and archived people are never likely ties', () => {
    const db = createTestDb();
    const me = getMeId(db);
    const [ana, ben, cy] = [person(db, 'Ana'), person(db, 'Ben'), person(db, 'Cy')];
    const o = org(db, 'Acme Labs', '1-10');
    for (const p of [me, ana, ben, cy]) at(db, p, o, '2020-01');
    expect(listLikelyTies(db).total).toBe(3);
    createTie(db, { personA: ana, personB: ben, strength: 2 });
    archivePerson(db, cy);
    expect(listLikelyTies(db).items).toEqual([]);
  });

  it('the README edges: whole months, undated when either side lacks dates, entry size without me, strength by band', () => {
    const db = createTestDb();
    const [ana, ben, cy, dee, eve, fay] = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay'].map((n) => person(db, n)) as [number, number, number, number, number, number];
    const o = org(db, 'Cobalt Software', '11-50');
    // Months are counted whole, the day unused: 31 May to 1 July is May, June, July.
    at(db, ana, o, '2021-05-31', '2021-07-01');
    at(db, ben, o, '2021-05', '2021-07');
    at(db, cy, o, '2021-06-01', '2021-07-31');
    expect(pairOf(db, ana, ben)?.evidence[0]!.text).toBe('both at Cobalt Software in 2021');
    expect(pairOf(db, ana, cy)).toBeUndefined();
    // Both current: undated evidence when either side has no dates; two dated jobs that overlap less are none.
    const acme = org(db, 'Acme Labs', '1-10');
    at(db, dee, acme, '2026-12');
    at(db, eve, acme);
    at(db, fay, acme, '2020-01');
    expect(pairOf(db, dee, eve)!.evidence[0]).toMatchObject({ text: 'both at Acme Labs now', confidence: round3((1 - Math.exp(-3 / 3)) * 0.8) });
    expect(pairOf(db, dee, fay)).toBeUndefined();
    expect(pairOf(db, eve, fay)!.evidence[0]!.text).toBe('both at Acme Labs now');
    // Strength by size band: a dated overlap at a small school suggests 2, at a company of unknown size 1.
    const school = org(db, 'Cedar College', '1-10', 'school');
    at(db, ana, school, '2010', '2014');
    at(db, fay, school, '2012', '2016');
    expect(pairOf(db, ana, fay)).toMatchObject({ suggestedStrength: 2, confidence: round3((1 - Math.exp(-3 / 3)) * 0.75) });
    const unknown = org(db, 'Unknown Size Ltd');
    at(db, cy, unknown, '2015', '2018');
    at(db, dee, unknown, '2016', '2019');
    expect(pairOf(db, cy, dee)).toMatchObject({ suggestedStrength: 1, confidence: round3(1 - Math.exp(-3 / 25)) });
    // An entry's size counts the people it lists (never me): 5 people count 0.35 each, 6 people 0.35 × 0.8.
    const [g1, g2, g3, g4, g5, g6] = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'].map((n) => person(db, n)) as [number, number, number, number, number, number];
    createEntry(db, { occurredAt: '2026-06-01', kind: 'meeting', participantIds: [g1, g2, g3, g4, g5] });
    createEntry(db, { occurredAt: '2026-06-02', kind: 'meeting', participantIds: [g1, g2, g3, g4, g5, g6] });
    expect(pairOf(db, g1, g6)!.confidence).toBe(round3(0.35 * 0.8));
    expect(pairOf(db, g1, g2)!.confidence).toBe(round3(1 - (1 - 0.35) * (1 - 0.35 * 0.8)));
  });

  it('each person keeps at most 50: most confident first, then by pair, kept while both are under the cap', () => {
    const db = createTestDb();
    const hub = person(db, 'Hub');
    const others = Array.from({ length: 55 }, (_, i) => person(db, `Other ${i}`));
    for (const p of others) createEntry(db, { occurredAt: '2026-06-01', kind: 'call', participantIds: [hub, p] });
    // The last three are seen with the hub twice: more confident, so first.
    for (const p of others.slice(-3)) createEntry(db, { occurredAt: '2026-07-01', kind: 'call', participantIds: [hub, p] });
    // Two of the others who will be left out of the hub's 50 also met each other: they keep that.
    createEntry(db, { occurredAt: '2026-08-01', kind: 'call', participantIds: [others[48]!, others[49]!] });
    const result = listLikelyTies(db, { limit: 10_000 });
    const ofHub = result.items.filter((t) => t.a.id === hub || t.b.id === hub).map((t) => (t.a.id === hub ? t.b.id : t.a.id));
    expect(ofHub).toEqual([...others.slice(-3), ...others.slice(0, 47)]);
    expect(pairOf(db, others[48]!, others[49]!)?.confidence).toBe(0.35);
    expect(result.total).toBe(51);
  });

  it('bad dates: partial, reversed (in old data) and the same person at one organization twice do not crash or invent', () => {
    const db = createTestDb();
    const [ana, ben, cy] = [person(db, 'Ana'), person(db, 'Ben'), person(db, 'Cy')];
    const o = org(db, 'Acme Labs', '11-50');
    at(db, ana, o, '2019', undefined, false); // former, no end: unknown
    at(db, ben, o, '2019-04', '2020');
    at(db, ana, o, '2020-01', '2020-09'); // Ana twice: this one overlaps Ben
    at(db, cy, o, '2019-01', '2021-01');
    // A reversed range the services refuse but older files may hold: unknown, not swapped.
    db.prepare(`UPDATE affiliations SET start_date = '2022', end_date = '2018' WHERE person_id = ?`).run(cy);
    const t = pairOf(db, ana, ben)!;
    expect(t.evidence).toHaveLength(1);
    expect(t.evidence[0]!.text).toBe('both at Acme Labs in 2020');
    expect(pairOf(db, ben, cy)).toBeUndefined();
  });
});

describe('likely ties: decisions', () => {
  function twoAt(db: Db) {
    const [ana, ben] = [person(db, 'Ana'), person(db, 'Ben')];
    const o = org(db, 'Acme Labs', '11-50');
    at(db, ana, o, '2020-01');
    at(db, ben, o, '2020-01');
    return { ana, ben, o, key: pairKeyOf(ana, ben) };
  }

  it('confirm creates a manual tie with the evidence as context, at the suggested or given strength', () => {
    const db = createTestDb();
    const { ana, ben, key } = twoAt(db);
    const d = confirmLikelyTie(db, { pairKey: key, strength: 4 });
    const tie = findTie(db, ana, ben)!;
    expect(d).toEqual({ pairKey: key, decision: 'confirmed', tieId: tie.id });
    expect(tie).toMatchObject({ strength: 4, source: 'manual', context: 'Both at Acme Labs since 2020' });
    expect(listLikelyTies(db).items).toEqual([]);
    expect(() => confirmLikelyTie(db, { pairKey: key })).toThrow(/already have a tie/);
    // Deleting the tie later does not bring the suggestion back: the user decided.
    db.prepare('DELETE FROM ties WHERE id = ?').run(tie.id);
    expect(listLikelyTies(db).items).toEqual([]);
  });

  it('a confirmed tie is never changed by inference', () => {
    const db = createTestDb();
    const { ana, ben, key } = twoAt(db);
    confirmLikelyTie(db, { pairKey: key });
    const tie = updateTie(db, findTie(db, ana, ben)!.id, { strength: 5, context: 'Old friends' });
    createEntry(db, { occurredAt: '2026-06-01', kind: 'meeting', participantIds: [ana, ben] });
    listLikelyTies(db);
    expect(findTie(db, ana, ben)).toEqual(tie);
  });

  it('a dismissed pair returns only on a new kind of evidence or a confidence up by the documented step', () => {
    const db = createTestDb();
    const { ana, ben, o, key } = twoAt(db);
    dismissLikelyTie(db, key);
    expect(pairOf(db, ana, ben)).toBeUndefined();
    // The same kind, more confident (11–50 → 1–10: 0.12 → 0.63, a rise of 0.15 or more): back.
    updateOrganization(db, o, { sizeBand: '1-10' });
    expect(pairOf(db, ana, ben)).toMatchObject({ returned: true });
    dismissLikelyTie(db, key);
    // A smaller rise is not enough: a second organization of 11–50 takes it from 0.632 to 0.677.
    const big = org(db, 'Huge Corp', '11-50');
    at(db, ana, big, '2021-01');
    at(db, ben, big, '2021-01');
    expect(pairOf(db, ana, ben)).toBeUndefined();
    // A new kind (took part together) brings it back.
    createEntry(db, { occurredAt: '2026-06-01', kind: 'coffee', participantIds: [ana, ben] });
    const back = pairOf(db, ana, ben)!;
    expect(back.returned).toBe(true);
    expect(back.evidence.map((e) => e.kind).sort()).toEqual(['same_org', 'same_org', 'took_part']);
  });

  it('refuses a pair with no evidence, a malformed pair or an unknown person, and changes nothing', () => {
    const db = createTestDb();
    const [ana, ben] = [person(db, 'Ana'), person(db, 'Ben')];
    expect(() => dismissLikelyTie(db, pairKeyOf(ana, ben))).toThrow(/no likely tie/);
    expect(() => confirmLikelyTie(db, { pairKey: `${ana}-${ana}` })).toThrow(/not a pair/);
    expect(() => confirmLikelyTie(db, { pairKey: `${ana}-99999` })).toThrow(/No person/);
    expect(db.prepare('SELECT count(*) FROM likely_tie_decisions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM ties').pluck().get()).toBe(0);
  });

  it('decisions survive a merge of two people who both had likely ties and decisions (a confirmation wins)', () => {
    const db = createTestDb();
    const [ana, ana2, ben, cy] = [person(db, 'Ana'), person(db, 'Ana B.'), person(db, 'Ben'), person(db, 'Cy')];
    const o = org(db, 'Acme Labs', '11-50');
    for (const p of [ana, ana2, ben, cy]) at(db, p, o, '2020-01');
    dismissLikelyTie(db, pairKeyOf(ana, ben));
    confirmLikelyTie(db, { pairKey: pairKeyOf(ana2, ben) });
    dismissLikelyTie(db, pairKeyOf(ana2, cy));
    dismissLikelyTie(db, pairKeyOf(ana, ana2));
    mergePeople(db, [ana, ana2]);
    const rows = db.prepare('SELECT person_a, person_b, decision FROM likely_tie_decisions ORDER BY person_a, person_b').all();
    expect(rows).toEqual([
      { person_a: Math.min(ana, ben), person_b: Math.max(ana, ben), decision: 'confirmed' },
      { person_a: Math.min(ana, cy), person_b: Math.max(ana, cy), decision: 'dismissed' },
    ]);
    expect(findTie(db, ana, ben)).not.toBeNull();
    // Only Ben–Cy is left to suggest.
    expect(listLikelyTies(db).items.map((t) => t.pairKey)).toEqual([pairKeyOf(ben, cy)]);
  });

  it('decisions and size bands survive the JSON export and import round trip', () => {
    const db = createTestDb();
    const { key, ana } = twoAt(db);
    const cy = person(db, 'Cy');
    at(db, cy, db.prepare('SELECT id FROM organizations').pluck().get() as number, '2020-01');
    dismissLikelyTie(db, key);
    confirmLikelyTie(db, { pairKey: pairKeyOf(ana, cy), strength: 2 });
    const text = exportJson(db, { now: new Date('2027-01-01T00:00:00Z') });
    const copy = createTestDb();
    commitJsonImport(copy, text);
    expect(exportJson(copy, { now: new Date('2027-01-01T00:00:00Z') })).toBe(text);
    expect(listLikelyTies(copy)).toEqual(listLikelyTies(db));
  });
});

describe('likely ties: incremental upkeep', () => {
  it('sees what another connection commits (the CLI while the app runs), and what a rolled-back write did not', () => {
    const db = createTestDb();
    const other = openDatabase(db.name);
    const [ana, ben] = [person(db, 'Ana'), person(db, 'Ben')];
    const o = org(db, 'Acme Labs', '11-50');
    at(db, ana, o, '2020-01');
    expect(listLikelyTies(db).items).toEqual([]);
    createAffiliation(other, { personId: ben, organizationId: o, startDate: '2020-01' });
    expect(listLikelyTies(db).items.map((t) => t.pairKey)).toEqual([pairKeyOf(ana, ben)]);
    // A write read inside a transaction that then rolls back leaves no trace.
    const cy = person(db, 'Cy');
    expect(() =>
      db.transaction(() => {
        at(db, cy, o, '2020-01');
        expect(listLikelyTies(db).total).toBe(3);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(listLikelyTies(db).total).toBe(1);
    other.close();
  });

  it('after each edit, recomputes only the people it touched, and agrees with a full recomputation (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('aff', 'entry', 'band', 'move', 'drop', 'tie', 'forgetEntry', 'merge'),
            x: fc.nat(11),
            y: fc.nat(11),
            z: fc.nat(3),
            year: fc.integer({ min: 2015, max: 2026 }),
            len: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: 5, maxLength: 25 },
        ),
        (ops) => {
          const db = createTestDb();
          const people = Array.from({ length: 12 }, (_, i) => person(db, `P${i}`));
          const orgs = [org(db, 'O0', '1-10'), org(db, 'O1'), org(db, 'O2', '51-200', 'school'), org(db, 'O3', '11-50')];
          const bands: (SizeBand | null)[] = ['1-10', '11-50', '201-1000', null];
          const alive = new Set(people);
          listLikelyTies(db); // the first, full, computation
          const fullBefore = likelyIndexStats(db).fullBuilds;
          for (const o of ops) {
            const p = people[o.x]!;
            const q = people[o.y]!;
            if (!alive.has(p) || !alive.has(q)) continue;
            const affs = db.prepare('SELECT id FROM affiliations ORDER BY id').pluck().all() as number[];
            switch (o.op) {
              case 'aff':
                at(db, p, orgs[o.z]!, o.len === 0 ? undefined : String(o.year), o.len >= 2 ? String(o.year + o.len) : undefined, o.len === 1 || o.len === 0);
                break;
              case 'entry':
                if (p !== q) createEntry(db, { occurredAt: `${o.year}-05-01`, kind: o.z % 2 ? 'meeting' : 'call', participantIds: [p, q] });
                break;
              case 'band':
                updateOrganization(db, orgs[o.z]!, { sizeBand: bands[o.len % 4]! });
                break;
              case 'move':
                if (affs.length) updateAffiliation(db, affs[o.x % affs.length]!, { startDate: `${o.year}-01`, endDate: null, current: true });
                break;
              case 'drop':
                if (affs.length) deleteAffiliation(db, affs[o.y % affs.length]!);
                break;
              case 'tie':
                if (p !== q && !findTie(db, p, q)) createTie(db, { personA: p, personB: q, strength: 2 });
                break;
              case 'forgetEntry': {
                const e = db.prepare('SELECT id FROM interactions WHERE deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get() as number | undefined;
                if (e !== undefined) deleteEntry(db, e);
                break;
              }
              case 'merge':
                if (p !== q) {
                  mergePeople(db, [p, q]);
                  alive.delete(q);
                }
                break;
            }
            // The index (before the visible pass) equals a full recomputation, pair for pair.
            const incremental = [...inferredPairs(db).values()].map((t) => JSON.stringify(t)).sort();
            const full = [...inferAll(db, '2027-01-31').values()].map((t) => JSON.stringify(t)).sort();
            expect(incremental).toEqual(full);
            expect(visibleLikelyTies(db).all.length).toBeLessThanOrEqual(full.length);
          }
          expect(likelyIndexStats(db).fullBuilds).toBe(fullBefore);
          db.close();
        },
      ),
      { seed: 15, numRuns: 12 },
    );
  });
});
