// The route index: the people and ties of one database connection as a compact
// in-memory graph (CSR adjacency in typed arrays), kept in step with the
// database without being rebuilt per query (issue 4).
//
// Freshness, and why this way:
// - Writes on this connection: the first build registers a JS function
//   (db.function) and TEMP triggers on people, ties, affiliations,
//   interactions and interaction_participants that call it, so every write
//   made through this connection, whichever service or raw SQL made it, marks
//   the index stale. TEMP triggers live only in this connection and leave the
//   file untouched (no migration, nothing for other tools to trip over).
// - Commits by other connections (the CLI while the app runs):
//   `PRAGMA data_version` changes whenever another connection commits; it is
//   read (a few microseconds) before each query.
// - A stale index is rebuilt in full on the next query (about 40 ms for
//   10,000 people and 50,000 ties). Patching in place was not worth its
//   complexity: writes come one at a time from a person, queries come in bursts.
// - An index built inside an open transaction may contain writes that are then
//   rolled back, so it is used for that query and marked stale at once.
import type { Db } from '../db/open';
import { affiliationRoles, bestFit, type FitKind } from './warmth';

export interface RouteGraph {
  /** Number of people (nodes). Node i is the i-th person by ascending id, so index order is id order. */
  n: number;
  ids: Int32Array;
  names: string[];
  /** 1 when archived: such a node has no edges and is never a target. */
  archived: Uint8Array;
  me: number;
  /** CSR: the neighbours of node v are adjTarget[adjStart[v] .. adjStart[v+1]). Both directions stored. */
  adjStart: Int32Array;
  adjTarget: Int32Array;
  adjStrength: Uint8Array;
  adjTieId: Int32Array;
  /**
   * For my own neighbours: the day (ms since epoch) the quiet clock starts —
   * the latest journal entry with them, or when the tie was recorded. NaN otherwise.
   */
  myContactAt: Float64Array;
  /**
   * The local date of that journal entry (as the journal holds it) as a UTC day
   * number, NaN when the clock comes from the tie's recording (an instant, read
   * in the user's zone at query time). Quiet days are calendar days between
   * local dates (README, "How Kith ranks introduction routes").
   */
  myContactDay: Float64Array;
  /** True when myContactAt came from the journal (shown as "last talked …"). */
  myContactFromJournal: Uint8Array;
  /** Latest journal entry per person (ms), NaN when none: the "last contact" of hops touching me. */
  lastJournalAt: Float64Array;
  /**
   * Eligible people (not archived, not me) per organization id, with their best
   * fit and every role they hold there (the roles of their current jobs, or
   * only former_employee when none is current): a goal is met by any role, so
   * a hiring manager also flagged recruiter meets the recruiter goal.
   */
  orgMembers: Map<number, { nodes: Int32Array; fits: FitKind[]; roles: FitKind[][] }>;
  /** Organizations that have people, archived ones included (to tell "nobody there" from "all archived"). */
  orgAnyMembers: Map<number, number>;
  indexOfId: Map<number, number>;
}

interface IndexState {
  graph: RouteGraph | null;
  /** The name of this connection's touch function (the triggers call it). */
  touch: string;
  stale: boolean;
  dataVersion: number;
  builds: number;
  lastBuildMs: number;
}

const states = new WeakMap<Db, IndexState>();
let touchFunctionSeq = 0;

const WATCHED: readonly [table: string, events: readonly string[]][] = [
  // Only the columns routes depend on: editing a note does not rebuild.
  ['people', ['INSERT', 'DELETE', 'UPDATE OF archived_at, display_name, is_me']],
  ['ties', ['INSERT', 'DELETE', 'UPDATE']],
  ['affiliations', ['INSERT', 'DELETE', 'UPDATE']],
  ['interactions', ['INSERT', 'DELETE', 'UPDATE OF occurred_at, occurred_utc, deleted_at']],
  ['interaction_participants', ['INSERT', 'DELETE', 'UPDATE']],
];

function install(db: Db, state: IndexState): void {
  // A name unique to this registration, in case another module ever registers one too.
  const fn = `kith_routes_touch_${++touchFunctionSeq}`;
  state.touch = fn;
  db.function(fn, { deterministic: false, varargs: false }, () => {
    state.stale = true;
    return null;
  });
  installTriggers(db, fn);
}

const FIRST_TRIGGER = `kith_routes_${WATCHED[0]![0]}_0`;
const triggerChecks = new WeakMap<Db, ReturnType<Db['prepare']>>();

/**
 * Creates the TEMP triggers if they are missing. Triggers created inside a
 * transaction that was then rolled back are gone again, while this
 * connection's state says they exist: checked on every use (microseconds),
 * and the index is rebuilt when they had to be made again (writes in between
 * were not seen).
 */
function installTriggers(db: Db, fn: string): boolean {
  if (db.readonly) return false; // nothing can be written through this connection
  let check = triggerChecks.get(db);
  if (!check) triggerChecks.set(db, (check = db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE type = 'trigger' AND name = ?`)));
  if (check.get(FIRST_TRIGGER) !== undefined) return false;
  for (const [table, events] of WATCHED) {
    events.forEach((event, i) => {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS kith_routes_${table}_${i} AFTER ${event} ON main.${table}
         BEGIN SELECT ${fn}(); END`,
      );
    });
  }
  return true;
}

function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** The up-to-date route graph of this connection: built on first use and after writes, never per query. */
export function getRouteGraph(db: Db): RouteGraph {
  let state = states.get(db);
  if (!state) {
    state = { graph: null, touch: '', stale: true, dataVersion: -1, builds: 0, lastBuildMs: 0 };
    states.set(db, state);
    install(db, state);
  } else if (installTriggers(db, state.touch)) {
    state.stale = true;
  }
  const version = dataVersion(db);
  if (state.graph === null || state.stale || version !== state.dataVersion) {
    const started = performance.now();
    state.stale = false;
    state.graph = buildRouteGraph(db);
    state.dataVersion = version;
    state.builds++;
    state.lastBuildMs = performance.now() - started;
    if (db.inTransaction) state.stale = true;
  }
  return state.graph;
}

/** How often the index of this connection was built, for tests and benchmarks. */
export function routeIndexStats(db: Db): { builds: number; lastBuildMs: number; stale: boolean } {
  const state = states.get(db);
  return state ? { builds: state.builds, lastBuildMs: state.lastBuildMs, stale: state.stale } : { builds: 0, lastBuildMs: 0, stale: true };
}

/** Forces the next query to rebuild (benchmarks measure build time with it). */
export function invalidateRouteGraph(db: Db): void {
  const state = states.get(db);
  if (state) state.stale = true;
}

function timeOf(iso: string | null): number {
  if (iso === null) return NaN;
  return Date.parse(iso);
}

export function buildRouteGraph(db: Db): RouteGraph {
  const people = db
    .prepare('SELECT id, display_name AS name, is_me AS isMe, archived_at IS NOT NULL AS archived FROM people ORDER BY id')
    .raw()
    .all() as [number, string, number, number][];
  const n = people.length;
  const ids = new Int32Array(n);
  const names = new Array<string>(n);
  const archived = new Uint8Array(n);
  const indexOfId = new Map<number, number>();
  let me = -1;
  for (let i = 0; i < n; i++) {
    const [id, name, isMe, isArchived] = people[i]!;
    ids[i] = id;
    names[i] = name;
    archived[i] = isArchived ? 1 : 0;
    indexOfId.set(id, i);
    if (isMe) me = i;
  }
  if (me < 0) throw new Error('The data file has no "me" person.');

  // One row of four JSON arrays: three times faster than 50,000 row objects.
  const cols = db
    .prepare(
      `SELECT json_group_array(id), json_group_array(person_a), json_group_array(person_b), json_group_array(strength) FROM ties`,
    )
    .raw()
    .get() as [string, string, string, string];
  const tieIds = JSON.parse(cols[0]) as number[];
  const tieA = JSON.parse(cols[1]) as number[];
  const tieB = JSON.parse(cols[2]) as number[];
  const tieStrength = JSON.parse(cols[3]) as number[];
  const m = tieIds.length;
  const endA = new Int32Array(m);
  const endB = new Int32Array(m);
  const degree = new Int32Array(n);
  let usable = 0;
  for (let t = 0; t < m; t++) {
    const ia = indexOfId.get(tieA[t]!)!;
    const ib = indexOfId.get(tieB[t]!)!;
    if (archived[ia] || archived[ib]) {
      endA[t] = -1; // archived people are never routed through
      continue;
    }
    endA[t] = ia;
    endB[t] = ib;
    degree[ia]!++;
    degree[ib]!++;
    usable++;
  }
  const adjStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) adjStart[i + 1] = adjStart[i]! + degree[i]!;
  const fill = adjStart.slice(0, n);
  const m2 = usable * 2;
  const adjTarget = new Int32Array(m2);
  const adjStrength = new Uint8Array(m2);
  const adjTieId = new Int32Array(m2);
  for (let t = 0; t < m; t++) {
    const ia = endA[t]!;
    if (ia < 0) continue;
    const ib = endB[t]!;
    let k = fill[ia]!++;
    adjTarget[k] = ib;
    adjStrength[k] = tieStrength[t]!;
    adjTieId[k] = tieIds[t]!;
    k = fill[ib]!++;
    adjTarget[k] = ia;
    adjStrength[k] = tieStrength[t]!;
    adjTieId[k] = tieIds[t]!;
  }

  const lastJournalAt = new Float64Array(n).fill(NaN);
  const journal = db
    .prepare(
      // The newest entry as an instant (migration 30); a date-only entry counts from its date, as it always has.
      `SELECT ip.person_id, CASE WHEN i.has_time THEN i.occurred_utc ELSE i.occurred_date END, i.occurred_date, max(i.occurred_utc) FROM interaction_participants ip
         JOIN interactions i ON i.id = ip.interaction_id AND i.deleted_at IS NULL
        GROUP BY ip.person_id`,
    )
    .raw()
    .all() as [number, string, string][];
  // The local date the journal holds for that entry, as a day number (issue 15 review: quiet days are calendar days).
  const lastJournalDay = new Float64Array(n).fill(NaN);
  for (const [personId, at, date] of journal) {
    const i = indexOfId.get(personId);
    if (i === undefined) continue;
    lastJournalAt[i] = timeOf(at);
    lastJournalDay[i] = timeOf(`${date}T00:00:00Z`) / 86_400_000;
  }

  // The quiet clock of my own ties: the latest journal entry, else when the tie was recorded.
  const myContactAt = new Float64Array(n).fill(NaN);
  const myContactDay = new Float64Array(n).fill(NaN);
  const myContactFromJournal = new Uint8Array(n);
  const meId = ids[me]!;
  const myTies = db
    .prepare('SELECT CASE WHEN person_a = ? THEN person_b ELSE person_a END, created_at FROM ties WHERE person_a = ? OR person_b = ?')
    .raw()
    .all(meId, meId, meId) as [number, string][];
  for (const [otherId, createdAt] of myTies) {
    const other = indexOfId.get(otherId)!;
    if (archived[other]) continue;
    const journalAt = lastJournalAt[other]!;
    myContactFromJournal[other] = Number.isNaN(journalAt) ? 0 : 1;
    myContactAt[other] = Number.isNaN(journalAt) ? timeOf(createdAt) : journalAt;
    myContactDay[other] = lastJournalDay[other]!;
  }

  const orgFits = new Map<number, Map<number, FitKind[]>>();
  // Distinct people (two jobs there are one person), archived ones included.
  const orgAnyPeople = new Map<number, Set<number>>();
  const affiliations = db
    .prepare('SELECT organization_id, person_id, is_current, is_hiring_manager, is_recruiter, is_referrer FROM affiliations')
    .raw()
    .all() as [number, number, number, number, number, number][];
  for (const [orgId, personId, current, hm, recruiter, referrer] of affiliations) {
    const i = indexOfId.get(personId);
    if (i === undefined || i === me) continue;
    const anyone = orgAnyPeople.get(orgId);
    if (anyone) anyone.add(i);
    else orgAnyPeople.set(orgId, new Set([i]));
    if (archived[i]) continue;
    let members = orgFits.get(orgId);
    if (!members) orgFits.set(orgId, (members = new Map()));
    const kinds = affiliationRoles({ current: current === 1, isHiringManager: hm === 1, isRecruiter: recruiter === 1, isReferrer: referrer === 1 });
    const list = members.get(i);
    if (list) list.push(...kinds);
    else members.set(i, kinds);
  }
  const orgAnyMembers = new Map<number, number>();
  for (const [orgId, anyone] of orgAnyPeople) orgAnyMembers.set(orgId, anyone.size);
  const orgMembers = new Map<number, { nodes: Int32Array; fits: FitKind[]; roles: FitKind[][] }>();
  for (const [orgId, members] of orgFits) {
    const nodes = Int32Array.from([...members.keys()].sort((x, y) => x - y));
    const roles = Array.from(nodes, (v) => {
      const all = [...new Set(members.get(v)!)];
      const current = all.filter((f) => f !== 'former_employee');
      return current.length > 0 ? current : all;
    });
    orgMembers.set(orgId, { nodes, fits: roles.map((r) => bestFit(r)!), roles });
  }

  return {
    n,
    ids,
    names,
    archived,
    me,
    adjStart,
    adjTarget,
    adjStrength,
    adjTieId,
    myContactAt,
    myContactDay,
    myContactFromJournal,
    lastJournalAt,
    orgMembers,
    orgAnyMembers,
    indexOfId,
  };
}
