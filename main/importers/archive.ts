// LinkedIn's data archive (issue 13): the zip, its unzipped folder, or any one
// of its CSV files. Each file is told apart by its header, never its name;
// connections go through the shared plan/commit path (plan.ts, commit.ts), and
// this module plans and writes what the other files add:
//   - messages.csv: one journal entry of kind "message" per conversation and
//     UTC day, with its participants who are in Kith (through the journal
//     service); me is the profile URL present in every conversation;
//   - Invitations.csv: the invitation's words fill an empty "how we met";
//   - Notes.csv: dated lines in the person's notes (never a contact);
//   - Positions.csv: my own affiliations;
//   - Recommendations_*.csv: favors (references) received or given.
// Preview and commit are made from the same plan; the commit plans again
// inside its one transaction.
import { LIMITS } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import type { ArchiveSummary, ImportEncoding, ImportIssue, ImportPreview, ImportResult } from '../../shared/importExport';
import { nameKey } from '../../shared/text';
import type { Db } from '../db/open';
import { createEntry } from '../services/journal';
import { getMeId } from '../services/people';
import { nowIso } from '../services/util';
import { applyPlan, importBatchAfter, importResultOf, lastPersonId, summaryOf, type CommitOptions } from './commit';
import { recordImport } from './importLog';
import { findTable } from './csv';
import { decodeBytes } from './decode';
import { parseLinkedInConnections } from './linkedin';
import { isInvitationsHeader, parseLinkedInInvitations, type Invitation } from './linkedinInvitations';
import { findMessagesTable, parseLinkedInMessages, type ConversationDay, type ParsedMessages } from './linkedinMessages';
import { isNotesHeader, parseLinkedInNotes, type ConnectionNote } from './linkedinNotes';
import { isPositionsHeader, parseLinkedInPositions, type OwnPosition } from './linkedinPositions';
import { isRecommendationsHeader, parseLinkedInRecommendations, type Recommendation } from './linkedinRecommendations';
import { isLinkedInProfile, normalizeLinkedInUrl } from './normalize';
import { looseOrgKey, planImport, type ImportPlan, type PersonState, type PlanOptions } from './plan';
import type { ImportedPerson, ParsedImport } from './types';
import type { ArchiveFile } from './zip';

/** Conversations with more people than this are left out: a group that large is not a contact with each (issue 13). */
export const MAX_CONVERSATION_PEOPLE = 8;
const SENDER_TIE_STRENGTH = 1;

export interface ArchiveInput {
  files: ArchiveFile[];
  /** Entries of the zip or folder already left out, with why. */
  skipped: ImportIssue[];
}

export interface ArchiveOptions extends PlanOptions {
  /** Keys of items offered unticked that the user ticked (`sender <url>`). */
  include?: readonly string[];
  /** Import the messages' text (off by default). */
  messageText?: boolean;
}

export interface ParsedArchive {
  files: ArchiveSummary['files'];
  connections: ParsedImport | null;
  messages: ParsedMessages | null;
  invitations: Invitation[];
  notes: ConnectionNote[];
  positions: OwnPosition[];
  recommendations: Recommendation[];
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

/** Issues of one file, named by it: `messages.csv line 4`. */
function inFile(name: string, issues: readonly ImportIssue[]): ImportIssue[] {
  return issues.map((i) => ({ ...i, where: `${name} ${i.where}` }));
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

function isConnectionsHeader(cells: readonly string[]): boolean {
  return cells.includes('first name') && cells.includes('last name') && (cells.includes('connected on') || cells.includes('url'));
}

export type ArchiveFileKind = ArchiveSummary['files'][number]['kind'];

/** What one decoded file of the archive is, by its header: for a single CSV, whether it needs the archive path. */
export function archiveKindOf(text: string, delimiter: ',' | '\t'): ArchiveFileKind {
  try {
    if (findMessagesTable(text, delimiter)) return 'messages';
    if (findTable(text, isInvitationsHeader, 'the file', delimiter)) return 'invitations';
    if (findTable(text, isNotesHeader, 'the file', delimiter)) return 'notes';
    if (findTable(text, isPositionsHeader, 'the file', delimiter)) return 'positions';
    if (findTable(text, isRecommendationsHeader, 'the file', delimiter)) return 'recommendations';
  } catch (error) {
    if (!(error instanceof KithError)) throw error;
  }
  return 'connections';
}

/** Reads every file of the archive, each recognised by its header. */
export function parseArchive(input: ArchiveInput): ParsedArchive {
  const out: ParsedArchive = {
    files: [],
    connections: null,
    messages: null,
    invitations: [],
    notes: [],
    positions: [],
    recommendations: [],
    skipped: [...input.skipped],
    warnings: [],
  };
  for (const file of input.files) {
    const name = baseName(file.name);
    const decoded = decodeBytes(file.bytes);
    const { text, delimiter } = decoded;
    const encoding: ImportEncoding = decoded.encoding;
    const warn = (issues: readonly ImportIssue[]) => out.warnings.push(...inFile(name, issues));
    const skip = (issues: readonly ImportIssue[]) => out.skipped.push(...inFile(name, issues));
    warn(decoded.warnings);
    const record = (kind: ArchiveSummary['files'][number]['kind'], rows: number) => out.files.push({ name: file.name, kind, rows, encoding });
    try {
      const messages = findMessagesTable(text, delimiter);
      if (messages) {
        const parsed = parseLinkedInMessages(messages);
        record('messages', messages.rows.length);
        skip(parsed.skipped);
        warn(parsed.warnings);
        if (out.messages) {
          // A second messages file (an archive split in parts): one set of conversations.
          const days = new Map(out.messages.days.map((d) => [d.key, d]));
          for (const d of parsed.days) if (!days.has(d.key)) out.messages.days.push(d);
          for (const [id, urls] of parsed.conversationUrls) {
            const all = out.messages.conversationUrls.get(id) ?? new Set<string>();
            for (const u of urls) all.add(u);
            out.messages.conversationUrls.set(id, all);
          }
          out.messages.messages += parsed.messages;
          out.messages.leftOut.drafts += parsed.leftOut.drafts;
          out.messages.leftOut.spam += parsed.leftOut.spam;
          out.messages.leftOut.sponsored += parsed.leftOut.sponsored;
        } else out.messages = parsed;
        continue;
      }
      const invitations = findTable(text, isInvitationsHeader, name, delimiter);
      if (invitations) {
        const parsed = parseLinkedInInvitations(invitations);
        record('invitations', invitations.rows.length);
        out.invitations.push(...parsed.invitations);
        skip(parsed.skipped);
        warn(parsed.warnings);
        continue;
      }
      const notes = findTable(text, isNotesHeader, name, delimiter);
      if (notes) {
        const parsed = parseLinkedInNotes(notes);
        record('notes', notes.rows.length);
        out.notes.push(...parsed.notes);
        skip(parsed.skipped);
        continue;
      }
      const positions = findTable(text, isPositionsHeader, name, delimiter);
      if (positions) {
        const parsed = parseLinkedInPositions(positions);
        record('positions', positions.rows.length);
        out.positions.push(...parsed.positions);
        skip(parsed.skipped);
        warn(parsed.warnings);
        continue;
      }
      const recommendations = findTable(text, isRecommendationsHeader, name, delimiter);
      if (recommendations) {
        const parsed = parseLinkedInRecommendations(recommendations, name);
        record('recommendations', recommendations.rows.length);
        out.recommendations.push(...parsed.recommendations);
        skip(parsed.skipped);
        continue;
      }
      let connections: ParsedImport | null = null;
      try {
        connections = parseLinkedInConnections(text, delimiter);
        // Other files of the archive start "First Name,Last Name," too (Profile.csv): connections have a URL or a date column.
        const byShape = connections.warnings.some((w) => w.message.includes('recognised by their shape'));
        if (!byShape && !findTable(text, isConnectionsHeader, name, delimiter)) connections = null;
      } catch (error) {
        if (!(error instanceof KithError)) throw error;
      }
      if (connections) {
        record('connections', connections.records.length + connections.skipped.length);
        for (const r of connections.records) r.ref = { ...r.ref, key: `${name} ${r.ref.key}`, where: `${name} ${r.ref.where}` };
        connections.skipped = inFile(name, connections.skipped);
        connections.warnings = inFile(name, connections.warnings);
        if (out.connections) {
          out.connections.records.push(...connections.records);
          out.connections.skipped.push(...connections.skipped);
          out.connections.warnings.push(...connections.warnings);
        } else out.connections = connections;
        continue;
      }
      record('other', 0);
    } catch (error) {
      if (!(error instanceof KithError)) throw error;
      // One unreadable file (a broken quote) is left out with its reason; the rest is read.
      out.skipped.push({ where: `file ${file.name}`, line: null, card: null, message: error.message });
      record('other', 0);
    }
  }
  if (out.files.every((f) => f.kind === 'other')) {
    const why = out.skipped.length ? ` (${out.skipped.slice(0, 3).map((s) => `${s.where}: ${s.message}`).join('; ')})` : '';
    throw new KithError(
      'INVALID_INPUT',
      `This is not LinkedIn's data archive: none of its files is Connections.csv, messages.csv, Invitations.csv, Notes.csv, Positions.csv or Recommendations${why}. ` +
        'Choose the zip LinkedIn sent (Basic_LinkedInDataExport_….zip), its unzipped folder, or one of its CSV files. Nothing was imported.',
    );
  }
  return out;
}

type PersonHandle = number | PersonState;

interface PlannedEntry {
  day: ConversationDay;
  occurredAt: string;
  title: string;
  body: string;
  participants: PersonHandle[];
}

export interface ArchivePlan {
  contacts: ImportPlan;
  me: string | null;
  setMyUrl: boolean;
  entries: PlannedEntry[];
  howWeMet: Map<PersonHandle, string>;
  notes: Map<PersonHandle, string[]>;
  positions: (OwnPosition & { isNew: boolean })[];
  favors: { person: PersonHandle; rec: Recommendation }[];
  summary: ArchiveSummary;
  preview: ImportPreview;
}

function intersect(sets: Iterable<Set<string>>): Set<string> | null {
  let acc: Set<string> | null = null;
  for (const s of sets) {
    if (acc === null) acc = new Set(s);
    else for (const u of acc) if (!s.has(u)) acc.delete(u);
  }
  return acc;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Plans what the archive would write (reads only). */
export function planArchive(db: Db, parsed: ParsedArchive, options: ArchiveOptions = {}): ArchivePlan {
  const meId = getMeId(db);
  const myStoredUrl = normalizeLinkedInUrl((db.prepare('SELECT linkedin_url FROM people WHERE id = ?').pluck().get(meId) as string | null) ?? '');
  const included = new Set(options.include ?? []);
  const messageText = options.messageText === true;

  // Profile URLs already in Kith, in today's canonical form.
  const stored = new Map<string, number>();
  for (const r of db.prepare('SELECT id, linkedin_url FROM people WHERE is_me = 0 AND linkedin_url IS NOT NULL ORDER BY id').all() as {
    id: number;
    linkedin_url: string;
  }[]) {
    const url = normalizeLinkedInUrl(r.linkedin_url);
    if (url && !stored.has(url)) stored.set(url, r.id);
  }
  for (const a of db.prepare(`SELECT person_id, value FROM person_aliases WHERE kind = 'linkedin'`).all() as { person_id: number; value: string }[]) {
    if (!stored.has(a.value)) stored.set(a.value, a.person_id);
  }
  const connectionUrls = new Set<string>();
  for (const r of parsed.connections?.records ?? []) if (r.kind === 'person' && r.linkedinUrl) connectionUrls.add(r.linkedinUrl);

  // Me: the profile URL in every conversation (and every invitation), that is not a connection.
  const messages = parsed.messages;
  let me: string | null = null;
  const candidates =
    intersect(messages ? messages.conversationUrls.values() : []) ??
    intersect(parsed.invitations.map((i) => new Set([i.inviter, i.invitee].filter((u): u is string => u !== null))));
  if (candidates) {
    for (const u of [...candidates]) if (connectionUrls.has(u) || stored.has(u)) candidates.delete(u);
    if (myStoredUrl && candidates.has(myStoredUrl)) me = myStoredUrl;
    else if (candidates.size === 1) me = [...candidates][0]!;
  }
  if (!me && myStoredUrl) me = myStoredUrl;
  const warnings: ImportIssue[] = [...parsed.warnings];
  if (!me && (messages?.days.length ?? 0) > 0) {
    warnings.push({
      where: 'messages.csv',
      line: null,
      card: null,
      message: 'Kith could not tell which profile is yours (no one profile is in every conversation); your own messages count as anyone else’s',
    });
  }

  // Senders who are neither connections nor in Kith: offered as new people, unticked.
  const senderInfo = new Map<string, { name: string; messages: number }>();
  const isLarge = (d: ConversationDay) => (messages!.conversationUrls.get(d.conversationId) ?? d.urls).size > MAX_CONVERSATION_PEOPLE;
  if (messages) {
    for (const d of messages.days) {
      // A conversation left out does not make its senders worth offering.
      if (isLarge(d)) continue;
      for (const m of d.messages) {
        if (m.from === me || connectionUrls.has(m.from) || stored.has(m.from) || !isLinkedInProfile(m.from)) continue;
        const s = senderInfo.get(m.from);
        if (s) s.messages++;
        else senderInfo.set(m.from, { name: m.fromName, messages: 1 });
      }
    }
  }
  const senders: ArchiveSummary['senders'] = [...senderInfo]
    .filter(([, s]) => s.name.trim().length > 0)
    .map(([url, s]) => ({ key: `sender ${url}`, name: clip(s.name, LIMITS.name), url, messages: s.messages, included: included.has(`sender ${url}`) }))
    .sort((a, b) => b.messages - a.messages || a.name.localeCompare(b.name));
  const senderRecords: ImportedPerson[] = senders
    .filter((s) => s.included)
    .map((s, i) => {
      const parts = s.name.split(' ');
      return {
        kind: 'person',
        ref: { key: s.key, where: `messages.csv sender ${i + 1}`, line: 0, card: null },
        displayName: s.name,
        givenName: parts.length > 1 ? parts[0]! : '',
        familyName: parts.length > 1 ? parts.slice(1).join(' ') : '',
        emails: [],
        phones: [],
        links: [],
        linkedinUrl: s.url,
        notes: '',
        tags: [],
        affiliation: null,
        tieWithMe: { strength: SENDER_TIE_STRENGTH, since: null, context: 'LinkedIn messages' },
      };
    });

  const contactsParsed: ParsedImport = {
    format: 'linkedin',
    records: [...(parsed.connections?.records ?? []), ...senderRecords],
    relations: [],
    skipped: [...(parsed.connections?.skipped ?? []), ...parsed.skipped],
    warnings: [...(parsed.connections?.warnings ?? []), ...warnings],
    currentJobs: true,
  };
  const contacts = planImport(db, contactsParsed, options);

  // Every profile URL to the person it is in Kith after this import.
  const byUrl = new Map<string, PersonHandle>(stored);
  for (const s of contacts.people) if (s.linkedinUrl && (s.id === null || !byUrl.has(s.linkedinUrl))) byUrl.set(s.linkedinUrl, s.id ?? s);
  const handleOf = (url: string | null): PersonHandle | undefined => (url ? byUrl.get(url) : undefined);

  // Conversations.
  const imported = new Set(db.prepare(`SELECT key FROM import_keys WHERE source = 'linkedin-conversation'`).pluck().all() as string[]);
  const stats = { entries: 0, alreadyImported: 0, largeConversations: 0, withNobodyKnown: 0 };
  const large = new Set<string>();
  const entries: PlannedEntry[] = [];
  for (const d of messages?.days ?? []) {
    if (isLarge(d)) {
      large.add(d.conversationId);
      continue;
    }
    if (imported.has(d.key)) {
      stats.alreadyImported++;
      continue;
    }
    const participants: PersonHandle[] = [];
    for (const u of d.urls) {
      if (u === me) continue;
      const h = handleOf(u);
      if (h !== undefined && !participants.includes(h)) participants.push(h);
    }
    if (participants.length === 0) {
      stats.withNobodyKnown++;
      continue;
    }
    const n = d.messages.length;
    const counted = `${n} message${n === 1 ? '' : 's'} exchanged on LinkedIn.`;
    let body = counted;
    if (messageText) {
      const lines = d.messages.map((m) => `**${m.from === me ? 'Me' : m.fromName || 'Someone'}** (${m.at.slice(11, 16)} UTC): ${m.text.replace(/\r\n?/g, '\n').trim()}`);
      body = clip(`${counted}\n\n${lines.join('\n\n')}`, LIMITS.longText);
    }
    entries.push({
      day: d,
      occurredAt: d.messages[d.messages.length - 1]!.at,
      title: clip(d.title ? `LinkedIn: ${d.title}` : 'LinkedIn messages', LIMITS.shortText),
      body,
      participants,
    });
  }
  stats.entries = entries.length;
  stats.largeConversations = large.size;

  // Invitations: the words fill an empty "how we met".
  const emptyHowWeMet = new Set(db.prepare(`SELECT id FROM people WHERE how_we_met = '' AND is_me = 0`).pluck().all() as number[]);
  const howWeMet = new Map<PersonHandle, string>();
  for (const inv of parsed.invitations) {
    if (!inv.message) continue;
    const other = inv.inviter === me || inv.direction === 'outgoing' ? inv.invitee : inv.inviter;
    const h = handleOf(other);
    if (h === undefined || howWeMet.has(h)) continue;
    if (typeof h === 'number' ? !emptyHowWeMet.has(h) : h.id !== null && !emptyHowWeMet.has(h.id)) continue;
    howWeMet.set(h, clip(inv.message, LIMITS.longText));
  }

  // Notes: dated lines, once.
  const notesOf = new Map<number, string>();
  const notes = new Map<PersonHandle, string[]>();
  const noteText = (n: ConnectionNote) => `LinkedIn note${n.createdOn ? `, ${n.createdOn}` : ''}: ${n.text}`;
  for (const n of parsed.notes) {
    const h = handleOf(n.url);
    if (h === undefined) {
      warnings.push({ where: `Notes.csv line ${n.line}`, line: n.line, card: null, message: `${n.name || 'this connection'} is not in Kith; the note was left out` });
      continue;
    }
    const id = typeof h === 'number' ? h : h.id;
    let current = typeof h === 'number' ? '' : h.notes;
    if (id !== null) {
      if (!notesOf.has(id)) notesOf.set(id, (db.prepare('SELECT notes FROM people WHERE id = ?').pluck().get(id) as string) ?? '');
      current = notesOf.get(id)!;
    }
    const line = noteText(n);
    if (current.includes(n.text)) continue;
    const list = notes.get(h) ?? [];
    if (!list.includes(line)) list.push(line);
    notes.set(h, list);
  }

  // Positions: my affiliations, once each (same organization and start).
  const mine = db
    .prepare(
      `SELECT k.name_key, a.title, a.start_date FROM affiliations a
         JOIN (SELECT id, name_key FROM organizations UNION ALL SELECT organization_id, name_key FROM organization_aliases) k ON k.id = a.organization_id
        WHERE a.person_id = ?`,
    )
    .all(meId) as { name_key: string; title: string; start_date: string | null }[];
  const positions = parsed.positions.map((p) => {
    const key = looseOrgKey(nameKey(p.organization));
    const isNew = !mine.some((m) => looseOrgKey(m.name_key) === key && (m.start_date === p.startDate || m.title === p.title));
    return { ...p, isNew };
  });

  // Recommendations: favors, by the recommender's unique name.
  const byName = new Map<string, PersonHandle[]>();
  const addName = (name: string, h: PersonHandle) => {
    const k = nameKey(name);
    const list = byName.get(k) ?? [];
    if (!list.includes(h)) list.push(h);
    byName.set(k, list);
  };
  for (const r of db.prepare('SELECT id, display_name FROM people WHERE is_me = 0').all() as { id: number; display_name: string }[]) addName(r.display_name, r.id);
  for (const s of contacts.people) if (s.id === null) addName(s.displayName, s);
  const favorKeys = new Set(
    (db.prepare(`SELECT person_id || '|' || direction || '|' || occurred_on FROM favors WHERE kind = 'reference'`).pluck().all() as string[]),
  );
  const favors: ArchivePlan['favors'] = [];
  for (const rec of parsed.recommendations) {
    const where = { where: `Recommendations line ${rec.line}`, line: rec.line, card: null };
    const list = byName.get(nameKey(rec.name)) ?? [];
    if (list.length !== 1) {
      warnings.push({ ...where, message: list.length === 0 ? `${rec.name} is not in Kith; the recommendation was left out` : `more than one ${rec.name} is in Kith; the recommendation was left out` });
      continue;
    }
    if (!rec.on) {
      warnings.push({ ...where, message: 'the recommendation has no date Kith understands; it was left out' });
      continue;
    }
    const h = list[0]!;
    if (typeof h === 'number' && favorKeys.has(`${h}|${rec.direction}|${rec.on}`)) continue;
    favors.push({ person: h, rec });
  }

  const setMyUrl = me !== null && myStoredUrl === null;
  const summary: ArchiveSummary = {
    files: parsed.files,
    me,
    messages: {
      messages: messages?.messages ?? 0,
      entries: stats.entries,
      alreadyImported: stats.alreadyImported,
      largeConversations: stats.largeConversations,
      drafts: messages?.leftOut.drafts ?? 0,
      spam: messages?.leftOut.spam ?? 0,
      sponsored: messages?.leftOut.sponsored ?? 0,
      withNobodyKnown: stats.withNobodyKnown,
    },
    senders,
    messageText,
    howWeMet: howWeMet.size,
    notes: [...notes.values()].reduce((n, l) => n + l.length, 0),
    positions: positions.map((p) => ({ organization: p.organization, title: p.title, startDate: p.startDate, endDate: p.endDate, isNew: p.isNew })),
    favors: favors.length,
  };
  const addsMore = entries.length + howWeMet.size + summary.notes + favors.length + positions.filter((p) => p.isNew).length + (setMyUrl ? 1 : 0) > 0;
  const preview: ImportPreview = {
    ...contacts.preview,
    warnings: contacts.preview.warnings,
    archive: summary,
    nothingToDo: contacts.preview.nothingToDo && !addsMore,
  };
  return { contacts, me, setMyUrl, entries, howWeMet, notes, positions, favors, summary, preview };
}

/** Applies an archive plan; runs inside the commit's transaction. Journal entries go through the journal service. */
function applyArchive(db: Db, plan: ArchivePlan): void {
  if (!plan.contacts.preview.nothingToDo) applyPlan(db, plan.contacts);
  const idOf = (h: PersonHandle): number => (typeof h === 'number' ? h : h.id!);
  const now = nowIso();
  const meId = plan.contacts.meId;
  if (plan.setMyUrl && plan.me) db.prepare(`UPDATE people SET linkedin_url = ?, updated_at = ? WHERE id = ? AND linkedin_url IS NULL`).run(plan.me, now, meId);

  const remember = db.prepare(`INSERT OR IGNORE INTO import_keys (source, key, interaction_id, created_at) VALUES ('linkedin-conversation', ?, ?, ?)`);
  for (const e of plan.entries) {
    const entry = createEntry(db, { occurredAt: e.occurredAt, kind: 'message', title: e.title, body: e.body, participantIds: e.participants.map(idOf) });
    remember.run(e.day.key, entry.id, now);
  }

  const setHowWeMet = db.prepare(`UPDATE people SET how_we_met = ?, updated_at = ? WHERE id = ? AND how_we_met = ''`);
  for (const [h, text] of plan.howWeMet) setHowWeMet.run(text, now, idOf(h));

  const getNotes = db.prepare('SELECT notes FROM people WHERE id = ?').pluck();
  const setNotes = db.prepare('UPDATE people SET notes = ?, updated_at = ? WHERE id = ?');
  for (const [h, lines] of plan.notes) {
    const id = idOf(h);
    const current = (getNotes.get(id) as string) ?? '';
    const next = clip([current, ...lines].filter((t) => t.trim()).join('\n\n'), LIMITS.longText);
    if (next !== current) setNotes.run(next, now, id);
  }

  const findOrg = db.prepare('SELECT id, name_key FROM organizations');
  const insertOrg = db.prepare(`INSERT INTO organizations (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)`);
  const insertAffiliation = db.prepare(
    `INSERT INTO affiliations (person_id, organization_id, title, start_date, end_date, is_current, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const orgIds = new Map<string, number>();
  for (const o of findOrg.all() as { id: number; name_key: string }[]) if (!orgIds.has(looseOrgKey(o.name_key))) orgIds.set(looseOrgKey(o.name_key), o.id);
  for (const o of db.prepare('SELECT organization_id AS id, name_key FROM organization_aliases').all() as { id: number; name_key: string }[]) {
    if (!orgIds.has(looseOrgKey(o.name_key))) orgIds.set(looseOrgKey(o.name_key), o.id);
  }
  for (const p of plan.positions) {
    if (!p.isNew) continue;
    const key = nameKey(p.organization);
    let orgId = orgIds.get(looseOrgKey(key));
    if (orgId === undefined) {
      orgId = Number(insertOrg.run(p.organization, key, now, now).lastInsertRowid);
      orgIds.set(looseOrgKey(key), orgId);
    }
    insertAffiliation.run(meId, orgId, p.title, p.startDate, p.endDate, p.endDate ? 0 : 1, now, now);
  }

  const insertFavor = db.prepare(
    `INSERT INTO favors (person_id, direction, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, 'reference', ?, ?, ?, ?)`,
  );
  for (const f of plan.favors) insertFavor.run(idOf(f.person), f.rec.direction, f.rec.on, clip(`LinkedIn recommendation: ${f.rec.text}`, LIMITS.longText), now, now);
}

export function previewArchive(db: Db, input: ArchiveInput, options: ArchiveOptions = {}): ImportPreview {
  return planArchive(db, parseArchive(input), options).preview;
}

export function commitArchive(db: Db, input: ArchiveInput, options: ArchiveOptions & CommitOptions = {}): ImportResult {
  const parsed = parseArchive(input);
  if (options.backupBeforeImport && !planArchive(db, parsed, options).preview.nothingToDo) options.backupBeforeImport(db);
  return db.transaction(() => {
    const plan = planArchive(db, parsed, options);
    const lastPerson = lastPersonId(db);
    if (!plan.preview.nothingToDo) recordImport(db, 'linkedin', () => summaryOf(plan.preview), () => applyArchive(db, plan));
    return importResultOf(plan.preview, importBatchAfter(db, lastPerson));
  })();
}
