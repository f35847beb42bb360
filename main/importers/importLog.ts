// The import log (issue 13, "Undo the last import"): every import that
// changes something records, in its own transaction, each row it added and
// each row it changed (as it was before and as the import left it). Undoing
// the last import removes what it added and restores what it changed, as long
// as nothing it touched was edited since; otherwise it says what was.
// Recording is generic (a before/after comparison of the tables an import
// writes), so every importer is covered without each one keeping its own list.
import { KithError } from '../../shared/errors';
import type { ImportLogEntry, UndoResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { nowIso } from '../services/util';

/** Tables with an integer id an import inserts into or updates, in the order undo deletes from them. */
const ID_TABLES = ['interactions', 'favors', 'ties', 'affiliations', 'people', 'organizations', 'tags'] as const;
/** Of those, the ones an import also updates: their rows before are kept in a temporary copy. */
const UPDATED_TABLES = ['people', 'organizations', 'affiliations', 'ties'] as const;
/**
 * Tables keyed by their columns that an import inserts into. (Participants of
 * a new journal entry go with the entry: ON DELETE CASCADE.)
 */
const KEY_TABLES: Record<string, readonly string[]> = {
  person_tags: ['person_id', 'tag_id'],
  organization_tags: ['organization_id', 'tag_id'],
  import_keys: ['source', 'key'],
};
/**
 * What undo compares to tell whether an added row was edited since: the whole
 * row (an edit within the same millisecond still shows), except for journal
 * entries and favors, whose text can be long: when they were last changed
 * (every write of the services sets updated_at) and whether deleted.
 */
const EDIT_MARK: Record<string, readonly string[] | null> = {
  interactions: ['updated_at', 'deleted_at'],
  favors: ['updated_at'],
  tags: null,
  people: null,
  organizations: null,
  affiliations: null,
  ties: null,
};

/**
 * Caches the services write on their own, which are not edits: people.sort_key
 * (m0130) is written when the People list is first shown after an import.
 * (Left out of the mark, so an import made before m0130 keeps its marks.)
 */
const DERIVED_COLUMNS = new Set(['sort_key']);

/**
 * Caches kept in the mark (imports logged before this rule have them there)
 * but ignored when undo compares: people.search_folded is filled by the first
 * search after an import, which is not an edit (it made "Undo" say a person
 * was edited since).
 */
const IGNORED_IN_COMPARISON = new Set(['search_folded', 'sort_key']);

type Row = Record<string, unknown>;

/** Positions of the ignored columns in a table's mark (null for a mark of chosen columns). */
function ignoredPositions(db: Db, table: string): number[] {
  if (EDIT_MARK[table]) return [];
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]).filter((c) => !DERIVED_COLUMNS.has(c));
  return cols.flatMap((c, i) => (IGNORED_IN_COMPARISON.has(c) ? [i] : []));
}

/** A mark or a row as text to compare, the ignored caches left out. */
function comparable(value: unknown, positions: readonly number[]): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((v, i) => (positions.includes(i) ? null : v)));
  if (value && typeof value === 'object') return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([k]) => !IGNORED_IN_COMPARISON.has(k))));
  return JSON.stringify(value);
}

function keyOf(table: string, row: Row): string {
  return JSON.stringify(KEY_TABLES[table]!.map((c) => row[c]));
}

/** The edit mark as SQL (a JSON array made by SQLite: cheaper than rows in JavaScript for 10,000 people). */
function markSql(db: Db, table: string): string {
  const cols =
    EDIT_MARK[table] ??
    (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]).filter((c) => !DERIVED_COLUMNS.has(c));
  return `json_array(${cols.join(', ')})`;
}

export interface RecordOptions {
  /**
   * The import also changes journal entries that were there before (a
   * calendar series' month or a day of mail grows): they and who they were
   * with are compared too, so undo puts them back. Off for the others: it
   * copies every entry first.
   */
  updatesEntries?: boolean;
}

/**
 * Runs `apply` (inside the caller's transaction) and logs what it changed:
 * rows added (ids above the maximum before) and rows changed, with their
 * earlier version, found by comparing a temporary copy SQLite makes of the
 * tables first (EXCEPT runs in SQLite: cheap even for 10,000 people).
 * Nothing is logged when nothing changed.
 */
export function recordImport<T>(db: Db, format: string, summary: (result: T) => string, apply: () => T, options: RecordOptions = {}): T {
  const maxIds = new Map<string, number>();
  for (const t of ID_TABLES) maxIds.set(t, db.prepare(`SELECT coalesce(max(id), 0) FROM main.${t}`).pluck().get() as number);
  const updated: readonly string[] = options.updatesEntries ? [...UPDATED_TABLES, 'interactions'] : UPDATED_TABLES;
  const copies = [...updated, ...Object.keys(KEY_TABLES), ...(options.updatesEntries ? ['interaction_participants'] : [])];
  for (const t of copies) {
    db.exec(`DROP TABLE IF EXISTS temp.kith_before_${t}`);
    db.exec(`CREATE TEMP TABLE kith_before_${t} AS SELECT * FROM main.${t}`);
  }
  try {
    const result = apply();
    // Rows added are logged one line per table (ids and edit marks as JSON arrays): an archive adds tens of thousands.
    const changes: { table: string; key: string; action: 'insert' | 'update'; before: string | null; after: string }[] = [];
    for (const t of ID_TABLES) {
      const rows = db.prepare(`SELECT id, ${markSql(db, t)} AS mark FROM main.${t} WHERE id > ? ORDER BY id`).raw().all(maxIds.get(t)) as [number, string][];
      if (rows.length > 0) changes.push({ table: t, key: `[${rows.map((r) => r[0]).join(',')}]`, action: 'insert', before: null, after: `[${rows.map((r) => r[1]).join(',')}]` });
    }
    for (const t of updated) {
      // Rows as they were that are not so any more (an import never deletes).
      const rows = db.prepare(`SELECT * FROM temp.kith_before_${t} EXCEPT SELECT * FROM main.${t} ORDER BY id`).all() as Row[];
      const now = db.prepare(`SELECT * FROM main.${t} WHERE id = ?`);
      for (const before of rows) {
        changes.push({ table: t, key: String(before.id), action: 'update', before: JSON.stringify(before), after: JSON.stringify(now.get(before.id)) });
      }
    }
    if (options.updatesEntries) {
      // Who an entry the import grew was with, before and after (a new
      // occurrence of a series, another mail that day may add someone).
      const touched = db
        .prepare(
          `SELECT interaction_id FROM (SELECT * FROM temp.kith_before_interaction_participants EXCEPT SELECT * FROM main.interaction_participants) WHERE interaction_id <= @max
           UNION
           SELECT interaction_id FROM (SELECT * FROM main.interaction_participants EXCEPT SELECT * FROM temp.kith_before_interaction_participants) WHERE interaction_id <= @max
           ORDER BY interaction_id`,
        )
        .pluck()
        .all({ max: maxIds.get('interactions') }) as number[];
      const before = db.prepare('SELECT person_id FROM temp.kith_before_interaction_participants WHERE interaction_id = ? ORDER BY person_id').pluck();
      const after = db.prepare('SELECT person_id FROM main.interaction_participants WHERE interaction_id = ? ORDER BY person_id').pluck();
      for (const id of touched) {
        changes.push({ table: 'interaction_participants', key: String(id), action: 'update', before: JSON.stringify(before.all(id)), after: JSON.stringify(after.all(id)) });
      }
    }
    for (const t of Object.keys(KEY_TABLES)) {
      const rows = db.prepare(`SELECT * FROM main.${t} EXCEPT SELECT * FROM temp.kith_before_${t}`).all() as Row[];
      if (rows.length > 0) changes.push({ table: t, key: `[${rows.map((r) => keyOf(t, r)).join(',')}]`, action: 'insert', before: null, after: '[]' });
    }
    if (changes.length === 0) return result;
    const id = Number(db.prepare('INSERT INTO imports (format, summary, created_at) VALUES (?, ?, ?)').run(format, summary(result), nowIso()).lastInsertRowid);
    const insert = db.prepare('INSERT INTO import_changes (import_id, seq, table_name, row_key, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    changes.forEach((c, i) => insert.run(id, i, c.table, c.key, c.action, c.before, c.after));
    return result;
  } finally {
    for (const t of copies) db.exec(`DROP TABLE IF EXISTS temp.kith_before_${t}`);
  }
}

export function listImports(db: Db): ImportLogEntry[] {
  const last = db.prepare('SELECT max(id) FROM imports WHERE undone_at IS NULL').pluck().get() as number | null;
  return (
    db
      .prepare(
        `SELECT i.id, i.format, i.summary, i.created_at, i.undone_at,
                (SELECT coalesce(sum(json_array_length(c.row_key)), 0) FROM import_changes c WHERE c.import_id = i.id AND c.action = 'insert' AND c.table_name IN ('people', 'organizations', 'affiliations', 'ties', 'interactions', 'favors')) AS added,
                (SELECT count(*) FROM import_changes c WHERE c.import_id = i.id AND c.action = 'update') AS changed
           FROM imports i ORDER BY i.id DESC`,
      )
      .all() as { id: number; format: string; summary: string; created_at: string; undone_at: string | null; added: number; changed: number }[]
  ).map((r) => ({
    id: r.id,
    format: r.format,
    summary: r.summary,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    added: r.added,
    changed: r.changed,
    canUndo: r.id === last && r.undone_at === null,
  }));
}

const WHAT: Record<string, string> = {
  people: 'person',
  organizations: 'organization',
  affiliations: 'affiliation',
  ties: 'tie',
  interactions: 'journal entry',
  favors: 'favor',
  tags: 'tag',
};

function describe(table: string, row: Row): string {
  const name = (row.display_name ?? row.name ?? row.title ?? '') as string;
  return `${WHAT[table] ?? table} ${name ? `"${name}"` : `#${String(row.id)}`}`;
}

function participantsOf(db: Db, entryId: number): number[] {
  return db.prepare('SELECT person_id FROM interaction_participants WHERE interaction_id = ? ORDER BY person_id').pluck().all(entryId) as number[];
}

function entryTitle(db: Db, entryId: number): Row {
  return (db.prepare('SELECT title FROM interactions WHERE id = ?').get(entryId) as Row | undefined) ?? {};
}

/** Undoes the last import, or (dryRun) says whether it can be undone and why not. */
export function undoLastImport(db: Db, options: { dryRun?: boolean } = {}): UndoResult {
  return db.transaction((): UndoResult => {
    const last = db.prepare('SELECT id, summary FROM imports WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1').get() as { id: number; summary: string } | undefined;
    if (!last) throw new KithError('NOT_FOUND', 'There is no import to undo.');
    const changes = db.prepare('SELECT table_name, row_key, action, before, after FROM import_changes WHERE import_id = ? ORDER BY seq').all(last.id) as {
      table_name: string;
      row_key: string;
      action: 'insert' | 'update';
      before: string | null;
      after: string;
    }[];
    const blockers: string[] = [];
    const added = new Map<string, Set<number>>();
    for (const c of changes) {
      if (c.action !== 'insert' || !(c.table_name in WHAT)) continue;
      const ids = JSON.parse(c.row_key) as number[];
      const ignored = ignoredPositions(db, c.table_name);
      const marks = (JSON.parse(c.after) as unknown[]).map((m) => comparable(m, ignored));
      added.set(c.table_name, new Set(ids));
      const now = new Map(
        (db.prepare(`SELECT id, ${markSql(db, c.table_name)} FROM ${c.table_name} WHERE id IN (SELECT value FROM json_each(?))`).raw().all(c.row_key) as [number, string][]).map(
          ([id, m]) => [id, comparable(JSON.parse(m), ignored)],
        ),
      );
      const get = db.prepare(`SELECT * FROM ${c.table_name} WHERE id = ?`);
      ids.forEach((id, i) => {
        const current = now.get(id);
        if (current !== undefined && current !== marks[i]) blockers.push(`${describe(c.table_name, get.get(id) as Row)} was edited since`);
      });
    }
    for (const c of changes) {
      if (c.action !== 'update') continue;
      if (c.table_name === 'interaction_participants') {
        const now = participantsOf(db, Number(c.row_key));
        if (JSON.stringify(now) !== c.after) blockers.push(`${describe('interactions', { id: Number(c.row_key), ...entryTitle(db, Number(c.row_key)) })} was edited since`);
        continue;
      }
      const now = db.prepare(`SELECT * FROM ${c.table_name} WHERE id = ?`).get(Number(c.row_key)) as Row | undefined;
      if (now && comparable(now, []) !== comparable(JSON.parse(c.after), [])) blockers.push(`${describe(c.table_name, now)} was edited since`);
    }
    // What was added since and refers to what the import added would be lost with it.
    const addedPeople = JSON.stringify([...(added.get('people') ?? [])]);
    const addedEntries = new Set(added.get('interactions') ?? []);
    for (const r of db
      .prepare(
        `SELECT ip.interaction_id AS entry, p.display_name AS name FROM interaction_participants ip JOIN people p ON p.id = ip.person_id
          WHERE ip.person_id IN (SELECT value FROM json_each(?))`,
      )
      .all(addedPeople) as { entry: number; name: string }[]) {
      if (!addedEntries.has(r.entry)) blockers.push(`person "${r.name}" is in a journal entry written since`);
    }
    const addedTies = new Set(added.get('ties') ?? []);
    for (const r of db
      .prepare(`SELECT t.id FROM ties t WHERE t.person_a IN (SELECT value FROM json_each(?1)) OR t.person_b IN (SELECT value FROM json_each(?1))`.replace(/\?1/g, '@people'))
      .all({ people: addedPeople }) as { id: number }[]) {
      if (!addedTies.has(r.id)) blockers.push(`a tie added since involves someone this import added`);
    }
    for (const t of ['favors', 'reminders'] as const) {
      const mine = new Set(added.get(t) ?? []);
      for (const r of db.prepare(`SELECT id FROM ${t} WHERE person_id IN (SELECT value FROM json_each(?))`).all(addedPeople) as { id: number }[]) {
        if (!mine.has(r.id)) blockers.push(`a ${t === 'favors' ? 'favor' : 'follow-up'} added since involves someone this import added`);
      }
    }
    const unique = [...new Set(blockers)];
    const result: UndoResult = { importId: last.id, summary: last.summary, removed: 0, restored: 0, blockers: unique.slice(0, 50), undone: false };
    if (unique.length > 0 || options.dryRun) return result;

    for (const t of ['import_keys', 'person_tags', 'organization_tags']) {
      const cols = KEY_TABLES[t]!;
      const del = db.prepare(`DELETE FROM ${t} WHERE ${cols.map((c) => `${c} = ?`).join(' AND ')}`);
      for (const c of changes) if (c.table_name === t) for (const key of JSON.parse(c.row_key) as unknown[][]) del.run(...key);
    }
    for (const t of ID_TABLES) {
      const del = db.prepare(`DELETE FROM ${t} WHERE id = ?`);
      for (const id of added.get(t) ?? []) result.removed += del.run(id).changes;
    }
    for (const c of changes) {
      if (c.action !== 'update') continue;
      if (c.table_name === 'interaction_participants') {
        const id = Number(c.row_key);
        db.prepare('DELETE FROM interaction_participants WHERE interaction_id = ?').run(id);
        const insert = db.prepare('INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)');
        for (const person of JSON.parse(c.before!) as number[]) insert.run(id, person);
        continue;
      }
      const before = JSON.parse(c.before!) as Row;
      const cols = Object.keys(before).filter((k) => k !== 'id');
      db.prepare(`UPDATE ${c.table_name} SET ${cols.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run(before);
      result.restored++;
    }
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(nowIso(), last.id);
    result.undone = true;
    return result;
  })();
}
