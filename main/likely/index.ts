// The likely-tie index of one database connection (issue 15): every pair's
// inferred evidence, kept current incrementally, and the visible list (ties,
// decisions and the per-person cap applied) derived from it.
//
// Upkeep, and why this way:
// - TEMP triggers (this connection only, the file untouched) record in
//   temp.likely_dirty the people whose evidence a write may have changed: an
//   affiliation's person; every member of an organization whose size band,
//   name or kind changed; every participant of an entry whose participants,
//   date, kind or deletion changed; a person archived or deleted; both ends of
//   a tie or a decision. A rolled-back write rolls its marks back with it.
// - The next read recomputes only the pairs of those people (from their own
//   affiliations and entries, by the same pure code as the full computation,
//   main/likely/evidence.ts), not everything. Many marks at once (an import)
//   or a commit by another connection (PRAGMA data_version) recompute all.
// - The visible list (no tied pairs, decisions applied, at most
//   LIKELY.perPerson per person) is one linear pass over the inferred pairs,
//   redone after any change; it infers nothing.
import { today as clockToday } from '../../shared/clock';
import { KNOWN_SIZE_SENSITIVE, LIKELY, type SizeBand } from '../../shared/likelyTies';
import type { Db } from '../db/open';
import { inferPairs, kindsOf, pairNum, type AffRow, type EntryRow, type InferredPair, type OrgInfo } from './evidence';

export interface VisiblePair extends InferredPair {
  returned: boolean;
}

interface LikelyState {
  pairs: Map<number, InferredPair> | null;
  byPerson: Map<number, Set<number>>;
  dataVersion: number;
  /** Processed inside a transaction that may yet roll back: recomputed again on the next read. */
  recheck: Set<number>;
  visible: VisiblePair[] | null;
  visibleByPerson: Map<number, VisiblePair[]> | null;
  day: string;
  fullBuilds: number;
  incrementalPeople: number;
  lastFullMs: number;
}

const states = new WeakMap<Db, LikelyState>();

/** Beyond this many marked people a full recomputation is cheaper than one per person. */
const INCREMENTAL_LIMIT = 400;

/**
 * Marks people dirty. Not INSERT OR IGNORE: a trigger's conflict policy gives
 * way to the outer statement's (an upsert's ON CONFLICT would make a repeat
 * mark an error), so repeats are filtered out instead.
 */
const mark = (people: string) =>
  `INSERT INTO temp.likely_dirty SELECT DISTINCT v FROM (${people}) WHERE v IS NOT NULL AND v NOT IN (SELECT person_id FROM temp.likely_dirty);`;
const values = (...cols: string[]) => cols.map((c) => `SELECT ${c} AS v`).join(' UNION ');
const participantsOf = (entry: string) => `SELECT person_id AS v FROM main.interaction_participants WHERE interaction_id = ${entry}`;

/**
 * Everyone at an organization, when the number of people known there is one
 * where a person more or fewer changes the size it is known to have at least
 * (knownSizeFloor): every pair there changes confidence. Small organizations
 * (up to 11 people) and the step counts only, so a large organization's
 * upkeep stays one person's.
 */
const orgMates = (org: string) =>
  `SELECT person_id AS v FROM main.affiliations WHERE organization_id = ${org}
     AND (SELECT count(DISTINCT person_id) FROM main.affiliations WHERE organization_id = ${org}) IN (${KNOWN_SIZE_SENSITIVE.join(', ')})`;

const TRIGGERS: readonly string[] = [
  `AFTER INSERT ON main.affiliations BEGIN ${mark(`${values('NEW.person_id')} UNION ${orgMates('NEW.organization_id')}`)} END`,
  `AFTER DELETE ON main.affiliations BEGIN ${mark(`${values('OLD.person_id')} UNION ${orgMates('OLD.organization_id')}`)} END`,
  `AFTER UPDATE ON main.affiliations BEGIN
     ${mark(`${values('OLD.person_id', 'NEW.person_id')} UNION ${orgMates('OLD.organization_id')} UNION ${orgMates('NEW.organization_id')}`)} END`,
  `AFTER UPDATE OF size_band, name, kind ON main.organizations BEGIN
     ${mark('SELECT person_id AS v FROM main.affiliations WHERE organization_id = NEW.id')} END`,
  `AFTER INSERT ON main.interaction_participants BEGIN ${mark(participantsOf('NEW.interaction_id'))} END`,
  `AFTER DELETE ON main.interaction_participants BEGIN
     ${mark(`${values('OLD.person_id')} UNION ${participantsOf('OLD.interaction_id')}`)} END`,
  `AFTER UPDATE OF deleted_at, occurred_at, kind ON main.interactions BEGIN ${mark(participantsOf('NEW.id'))} END`,
  `AFTER UPDATE OF archived_at, is_me ON main.people BEGIN ${mark(values('NEW.id'))} END`,
  `AFTER DELETE ON main.people BEGIN ${mark(values('OLD.id'))} END`,
  `AFTER INSERT ON main.ties BEGIN ${mark(values('NEW.person_a', 'NEW.person_b'))} END`,
  `AFTER DELETE ON main.ties BEGIN ${mark(values('OLD.person_a', 'OLD.person_b'))} END`,
  `AFTER UPDATE OF person_a, person_b ON main.ties BEGIN ${mark(values('OLD.person_a', 'OLD.person_b', 'NEW.person_a', 'NEW.person_b'))} END`,
  `AFTER INSERT ON main.likely_tie_decisions BEGIN ${mark(values('NEW.person_a', 'NEW.person_b'))} END`,
  `AFTER DELETE ON main.likely_tie_decisions BEGIN ${mark(values('OLD.person_a', 'OLD.person_b'))} END`,
  `AFTER UPDATE ON main.likely_tie_decisions BEGIN ${mark(values('OLD.person_a', 'OLD.person_b', 'NEW.person_a', 'NEW.person_b'))} END`,
];

/** Creates the TEMP table and triggers if missing; true when it had to (marks may have been lost: recompute all). */
function install(db: Db): boolean {
  if (db.readonly) return false;
  // Created inside a transaction that was rolled back, they are gone again: checked on every read (microseconds).
  if (db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = 'likely_dirty'`).get() !== undefined) return false;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS likely_dirty (person_id INTEGER PRIMARY KEY)');
  TRIGGERS.forEach((body, i) => db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS kith_likely_${i} ${body}`));
  return true;
}

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

function ineligible(db: Db): Set<number> {
  return new Set(db.prepare('SELECT id FROM people WHERE is_me = 1 OR archived_at IS NOT NULL').pluck().all() as number[]);
}

function orgsOf(rows: [number, string, string, string | null][]): Map<number, OrgInfo> {
  const orgs = new Map<number, OrgInfo>();
  for (const [id, name, kind, band] of rows) orgs.set(id, { name, school: kind === 'school', band: band as SizeBand | null });
  return orgs;
}

function affRows(rows: [number, number, string | null, string | null, number][]): AffRow[] {
  return rows.map(([person, org, start, end, current]) => ({ person, org, start, end, current: current === 1 }));
}

function entryRows(rows: [number, string, string, string][]): EntryRow[] {
  return rows.map(([entry, kind, date, people]) => ({ entry, kind, date, people: JSON.parse(people) as number[] }));
}

/** Columns as JSON arrays, one row: far fewer objects (and less garbage) than one row object each. */
function columns<T extends unknown[]>(db: Db, sql: string): T {
  return (db.prepare(sql).raw().get() as string[]).map((c) => JSON.parse(c) as unknown) as T;
}

/** Every pair, from every row: the full computation. */
export function inferAll(db: Db, today: string): Map<number, InferredPair> {
  const skip = ineligible(db);
  const [aPerson, aOrg, aStart, aEnd, aCurrent] = columns<[number[], number[], (string | null)[], (string | null)[], number[]]>(
    db,
    `SELECT json_group_array(person_id), json_group_array(organization_id), json_group_array(start_date), json_group_array(end_date),
            json_group_array(is_current) FROM affiliations`,
  );
  const affiliations: AffRow[] = aPerson.map((person, i) => ({ person, org: aOrg[i]!, start: aStart[i]!, end: aEnd[i]!, current: aCurrent[i] === 1 }));
  const orgs = orgsOf(db.prepare('SELECT id, name, kind, size_band FROM organizations').raw().all() as [number, string, string, string | null][]);
  // Participants in entry order (the primary key's), then the live entries with two people or more.
  const [pEntry, pPerson] = columns<[number[], number[]]>(
    db,
    'SELECT json_group_array(interaction_id), json_group_array(person_id) FROM (SELECT interaction_id, person_id FROM interaction_participants ORDER BY interaction_id)',
  );
  const [eId, eKind, eDate] = columns<[number[], string[], string[]]>(
    db,
    `SELECT json_group_array(id), json_group_array(kind), json_group_array(occurred_date) FROM interactions
      WHERE deleted_at IS NULL AND id IN (SELECT interaction_id FROM interaction_participants GROUP BY interaction_id HAVING count(*) >= 2)`,
  );
  const entryAt = new Map<number, number>();
  eId.forEach((id, i) => entryAt.set(id, i));
  const entries: EntryRow[] = [];
  for (let i = 0; i < pEntry.length; ) {
    const id = pEntry[i]!;
    let j = i;
    while (j < pEntry.length && pEntry[j] === id) j++;
    const at = entryAt.get(id);
    if (at !== undefined) entries.push({ entry: id, kind: eKind[at]!, date: eDate[at]!, people: pPerson.slice(i, j) });
    i = j;
  }
  return inferPairs({ affiliations, orgs, entries, eligible: (p) => !skip.has(p), today }).pairs;
}

/** The pairs of one person, from their own affiliations and entries: the incremental upkeep. */
export function inferFor(db: Db, person: number, today: string, skip: Set<number>): Map<number, InferredPair> {
  if (skip.has(person)) return new Map();
  const affiliations = affRows(
    db
      .prepare(
        `SELECT person_id, organization_id, start_date, end_date, is_current FROM affiliations
          WHERE organization_id IN (SELECT organization_id FROM affiliations WHERE person_id = ?)`,
      )
      .raw()
      .all(person) as [number, number, string | null, string | null, number][],
  );
  const orgs = orgsOf(
    db
      .prepare('SELECT id, name, kind, size_band FROM organizations WHERE id IN (SELECT organization_id FROM affiliations WHERE person_id = ?)')
      .raw()
      .all(person) as [number, string, string, string | null][],
  );
  const entries = entryRows(
    db
      .prepare(
        `SELECT i.id, i.kind, i.occurred_date, (SELECT json_group_array(p.person_id) FROM interaction_participants p WHERE p.interaction_id = i.id)
           FROM interaction_participants x JOIN interactions i ON i.id = x.interaction_id AND i.deleted_at IS NULL
          WHERE x.person_id = ?`,
      )
      .raw()
      .all(person) as [number, string, string, string][],
  );
  return inferPairs({ affiliations, orgs, entries, eligible: (p) => !skip.has(p), today, onlyPerson: person }).pairs;
}

function index(pairs: Map<number, InferredPair>): Map<number, Set<number>> {
  const byPerson = new Map<number, Set<number>>();
  const add = (p: number, k: number) => {
    const s = byPerson.get(p);
    if (s) s.add(k);
    else byPerson.set(p, new Set([k]));
  };
  for (const [k, p] of pairs) {
    add(p.a, k);
    add(p.b, k);
  }
  return byPerson;
}

function takeDirty(db: Db): number[] {
  if (db.readonly) return [];
  const ids = db.prepare('SELECT person_id FROM temp.likely_dirty').pluck().all() as number[];
  if (ids.length) db.prepare('DELETE FROM temp.likely_dirty').run();
  return ids;
}

function stateOf(db: Db): LikelyState {
  let state = states.get(db);
  if (!state) {
    state = { pairs: null, byPerson: new Map(), dataVersion: -1, recheck: new Set(), visible: null, visibleByPerson: null, day: '', fullBuilds: 0, incrementalPeople: 0, lastFullMs: 0 };
    states.set(db, state);
  }
  return state;
}

/** Brings the inferred pairs up to date: in full the first time, after another connection's commit or a new day; else only the marked people. */
function refresh(db: Db): LikelyState {
  const state = stateOf(db);
  const installed = install(db);
  const today = clockToday();
  const version = dataVersion(db);
  const dirty = takeDirty(db);
  for (const p of state.recheck) dirty.push(p);
  state.recheck.clear();
  const full = installed || state.pairs === null || version !== state.dataVersion || today !== state.day || dirty.length > INCREMENTAL_LIMIT;
  if (full) {
    const started = performance.now();
    state.pairs = inferAll(db, today);
    state.byPerson = index(state.pairs);
    state.fullBuilds++;
    state.lastFullMs = performance.now() - started;
    state.visible = null;
  } else if (dirty.length > 0) {
    const pairs = state.pairs!;
    const skip = ineligible(db);
    const done = new Set<number>();
    for (const person of dirty) {
      if (done.has(person)) continue;
      done.add(person);
      for (const k of state.byPerson.get(person) ?? []) {
        const old = pairs.get(k);
        if (!old) continue;
        pairs.delete(k);
        state.byPerson.get(old.a)?.delete(k);
        state.byPerson.get(old.b)?.delete(k);
      }
      for (const [k, p] of inferFor(db, person, today, skip)) {
        pairs.set(k, p);
        for (const end of [p.a, p.b]) {
          const s = state.byPerson.get(end);
          if (s) s.add(k);
          else state.byPerson.set(end, new Set([k]));
        }
      }
      state.incrementalPeople++;
    }
    state.visible = null;
  }
  // What was read inside an open transaction may be rolled back: read it again next time.
  if (db.inTransaction) for (const p of dirty) state.recheck.add(p);
  if (db.inTransaction && full) state.dataVersion = -1;
  else state.dataVersion = version;
  state.day = today;
  return state;
}

interface Decision {
  decision: 'confirmed' | 'dismissed';
  kinds: string;
  confidence: number;
}

function decisionsOf(db: Db): Map<number, Decision> {
  const rows = db.prepare('SELECT person_a, person_b, decision, evidence_kinds, confidence_milli FROM likely_tie_decisions').raw().all() as [
    number,
    number,
    'confirmed' | 'dismissed',
    string,
    number,
  ][];
  return new Map(rows.map(([a, b, decision, kinds, milli]) => [pairNum(a, b), { decision, kinds, confidence: milli / 1000 }]));
}

/**
 * Whether a dismissed pair comes back (issue 15): only on a kind of evidence
 * it did not have when dismissed, or a confidence at least
 * LIKELY.dismissReturnStep above what it was.
 */
export function dismissedReturns(dismissed: { kinds: string; confidence: number }, now: InferredPair): boolean {
  const before = new Set(dismissed.kinds.split(',').filter(Boolean));
  if (now.evidence.some((e) => !before.has(e.kind))) return true;
  return now.confidence >= dismissed.confidence + LIKELY.dismissReturnStep - 1e-9;
}

/** Tied pairs as person_a → person_b sets (small-integer keys hash faster than pair numbers). */
function tiedPairs(db: Db): Map<number, Set<number>> {
  const [a, b] = db.prepare('SELECT json_group_array(person_a), json_group_array(person_b) FROM ties').raw().get() as [string, string];
  const as = JSON.parse(a) as number[];
  const bs = JSON.parse(b) as number[];
  const tied = new Map<number, Set<number>>();
  for (let i = 0; i < as.length; i++) {
    const s = tied.get(as[i]!);
    if (s) s.add(bs[i]!);
    else tied.set(as[i]!, new Set([bs[i]!]));
  }
  return tied;
}

const byPair = (p: VisiblePair, q: VisiblePair) => p.a - q.a || p.b - q.b;

function computeVisible(db: Db, pairs: Map<number, InferredPair>): { all: VisiblePair[]; byPerson: Map<number, VisiblePair[]> } {
  const tied = tiedPairs(db);
  const decisions = decisionsOf(db);
  // Most confident first, then by pair: confidences are in thousandths, so 1,001 buckets sort them.
  const buckets: VisiblePair[][] = Array.from({ length: 1001 }, () => []);
  for (const [k, p] of pairs) {
    if (p.confidence < LIKELY.listFloor || tied.get(p.a)?.has(p.b)) continue;
    const d = decisions.size ? decisions.get(k) : undefined;
    let returned = false;
    if (d) {
      // A confirmed pair is a tie (or a tie the user deleted since): never suggested again.
      if (d.decision === 'confirmed' || !dismissedReturns(d, p)) continue;
      returned = true;
    }
    buckets[1000 - Math.round(p.confidence * 1000)]!.push({ a: p.a, b: p.b, confidence: p.confidence, strength: p.strength, evidence: p.evidence, returned });
  }
  const candidates: VisiblePair[] = [];
  for (const bucket of buckets) {
    if (bucket.length > 1) bucket.sort(byPair);
    for (const p of bucket) candidates.push(p);
  }
  // The per-person cap: a pair stays only while both people are under it, most confident first.
  const count = new Map<number, number>();
  const all: VisiblePair[] = [];
  const byPerson = new Map<number, VisiblePair[]>();
  for (const p of candidates) {
    const ca = count.get(p.a) ?? 0;
    const cb = count.get(p.b) ?? 0;
    if (ca >= LIKELY.perPerson || cb >= LIKELY.perPerson) continue;
    count.set(p.a, ca + 1);
    count.set(p.b, cb + 1);
    all.push(p);
    for (const end of [p.a, p.b]) {
      const list = byPerson.get(end);
      if (list) list.push(p);
      else byPerson.set(end, [p]);
    }
  }
  return { all, byPerson };
}

/** The likely ties to show: no tied pairs, decisions applied, at most LIKELY.perPerson each; most confident first. */
export function visibleLikelyTies(db: Db): { all: readonly VisiblePair[]; byPerson: ReadonlyMap<number, readonly VisiblePair[]> } {
  const state = refresh(db);
  if (!state.visible || !state.visibleByPerson) {
    const v = computeVisible(db, state.pairs!);
    state.visible = v.all;
    state.visibleByPerson = v.byPerson;
    if (db.inTransaction) {
      const out = { all: state.visible, byPerson: state.visibleByPerson };
      state.visible = null; // may hold writes that are rolled back
      return out;
    }
  }
  return { all: state.visible, byPerson: state.visibleByPerson! };
}

/** The inferred evidence of one pair (before decisions and the cap), or null. */
export function inferredPair(db: Db, x: number, y: number): InferredPair | null {
  return refresh(db).pairs!.get(pairNum(x, y)) ?? null;
}

/** Decision of one pair as stored, for confirm and dismiss. */
export function decisionKindsOf(evidence: InferredPair['evidence']): string {
  return kindsOf(evidence);
}

/** Counters for tests and benchmarks. */
export function likelyIndexStats(db: Db): { fullBuilds: number; incrementalPeople: number; lastFullMs: number; pairs: number } {
  const s = states.get(db);
  return s ? { fullBuilds: s.fullBuilds, incrementalPeople: s.incrementalPeople, lastFullMs: s.lastFullMs, pairs: s.pairs?.size ?? 0 } : { fullBuilds: 0, incrementalPeople: 0, lastFullMs: 0, pairs: 0 };
}

/** Forces a full recomputation on the next read (benchmarks). */
export function invalidateLikelyTies(db: Db): void {
  const s = states.get(db);
  if (s) s.pairs = null;
}

/** Journal entries left out for having more people than the attendee limit. */
export function crowdedEntryCount(db: Db): number {
  return db
    .prepare(
      `SELECT count(*) FROM (SELECT 1 FROM interaction_participants p JOIN interactions i ON i.id = p.interaction_id AND i.deleted_at IS NULL
        GROUP BY p.interaction_id HAVING count(*) > ?)`,
    )
    .pluck()
    .get(LIKELY.attendeeLimit) as number;
}

/** Every inferred pair, brought up to date (tests compare it with inferAll). */
export function inferredPairs(db: Db): ReadonlyMap<number, InferredPair> {
  return refresh(db).pairs!;
}
