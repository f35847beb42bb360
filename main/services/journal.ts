// The journal (issue 3): entries of what was said with whom, soft-deleted so a
// delete can be undone, listed newest first with keyset pagination, and a
// person's timeline. Me is implicit in every entry and never stored as a
// participant: an entry lists the *other* people (a "me" id given is dropped).
import type { Db } from '../db/open';
import { mentionsOf, setMentions } from './mentions';
import { KithError } from '../../shared/errors';
import type {
  FavorDirection,
  FavorKind,
  InteractionKind,
  JournalCreate,
  JournalEntry,
  JournalPage,
  JournalPatch,
  JournalQuery,
  JournalRow,
  Participant,
  TimelineItem,
} from '../../shared/journal';
import { timeZone } from '../../shared/clock';
import { JournalTimeError, journalInstant } from '../../shared/journalTime';
import { createPerson, getMeId, personExists } from './people';
import { notFound, nowIso, stmt } from './util';

interface EntryRecord {
  id: number;
  occurred_at: string;
  occurred_utc: string;
  kind: InteractionKind;
  title: string;
  body: string;
  organization_id: number | null;
  organization_name: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

const EXCERPT_CHARS = 240;

const ENTRY_SELECT = `SELECT i.id, i.occurred_at, i.occurred_utc, i.kind, i.title, i.body, i.organization_id, o.name AS organization_name,
                             i.deleted_at, i.created_at, i.updated_at
                        FROM interactions i LEFT JOIN organizations o ON o.id = i.organization_id`;
const ROW_SELECT = `SELECT i.id, i.occurred_at, i.occurred_utc, i.kind, i.title, substr(i.body, 1, ${EXCERPT_CHARS + 1}) AS body,
                           i.organization_id, o.name AS organization_name, i.deleted_at, i.created_at, i.updated_at
                      FROM interactions i LEFT JOIN organizations o ON o.id = i.organization_id`;

/** Participants of many entries in one query. */
function participantsOf(db: Db, ids: readonly number[]): Map<number, Participant[]> {
  const out = new Map<number, Participant[]>();
  if (ids.length === 0) return out;
  const rows = stmt<{ interaction_id: number; id: number; display_name: string; archived_at: string | null }>(
    db,
    `SELECT ip.interaction_id, p.id, p.display_name, p.archived_at
       FROM interaction_participants ip JOIN people p ON p.id = ip.person_id
      WHERE ip.interaction_id IN (SELECT value FROM json_each(?))
      ORDER BY p.display_name COLLATE NOCASE, p.id`,
  ).all(JSON.stringify(ids));
  for (const r of rows) {
    let list = out.get(r.interaction_id);
    if (!list) out.set(r.interaction_id, (list = []));
    list.push({ id: r.id, displayName: r.display_name, archived: r.archived_at !== null });
  }
  return out;
}

function toEntry(r: EntryRecord, participants: Participant[]): JournalEntry {
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    kind: r.kind,
    title: r.title,
    body: r.body,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    participants,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * A one-line excerpt of Markdown for lists: the words a reader sees, not the
 * syntax ("**platform** team" → "platform team"), white space folded, cut at a
 * word. Only the start of the body is looked at, so a 2 MB note costs no more
 * than a short one.
 */
export function excerptOf(body: string): string {
  const head = body.slice(0, EXCERPT_CHARS * 4);
  const flat = stripMarkdown(head).replace(/\s+/gu, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return head.length < body.length ? `${flat}…` : flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The common Markdown marks removed, text kept (links keep their words, images their alt text). */
export function stripMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gmu, '') // headings, quotes, list markers
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gmu, ' ') // horizontal rules
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1') // images → alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1') // links → their words
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/gu, '$1') // strong
    .replace(/(?<![\p{L}\p{N}])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}])/gu, '$1') // strong, never inside a word
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/gu, '$1') // emphasis
    .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1') // emphasis, never inside a word (snake_case)
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/gu, '$1') // strikethrough
    .replace(/`+([^`]+)`+/gu, '$1'); // inline code
}

function toRows(db: Db, records: EntryRecord[]): JournalRow[] {
  const people = participantsOf(db, records.map((r) => r.id));
  return records.map((r) => {
    const { body, ...rest } = toEntry(r, people.get(r.id) ?? []);
    return { ...rest, excerpt: excerptOf(body) };
  });
}

export function getEntry(db: Db, id: number): JournalEntry {
  const row = stmt<EntryRecord>(db, `${ENTRY_SELECT} WHERE i.id = ?`).get(id);
  if (!row) throw notFound('journal entry', id);
  const entry = toEntry(row, participantsOf(db, [id]).get(id) ?? []);
  const mentions = mentionsOf(db, id); // issue 17: only when there are any, so older answers stay as they were
  return mentions.length > 0 ? { ...entry, mentions } : entry;
}

export function getEntryRows(db: Db, ids: readonly number[]): Map<number, JournalRow> {
  if (ids.length === 0) return new Map();
  const records = stmt<EntryRecord>(db, `${ROW_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  return new Map(toRows(db, records).map((r) => [r.id, r]));
}

/** The participant ids to store: known people, me dropped, new people created now (inside the caller's transaction). */
function resolveParticipants(db: Db, ids: readonly number[], newPeople: readonly { displayName: string }[]): number[] {
  const me = getMeId(db);
  const out: number[] = [];
  for (const id of ids) {
    if (id === me || out.includes(id)) continue;
    if (!personExists(db, id)) throw notFound('person', id);
    out.push(id);
  }
  out.push(...createPeople(db, newPeople));
  return out;
}

/** Creates people by name (inside the caller's transaction), for new participants and new mentions. */
function createPeople(db: Db, newPeople: readonly { displayName: string }[]): number[] {
  return newPeople.map((p) => createPerson(db, { displayName: p.displayName }).id);
}

function assertOrganization(db: Db, organizationId: number | null | undefined): void {
  if (organizationId === null || organizationId === undefined) return;
  if (!stmt(db, 'SELECT 1 FROM organizations WHERE id = ?').get(organizationId)) throw notFound('organization', organizationId);
}

function setParticipants(db: Db, entryId: number, personIds: readonly number[]): void {
  stmt(db, 'DELETE FROM interaction_participants WHERE interaction_id = ?').run(entryId);
  const insert = stmt(db, 'INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)');
  for (const p of personIds) insert.run(entryId, p);
}

/** Refuses a journal time that cannot be an instant in the user's zone (a DST gap), before anything is written. */
export function assertJournalTime(when: string): void {
  try {
    journalInstant(when, timeZone());
  } catch (error) {
    if (error instanceof JournalTimeError) throw new KithError('INVALID_INPUT', error.message);
    throw error;
  }
}

const needSomeone = () =>
  new KithError('INVALID_INPUT', 'An entry needs at least one person it was with (other than you). Add someone and save again.');

export function createEntry(db: Db, input: JournalCreate): JournalEntry {
  return db.transaction(() => getEntry(db, createEntryId(db, input)))();
}

/**
 * createEntry without reading the entry back: for imports that write tens of
 * thousands (issue 14), where the read-back was a third of the time.
 */
export function createEntryId(db: Db, input: JournalCreate): number {
  assertJournalTime(input.occurredAt);
  return db.transaction(() => {
    assertOrganization(db, input.organizationId);
    const participants = resolveParticipants(db, input.participantIds ?? [], input.newParticipants ?? []);
    if (participants.length === 0) throw needSomeone();
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO interactions (occurred_at, kind, title, body, organization_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.occurredAt, input.kind, input.title ?? '', input.body ?? '', input.organizationId ?? null, now, now).lastInsertRowid,
    );
    setParticipants(db, id, participants);
    const mentioned = [...(input.mentionIds ?? []), ...createPeople(db, input.newMentions ?? [])];
    if (mentioned.length) setMentions(db, id, mentioned, participants);
    return id;
  })();
}

export function updateEntry(db: Db, id: number, patch: JournalPatch): JournalEntry {
  if (patch.occurredAt !== undefined) assertJournalTime(patch.occurredAt);
  return db.transaction(() => {
    const current = getEntry(db, id);
    assertOrganization(db, patch.organizationId);
    const next = {
      occurredAt: patch.occurredAt ?? current.occurredAt,
      kind: patch.kind ?? current.kind,
      title: patch.title ?? current.title,
      body: patch.body ?? current.body,
      organizationId: patch.organizationId === undefined ? current.organizationId : patch.organizationId,
    };
    stmt(
      db,
      `UPDATE interactions SET occurred_at = ?, kind = ?, title = ?, body = ?, organization_id = ?, updated_at = ? WHERE id = ?`,
    ).run(next.occurredAt, next.kind, next.title, next.body, next.organizationId, nowIso(), id);
    if (patch.participantIds !== undefined || patch.newParticipants !== undefined) {
      const base = patch.participantIds ?? current.participants.map((p) => p.id);
      const participants = resolveParticipants(db, base, patch.newParticipants ?? []);
      if (participants.length === 0) throw needSomeone();
      setParticipants(db, id, participants);
    }
    if (patch.mentionIds !== undefined || patch.newMentions !== undefined) {
      const participants = (stmt(db, 'SELECT person_id FROM interaction_participants WHERE interaction_id = ?').all(id) as { person_id: number }[]).map((r) => r.person_id);
      const base = patch.mentionIds ?? (current.mentions ?? []).map((p) => p.id);
      setMentions(db, id, [...base, ...createPeople(db, patch.newMentions ?? [])], participants);
    }
    return getEntry(db, id);
  })();
}

/** Moves an entry to the trash (undo with restoreEntry). Deleting twice keeps the first time. */
export function deleteEntry(db: Db, id: number): JournalEntry {
  return db.transaction(() => {
    getEntry(db, id);
    stmt(db, 'UPDATE interactions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(nowIso(), id);
    return getEntry(db, id);
  })();
}

export function restoreEntry(db: Db, id: number): JournalEntry {
  return db.transaction(() => {
    getEntry(db, id);
    stmt(db, 'UPDATE interactions SET deleted_at = NULL WHERE id = ?').run(id);
    return getEntry(db, id);
  })();
}

/** Erases entries deleted before `before` (an ISO instant), for good. Returns how many. */
export function purgeDeletedEntries(db: Db, before: string): number {
  return stmt(db, 'DELETE FROM interactions WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before).changes;
}

function encodeCursor(r: { occurredUtc: string; id: number }): string {
  return `${r.id}@${r.occurredUtc}`;
}

function decodeCursor(cursor: string): { id: number; occurredUtc: string } {
  const m = /^(\d+)@(.+)$/u.exec(cursor);
  if (!m) throw new KithError('INVALID_INPUT', 'The journal page cursor is not valid. Reload the list.');
  return { id: Number(m[1]), occurredUtc: m[2]! };
}

/**
 * The journal, newest first (by when it happened, then by id), filtered by
 * kind, person, organization and local date range. Pages by `cursor` (the
 * previous page's nextCursor) or by `offset`.
 */
export function listEntries(db: Db, query: JournalQuery = {}): JournalPage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const deleted = query.deleted ?? 'exclude';
  if (deleted === 'exclude') where.push('i.deleted_at IS NULL');
  if (deleted === 'only') where.push('i.deleted_at IS NOT NULL');
  if (query.kinds && query.kinds.length > 0) {
    where.push('i.kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(query.kinds);
  }
  if (query.personId !== undefined) {
    where.push('i.id IN (SELECT interaction_id FROM interaction_participants WHERE person_id = @person)');
    params.person = query.personId;
  }
  if (query.organizationId !== undefined) {
    where.push('i.organization_id = @org');
    params.org = query.organizationId;
  }
  // Local dates, as the user meant them (migration 30).
  if (query.from) {
    where.push('i.occurred_date >= @from');
    params.from = query.from;
  }
  if (query.to) {
    where.push('i.occurred_date <= @to');
    params.to = query.to;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM interactions i ${filter}`).get(params) as { n: number }).n;

  const limit = query.limit ?? 50;
  const page = [...where];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    page.push('(i.occurred_utc < @cAt OR (i.occurred_utc = @cAt AND i.id < @cId))');
    params.cAt = c.occurredUtc;
    params.cId = c.id;
  }
  const records = db
    .prepare(
      `${ROW_SELECT} ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
        ORDER BY i.occurred_utc DESC, i.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: limit + 1, offset: query.cursor ? 0 : (query.offset ?? 0) }) as EntryRecord[];
  const more = records.length > limit;
  const kept = records.slice(0, limit);
  const items = toRows(db, kept);
  const last = kept[kept.length - 1];
  return { items, total, nextCursor: more && last ? encodeCursor({ id: last.id, occurredUtc: last.occurred_utc }) : null };
}

/** A person's last contact: the newest live entry with them, as an instant and as the local date the user meant. */
export interface LastContact {
  /** UTC instant, ISO ('2024-05-01T01:00:00.000Z'); a date-only entry counts at the end of its day. */
  utc: string;
  date: string;
}

/**
 * Newest non-deleted entry per person (what "last contact" means), for
 * everyone or for the people given, compared as instants (migration 30).
 */
export function lastEntryTimes(db: Db, personIds?: readonly number[]): Map<number, LastContact> {
  // SQLite's bare columns beside max() come from the row holding the maximum.
  const rows = personIds
    ? stmt<{ person_id: number; utc: string; date: string }>(
        db,
        `SELECT ip.person_id, max(i.occurred_utc) AS utc, i.occurred_date AS date
           FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
          WHERE i.deleted_at IS NULL AND ip.person_id IN (SELECT value FROM json_each(?))
          GROUP BY ip.person_id`,
      ).all(JSON.stringify(personIds))
    : stmt<{ person_id: number; utc: string; date: string }>(
        db,
        `SELECT ip.person_id, max(i.occurred_utc) AS utc, i.occurred_date AS date
           FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
          WHERE i.deleted_at IS NULL
          GROUP BY ip.person_id`,
      ).all();
  return new Map(rows.map((r) => [r.person_id, { utc: r.utc, date: r.date }]));
}

interface IntroductionRecord {
  id: number;
  introducer_id: number | null;
  requester_id: number;
  target_person_id: number | null;
  target_organization_id: number | null;
  status: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

/**
 * Everything about one person, newest first: journal entries with them,
 * introductions they are part of, favors, and follow-ups. Dates compare as
 * text (dates and date-times are ISO), so items of one day keep their order.
 */
export function getTimeline(db: Db, personId: number, limit = 200): TimelineItem[] {
  if (!personExists(db, personId)) throw notFound('person', personId);
  const items: TimelineItem[] = [];

  const entryIds = stmt<{ id: number }>(
    db,
    `SELECT i.id FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE ip.person_id = ? AND i.deleted_at IS NULL ORDER BY i.occurred_utc DESC, i.id DESC LIMIT ?`,
  ).all(personId, limit);
  const rows = getEntryRows(db, entryIds.map((r) => r.id));
  for (const { id } of entryIds) {
    const entry = rows.get(id)!;
    items.push({ type: 'entry', date: entry.occurredAt, entry });
  }

  // Read directly: the introductions service is another module (issue 4).
  const intros = stmt<IntroductionRecord>(
    db,
    `SELECT id, introducer_id, requester_id, target_person_id, target_organization_id, status, notes, created_at, updated_at
       FROM introductions WHERE introducer_id = @a OR requester_id = @a OR target_person_id = @a
      ORDER BY updated_at DESC LIMIT @b`,
  ).all({ a: personId, b: limit });
  for (const r of intros) {
    items.push({
      type: 'introduction',
      date: r.updated_at,
      introduction: {
        id: r.id,
        status: r.status,
        role: r.introducer_id === personId ? 'introducer' : r.target_person_id === personId ? 'target' : 'requester',
        introducerId: r.introducer_id,
        requesterId: r.requester_id,
        targetPersonId: r.target_person_id,
        targetOrganizationId: r.target_organization_id,
        notes: r.notes,
      },
    });
  }

  for (const favor of listFavorRecords(db, personId, limit)) items.push({ type: 'favor', date: favor.occurredOn, favor });
  for (const reminder of listReminderRecords(db, personId, limit)) items.push({ type: 'reminder', date: reminder.dueOn, reminder });

  items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return items.slice(0, limit);
}

// Small readers shared with favors.ts and reminders.ts (kept here so the
// timeline has no import cycle with them).

export interface FavorRecord {
  id: number;
  person_id: number;
  person_name: string;
  direction: FavorDirection;
  kind: FavorKind;
  occurred_on: string;
  note: string;
  interaction_id: number | null;
  acknowledged_at: string | null;
  created_at: string;
  updated_at: string;
}

export const FAVOR_SELECT = `SELECT f.*, p.display_name AS person_name FROM favors f JOIN people p ON p.id = f.person_id`;

export function toFavor(r: FavorRecord) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    direction: r.direction,
    kind: r.kind,
    occurredOn: r.occurred_on,
    note: r.note,
    interactionId: r.interaction_id,
    acknowledgedAt: r.acknowledged_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function listFavorRecords(db: Db, personId: number, limit: number) {
  return stmt<FavorRecord>(db, `${FAVOR_SELECT} WHERE f.person_id = ? ORDER BY f.occurred_on DESC, f.id DESC LIMIT ?`)
    .all(personId, limit)
    .map(toFavor);
}

export interface ReminderRecord {
  id: number;
  title: string;
  due_on: string;
  person_id: number | null;
  person_name: string | null;
  interaction_id: number | null;
  snoozed_until: string | null;
  done_at: string | null;
  dismissed_at: string | null;
  created_at: string;
  updated_at: string;
}

export const REMINDER_SELECT = `SELECT r.*, p.display_name AS person_name FROM reminders r LEFT JOIN people p ON p.id = r.person_id`;

export function toReminder(r: ReminderRecord) {
  return {
    id: r.id,
    title: r.title,
    dueOn: r.due_on,
    personId: r.person_id,
    personName: r.person_name,
    interactionId: r.interaction_id,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
    dismissedAt: r.dismissed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function listReminderRecords(db: Db, personId: number, limit: number) {
  return stmt<ReminderRecord>(db, `${REMINDER_SELECT} WHERE r.person_id = ? ORDER BY r.due_on DESC, r.id DESC LIMIT ?`)
    .all(personId, limit)
    .map(toReminder);
}
