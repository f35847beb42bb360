// Calendars and mail into the journal (issue 14): plan and commit, for the
// IPC handlers and the CLI alike. Parsing is calendar.ts (pure) and mbox.ts
// (streamed); here the items meet the database:
//   - people are matched by e-mail (their e-mails and the aliases merges kept);
//   - me is any address in the setting `myEmails` or on my own person;
//   - what was imported before is known by its import key (migration 80) and
//     not added again; a series' month that met again since is brought up to
//     date (its count and last date) instead;
//   - people not in Kith are offered, unticked; ticked ones are added with a
//     tie with me at strength 1.
// The commit plans again inside its one transaction, writes journal entries
// through the journal service and logs the import so it can be undone.
import type { LabeledValue } from '../../shared/domain';
import { LIMITS } from '../../shared/domain';
import { DEFAULT_MAX_ATTENDEES, type CalendarSummary, type HistoryPreview, type HistoryResult, type MailSummary, type OfferedPerson } from '../../shared/history';
import type { ImportIssue } from '../../shared/importExport';
import { nowMs, timeZone } from '../../shared/clock';
import type { Db } from '../db/open';
import { createEntryId, updateEntry } from '../services/journal';
import { createPerson, getMeId } from '../services/people';
import { getSetting, setSetting } from '../services/settings';
import { createTie } from '../services/ties';
import { nowIso } from '../services/util';
import { monthName, parseCalendar, type ParsedCalendar } from './calendar';
import { recordImport } from './importLog';
import { MAX_RECIPIENTS, type ParsedMail } from './mbox';
import { emailKey } from './normalize';

export const MY_EMAILS_SETTING = 'myEmails';
/** The preview lists at most this many people not in Kith (most seen first). */
const MAX_OFFERED = 500;

export interface HistoryOptions {
  maxAttendees?: number | undefined;
  include?: readonly string[] | undefined;
  /** Addresses given with this import; the commit keeps them as the setting. */
  myEmails?: readonly string[] | undefined;
  backupBeforeImport?: ((db: Db) => void) | undefined;
}

export type ParsedHistory = { source: 'ics'; calendar: ParsedCalendar } | { source: 'mbox'; mail: ParsedMail };

/** The addresses set as mine (Settings), without my own person's. */
export function getMyEmailSetting(db: Db): string[] {
  const value = getSetting<unknown>(db, MY_EMAILS_SETTING, []);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function setMyEmailSetting(db: Db, emails: readonly string[]): string[] {
  const clean = [...new Set(emails.map(emailKey).filter((e) => /^[^\s@]+@[^\s@]+$/.test(e)))];
  setSetting(db, MY_EMAILS_SETTING, clean);
  return clean;
}

/** Every address that is me: the request's (or the setting's) and my own person's e-mails. */
export function myEmailsOf(db: Db, given?: readonly string[]): Set<string> {
  const set = new Set((given ?? getMyEmailSetting(db)).map(emailKey));
  const row = db.prepare('SELECT emails FROM people WHERE id = ?').pluck().get(getMeId(db)) as string | undefined;
  for (const v of row ? (JSON.parse(row) as LabeledValue[]) : []) set.add(emailKey(v.value));
  return set;
}

export function parseCalendarText(db: Db, text: string, options: HistoryOptions): ParsedHistory {
  return { source: 'ics', calendar: parseCalendar(text, { myEmails: myEmailsOf(db, options.myEmails), nowMs: nowMs(), zone: timeZone() }) };
}

/** Who has which address in Kith (me excluded). */
function peopleByEmail(db: Db): Map<string, number> {
  const byEmail = new Map<string, number>();
  for (const r of db.prepare('SELECT id, emails FROM people WHERE is_me = 0 ORDER BY id').all() as { id: number; emails: string }[]) {
    for (const v of JSON.parse(r.emails) as LabeledValue[]) {
      const k = emailKey(v.value);
      if (!byEmail.has(k)) byEmail.set(k, r.id);
    }
  }
  for (const a of db.prepare(`SELECT person_id, value FROM person_aliases WHERE kind = 'email'`).all() as { person_id: number; value: string }[]) {
    if (!byEmail.has(a.value)) byEmail.set(a.value, a.person_id);
  }
  return byEmail;
}

type Who = number | string; // a person's id, or the e-mail of a ticked new person

interface PlannedEntry {
  source: 'calendar-event' | 'calendar-series-month' | 'mail-day';
  /** Import key; for mail, completed with the person's id at commit. */
  key: string;
  kind: 'meeting' | 'email';
  occurredAt: string;
  title: string;
  body: string;
  people: Who[];
  /** An earlier import's entry to bring up to date (a series' month that met again since). */
  updates: number | null;
}

export interface HistoryPlan {
  entries: PlannedEntry[];
  newPeople: { email: string; name: string; context: string }[];
  preview: HistoryPreview;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));

function importedKeys(db: Db, source: string): Map<string, number | null> {
  const rows = db
    .prepare(`SELECT k.key, i.id FROM import_keys k LEFT JOIN interactions i ON i.id = k.interaction_id AND i.deleted_at IS NULL WHERE k.source = ?`)
    .raw()
    .all(source) as [string, number | null][];
  return new Map(rows);
}

function offeredList(seen: Map<string, { name: string; items: number }>, included: ReadonlySet<string>): OfferedPerson[] {
  return [...seen]
    .map(([email, s]) => ({ key: `attendee ${email}`, name: s.name, email, items: s.items, included: included.has(`attendee ${email}`) }))
    .sort((a, b) => Number(b.included) - Number(a.included) || b.items - a.items || a.email.localeCompare(b.email))
    .slice(0, MAX_OFFERED);
}

export function planHistory(db: Db, parsed: ParsedHistory, options: HistoryOptions = {}): HistoryPlan {
  const byEmail = peopleByEmail(db);
  const included = new Set(options.include ?? []);
  const myEmails = [...myEmailsOf(db, options.myEmails)].sort();
  const entries: PlannedEntry[] = [];
  const skipped: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const seen = new Map<string, { name: string; items: number }>();
  const isTicked = (email: string) => included.has(`attendee ${email}`);
  let calendar: CalendarSummary | undefined;
  let mail: MailSummary | undefined;

  if (parsed.source === 'ics') {
    const c = parsed.calendar;
    const maxAttendees = options.maxAttendees ?? DEFAULT_MAX_ATTENDEES;
    const keys = new Map([...importedKeys(db, 'calendar-event'), ...importedKeys(db, 'calendar-series-month')]);
    const existingBodies = db.prepare('SELECT occurred_at, title, body FROM interactions WHERE id = ?');
    calendar = {
      events: c.events,
      entries: 0,
      seriesMonths: 0,
      occurrences: 0,
      alreadyImported: 0,
      updated: 0,
      maxAttendees,
      leftOut: { ...c.leftOut, tooManyAttendees: 0, noMatchedAttendee: 0 },
    };
    skipped.push(...c.skipped);
    warnings.push(...c.warnings);
    for (const item of c.items) {
      if (item.attendeeCount > maxAttendees) {
        calendar.leftOut.tooManyAttendees += item.count;
        continue;
      }
      const people: Who[] = [];
      for (const p of item.people) {
        const id = byEmail.get(p.email);
        if (id !== undefined) {
          if (!people.includes(id)) people.push(id);
          continue;
        }
        const s = seen.get(p.email);
        if (s) s.items++;
        else seen.set(p.email, { name: p.name, items: 1 });
        if (isTicked(p.email)) people.push(p.email);
      }
      if (people.length === 0) {
        calendar.leftOut.noMatchedAttendee += item.count;
        continue;
      }
      const series = item.source === 'calendar-series-month';
      const title = clip(series ? `${item.title} (${item.count}× in ${monthName(item.month!)})` : item.title, 300);
      const body = series
        ? `Met ${plural(item.count, 'time')} in ${monthName(item.month!)}, last on ${longDate(item.lastDate)} (a recurring meeting, from your calendar).`
        : 'From your calendar.';
      let updates: number | null = null;
      if (keys.has(item.key)) {
        const entryId = keys.get(item.key) ?? null;
        const current = entryId === null ? undefined : (existingBodies.get(entryId) as { occurred_at: string; title: string; body: string } | undefined);
        // A month that met again since the last import is brought up to date, unless its entry was deleted or edited.
        const stale = series && current && current.body !== body && /^Met \d+ times? in /.test(current.body) && current.occurred_at < item.occurredAt;
        if (!stale) {
          calendar.alreadyImported++;
          continue;
        }
        updates = entryId;
        calendar.updated++;
      } else calendar.entries++;
      if (series && updates === null) {
        calendar.seriesMonths++;
        calendar.occurrences += item.count;
      }
      entries.push({ source: item.source, key: item.key, kind: 'meeting', occurredAt: item.occurredAt, title, body, people, updates });
    }
  } else {
    const m = parsed.mail;
    const keys = importedKeys(db, 'mail-day');
    const existingEntry = db.prepare('SELECT occurred_at, body FROM interactions WHERE id = ?');
    mail = {
      messages: m.messages,
      bytes: m.bytes,
      entries: 0,
      alreadyImported: 0,
      updated: 0,
      maxRecipients: MAX_RECIPIENTS,
      leftOut: { ...m.leftOut, withNobodyKnown: 0 },
    };
    skipped.push(...m.skipped);
    warnings.push(...m.warnings);
    // One entry per UTC day and person, whichever of their addresses the mail used.
    const groups = new Map<string, { day: string; who: Who; sent: number; received: number; last: number }>();
    for (const d of m.days) {
      let who: Who | undefined = byEmail.get(d.email);
      if (who === undefined) {
        const s = seen.get(d.email);
        if (s) s.items += d.sent + d.received;
        else seen.set(d.email, { name: m.names.get(d.email) ?? d.email, items: d.sent + d.received });
        if (!isTicked(d.email)) {
          mail.leftOut.withNobodyKnown += d.sent + d.received;
          continue;
        }
        who = d.email;
      }
      const gk = `${d.day}|${who}`;
      const g = groups.get(gk);
      if (g) {
        g.sent += d.sent;
        g.received += d.received;
        g.last = Math.max(g.last, d.last);
      } else groups.set(gk, { day: d.day, who, sent: d.sent, received: d.received, last: d.last });
    }
    for (const g of groups.values()) {
      const key = typeof g.who === 'number' ? `${g.day}|${g.who}` : `${g.day}|new`;
      const n = g.sent + g.received;
      const title = `${plural(n, 'e-mail')} (${g.received} received, ${g.sent} sent)`;
      const body = `From your mail: ${plural(g.received, 'message')} received from them and ${plural(g.sent, 'message')} sent to them on ${longDate(g.day)} (UTC day).`;
      const occurredAt = new Date(g.last).toISOString().replace('.000Z', 'Z');
      let updates: number | null = null;
      if (typeof g.who === 'number' && keys.has(key)) {
        const entryId = keys.get(key) ?? null;
        const current = entryId === null ? undefined : (existingEntry.get(entryId) as { occurred_at: string; body: string } | undefined);
        // A later file with more of that day's mail brings the entry up to date, unless it was deleted or edited since.
        if (!current || current.body === body || !current.body.startsWith('From your mail: ') || current.occurred_at >= occurredAt) {
          mail.alreadyImported++;
          continue;
        }
        updates = entryId;
        mail.updated++;
      } else mail.entries++;
      entries.push({ source: 'mail-day', key, kind: 'email', occurredAt, title, body, people: [g.who], updates });
    }
  }

  const offered = offeredList(seen, included);
  const newPeople = offered.filter((o) => o.included).map((o) => ({ email: o.email, name: o.name, context: parsed.source === 'ics' ? 'Met in meetings (calendar)' : 'Wrote to each other (mail)' }));
  const preview: HistoryPreview = {
    source: parsed.source,
    myEmails,
    ...(calendar ? { calendar } : {}),
    ...(mail ? { mail } : {}),
    offered,
    newPeople: newPeople.length,
    skipped,
    warnings,
    nothingToDo: entries.length === 0 && newPeople.length === 0,
  };
  if (myEmails.length === 0 && parsed.source === 'ics') {
    warnings.push({ where: 'the file', line: null, card: null, message: 'no e-mail address of yours is set: events you declined cannot be told apart. Add your addresses and preview again.' });
  }
  return { entries, newPeople, preview };
}

function summaryLine(preview: HistoryPreview): string {
  const n = preview.calendar ? preview.calendar.entries + preview.calendar.updated : (preview.mail ? preview.mail.entries + preview.mail.updated : 0);
  const what = preview.source === 'ics' ? 'Calendar' : 'Mail';
  return `${what}: ${plural(n, 'journal entry', 'journal entries')}${preview.newPeople ? `, ${plural(preview.newPeople, 'new person', 'new people')}` : ''}`;
}

function applyHistory(db: Db, plan: HistoryPlan): void {
  const meId = getMeId(db);
  const created = new Map<string, number>();
  for (const p of plan.newPeople) {
    const name = clip(p.name.trim() || p.email, LIMITS.name);
    const person = createPerson(db, { displayName: name, emails: [{ value: p.email }] });
    createTie(db, { personA: meId, personB: person.id, strength: 1, context: p.context, source: 'imported' });
    created.set(p.email, person.id);
  }
  const now = nowIso();
  const remember = db.prepare(`INSERT OR IGNORE INTO import_keys (source, key, interaction_id, created_at) VALUES (?, ?, ?, ?)`);
  for (const e of plan.entries) {
    const ids = [...new Set(e.people.map((w) => (typeof w === 'number' ? w : created.get(w)!)))];
    if (e.updates !== null) {
      updateEntry(db, e.updates, { occurredAt: e.occurredAt, title: e.title, body: e.body, participantIds: ids });
      continue;
    }
    const entryId = createEntryId(db, { occurredAt: e.occurredAt, kind: e.kind, title: e.title, body: e.body, participantIds: ids });
    remember.run(e.source, e.source === 'mail-day' ? `${e.key.slice(0, 10)}|${ids[0]}` : e.key, entryId, now);
  }
}

export function previewHistory(db: Db, parsed: ParsedHistory, options: HistoryOptions = {}): HistoryPreview {
  return planHistory(db, parsed, options).preview;
}

export function commitHistory(db: Db, parsed: ParsedHistory, options: HistoryOptions = {}): HistoryResult {
  if (options.backupBeforeImport && !planHistory(db, parsed, options).preview.nothingToDo) options.backupBeforeImport(db);
  return db.transaction(() => {
    if (options.myEmails) setMyEmailSetting(db, options.myEmails);
    const plan = planHistory(db, parsed, options);
    let importId: number | null = null;
    if (!plan.preview.nothingToDo) {
      recordImport(db, parsed.source, () => summaryLine(plan.preview), () => applyHistory(db, plan), { updatesEntries: true });
      importId = db.prepare('SELECT max(id) FROM imports').pluck().get() as number;
    }
    return { ...plan.preview, importId };
  })();
}

