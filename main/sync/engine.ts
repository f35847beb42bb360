// The sync engine (issue 19): every write to a synced table becomes
// field-level operations in the same SQLite transaction, and operations from
// other devices merge field by field, by hybrid logical clock.
//
// Capture is done by triggers generated from the schema and SYNCED_TABLES
// (spec.ts), so no writer can forget it: the services, the importers, merges,
// a migration's data fix and a test's raw INSERT all produce operations, and an
// operation exists exactly when its write committed.
//
// State is a register per field (sync_fields): value and the stamp that set
// it; the later stamp wins. Each row also has `_alive` (1 present, 0 deleted:
// the tombstone, whose value records what the deleting device had seen),
// `_created` (the stamp of its first insert, the smallest wins), and for
// pairs and memberships `_a` / `_b` (the global ids they join). Any field
// write also stamps `_alive` = 1, so an edit after a delete brings the row
// back, with its fields and its children, which the delete never touched.
//
// The local tables are then a function of the registers ("materialized"):
// - a row is present when its `_alive` says so and every row it requires
//   (a CASCADE reference) is present;
// - a deleted row is kept when a row that requires it was added by a device
//   that had not seen the delete (its `_created` stamp is not covered by the
//   delete's version vector): a delete never removes what another device
//   added concurrently;
// - a SET NULL reference to a row that is absent reads as NULL.
// Because that is a function of the registers alone, and the registers merge
// commutatively and idempotently, devices that applied the same operations in
// any order, any number of times, hold the same rows.
//
// Local cascades (deleting a person deletes their ties here) are not
// tombstones of the children: those come back if the person does.
import crypto from 'node:crypto';
import type { Database, Statement as BetterStatement } from 'better-sqlite3-multiple-ciphers';
import { nowIso, nowMs } from '../../shared/clock';
import { hlcCompare, hlcParse, hlcReceive, hlcTick, hlcToString, hlcZero, type Hlc } from '../../shared/hlc';
import { normalizeLinkedInUrl } from '../importers/normalize';
import { SYNCED_TABLES, type SyncTable } from './spec';

type Db = Database;
export type SqlValue = string | number | bigint | Buffer | null;

/**
 * The `_alive` value of a row forgotten on purpose (main/services/forget.ts):
 * final, unlike a delete. It wins over any other `_alive` whatever the
 * stamps (and nothing replaces it), so a forgotten row never comes back, not
 * even for a child another device added meanwhile; its field values are
 * purged from the registers and the outbox on every device that hears of it.
 * Absorbing, so the merge stays commutative and idempotent.
 */
export const FORGOTTEN = 'forgotten';

/** One field-level operation: table, global id, column, value, stamp. */
export interface SyncOp {
  t: string;
  g: string;
  c: string;
  v: SqlValue;
  h: string;
  /** For an edit of text kept on conflict: what its device had seen (a version vector, JSON). */
  s?: string;
}

export class SyncError extends Error {
  override name = 'SyncError';
}

interface State {
  device: string;
  clock: Hlc;
  /** Device → latest stamp applied from it. */
  seen: Map<string, string>;
  capturing: boolean;
}

const states = new WeakMap<Db, State>();

// Prepared statements, per connection: applying thousands of operations
// must not prepare the same SQL thousands of times.
type Statement = BetterStatement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();
function cached(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) {
    byDb = new Map();
    statements.set(db, byDb);
  }
  let st = byDb.get(sql);
  if (!st) {
    st = db.prepare(sql);
    byDb.set(sql, st);
  }
  return st;
}

// ---------------------------------------------------------------------------
// The schema as sync sees it

interface Reference {
  table: string;
  /** CASCADE: this row requires the referenced one; SET NULL: it does not. */
  required: boolean;
}

interface TableInfo {
  spec: SyncTable;
  /** Synced columns (not local-only, not the pair/member keys). */
  columns: string[];
  /** Synced columns a new row cannot do without (NOT NULL, no default). */
  needed: string[];
  refs: Map<string, Reference>;
  /** Synced columns with a UNIQUE constraint of their own (an organization's or a tag's name key). */
  unique: string[];
}

const infoCache = new WeakMap<Db, Map<string, TableInfo>>();

function tableInfo(db: Db): Map<string, TableInfo> {
  let cached = infoCache.get(db);
  if (cached) return cached;
  cached = new Map();
  for (const spec of SYNCED_TABLES) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(spec.table) as string[]).filter(
      (c) => !(c in spec.localOnly) && !((spec.keys ?? []) as readonly string[]).includes(c),
    );
    const refs = new Map<string, Reference>();
    for (const fk of db.prepare(`SELECT "table" AS target, "from" AS col, on_delete FROM pragma_foreign_key_list(?)`).all(spec.table) as Array<{
      target: string;
      col: string;
      on_delete: string;
    }>) {
      refs.set(fk.col, { table: fk.target, required: fk.on_delete.toUpperCase() === 'CASCADE' });
    }
    const needed = (
      db.prepare(`SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1 AND dflt_value IS NULL`).pluck().all(spec.table) as string[]
    ).filter((c) => cols.includes(c));
    const unique: string[] = [];
    for (const ix of db.prepare('SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND partial = 0').pluck().all(spec.table) as string[]) {
      const ixCols = db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(ix) as string[];
      if (ixCols.length === 1 && cols.includes(ixCols[0]!) && !unique.includes(ixCols[0]!)) unique.push(ixCols[0]!);
    }
    cached.set(spec.table, { spec, columns: cols, needed, refs, unique });
  }
  infoCache.set(db, cached);
  return cached;
}

/** Forget the cached schema (after a migration changed a synced table). */
export function forgetSchemaCache(db: Db): void {
  infoCache.delete(db);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

// ---------------------------------------------------------------------------
// Global ids

function digest(text: string): string {
  return crypto.createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** A new row's global id: from its LinkedIn profile or organization name where those identify it, else random. */
export function newGlobalId(table: string, hint: unknown): string {
  const spec = SYNCED_TABLES.find((t) => t.table === table);
  if (spec?.gid === 'person' && hint === '\u0000me') return 'me';
  if (spec?.gid === 'person' && typeof hint === 'string') {
    const url = normalizeLinkedInUrl(hint);
    if (url) return `li-${digest(url)}`;
  }
  if (spec?.gid === 'nameKey' && typeof hint === 'string' && hint.length > 0) return `${table === 'organizations' ? 'org' : table}-${digest(hint)}`;
  if (spec?.gid === 'content' && typeof hint === 'string') return `${table}-${digest(hint)}`;
  if (spec?.gid === 'import' && typeof hint === 'string' && hint.length > 0) return `${table}-imp-${digest(hint)}`;
  return crypto.randomBytes(12).toString('base64url');
}

/**
 * An imported journal entry's import key as text that means the same on
 * every device: the key, except that a day of mail names its person by local
 * id. That stands for the person's first e-mail address (the day was grouped
 * by an address; a person an import made from an address has a random global
 * id on each device until the user merges the two), else their global id.
 */
function importHint(source: string, key: string): string {
  const personId = `CAST(substr(${key}, instr(${key}, '|') + 1) AS INTEGER)`;
  const email = `(SELECT lower(json_extract(p.emails, '$[0].value')) FROM people p WHERE p.id = ${personId})`;
  return `CASE WHEN ${source} = 'mail-day' THEN 'mail-day|' || substr(${key}, 1, instr(${key}, '|')) || coalesce(${email}, ${gidOf('people', personId)}) ELSE ${source} || '|' || ${key} END`;
}

/** The SQL of the hint a new row's global id is made from (newGlobalId), for the row `row` (a trigger's NEW, or a table alias). */
function hintExpr(info: TableInfo, row: string): string {
  switch (info.spec.gid) {
    case 'person':
      return `CASE WHEN ${row}.is_me = 1 THEN char(0) || 'me' ELSE ${row}.linkedin_url END`;
    case 'nameKey':
      return `${row}.name_key`;
    case 'content':
      return `json_array(${info.spec.content!.map((c) => valueExpr(info, c, row)).join(', ')})`;
    default:
      return 'NULL';
  }
}

// ---------------------------------------------------------------------------
// SQL functions and capture triggers

/** Registers the functions the capture triggers call. Every connection does this (openDatabase). */
export function registerSyncFunctions(db: Db): void {
  db.function('kith_sync_on', { deterministic: false }, () => (states.get(db)?.capturing ? 1 : 0));
  // The stamp of a local write; `current` is the stamp of the register it
  // overwrites (NULL for a new field). See CLOCK RULE below.
  db.function('kith_sync_hlc', { deterministic: false, varargs: true }, (current?: unknown) => {
    const state = states.get(db);
    if (!state) throw new SyncError('Sync is not set up on this connection.');
    if (typeof current === 'string' && current > hlcToString(state.clock)) {
      const h = hlcParse(current);
      state.clock = { ms: h.ms, counter: h.counter, device: state.device };
    }
    state.clock = hlcTick(state.clock, nowMs());
    return hlcToString(state.clock);
  });
  db.function('kith_sync_seen', { deterministic: false }, () => {
    const state = states.get(db);
    if (!state) return '{}';
    const seen: Record<string, string> = Object.fromEntries(state.seen);
    seen[state.device] = hlcToString(state.clock);
    return JSON.stringify(seen);
  });
  db.function('kith_sync_gid', { deterministic: false, varargs: true }, (table: unknown, hint: unknown) => newGlobalId(String(table), hint));
}

function gidOf(table: string, idExpr: string): string {
  return `(SELECT gid FROM sync_ids WHERE tbl = ${lit(table)} AND local_id = ${idExpr})`;
}

function valueExpr(info: TableInfo, col: string, row: string): string {
  const ref = info.refs.get(col);
  if (ref) return gidOf(ref.table, `${row}.${q(col)}`);
  const list = info.spec.refLists?.[col];
  // A JSON array of local ids travels as the array of their global ids, in order.
  if (list) return `(SELECT json_group_array(${gidOf(list, 'je.value')}) FROM json_each(${row}.${q(col)}) je)`;
  return `${row}.${q(col)}`;
}

/** The condition under which an update sends a column: it changed, or a column it travels with did. */
function changedExpr(info: TableInfo, col: string): string {
  const group = info.spec.together?.find((g) => g.includes(col)) ?? [col];
  return '(' + group.map((c) => `NEW.${q(c)} IS NOT OLD.${q(c)}`).join(' OR ') + ')';
}

/** The key (global id) of a pair or member row, from its two references. */
function compositeGid(info: TableInfo, row: string): { gid: string; a: string; b: string } {
  const [ka, kb] = info.spec.keys!;
  const ga = gidOf(info.refs.get(ka)!.table, `${row}.${q(ka)}`);
  const gb = gidOf(info.refs.get(kb)!.table, `${row}.${q(kb)}`);
  if (info.spec.kind === 'pair') {
    const lo = `min(${ga}, ${gb})`;
    const hi = `max(${ga}, ${gb})`;
    return { gid: `(${lo} || '|' || ${hi})`, a: lo, b: hi };
  }
  return { gid: `(${ga} || '|' || ${gb})`, a: ga, b: gb };
}

/**
 * CLOCK RULE (issue 19: a clock more than 24 hours ahead must not win forever).
 *
 * Registers compare raw stamps on every device, so the merge stays a pure
 * function of the operations (every device converges, whenever and in
 * whatever order it received them). A receiving device never lets a stamp
 * more than 24 hours ahead of its own wall clock drag its clock further than
 * that (shared/hlc.ts hlcReceive), and records the sending device as skewed
 * (sync_peers.clock_ahead_ms; syncStatus().skewedDevices).
 *
 * What keeps such a stamp from winning forever: a write made on this device
 * to a field whose register holds a stamp ahead of this device's clock (the
 * user saw that value and changed it) first moves this device's clock just
 * past that register's stamp, so the write is stamped after it and wins on
 * every device. Clocks stay monotonic per device (version vectors rely on
 * it). A write made *concurrently* (before the far-future value arrived)
 * still loses to it, as it would to any later clock; the next edit wins.
 */
const CURRENT_STAMP = (table: string) =>
  `CASE WHEN v.col <> '_created' THEN (SELECT f.hlc FROM sync_fields f WHERE f.tbl = ${lit(table)} AND f.gid = k.gid AND f.col = v.col) END`;

function insertOps(table: string, gid: string, fields: Array<[string, string]>): string {
  const rows = fields.map(([col, value]) => `SELECT ${lit(col)} AS col, ${value} AS value`).join(' UNION ALL ');
  return `INSERT INTO sync_outbox (tbl, gid, col, value, hlc)
    SELECT ${lit(table)}, k.gid, v.col, v.value, kith_sync_hlc(${CURRENT_STAMP(table)}) FROM (SELECT ${gid} AS gid) k, (${rows}) v WHERE k.gid IS NOT NULL;`;
}

function changedOps(table: string, gid: string, fields: Array<[string, string, string]>): string {
  if (fields.length === 0) return '';
  const rows = fields.map(([col, value, changed]) => `SELECT ${lit(col)} AS col, ${value} AS value WHERE ${changed}`).join(' UNION ALL ');
  // For text kept on conflict (KEEP_BOTH): what this device had seen when it
  // made the edit, so a receiving device can tell a later edit from a
  // concurrent one.
  const keep = KEEP_BOTH[table] ?? [];
  const seen = keep.length ? `CASE WHEN v.col IN (${keep.map(lit).join(', ')}) THEN kith_sync_seen() END` : 'NULL';
  return `INSERT INTO sync_outbox (tbl, gid, col, value, hlc, seen)
    SELECT ${lit(table)}, k.gid, v.col, v.value, kith_sync_hlc(${CURRENT_STAMP(table)}), ${seen}
    FROM (SELECT ${gid} AS gid) k, (${rows}) v WHERE k.gid IS NOT NULL;`;
}

function requiredParentGone(info: TableInfo): string {
  // A cascade from a deleted parent: the parent row is already gone when the
  // child's AFTER DELETE trigger runs. Such a child is not tombstoned: it
  // comes back with its parent.
  const gone = [...info.refs.entries()].filter(([, r]) => r.required).map(([col, r]) => `NOT EXISTS (SELECT 1 FROM ${q(r.table)} WHERE id = OLD.${q(col)})`);
  return gone.length ? `(${gone.join(' OR ')})` : '0';
}

function triggerSql(info: TableInfo): string[] {
  const t = info.spec.table;
  const name = (what: string) => q(`sync_capture_${t}_${what}`);
  const out: string[] = [];
  if (info.spec.kind === 'entity') {
    const hint = hintExpr(info, 'NEW');
    const gid = gidOf(t, 'NEW.id');
    out.push(`CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${q(t)} WHEN kith_sync_on() BEGIN
      DELETE FROM sync_ids WHERE tbl = ${lit(t)} AND local_id = NEW.id;
      -- The mapping of a deleted row does not hold its global id: a row made
      -- again under the same name or profile takes that id back.
      DELETE FROM sync_ids WHERE tbl = ${lit(t)} AND gid = kith_sync_gid(${lit(t)}, ${hint})
        AND NOT EXISTS (SELECT 1 FROM ${q(t)} x WHERE x.id = sync_ids.local_id);
      -- A forgotten global id is never taken again (forgetting is final): a
      -- row made again under the same name or profile gets a new one.
      INSERT INTO sync_ids (tbl, local_id, gid)
        SELECT ${lit(t)}, NEW.id, CASE WHEN EXISTS (SELECT 1 FROM sync_ids WHERE tbl = ${lit(t)} AND gid = d.g)
          OR EXISTS (SELECT 1 FROM sync_fields WHERE tbl = ${lit(t)} AND gid = d.g AND col = '_alive' AND value = '${FORGOTTEN}')
          THEN kith_sync_gid(${lit(t)}, NULL) ELSE d.g END
        FROM (SELECT kith_sync_gid(${lit(t)}, ${hint}) AS g) d;
      ${insertOps(t, gid, [
        ['_created', 'NULL'],
        ['_alive', '1'],
        ...info.columns.map((c): [string, string] => [c, valueExpr(info, c, 'NEW')]),
      ])}
    END`);
    out.push(`CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${q(t)} WHEN kith_sync_on() BEGIN
      ${changedOps(
        t,
        gid,
        info.columns.map((c): [string, string, string] => [c, valueExpr(info, c, 'NEW'), changedExpr(info, c)]),
      )}
    END`);
    out.push(`CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${q(t)} WHEN kith_sync_on() AND NOT ${requiredParentGone(info)} BEGIN
      ${insertOps(t, gidOf(t, 'OLD.id'), [['_alive', 'kith_sync_seen()']])}
    END`);
  } else {
    const now = compositeGid(info, 'NEW');
    const old = compositeGid(info, 'OLD');
    const [ka, kb] = info.spec.keys!;
    const created: Array<[string, string]> = [
      ['_created', 'NULL'],
      ['_alive', '1'],
      ['_a', now.a],
      ['_b', now.b],
      ...info.columns.map((c): [string, string] => [c, valueExpr(info, c, 'NEW')]),
    ];
    out.push(`CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${q(t)} WHEN kith_sync_on() BEGIN
      ${insertOps(t, now.gid, created)}
    END`);
    // A change of the pair itself (a merge moves ties to the survivor) is the
    // old pair deleted and a new one created.
    const keyChanged = `(NEW.${q(ka)} IS NOT OLD.${q(ka)} OR NEW.${q(kb)} IS NOT OLD.${q(kb)})`;
    out.push(`CREATE TRIGGER ${name('rekey')} AFTER UPDATE ON ${q(t)} WHEN kith_sync_on() AND ${keyChanged} BEGIN
      ${insertOps(t, old.gid, [['_alive', 'kith_sync_seen()']])}
      ${insertOps(t, now.gid, created)}
    END`);
    if (info.columns.length > 0) {
      out.push(`CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${q(t)} WHEN kith_sync_on() AND NOT ${keyChanged} BEGIN
        ${changedOps(
          t,
          now.gid,
          info.columns.map((c): [string, string, string] => [c, valueExpr(info, c, 'NEW'), changedExpr(info, c)]),
        )}
      END`);
    }
    out.push(`CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${q(t)} WHEN kith_sync_on() AND NOT ${requiredParentGone(info)} BEGIN
      ${insertOps(t, old.gid, [['_alive', 'kith_sync_seen()']])}
    END`);
  }
  return out;
}

/** One statement per field: the operations that create every existing row of a table (sync switched on). */
function snapshotSql(info: TableInfo): string[] {
  const t = info.spec.table;
  const fields: Array<[string, (row: string) => string]> = [
    ['_created', () => 'NULL'],
    ['_alive', () => '1'],
  ];
  let gid: (row: string) => string;
  if (info.spec.kind === 'entity') gid = (row) => gidOf(t, `${row}.id`);
  else {
    gid = (row) => compositeGid(info, row).gid;
    fields.push(['_a', (row) => compositeGid(info, row).a], ['_b', (row) => compositeGid(info, row).b]);
  }
  for (const c of info.columns) fields.push([c, (row) => valueExpr(info, c, row)]);
  // One statement, ordered by row then field, so each row's operations are
  // contiguous in the outbox (a change file never ends inside a row).
  const rows = fields.map(([col, value], i) => `SELECT ${i} AS ord, ${lit(col)} AS col, ${value('r')} AS value, ${gid('r')} AS gid FROM ${q(t)} r`).join(' UNION ALL ');
  return [
    `INSERT INTO sync_outbox (tbl, gid, col, value, hlc)
     SELECT ${lit(t)}, u.gid, u.col, u.value, kith_sync_hlc() FROM (${rows}) u WHERE u.gid IS NOT NULL ORDER BY u.gid, u.ord`,
  ];
}

const OUTBOX_TO_REGISTERS = (settleOnDelete: readonly string[]) => `CREATE TRIGGER sync_outbox_registers AFTER INSERT ON sync_outbox BEGIN
  -- A row made again here under a global id that was deleted (an organization
  -- re-created under its name, a person re-imported under their profile):
  -- its children from before the delete come back with it (an edit after a
  -- delete brings the row back with its children), here as on the other
  -- devices; the next pass (applyOps) puts them back.
  INSERT OR IGNORE INTO sync_settle (tbl, gid)
    SELECT NEW.tbl, NEW.gid WHERE NEW.col <> '_created' AND (NEW.col <> '_alive' OR NEW.value = 1)
      AND EXISTS (SELECT 1 FROM sync_fields f WHERE f.tbl = NEW.tbl AND f.gid = NEW.gid AND f.col = '_alive' AND f.value IS NOT 1);
  -- A row deleted here that lists of references name (a person in an
  -- introduction's route: the local list still holds its local id, which
  -- other devices leave out), or that held a unique value another row
  -- claims too (that row takes it now): the next pass settles them the same
  -- way as every other device.
  INSERT OR IGNORE INTO sync_settle (tbl, gid)
    SELECT NEW.tbl, NEW.gid WHERE NEW.col = '_alive' AND NEW.value IS NOT 1 AND NEW.tbl IN (${settleOnDelete.map(lit).join(', ')});
  INSERT INTO sync_fields (tbl, gid, col, value, hlc, seen) VALUES (NEW.tbl, NEW.gid, NEW.col, NEW.value, NEW.hlc, NEW.seen)
    ON CONFLICT (tbl, gid, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, seen = excluded.seen
    WHERE CASE WHEN excluded.col = '_created' THEN excluded.hlc < sync_fields.hlc ELSE excluded.hlc > sync_fields.hlc END
      AND sync_fields.value IS NOT '${FORGOTTEN}';
  INSERT INTO sync_fields (tbl, gid, col, value, hlc)
    SELECT NEW.tbl, NEW.gid, '_alive', 1, NEW.hlc WHERE NEW.col NOT IN ('_alive', '_created')
    ON CONFLICT (tbl, gid, col) DO UPDATE SET value = 1, hlc = excluded.hlc WHERE excluded.hlc > sync_fields.hlc AND sync_fields.value IS NOT '${FORGOTTEN}';
  -- Editing a field here, after seeing both versions, resolves its conflict.
  DELETE FROM sync_conflicts WHERE tbl = NEW.tbl AND gid = NEW.gid AND col = NEW.col;
END`;

/** (Re)creates the capture triggers from the current schema. Run at every open with sync on, after the migrations. */
export function installCapture(db: Db): void {
  forgetSchemaCache(db);
  const info = tableInfo(db);
  db.transaction(() => {
    for (const name of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'`).pluck().all() as string[]) {
      db.exec(`DROP TRIGGER ${q(name)}`);
    }
    const settleOnDelete = new Set(SYNCED_TABLES.flatMap((t) => Object.values(t.refLists ?? {})));
    for (const t of info.values()) if (t.unique.length) settleOnDelete.add(t.spec.table);
    db.exec(OUTBOX_TO_REGISTERS([...settleOnDelete]));
    for (const t of info.values()) for (const sql of triggerSql(t)) db.exec(sql);
    for (const sql of importRekeySql(info)) db.exec(sql);
  })();
}

/**
 * IMPORT_REKEY (review 32: "the same import on two devices converges"). An
 * importer writes a journal entry, its participants and mentions, and then
 * its import key (which conversation, meeting or day of mail it came from).
 * The entry was given a random global id when it was inserted; its import
 * key gives one that every device importing the same source makes alike.
 * So when the key is written, in the same transaction (the entry's
 * operations not yet in any change file):
 * - if no row here has that id yet, the entry and its member rows take it
 *   (the other device's import of it merges with this one);
 * - if an entry here already has it (the other device's import arrived
 *   first), the new entry is the same one: the import key points to that
 *   one, and the new row and its unsent operations are dropped.
 * Anything else (an id deleted or forgotten here) keeps the random id.
 */
function importRekeySql(info: Map<string, TableInfo>): string[] {
  const T = 'interactions';
  const oldG = gidOf(T, 'NEW.interaction_id');
  const hint = importHint('NEW.source', 'NEW.key');
  const newG = `kith_sync_gid(${lit(T)}, ${hint})`;
  // The entry's creation in the outbox: the newest one, found from the end (only this transaction's rows follow it).
  const first = `(SELECT seq FROM sync_outbox WHERE tbl = ${lit(T)} AND gid = ${oldG} AND col = '_created' ORDER BY seq DESC LIMIT 1)`;
  const eligible = `kith_sync_on() AND NEW.interaction_id IS NOT NULL AND ${hint} IS NOT NULL AND ${oldG} NOT LIKE ${lit(`${T}-imp-%`)}
    AND ${first} > (SELECT written_seq FROM sync_device)`;
  // Member and pair rows keyed by the entry (participants, mentions), and columns that reference it.
  const keyed: Array<{ table: string; first: boolean }> = [];
  const refCols = new Set(['_a', '_b']);
  for (const t of info.values()) {
    for (const [col, ref] of t.refs) {
      if (ref.table !== T) continue;
      const keyIndex = (t.spec.keys ?? ([] as readonly string[])).indexOf(col);
      if (keyIndex >= 0) keyed.push({ table: t.spec.table, first: keyIndex === 0 });
      else refCols.add(col);
    }
  }
  const keyedFields = (what: string) =>
    keyed
      .map((k) =>
        k.first
          ? `${what} WHERE tbl = ${lit(k.table)} AND gid >= ${oldG} || '|' AND gid < ${oldG} || '|~';`
          : `${what} WHERE tbl = ${lit(k.table)} AND gid LIKE '%|' || ${oldG};`,
      )
      .join('\n');
  const refIn = [...refCols].map(lit).join(', ');
  // (`col <> '_alive'` lets SQLite use the partial index sync_fields_refs: no scan of every register per imported entry.)
  const rekey = `CREATE TRIGGER sync_import_rekey AFTER INSERT ON import_keys
    WHEN ${eligible}
      AND NOT EXISTS (SELECT 1 FROM sync_ids WHERE tbl = ${lit(T)} AND gid = ${newG})
      AND NOT EXISTS (SELECT 1 FROM sync_fields WHERE tbl = ${lit(T)} AND gid = ${newG})
    BEGIN
      UPDATE sync_fields SET value = ${newG} WHERE col IN (${refIn}) AND col <> '_alive' AND value = ${oldG};
      ${keyedFields(`UPDATE sync_fields SET gid = replace(gid, ${oldG}, ${newG})`)}
      UPDATE sync_fields SET gid = ${newG} WHERE tbl = ${lit(T)} AND gid = ${oldG};
      UPDATE sync_outbox SET value = ${newG} WHERE seq >= ${first} AND col IN (${refIn}) AND value = ${oldG};
      UPDATE sync_outbox SET gid = replace(gid, ${oldG}, ${newG}) WHERE seq >= ${first} AND instr(gid, ${oldG}) > 0;
      UPDATE sync_ids SET gid = ${newG} WHERE tbl = ${lit(T)} AND local_id = NEW.interaction_id;
    END`;
  const existing = `(SELECT s.local_id FROM sync_ids s JOIN ${q(T)} i ON i.id = s.local_id
    WHERE s.tbl = ${lit(T)} AND s.gid = ${newG} AND i.deleted_at IS NULL AND i.id <> NEW.interaction_id)`;
  const merge = `CREATE TRIGGER sync_import_same_entry AFTER INSERT ON import_keys
    WHEN ${eligible} AND ${existing} IS NOT NULL
    BEGIN
      UPDATE import_keys SET interaction_id = ${existing} WHERE source = NEW.source AND key = NEW.key;
      DELETE FROM sync_outbox WHERE seq >= ${first} AND instr(gid, ${oldG}) > 0;
      ${keyedFields('DELETE FROM sync_fields')}
      DELETE FROM sync_fields WHERE tbl = ${lit(T)} AND gid = ${oldG};
      DELETE FROM sync_ids WHERE tbl = ${lit(T)} AND local_id = NEW.interaction_id;
      DELETE FROM ${q(T)} WHERE id = NEW.interaction_id;
    END`;
  return [rekey, merge];
}

// ---------------------------------------------------------------------------
// Switching sync on, and loading its state at open

export function syncEnabled(db: Db): boolean {
  const has = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sync_device'`).get();
  return Boolean(has && db.prepare('SELECT 1 FROM sync_device').get());
}

/** Loads the device and clock of a data file with sync on (openDatabase calls it after the migrations). */
export function loadSyncState(db: Db): void {
  if (!syncEnabled(db)) return;
  const row = db.prepare('SELECT device, clock FROM sync_device').get() as { device: string; clock: string };
  let clock = hlcParse(row.clock);
  // This device's own latest stamp, and the latest of all (which, from a
  // device whose clock is far ahead, pulls this clock only up to the 24-hour
  // limit, as when it was received).
  const own = db.prepare('SELECT max(hlc) FROM sync_fields WHERE substr(hlc, 19) = ?').pluck().get(row.device) as string | null;
  if (own) {
    const h = hlcParse(own);
    if (h.ms > clock.ms || (h.ms === clock.ms && h.counter > clock.counter)) clock = { ms: h.ms, counter: h.counter, device: row.device };
  }
  const latest = db.prepare('SELECT max(hlc) FROM sync_fields').pluck().get() as string | null;
  if (latest && latest > hlcToString({ ...clock, device: row.device })) clock = hlcReceive({ ...clock, device: row.device }, hlcParse(latest), nowMs()).clock;
  const seen = new Map<string, string>();
  for (const p of db.prepare('SELECT device, max_hlc FROM sync_peers WHERE max_hlc IS NOT NULL').all() as Array<{ device: string; max_hlc: string }>) seen.set(p.device, p.max_hlc);
  states.set(db, { device: row.device, clock: { ...clock, device: row.device }, seen, capturing: true });
  installCapture(db);
}

function newDeviceId(): string {
  return crypto.randomBytes(9).toString('base64url');
}

/**
 * Switches sync on for this data file: a device id, a global id for every
 * synced row, and one operation per field of every row (what a new device
 * sends first), then the capture triggers. Idempotent.
 */
export function enableSync(db: Db, options: { device?: string } = {}): string {
  if (syncEnabled(db)) {
    if (!states.get(db)) loadSyncState(db);
    return states.get(db)!.device;
  }
  const device = options.device ?? newDeviceId();
  const info = tableInfo(db);
  db.transaction(() => {
    const clock = hlcTick(hlcZero(device), nowMs());
    db.prepare('INSERT INTO sync_device (id, device, clock, created_at) VALUES (1, ?, ?, ?)').run(device, hlcToString(clock), nowIso());
    states.set(db, { device, clock, seen: new Map(), capturing: true });
    installCapture(db);
    // Every existing row, as if it were inserted now: give it an id, then
    // touch it through the insert trigger's logic by re-running its ops.
    for (const t of info.values()) {
      if (t.spec.kind !== 'entity') continue;
      // An imported journal entry's id comes from its import key, as IMPORT_REKEY gives it to one imported with sync on.
      const hint =
        t.spec.gid === 'import'
          ? `(SELECT ${importHint('k.source', 'k.key')} FROM import_keys k WHERE k.interaction_id = r.id ORDER BY k.source, k.key LIMIT 1)`
          : hintExpr(t, 'r');
      const rows = db.prepare(`SELECT id, ${hint} AS hint FROM ${q(t.spec.table)} r ORDER BY id`).all() as Array<{ id: number; hint: unknown }>;
      const taken = new Set<string>();
      const insert = db.prepare('INSERT INTO sync_ids (tbl, local_id, gid) VALUES (?, ?, ?)');
      for (const r of rows) {
        let gid = newGlobalId(t.spec.table, r.hint);
        if (taken.has(gid)) gid = newGlobalId(t.spec.table, null);
        taken.add(gid);
        insert.run(t.spec.table, r.id, gid);
      }
    }
    for (const t of info.values()) for (const sql of snapshotSql(t)) db.exec(sql);
  })();
  return device;
}

/**
 * Gives this data file a new device id (it is a copy or a restore of another
 * device's file, or another file writes under its id). What it wrote under
 * the old id stays that device's; the old id counts as fully seen, so deletes
 * made from now on cover the rows it created.
 */
export function renameDevice(db: Db): string {
  const state = states.get(db);
  if (!state) throw new SyncError('Sync is not set up on this data file.');
  const device = newDeviceId();
  const old = state.device;
  const oldClock = hlcToString(state.clock);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sync_peers (device, max_hlc) VALUES (?, ?) ON CONFLICT (device) DO UPDATE SET max_hlc = max(coalesce(max_hlc, ''), excluded.max_hlc)`,
    ).run(old, oldClock);
    state.seen.set(old, oldClock);
    state.device = device;
    state.clock = hlcTick({ ...state.clock, device }, nowMs());
    db.prepare('UPDATE sync_device SET device = ?, clock = ?').run(device, hlcToString(state.clock));
  })();
  return device;
}

// ---------------------------------------------------------------------------
// Outgoing operations

export function outboxSince(db: Db, afterSeq: number, limit = 100_000): Array<SyncOp & { seq: number }> {
  return (
    db.prepare('SELECT seq, tbl AS t, gid AS g, col AS c, value AS v, hlc AS h, seen AS s FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Array<
      SyncOp & { seq: number; s: string | null }
    >
  ).map(({ s, ...r }) => (s ? { ...r, v: r.v as SqlValue, s } : { ...r, v: r.v as SqlValue }));
}

// ---------------------------------------------------------------------------
// Applying operations from other devices

interface Register {
  value: SqlValue;
  hlc: string;
}

function registersOf(db: Db, table: string, gid: string): Map<string, Register> {
  const rows = cached(db, 'SELECT col, value, hlc FROM sync_fields WHERE tbl = ? AND gid = ?').all(table, gid) as Array<{ col: string; value: SqlValue; hlc: string }>;
  return new Map(rows.map((r) => [r.col, { value: r.value, hlc: r.hlc }]));
}

function mergeRegister(db: Db, op: SyncOp): boolean {
  const cur = cached(db, 'SELECT value, hlc, seen FROM sync_fields WHERE tbl = ? AND gid = ? AND col = ?').get(op.t, op.g, op.c) as
    | (Register & { seen: string | null })
    | undefined;
  if (cur && cur.hlc === op.h) return false;
  if (op.c === '_alive' && cur?.value === FORGOTTEN) return false;
  const wins = cur === undefined || (op.c === '_alive' && op.v === FORGOTTEN) || (op.c === '_created' ? op.h < cur.hlc : op.h > cur.hlc);
  if (cur && KEEP_BOTH[op.t]?.includes(op.c)) {
    const concurrent = !covers(op.s ?? null, cur.hlc) && !covers(cur.seen, op.h);
    if (concurrent && cur.value !== op.v) {
      // Two devices changed this text without seeing each other's change:
      // the later stamp is shown and the other version is kept for the user.
      // Every device that sees both records the same pair.
      const loser = wins ? cur : { value: op.v, hlc: op.h };
      cached(db, 'INSERT OR IGNORE INTO sync_conflicts (tbl, gid, col, value, hlc, winner_hlc) VALUES (?, ?, ?, ?, ?, ?)').run(
        op.t,
        op.g,
        op.c,
        loser.value,
        loser.hlc,
        wins ? op.h : cur.hlc,
      );
    } else if (wins && op.s) {
      // An edit made after seeing both versions resolves their conflict.
      const open = cached(db, 'SELECT hlc, winner_hlc FROM sync_conflicts WHERE tbl = ? AND gid = ? AND col = ?').all(op.t, op.g, op.c) as Array<{ hlc: string; winner_hlc: string }>;
      for (const c of open) {
        if (covers(op.s, c.hlc) && covers(op.s, c.winner_hlc)) cached(db, 'DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ? AND col = ? AND hlc = ?').run(op.t, op.g, op.c, c.hlc);
      }
    }
  }
  if (wins) cached(db, 'INSERT OR REPLACE INTO sync_fields (tbl, gid, col, value, hlc, seen) VALUES (?, ?, ?, ?, ?, ?)').run(op.t, op.g, op.c, op.v, op.h, op.s ?? null);
  return wins;
}

/** Text fields whose concurrent edits are both kept (issue 19: journal text is never lost). */
export const KEEP_BOTH: Readonly<Record<string, readonly string[]>> = {
  interactions: ['title', 'body'],
  people: ['notes', 'how_we_met'],
  organizations: ['notes'],
};

export interface SyncConflict {
  table: string;
  gid: string;
  column: string;
  /** The version not shown. */
  otherValue: SqlValue;
  localId: number | null;
}

/** Text both of whose concurrent versions are kept, waiting for the user. */
export function listConflicts(db: Db): SyncConflict[] {
  if (!syncEnabled(db)) return [];
  return (
    cached(db, 
      `SELECT c.tbl, c.gid, c.col, c.value, i.local_id FROM sync_conflicts c LEFT JOIN sync_ids i ON i.tbl = c.tbl AND i.gid = c.gid ORDER BY c.tbl, c.gid, c.col, c.hlc`,
    ).all() as Array<{ tbl: string; gid: string; col: string; value: SqlValue; local_id: number | null }>
  ).map((r): SyncConflict => ({ table: r.tbl, gid: r.gid, column: r.col, otherValue: r.value, localId: r.local_id }))
    .concat(listCollisions(db));
}

/**
 * Rows that lost a unique value to another row (see claimValue): the value
 * they claim is `otherValue`; they are kept under `value #gid` until renamed
 * or merged.
 */
function listCollisions(db: Db): SyncConflict[] {
  const out: SyncConflict[] = [];
  for (const t of tableInfo(db).values()) {
    if (t.spec.kind !== 'entity') continue;
    for (const col of t.unique) {
      const rows = cached(
        db,
        `SELECT i.gid, f.value, x.id FROM ${q(t.spec.table)} x JOIN sync_ids i ON i.tbl = ${lit(t.spec.table)} AND i.local_id = x.id
           JOIN sync_fields f ON f.tbl = i.tbl AND f.gid = i.gid AND f.col = ${lit(col)}
          WHERE x.${q(col)} IS NOT f.value ORDER BY i.gid`,
      ).all() as Array<{ gid: string; value: SqlValue; id: number }>;
      for (const r of rows) out.push({ table: t.spec.table, gid: r.gid, column: col, otherValue: r.value, localId: r.id });
    }
  }
  return out;
}

function checkOp(info: Map<string, TableInfo>, op: SyncOp): void {
  const t = info.get(op.t);
  if (!t) throw new SyncError(`An operation names table ${JSON.stringify(op.t)}, which does not sync.`);
  const special = ['_alive', '_created', ...(t.spec.kind === 'entity' ? [] : ['_a', '_b'])];
  if (!special.includes(op.c) && !t.columns.includes(op.c)) throw new SyncError(`An operation names ${op.t}.${op.c}, which this version of Kith does not know.`);
  if (typeof op.g !== 'string' || op.g.length === 0 || op.g.length > 200) throw new SyncError('An operation has no usable global id.');
  hlcParse(op.h);
}

export interface ApplyResult {
  /** Operations that changed a register (the rest were older than what this device holds, or repeats). */
  changed: number;
  /** Rows whose materialized state was recomputed. */
  rows: number;
}

/**
 * Applies operations from other devices in one transaction: registers merge,
 * then the affected rows are materialized. Invalid input changes nothing.
 */
export function applyOps(db: Db, ops: readonly SyncOp[]): ApplyResult {
  const state = states.get(db);
  if (!state) throw new SyncError('Sync is not set up on this data file.');
  const info = tableInfo(db);
  for (const op of ops) checkOp(info, op);
  return db.transaction(() => {
    state.capturing = false;
    try {
      // Rows whose registers changed, and whether their existence may have (alive / created).
      const touched = new Map<string, boolean>();
      const touch = (op: SyncOp, existence: boolean) => {
        const key = `${op.t}\u0000${op.g}`;
        touched.set(key, (touched.get(key) ?? false) || existence);
      };
      let changed = 0;
      const peerMax = new Map<string, string>();
      const ahead = new Map<string, number>();
      const aliveOf = cached(db, `SELECT value FROM sync_fields WHERE tbl = ? AND gid = ? AND col = '_alive'`).pluck();
      for (const op of ops) {
        const forgotten = aliveOf.get(op.t, op.g) === FORGOTTEN;
        if (forgotten && !KEY_COLUMNS.has(op.c)) {
          // A forgotten row keeps no field values.
        } else if (mergeRegister(db, op)) {
          changed++;
          touch(op, op.c === '_alive' || op.c === '_created');
          if (op.c === '_alive' && op.v === FORGOTTEN) purgeForgotten(db, op.t, op.g);
        }
        if (!forgotten && op.c !== '_alive' && op.c !== '_created') {
          if (mergeRegister(db, { ...op, c: '_alive', v: 1 })) touch(op, true);
        }
        const h = hlcParse(op.h);
        const received = hlcReceive(state.clock, h, nowMs());
        state.clock = received.clock;
        if (received.clampedByMs > 0) ahead.set(h.device, Math.max(ahead.get(h.device) ?? 0, received.clampedByMs));
        const prev = peerMax.get(h.device);
        if (h.device !== state.device && (!prev || op.h > prev)) peerMax.set(h.device, op.h);
      }
      for (const [device, h] of peerMax) {
        const prev = state.seen.get(device);
        if (!prev || h > prev) state.seen.set(device, h);
        cached(db, 
          `INSERT INTO sync_peers (device, max_hlc, applied_at, clock_ahead_ms) VALUES (?, ?, ?, ?)
           ON CONFLICT (device) DO UPDATE SET max_hlc = max(coalesce(max_hlc, ''), excluded.max_hlc), applied_at = excluded.applied_at,
             clock_ahead_ms = excluded.clock_ahead_ms`,
        ).run(device, h, nowIso(), ahead.get(device) ?? 0);
      }
      cached(db, 'UPDATE sync_device SET clock = ?').run(hlcToString(state.clock));
      // Rows this device brought back itself since the last pass (see sync_settle).
      const settle = new Set<string>();
      for (const r of cached(db, 'SELECT tbl, gid FROM sync_settle').all() as Array<{ tbl: string; gid: string }>) {
        const key = `${r.tbl}\u0000${r.gid}`;
        settle.add(key);
        touched.set(key, true);
      }
      if (settle.size) cached(db, 'DELETE FROM sync_settle').run();
      const rows = new Materializer(db, info).run(touched, settle);
      return { changed, rows };
    } finally {
      state.capturing = true;
    }
  })();
}

/** Registers a forgotten row keeps: whether it lives, when it was made, and the two rows a pair or membership joins (global ids, no values). */
const KEY_COLUMNS = new Set(['_alive', '_created', '_a', '_b']);

/** Drops a forgotten row's field values from the registers, the outbox and the conflicts here. */
function purgeForgotten(db: Db, table: string, gid: string): void {
  cached(db, `DELETE FROM sync_fields WHERE tbl = ? AND gid = ? AND col NOT IN ('_alive', '_created', '_a', '_b')`).run(table, gid);
  cached(db, `DELETE FROM sync_outbox WHERE tbl = ? AND gid = ? AND col NOT IN ('_alive', '_created', '_a', '_b')`).run(table, gid);
  cached(db, 'DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ?').run(table, gid);
}

/**
 * Seals a forgetting (main/services/forget.ts, issue 18), in its transaction:
 * every row the forgetting deleted (outbox tombstones after `afterSeq`)
 * becomes FORGOTTEN, here and, through the outbox, on every device; its field
 * values leave the registers and the outbox; and the older outbox versions of
 * fields the forgetting rewrote (an @mention replaced in another entry) go,
 * so the change files still to be written do not carry them. Change files
 * already written keep what they held until compaction removes them.
 */
export function sealForgotten(db: Db, afterSeq: number): void {
  if (!syncEnabled(db)) return;
  const rows = cached(db, `SELECT DISTINCT tbl, gid FROM sync_outbox WHERE seq > ? AND col = '_alive' AND value IS NOT 1`).all(afterSeq) as Array<{ tbl: string; gid: string }>;
  for (const r of rows) {
    cached(db, `UPDATE sync_outbox SET value = ? WHERE seq > ? AND tbl = ? AND gid = ? AND col = '_alive'`).run(FORGOTTEN, afterSeq, r.tbl, r.gid);
    cached(db, `UPDATE sync_fields SET value = ? WHERE tbl = ? AND gid = ? AND col = '_alive'`).run(FORGOTTEN, r.tbl, r.gid);
    purgeForgotten(db, r.tbl, r.gid);
  }
  cached(
    db,
    `DELETE FROM sync_outbox WHERE seq <= ? AND EXISTS (
       SELECT 1 FROM sync_outbox n WHERE n.seq > ? AND n.tbl = sync_outbox.tbl AND n.gid = sync_outbox.gid AND n.col = sync_outbox.col)`,
  ).run(afterSeq, afterSeq);
}

/** The outbox position now (forget.ts seals what is captured after it). */
export function outboxSeq(db: Db): number {
  if (!syncEnabled(db)) return 0;
  return (cached(db, 'SELECT coalesce(max(seq), 0) FROM sync_outbox').pluck().get() as number) ?? 0;
}

/** Whether a version vector (what a deleting device had seen) covers a stamp. */
function covers(seenJson: SqlValue | undefined, stamp: string | undefined): boolean {
  // (a missing stamp is covered; a missing vector covers nothing)
  if (!stamp) return true;
  let seen: Record<string, string> = {};
  try {
    seen = typeof seenJson === 'string' ? (JSON.parse(seenJson) as Record<string, string>) : {};
  } catch {
    seen = {};
  }
  const h = hlcParse(stamp);
  const upTo = seen[h.device];
  return upTo !== undefined && hlcCompare(h, hlcParse(upTo)) <= 0;
}

const ORDER: Record<string, number> = Object.fromEntries(SYNCED_TABLES.map((t, i) => [t.table, i]));

class Materializer {
  private live = new Map<string, boolean>();
  private regs = new Map<string, Map<string, Register>>();
  constructor(
    private readonly db: Db,
    private readonly info: Map<string, TableInfo>,
  ) {}

  private registers(table: string, gid: string): Map<string, Register> {
    const key = `${table}\u0000${gid}`;
    let r = this.regs.get(key);
    if (!r) {
      r = registersOf(this.db, table, gid);
      this.regs.set(key, r);
    }
    return r;
  }

  /** The rows a row requires or points to: [table, gid, required]. */
  private parents(table: string, gid: string): Array<[string, string, boolean]> {
    const t = this.info.get(table)!;
    const regs = this.registers(table, gid);
    const out: Array<[string, string, boolean]> = [];
    if (t.spec.kind !== 'entity') {
      const [ka, kb] = t.spec.keys!;
      const a = regs.get('_a')?.value;
      const b = regs.get('_b')?.value;
      if (typeof a === 'string') out.push([t.refs.get(ka)!.table, a, true]);
      if (typeof b === 'string') out.push([t.refs.get(kb)!.table, b, true]);
    }
    for (const [col, ref] of t.refs) {
      const v = regs.get(col)?.value;
      if (typeof v === 'string') out.push([ref.table, v, ref.required]);
    }
    return out;
  }

  /** Rows that require this one. */
  /**
   * Rows that point to this one: those that require it, and with `all`, also
   * those whose SET NULL reference to it reads as NULL while it is absent.
   */
  private children(table: string, gid: string, all = false): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const t of this.info.values()) {
      const cols = [...t.refs.entries()].filter(([, r]) => r.table === table && (all || r.required)).map(([c]) => c);
      if (t.spec.kind !== 'entity') cols.push('_a', '_b');
      for (const col of cols) {
        const rows = cached(this.db, `SELECT gid FROM sync_fields WHERE col = ? AND value = ? AND tbl = ? AND col <> '_alive'`).pluck().all(col, gid, t.spec.table) as string[];
        for (const g of rows) out.push([t.spec.table, g]);
      }
      if (!all) continue;
      // A list of references (an introduction's route) leaves out a row that is absent: it is looked at again when the row comes or goes.
      for (const [col, target] of Object.entries(t.spec.refLists ?? {})) {
        if (target !== table) continue;
        const rows = cached(this.db, `SELECT gid FROM sync_fields WHERE tbl = ? AND col = ? AND instr(value, ?) > 0`).pluck().all(t.spec.table, col, JSON.stringify(gid)) as string[];
        for (const g of rows) out.push([t.spec.table, g]);
      }
    }
    return out;
  }

  private isLive(table: string, gid: string, path: Set<string> = new Set()): boolean {
    const key = `${table}\u0000${gid}`;
    const known = this.live.get(key);
    if (known !== undefined) return known;
    if (path.has(key)) return false;
    path.add(key);
    const regs = this.registers(table, gid);
    const alive = regs.get('_alive');
    let live: boolean;
    // A row whose creating operations have not all arrived yet (a file
    // boundary, or another device's file still on its way) waits.
    if (!alive || alive.value === FORGOTTEN || !regs.has('_created') || this.info.get(table)!.needed.some((c) => !regs.has(c))) live = false;
    else {
      const parentsOk = this.parents(table, gid).every(([pt, pg, required]) => !required || this.isLive(pt, pg, path));
      if (alive.value === 1) live = parentsOk;
      else {
        // Deleted (the value is what the deleting device had seen): kept
        // only for a child that device had not seen.
        const seen = alive.value;
        live =
          parentsOk &&
          this.children(table, gid).some(([ct, cg]) => {
            const c = this.registers(ct, cg);
            return c.get('_alive')?.value === 1 && !covers(seen, c.get('_created')?.hlc);
          });
      }
    }
    path.delete(key);
    this.live.set(key, live);
    return live;
  }

  run(touched: Map<string, boolean>, settle: ReadonlySet<string> = new Set()): number {
    const key = (t: string, g: string) => `${t}\u0000${g}`;
    const todo = new Set<string>(touched.keys());
    // A row brought back locally exists already; its children may not.
    for (const k of settle) {
      const [t, g] = k.split('\u0000') as [string, string];
      for (const [ct, cg] of this.children(t, g, true)) todo.add(key(ct, cg));
    }
    // A row that appeared, went or came back may keep a deleted parent: its ancestors are looked at too.
    const up = [...touched].filter(([, existence]) => existence).map(([k]) => k);
    const climbed = new Set<string>();
    while (up.length) {
      const k = up.pop()!;
      if (climbed.has(k)) continue;
      climbed.add(k);
      todo.add(k);
      const [t, g] = k.split('\u0000') as [string, string];
      for (const [pt, pg] of this.parents(t, g)) up.push(key(pt, pg));
    }
    // A row whose existence changes decides its children's: they are looked at too.
    const queue = [...todo];
    const checked = new Set<string>();
    while (queue.length) {
      const k = queue.pop()!;
      if (checked.has(k)) continue;
      checked.add(k);
      const [t, g] = k.split('\u0000') as [string, string];
      if (this.exists(t, g) !== this.isLive(t, g)) {
        for (const [ct, cg] of this.children(t, g, true)) {
          const ck = key(ct, cg);
          todo.add(ck);
          queue.push(ck);
        }
      }
    }
    this.withClaimants(todo);
    const items = [...todo].map((k) => k.split('\u0000') as [string, string]);
    // Deletes children first, inserts parents first.
    const byOrder = (a: [string, string], b: [string, string]) => ORDER[a[0]]! - ORDER[b[0]]! || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    const dead = items.filter(([t, g]) => !this.isLive(t, g)).sort((a, b) => byOrder(b, a));
    const alive = items.filter(([t, g]) => this.isLive(t, g)).sort(byOrder);
    for (const [t, g] of dead) this.remove(t, g);
    const held = (cached(this.db, `SELECT count(*) FROM sync_conflicts WHERE col = '_row'`).pluck().get() as number) > 0;
    for (const [t, g] of alive) {
      try {
        this.put(t, g);
        if (held) cached(this.db, `DELETE FROM sync_conflicts WHERE tbl = ? AND gid = ? AND col = '_row'`).run(t, g);
      } catch (error) {
        // A merged row the schema refuses (a rule across two fields that two
        // devices' edits broke together): the statement changed nothing; the
        // row waits, listed with the reason, and the file is applied all the
        // same (issue 19: never block the file). The next edit of the row puts it right.
        if (!(error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT'))) throw error;
        const alive = this.registers(t, g).get('_alive');
        cached(this.db, `INSERT OR REPLACE INTO sync_conflicts (tbl, gid, col, value, hlc, winner_hlc) VALUES (?, ?, '_row', ?, ?, '')`).run(
          t,
          g,
          `Not applied here: ${error.message}`,
          alive?.hlc ?? '',
        );
      }
    }
    return items.length;
  }

  /**
   * UNIQUE COLLISIONS (issue 19): two rows with different global ids can
   * claim one unique value (two organizations renamed to the same name on two
   * devices). The rule, a function of the registers alone so every device
   * agrees: of the live rows whose register holds the value, the one created
   * first (smallest `_created` stamp, then global id) keeps it; each other
   * one is kept too, with the value made unique by its global id
   * (`value #gid`), and listed by listConflicts until the user renames or
   * merges it. Nothing is thrown and nothing is lost.
   */
  private claimValue(table: string, gid: string, col: string, value: SqlValue): SqlValue {
    if (value === null) return value;
    const rank = (g: string) => `${this.registers(table, g).get('_created')?.hlc ?? '~'}\u0000${g}`;
    const mine = rank(gid);
    for (const other of this.claimants(table, col, value)) {
      if (other !== gid && this.isLive(table, other) && rank(other) < mine) return `${String(value)} #${gid}`;
    }
    return value;
  }

  private claimants(table: string, col: string, value: SqlValue): string[] {
    return cached(this.db, `SELECT gid FROM sync_fields WHERE col = ? AND value = ? AND tbl = ? AND col <> '_alive'`).pluck().all(col, value, table) as string[];
  }

  /** Adds to `todo` every row that claims, or holds here, a unique value a row in it claims or holds. */
  private withClaimants(todo: Set<string>): void {
    const queue = [...todo];
    while (queue.length) {
      const [table, gid] = queue.pop()!.split('\u0000') as [string, string];
      const t = this.info.get(table)!;
      if (t.unique.length === 0 || t.spec.kind !== 'entity') continue;
      const id = this.localId(table, gid);
      const local = id === null ? undefined : (cached(this.db, `SELECT * FROM ${q(table)} WHERE id = ?`).get(id) as Record<string, SqlValue>);
      for (const col of t.unique) {
        const values = new Set<SqlValue>();
        const reg = this.registers(table, gid).get(col);
        if (reg) values.add(reg.value);
        const here = local?.[col];
        if (typeof here === 'string') values.add(here.replace(/ #[A-Za-z0-9_|-]+$/, ''));
        for (const v of values) {
          for (const other of this.claimants(table, col, v)) {
            const k = `${table}\u0000${other}`;
            if (!todo.has(k)) {
              todo.add(k);
              queue.push(k);
            }
          }
        }
      }
    }
  }

  /** Before a row takes a unique value here, a row holding it (which lost it) moves to its own unique form. */
  private freeUnique(t: TableInfo, id: number | null, values: Record<string, SqlValue>): void {
    for (const col of t.unique) {
      const v = values[col];
      if (v === undefined || v === null) continue;
      const holder = cached(this.db, `SELECT id FROM ${q(t.spec.table)} WHERE ${q(col)} = ? AND id IS NOT ?`).pluck().get(v, id) as number | undefined;
      if (holder === undefined) continue;
      const gid = cached(this.db, 'SELECT gid FROM sync_ids WHERE tbl = ? AND local_id = ?').pluck().get(t.spec.table, holder) as string | undefined;
      cached(this.db, `UPDATE ${q(t.spec.table)} SET ${q(col)} = ? WHERE id = ?`).run(`${String(v)} #${gid ?? `local${holder}`}`, holder);
    }
  }

  private exists(table: string, gid: string): boolean {
    const t = this.info.get(table)!;
    if (t.spec.kind === 'entity') return gid === 'me' && table === 'people' ? true : this.localId(table, gid) !== null;
    const s = this.sides(table, gid);
    if (!s) return false;
    const [ka, kb] = t.spec.keys!;
    return Boolean(cached(this.db, `SELECT 1 FROM ${q(table)} WHERE ${q(ka)} = ? AND ${q(kb)} = ?`).get(s[0], s[1]));
  }

  private localId(table: string, gid: string): number | null {
    const id = cached(this.db, 'SELECT local_id FROM sync_ids WHERE tbl = ? AND gid = ?').pluck().get(table, gid) as number | undefined;
    if (id === undefined) return null;
    return cached(this.db, `SELECT 1 FROM ${q(table)} WHERE id = ?`).get(id) ? id : null;
  }

  /** The local ids of a pair or member row's two sides, as the table stores them. */
  private sides(table: string, gid: string): [number, number] | null {
    const t = this.info.get(table)!;
    const regs = this.registers(table, gid);
    const [ka, kb] = t.spec.keys!;
    const a = this.localId(t.refs.get(ka)!.table, String(regs.get('_a')?.value));
    const b = this.localId(t.refs.get(kb)!.table, String(regs.get('_b')?.value));
    if (a === null || b === null) return null;
    return t.spec.kind === 'pair' && a > b ? [b, a] : [a, b];
  }

  private remove(table: string, gid: string): void {
    const t = this.info.get(table)!;
    if (t.spec.kind === 'entity') {
      const id = this.localId(table, gid);
      if (id !== null) cached(this.db, `DELETE FROM ${q(table)} WHERE id = ?`).run(id);
      return;
    }
    const s = this.sides(table, gid);
    if (!s) return;
    const [ka, kb] = t.spec.keys!;
    cached(this.db, `DELETE FROM ${q(table)} WHERE ${q(ka)} = ? AND ${q(kb)} = ?`).run(s[0], s[1]);
  }

  /** The local ids of a JSON array of global ids, leaving out rows that are absent here. */
  private localIds(table: string, json: string): number[] {
    let gids: unknown;
    try {
      gids = JSON.parse(json);
    } catch {
      return [];
    }
    if (!Array.isArray(gids)) return [];
    const out: number[] = [];
    for (const g of gids) {
      if (typeof g !== 'string' || !this.isLive(table, g)) continue;
      const id = g === 'me' && table === 'people' ? (cached(this.db, 'SELECT id FROM people WHERE is_me = 1').pluck().get() as number) : this.localId(table, g);
      if (id !== null) out.push(id);
    }
    return out;
  }

  private values(t: TableInfo, gid: string, regs: Map<string, Register>): Record<string, SqlValue> {
    const out: Record<string, SqlValue> = {};
    for (const col of t.columns) {
      if (!regs.has(col)) continue;
      const v = regs.get(col)!.value;
      const ref = t.refs.get(col);
      const list = t.spec.refLists?.[col];
      if (ref && typeof v === 'string') {
        const id = this.isLive(ref.table, v) ? this.localId(ref.table, v) : null;
        out[col] = id;
      } else if (list && typeof v === 'string') out[col] = JSON.stringify(this.localIds(list, v));
      else if (t.unique.includes(col) && t.spec.kind === 'entity') out[col] = this.claimValue(t.spec.table, gid, col, v);
      else out[col] = v;
    }
    return out;
  }

  private put(table: string, gid: string): void {
    const t = this.info.get(table)!;
    const regs = this.registers(table, gid);
    const values = this.values(t, gid, regs);
    const cols = Object.keys(values);
    if (t.spec.kind === 'entity') {
      const id = gid === 'me' && table === 'people' ? (cached(this.db, 'SELECT id FROM people WHERE is_me = 1').pluck().get() as number) : this.localId(table, gid);
      if (id !== null) {
        if (gid === 'me') cached(this.db, `INSERT OR REPLACE INTO sync_ids (tbl, local_id, gid) VALUES ('people', ?, 'me')`).run(id);
        if (cols.length === 0) return;
        const current = cached(this.db, `SELECT ${cols.map(q).join(', ')} FROM ${q(table)} WHERE id = ?`).get(id) as Record<string, SqlValue>;
        const diff = cols.filter((c) => current[c] !== values[c]);
        if (diff.length) {
          this.freeUnique(t, id, values);
          cached(this.db, `UPDATE ${q(table)} SET ${diff.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(...diff.map((c) => values[c]), id);
        }
        return;
      }
      this.freeUnique(t, null, values);
      const info = cached(this.db, `INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => values[c]));
      cached(this.db, 'INSERT OR REPLACE INTO sync_ids (tbl, local_id, gid) VALUES (?, ?, ?)').run(table, Number(info.lastInsertRowid), gid);
      return;
    }
    const s = this.sides(table, gid);
    if (!s) return;
    const [ka, kb] = t.spec.keys!;
    const exists = cached(this.db, `SELECT 1 FROM ${q(table)} WHERE ${q(ka)} = ? AND ${q(kb)} = ?`).get(s[0], s[1]);
    if (exists) {
      if (cols.length === 0) return;
      const current = cached(this.db, `SELECT ${cols.map(q).join(', ')} FROM ${q(table)} WHERE ${q(ka)} = ? AND ${q(kb)} = ?`).get(s[0], s[1]) as Record<string, SqlValue>;
      const diff = cols.filter((c) => current[c] !== values[c]);
      if (diff.length) cached(this.db, `UPDATE ${q(table)} SET ${diff.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${q(ka)} = ? AND ${q(kb)} = ?`).run(...diff.map((c) => values[c]), s[0], s[1]);
      return;
    }
    const all = [ka, kb, ...cols];
    cached(this.db, `INSERT INTO ${q(table)} (${all.map(q).join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(s[0], s[1], ...cols.map((c) => values[c]));
  }
}

// ---------------------------------------------------------------------------
// The canonical dump the convergence tests compare

/** Every synced row, keyed by table and global id, with its synced columns (references as global ids). */
export function canonicalDump(db: Db): Record<string, Record<string, Record<string, unknown>>> {
  const info = tableInfo(db);
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
  const gidBy = (table: string, id: unknown) => (id === null ? null : (db.prepare('SELECT gid FROM sync_ids WHERE tbl = ? AND local_id = ?').pluck().get(table, id) as string | undefined) ?? `?${String(id)}`);
  for (const t of info.values()) {
    const rows = db.prepare(`SELECT * FROM ${q(t.spec.table)}`).all() as Array<Record<string, unknown>>;
    const table: Record<string, Record<string, unknown>> = {};
    for (const r of rows) {
      let key: string;
      if (t.spec.kind === 'entity') key = gidBy(t.spec.table, r.id) ?? '?';
      else {
        const [ka, kb] = t.spec.keys!;
        const a = gidBy(t.refs.get(ka)!.table, r[ka]);
        const b = gidBy(t.refs.get(kb)!.table, r[kb]);
        key = t.spec.kind === 'pair' ? [a, b].sort().join('|') : `${a}|${b}`;
      }
      const values: Record<string, unknown> = {};
      for (const c of t.columns) {
        const ref = t.refs.get(c);
        const list = t.spec.refLists?.[c];
        values[c] = ref ? gidBy(ref.table, r[c]) : list && typeof r[c] === 'string' ? (JSON.parse(r[c]) as unknown[]).map((id) => gidBy(list, id)) : r[c];
      }
      table[key] = values;
    }
    out[t.spec.table] = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return out;
}
