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
/** Tables keyed by their columns, which an import only inserts into. */
const KEY_TABLES: Record<string, readonly string[]> = {
  person_tags: ['person_id', 'tag_id'],
  organization_tags: ['organization_id', 'tag_id'],
  interaction_participants: ['interaction_id', 'person_id'],
  import_keys: ['source', 'key'],
};

type Row = Record<string, unknown>;

interface Snapshot {
  maxIds: Map<string, number>;
  rows: Map<string, Map<number, string>>;
  keys: Map<string, Set<string>>;
}

function keyOf(table: string, row: Row): string {
  return JSON.stringify(KEY_TABLES[table]!.map((c) => row[c]));
}

function snapshot(db: Db): Snapshot {
  const s: Snapshot = { maxIds: new Map(), rows: new Map(), keys: new Map() };
  for (const t of ID_TABLES) {
    s.maxIds.set(t, (db.prepare(`SELECT coalesce(max(id), 0) FROM ${t}`).pluck().get() as number) ?? 0);
    // Journal entries and favors are only ever added by an import: no need to keep their rows.
    if (t === 'interactions' || t === 'favors' || t === 'tags') continue;
    s.rows.set(t, new Map((db.prepare(`SELECT * FROM ${t}`).all() as Row[]).map((r) => [r.id as number, JSON.stringify(r)])));
  }
  for (const t of Object.keys(KEY_TABLES)) s.keys.set(t, new Set((db.prepare(`SELECT * FROM ${t}`).all() as Row[]).map((r) => keyOf(t, r))));
  return s;
}

/**
 * Runs `apply` (inside the caller's transaction) and logs what it changed.
 * Nothing is logged when nothing changed.
 */
export function recordImport<T>(db: Db, format: string, summary: (result: T) => string, apply: () => T): T {
  const before = snapshot(db);
  const result = apply();
  const changes: { table: string; key: string; action: 'insert' | 'update'; before: string | null; after: string }[] = [];
  for (const t of ID_TABLES) {
    const max = before.maxIds.get(t)!;
    const old = before.rows.get(t);
    for (const r of db.prepare(`SELECT * FROM ${t}${old ? '' : ' WHERE id > ?'}`).all(...(old ? [] : [max])) as Row[]) {
      const id = r.id as number;
      const json = JSON.stringify(r);
      if (id > max) changes.push({ table: t, key: String(id), action: 'insert', before: null, after: json });
      else if (old && old.get(id) !== json && old.has(id)) changes.push({ table: t, key: String(id), action: 'update', before: old.get(id)!, after: json });
    }
  }
  for (const t of Object.keys(KEY_TABLES)) {
    const old = before.keys.get(t)!;
    for (const r of db.prepare(`SELECT * FROM ${t}`).all() as Row[]) {
      const key = keyOf(t, r);
      if (!old.has(key)) changes.push({ table: t, key, action: 'insert', before: null, after: JSON.stringify(r) });
    }
  }
  if (changes.length === 0) return result;
  const id = Number(db.prepare('INSERT INTO imports (format, summary, created_at) VALUES (?, ?, ?)').run(format, summary(result), nowIso()).lastInsertRowid);
  const insert = db.prepare('INSERT INTO import_changes (import_id, seq, table_name, row_key, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  changes.forEach((c, i) => insert.run(id, i, c.table, c.key, c.action, c.before, c.after));
  return result;
}

export function listImports(db: Db): ImportLogEntry[] {
  const last = db.prepare('SELECT max(id) FROM imports WHERE undone_at IS NULL').pluck().get() as number | null;
  return (
    db
      .prepare(
        `SELECT i.id, i.format, i.summary, i.created_at, i.undone_at,
                (SELECT count(*) FROM import_changes c WHERE c.import_id = i.id AND c.action = 'insert') AS added,
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
      if (c.action === 'insert' && c.table_name in WHAT) {
        const set = added.get(c.table_name) ?? new Set<number>();
        set.add(Number(c.row_key));
        added.set(c.table_name, set);
      }
    }
    for (const c of changes) {
      if (!(c.table_name in WHAT)) continue;
      const now = db.prepare(`SELECT * FROM ${c.table_name} WHERE id = ?`).get(Number(c.row_key)) as Row | undefined;
      if (!now) continue; // deleted since: nothing to remove or restore
      if (JSON.stringify(now) !== c.after) blockers.push(`${describe(c.table_name, now)} was edited since`);
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

    for (const t of ['import_keys', 'interaction_participants', 'person_tags', 'organization_tags']) {
      const cols = KEY_TABLES[t]!;
      const del = db.prepare(`DELETE FROM ${t} WHERE ${cols.map((c) => `${c} = ?`).join(' AND ')}`);
      for (const c of changes) if (c.table_name === t) del.run(...(JSON.parse(c.row_key) as unknown[]));
    }
    for (const t of ID_TABLES) {
      const del = db.prepare(`DELETE FROM ${t} WHERE id = ?`);
      for (const id of added.get(t) ?? []) result.removed += del.run(id).changes;
    }
    for (const c of changes) {
      if (c.action !== 'update') continue;
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
