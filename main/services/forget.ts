// Forget a person (issue 18). Kith holds other people's data (imported
// messages, their connections), so a person can be removed completely from
// the live data: their ties, affiliations, journal participations (entries
// with nobody else go whole), @mentions in other entries, favors, follow-ups,
// introductions, every row of any table that refers to them (aliases, import
// records, likely-tie decisions: found through the schema's foreign keys, so
// tables added later are covered too) and their id in saved settings (graph
// positions, saved routes). One transaction; no backup of its own (a backup
// would keep what the user asked to forget). Afterwards the full-text indexes
// are rebuilt without them and the WAL is checkpointed, so their name is not
// left in index segments or old pages (secure_delete zeroes freed pages).
//
// With sync on (issue 19), everything the forgetting deleted is sent as
// forgotten (final: it never comes back, even for a child another device
// added meanwhile), and the person's values leave the sync registers and the
// outbox here and on every device that applies it (sealForgotten).
//
// Backups taken before still hold them. Kith remembers, per forgetting, only
// the person's id and a salted hash of their name (never the name), enough to
// tell which backups still contain them; Settings lists those and offers to
// delete them (purgeForgottenBackups).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KithError } from '../../shared/errors';
import type { ForgetPreview, ForgetResult, ForgottenInBackups, PurgeResult } from '../../shared/forget';
import { findMentions, type KnownName } from '../../shared/mentions';
import { nameKey } from '../../shared/text';
import { keyOf } from '../db/crypto';
import { nativeBindingOf } from '../db/kith';
import { openDatabase, type Db } from '../db/open';
import { POSITIONS_KEY } from '../graph/positions';
import { outboxSeq, sealForgotten } from '../sync/engine';
import { listBackups } from './backups';
import { getSetting, setSetting } from './settings';
import { nowIso, notFound, stmt } from './util';

/** What replaces an @mention of a forgotten person in other journal entries. */
export const FORGOTTEN_MENTION = '[forgotten]';

const PENDING_KEY = 'forget.pending';

interface PendingForget {
  key: string;
  personId: number;
  salt: string;
  nameHash: string;
  forgottenAt: string;
}

/**
 * Settings whose JSON holds person ids, and how to take one out. Graph
 * positions are `{ ids, xy }`; saved routes (issue 12) add their own entry here.
 */
const SETTINGS_FORGETTERS: Record<string, (value: unknown, personId: number) => unknown | undefined> = {
  [POSITIONS_KEY]: (value, personId) => {
    const v = value as { ids?: unknown; xy?: unknown } | null;
    if (!v || !Array.isArray(v.ids) || !Array.isArray(v.xy)) return undefined;
    const at = (v.ids as unknown[]).indexOf(personId);
    if (at === -1) return undefined;
    const ids = (v.ids as number[]).filter((_, i) => i !== at);
    const xy = (v.xy as number[]).filter((_, i) => i !== 2 * at && i !== 2 * at + 1);
    return { ...v, ids, xy };
  },
};

function hashName(salt: string, displayName: string): string {
  return crypto.createHmac('sha256', Buffer.from(salt, 'hex')).update(nameKey(displayName)).digest('hex');
}

/** Tables (other than people) with a foreign key to people, and the referring column. */
function referringColumns(db: Db): Array<{ table: string; column: string }> {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const out: Array<{ table: string; column: string }> = [];
  for (const table of tables) {
    const keys = db.prepare('SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list(?)').all(table) as Array<{ target: string; column: string }>;
    for (const k of keys) if (k.target === 'people' && table !== 'people') out.push({ table, column: k.column });
  }
  return out;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Second-degree people known only through `personId`: every tie they have is
 * with them or came from their connections list (ties.source_person_id), and
 * nothing else refers to them (no entry, mention, favor, follow-up or
 * introduction). Forgetting the person leaves them tied to nobody, known from
 * a list the user asked to forget: they go too.
 */
function onlyThrough(db: Db, personId: number): number[] {
  return db
    .prepare(
      `SELECT p.id FROM people p
        WHERE p.degree = 2 AND p.is_me = 0 AND p.id <> @id
          AND EXISTS (SELECT 1 FROM ties t WHERE (t.person_a = p.id OR t.person_b = p.id)
                        AND (t.person_a = @id OR t.person_b = @id OR t.source_person_id = @id))
          AND NOT EXISTS (SELECT 1 FROM ties t WHERE (t.person_a = p.id OR t.person_b = p.id)
                        AND t.person_a <> @id AND t.person_b <> @id AND (t.source_person_id IS NULL OR t.source_person_id <> @id))
          AND NOT EXISTS (SELECT 1 FROM interaction_participants x WHERE x.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM interaction_mentions x WHERE x.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM favors x WHERE x.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM reminders x WHERE x.person_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM introductions x WHERE p.id IN (x.requester_id, x.introducer_id, x.target_person_id)
                        OR EXISTS (SELECT 1 FROM json_each(x.route) WHERE value = p.id))
        ORDER BY p.id`,
    )
    .pluck()
    .all({ id: personId }) as number[];
}

interface Plan {
  preview: ForgetPreview;
  onlyThrough: number[];
  soloEntries: number[];
  mentionEdits: Array<{ id: number; title: string; body: string }>;
  introductions: number[];
  settings: Array<{ key: string; value: unknown }>;
}

function plan(db: Db, personId: number): Plan {
  const person = stmt<{ id: number; is_me: number; display_name: string }>(db, 'SELECT id, is_me, display_name FROM people WHERE id = ?').get(personId);
  if (!person) throw notFound('person', personId);
  if (person.is_me === 1) throw new KithError('CONFLICT', 'Kith cannot forget you: you are the centre of your own network.');
  const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

  const soloEntries = db
    .prepare(
      `SELECT p.interaction_id FROM interaction_participants p
       WHERE p.person_id = ? AND NOT EXISTS (
         SELECT 1 FROM interaction_participants o WHERE o.interaction_id = p.interaction_id AND o.person_id <> p.person_id)`,
    )
    .pluck()
    .all(personId) as number[];
  const solo = new Set(soloEntries);
  const participations = count('SELECT count(*) FROM interaction_participants WHERE person_id = ?', personId) - soloEntries.length;

  const names = db.prepare('SELECT id, display_name AS name FROM people').all() as KnownName[];
  const mentionEdits: Plan['mentionEdits'] = [];
  let mentions = 0;
  const rows = db.prepare(`SELECT id, title, body FROM interactions WHERE instr(body, '@') > 0 OR instr(title, '@') > 0`).all() as Array<{ id: number; title: string; body: string }>;
  const scrub = (text: string): { text: string; n: number } => {
    const found = findMentions(text, names).filter((m) => m.personId === personId);
    let out = text;
    for (const m of [...found].reverse()) out = out.slice(0, m.start) + FORGOTTEN_MENTION + out.slice(m.end);
    return { text: out, n: found.length };
  };
  for (const row of rows) {
    if (solo.has(row.id)) continue;
    const title = scrub(row.title);
    const body = scrub(row.body);
    if (title.n + body.n === 0) continue;
    mentions += title.n + body.n;
    mentionEdits.push({ id: row.id, title: title.text, body: body.text });
  }

  const introductions = db
    .prepare(
      `SELECT id FROM introductions WHERE requester_id = @id OR introducer_id = @id OR target_person_id = @id
         OR EXISTS (SELECT 1 FROM json_each(introductions.route) WHERE value = @id)`,
    )
    .pluck()
    .all({ id: personId }) as number[];

  const known = new Set(['ties', 'affiliations', 'interaction_participants', 'favors', 'reminders', 'introductions']);
  let otherRecords = 0;
  for (const { table, column } of referringColumns(db)) {
    if (known.has(table)) continue;
    otherRecords += count(`SELECT count(*) FROM ${quote(table)} WHERE ${quote(column)} = ?`, personId);
  }

  const others = onlyThrough(db, personId);
  const settings: Plan['settings'] = [];
  for (const [key, forget] of Object.entries(SETTINGS_FORGETTERS)) {
    let value = getSetting<unknown>(db, key, null);
    let changed = false;
    for (const id of [personId, ...others]) {
      const next = value === null ? undefined : forget(value, id);
      if (next !== undefined) {
        value = next;
        changed = true;
      }
    }
    if (changed) settings.push({ key, value });
  }

  return {
    preview: {
      personId,
      displayName: person.display_name,
      ties: count('SELECT count(*) FROM ties WHERE person_a = ? OR person_b = ?', personId, personId),
      affiliations: count('SELECT count(*) FROM affiliations WHERE person_id = ?', personId),
      journalEntries: soloEntries.length,
      participations,
      mentions,
      favors: count('SELECT count(*) FROM favors WHERE person_id = ?', personId),
      followUps: count('SELECT count(*) FROM reminders WHERE person_id = ?', personId),
      introductions: introductions.length,
      otherRecords,
      savedViews: settings.length,
      onlyThroughThem: others.length,
    },
    onlyThrough: others,
    soloEntries,
    mentionEdits,
    introductions,
    settings,
  };
}

/** What forgetting would remove; changes nothing. */
export function previewForget(db: Db, personId: number): ForgetPreview {
  return plan(db, personId).preview;
}

/** Removes the person completely from the live data, in one transaction. */
export function forgetPerson(db: Db, personId: number): ForgetResult {
  const result = db.transaction(() => {
    const p = plan(db, personId);
    const outboxBefore = outboxSeq(db);
    for (const id of p.soloEntries) stmt(db, 'DELETE FROM interactions WHERE id = ?').run(id);
    for (const e of p.mentionEdits) stmt(db, 'UPDATE interactions SET title = ?, body = ? WHERE id = ?').run(e.title, e.body, e.id);
    for (const id of p.introductions) stmt(db, 'DELETE FROM introductions WHERE id = ?').run(id);
    const referring = referringColumns(db);
    for (const id of [personId, ...p.onlyThrough]) {
      for (const { table, column } of referring) db.prepare(`DELETE FROM ${quote(table)} WHERE ${quote(column)} = ?`).run(id);
    }
    for (const s of p.settings) setSetting(db, s.key, s.value);
    for (const id of [personId, ...p.onlyThrough]) stmt(db, 'DELETE FROM people WHERE id = ?').run(id);
    // With sync on (issue 19): what was just deleted is forgotten on every
    // device, and its values leave this device's sync registers and outbox.
    sealForgotten(db, outboxBefore);

    const salt = crypto.randomBytes(16).toString('hex');
    const key = crypto.randomBytes(16).toString('hex');
    const pending = getSetting<PendingForget[]>(db, PENDING_KEY, []);
    pending.push({ key, personId, salt, nameHash: hashName(salt, p.preview.displayName), forgottenAt: nowIso() });
    setSetting(db, PENDING_KEY, pending);

    // Deleted rows leave their tokens in FTS5's index segments until a merge: rebuild them now.
    for (const fts of ['people_fts', 'interactions_fts']) {
      const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(fts);
      if (exists) db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('optimize')`).run();
    }
    return { ...p.preview, forgottenKey: key };
  })();
  // Old pages with their data go from the WAL into the file (where secure_delete zeroed them); best effort with readers open.
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // a reader holds the WAL: the next checkpoint does it
  }
  return result;
}

export interface ForgetBackupsPlace {
  db: Db;
  backupDir: string;
}

/** Does this backup file still hold the forgotten person? null when it cannot be opened to tell. */
function backupHolds(file: string, db: Db, forgotten: PendingForget): boolean | null {
  const key = keyOf(db);
  let copy: Db;
  try {
    copy = openDatabase(file, { readonly: true, passphrase: key?.passphrase ?? null, knownKey: key, ...(nativeBindingOf(db) ? { nativeBinding: nativeBindingOf(db) } : {}) });
  } catch {
    return null;
  }
  try {
    const row = copy.prepare('SELECT display_name FROM people WHERE id = ?').get(forgotten.personId) as { display_name: string } | undefined;
    return row !== undefined && hashName(forgotten.salt, row.display_name) === forgotten.nameHash;
  } catch {
    return null;
  } finally {
    copy.close();
  }
}

/**
 * Each forgotten person's backups that still hold them. A forgetting no backup
 * holds any more is dropped from the list (and its hash with it).
 */
export function forgottenInBackups(place: ForgetBackupsPlace): ForgottenInBackups[] {
  const pending = getSetting<PendingForget[]>(place.db, PENDING_KEY, []);
  if (pending.length === 0) return [];
  const backups = listBackups(place.backupDir);
  const out: ForgottenInBackups[] = [];
  const still: PendingForget[] = [];
  for (const f of pending) {
    const entry: ForgottenInBackups = { key: f.key, forgottenAt: f.forgottenAt, backups: [], unchecked: [] };
    for (const b of backups) {
      const holds = backupHolds(path.join(place.backupDir, b.name), place.db, f);
      if (holds === true) entry.backups.push(b.name);
      else if (holds === null) entry.unchecked.push(b.name);
    }
    if (entry.backups.length || entry.unchecked.length) {
      out.push(entry);
      still.push(f);
    }
  }
  if (still.length !== pending.length) place.db.transaction(() => setSetting(place.db, PENDING_KEY, still))();
  return out;
}

/** Deletes the backups that still hold this forgotten person (the user was asked first). */
export function purgeForgottenBackups(place: ForgetBackupsPlace, key: string): PurgeResult {
  const entry = forgottenInBackups(place).find((f) => f.key === key);
  if (!entry) throw new KithError('NOT_FOUND', 'No backup holds that forgotten person any more; nothing was deleted.');
  const deleted: string[] = [];
  for (const name of entry.backups) {
    const file = path.join(place.backupDir, name);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    deleted.push(name);
  }
  forgottenInBackups(place); // drops the record when nothing holds them any more
  return { deleted };
}
