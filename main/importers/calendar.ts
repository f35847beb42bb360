// Calendars (.ics from Google, Outlook and Apple; issue 14), parsed with
// ical.js: its unfolding, escapes, VTIMEZONE definitions (Outlook's Windows
// zone names included), RRULE/RDATE/EXDATE expansion and RECURRENCE-ID
// overrides. Pure: text in, the meetings it holds out; who is who in Kith is
// the plan's job (history.ts).
//   - Each VEVENT is parsed on its own, so a broken one is left out with its
//     line and the rest is read.
//   - A time in a zone the file does not define (no VTIMEZONE) is read as an
//     IANA zone when it is one (Temporal), else the event is left out: Kith
//     never guesses the hour of a meeting.
//   - A recurring series is expanded up to now and grouped by local month:
//     one item per month it met, with the count and the last date.
//   - Declined (my PARTSTAT) and cancelled (STATUS) events and occurrences are
//     counted and left out here; the attendee limit is applied by the plan,
//     since the preview can change it.
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { LIMITS } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import type { ImportIssue } from '../../shared/importExport';
import { emailKey } from './normalize';

export interface CalendarPerson {
  email: string;
  name: string;
}

export interface CalendarItem {
  /** Import key: `UID|RECURRENCE-ID` for an event, `UID|YYYY-MM` for a series' month. */
  key: string;
  source: 'calendar-event' | 'calendar-series-month';
  where: string;
  line: number;
  title: string;
  /** A journal time: an instant (`…Z`), a floating local time, or a date (all-day). */
  occurredAt: string;
  /** Local date of the (last) occurrence. */
  lastDate: string;
  /** Occurrences: 1 for a single event. */
  count: number;
  /** Month (`YYYY-MM`) of a series' item. */
  month: string | null;
  /** Individuals taking part (attendees and organizer, not rooms or resources), me excluded. */
  people: CalendarPerson[];
  /** Individuals taking part, me included (what the attendee limit counts). */
  attendeeCount: number;
}

export interface ParsedCalendar {
  events: number;
  items: CalendarItem[];
  leftOut: { declined: number; cancelled: number; noAttendees: number; future: number };
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export interface CalendarOptions {
  /** My addresses, lower case. */
  myEmails: ReadonlySet<string>;
  /** Now, as epoch milliseconds (the clock's). */
  nowMs: number;
  /** The user's zone, for local dates and months (the clock's). */
  zone: string;
}

/** A series is expanded at most this far (a daily meeting for 13 years): more is a runaway rule. */
export const MAX_OCCURRENCES = 5_000;

interface Block {
  kind: 'VEVENT' | 'VTIMEZONE';
  line: number;
  lines: string[];
}

/** Splits the file into its VEVENT and VTIMEZONE blocks, by line, so each can be parsed (and fail) alone. */
function splitBlocks(text: string, skipped: ImportIssue[]): { blocks: Block[]; calendars: number } {
  const lines = text.split(/\r\n|\n|\r/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let depth = 0;
  let calendars = 0;
  const broken = (b: Block, why: string) =>
    skipped.push({ where: `event at line ${b.line}`, line: b.line, card: null, message: `${why}; the event was left out` });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const upper = line.length < 40 ? line.trim().toUpperCase() : '';
    if (upper === 'BEGIN:VCALENDAR') calendars++;
    if (current) {
      if (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE' || upper === 'END:VCALENDAR') {
        if (current.kind === 'VEVENT') broken(current, `it has no END:VEVENT before line ${i + 1}`);
        current = null;
      } else {
        current.lines.push(line);
        if (upper.startsWith('BEGIN:')) depth++;
        else if (upper.startsWith('END:')) {
          if (depth === 0) {
            if (upper !== `END:${current.kind}`) broken(current, `line ${i + 1} ends ${upper.slice(4)} where END:${current.kind} was expected`);
            else blocks.push(current);
            current = null;
          } else depth--;
        }
        continue;
      }
    }
    if (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTIMEZONE') {
      current = { kind: upper.slice(6) as Block['kind'], line: i + 1, lines: [line] };
      depth = 0;
    }
  }
  if (current?.kind === 'VEVENT') broken(current, 'the file ends before its END:VEVENT');
  return { blocks, calendars };
}

function parseBlock(block: Block): ICAL.Component {
  const jcal = ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${block.lines.join('\r\n')}\r\nEND:VCALENDAR`);
  const root = new ICAL.Component(jcal as unknown[]);
  const inner = root.getFirstSubcomponent(block.kind.toLowerCase());
  if (!inner) throw new Error(`no ${block.kind} in it`);
  return inner;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Participants {
  people: Map<string, string>;
  count: number;
  myStatus: string | null;
  meThere: boolean;
}

function addressOf(prop: ICAL.Property): string | null {
  const param = prop.getParameter('email');
  const raw = typeof param === 'string' && param.includes('@') ? param : String(prop.getFirstValue() ?? '');
  const email = emailKey(raw.replace(/^mailto:/i, ''));
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

function nameOf(prop: ICAL.Property, email: string): string {
  const cn = prop.getParameter('cn');
  const name = (typeof cn === 'string' ? cn : '').replace(/^"|"$/g, '').replace(/\s+/g, ' ').trim();
  return clip(name && emailKey(name) !== email ? name : email, 200);
}

function participantsOf(event: ICAL.Component, mine: ReadonlySet<string>): Participants {
  const out: Participants = { people: new Map(), count: 0, myStatus: null, meThere: false };
  const seen = new Set<string>();
  const add = (prop: ICAL.Property, isAttendee: boolean) => {
    const cutype = String(prop.getParameter('cutype') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') return;
    const email = addressOf(prop);
    if (!email) return;
    if (mine.has(email)) {
      out.meThere = true;
      const status = prop.getParameter('partstat');
      if (isAttendee && typeof status === 'string') out.myStatus = status.toUpperCase();
    }
    if (seen.has(email)) return;
    seen.add(email);
    out.count++;
    if (!mine.has(email)) out.people.set(email, nameOf(prop, email));
  };
  for (const p of event.getAllProperties('attendee')) add(p, true);
  const organizer = event.getFirstProperty('organizer');
  // Only with attendees: an event I organised alone has no one else in it.
  if (organizer && out.count > 0) add(organizer, false);
  return out;
}

class ZoneError extends Error {}

/**
 * A time zone's rules repeat yearly. ical.js expands them from their start
 * (often 1601 or 1970) to each event, so a VTIMEZONE with FREQ=SECONDLY
 * (a broken or hostile file) would never finish: such a zone is refused.
 */
function assertTimeZoneRules(tz: ICAL.Component): void {
  for (const part of tz.getAllSubcomponents()) {
    for (const rule of part.getAllProperties('rrule')) {
      const freq = (rule.getFirstValue() as ICAL.Recur | null)?.freq;
      if (freq !== 'YEARLY') throw new Error(`its ${part.name.toUpperCase()} rule repeats ${String(freq ?? 'never').toLowerCase()}, where a time zone's repeats yearly`);
    }
    if (part.getAllProperties('rdate').length > 1000) throw new Error('it lists more than 1,000 changes');
  }
}

/**
 * Windows time zone names (Outlook and Exchange write them as TZIDs, usually
 * with a VTIMEZONE, not always) to IANA names: the common ones of CLDR's
 * windowsZones table, each mapped to its territory-001 zone.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'US Eastern Standard Time': 'America/Indianapolis',
  'Atlantic Standard Time': 'America/Halifax',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'UTC': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arabian Standard Time': 'Asia/Dubai',
  'Arab Standard Time': 'Asia/Riyadh',
  'Iran Standard Time': 'Asia/Tehran',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'W. Australia Standard Time': 'Australia/Perth',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

const validZones = new Map<string, boolean>();
function isIanaZone(tzid: string): boolean {
  let ok = validZones.get(tzid);
  if (ok === undefined) {
    try {
      Temporal.PlainDate.from('2000-01-01').toZonedDateTime(tzid);
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(tzid, ok);
  }
  return ok;
}

interface When {
  /** Journal time. */
  at: string;
  /** Epoch ms (for "is it past"); a floating time or a date is read in the user's zone. */
  ms: number;
  /** Local date and month in the user's zone. */
  date: string;
}

const DAY_MS = 86_400_000;
const dayOffsets = new Map<string, number | null>();

/** The user's local date of an instant. Offsets are looked up once per UTC day (Temporal is slow per call); a day with a transition is computed exactly. */
function localDate(ms: number, zone: string): string {
  const day = Math.floor(ms / DAY_MS);
  const key = `${zone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const at = (t: number) => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
    const start = at(day * DAY_MS);
    offset = start === at(day * DAY_MS + DAY_MS - 1) ? start : null;
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset === null) return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
  return new Date(ms + offset).toISOString().slice(0, 10);
}

const zoneDays = new Map<string, number | null>();

/**
 * A file's zone's UTC offset (seconds) on a local date, when it is the same
 * all day (no transition): ical.js's own conversion clones and searches per
 * call, the larger part of reading a big calendar. Null on a transition day,
 * which is then converted exactly.
 */
function zoneDayOffset(tz: ICAL.Timezone, year: number, month: number, day: number): number | null {
  const key = `${tz.tzid}|${year}-${month}-${day}`;
  let offset = zoneDays.get(key);
  if (offset === undefined) {
    const at = (hour: number, minute: number) => tz.utcOffset(new ICAL.Time({ year, month, day, hour, minute, second: 0, isDate: false }, tz));
    const first = at(0, 0);
    offset = first === at(23, 59) ? first : null;
    zoneDays.set(key, offset);
  }
  return offset;
}

function whenOf(t: ICAL.Time, zone: string): When {
  const wall = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wall) || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) throw new ZoneError(`its start date ${wall} is not a date`);
  if (t.isDate) {
    const ms = Temporal.PlainDate.from(wall).toZonedDateTime(zone).epochMilliseconds;
    return { at: wall, ms, date: wall };
  }
  const clock = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  // ical.js keeps a TZID it could not resolve in `timezone` (untyped) and makes the time floating.
  const tzid = (t as ICAL.Time & { timezone?: string }).timezone;
  const zoneId = t.zone?.tzid;
  let ms: number;
  if (zoneId === 'UTC' || tzid === 'Z' || tzid === 'UTC') ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  else if (zoneId && zoneId !== 'floating') {
    const offset = zoneDayOffset(t.zone!, t.year, t.month, t.day);
    ms = offset === null ? t.toUnixTime() * 1000 : Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - offset * 1000;
  }
  else if (tzid && tzid !== 'floating') {
    // A TZID the file does not define: an IANA name (or a Windows one Kith knows) is read with Temporal; anything else is refused.
    const iana = isIanaZone(tzid) ? tzid : WINDOWS_ZONES[tzid.replace(/^"|"$/g, '').trim()];
    if (!iana) throw new ZoneError(`its time zone "${clip(tzid, 80)}" is not defined in the file (no VTIMEZONE) and is not a known zone name`);
    ms = Temporal.PlainDateTime.from(`${wall}T${clock}`).toZonedDateTime(iana, { disambiguation: 'earlier' }).epochMilliseconds;
  } else {
    // Floating (no zone): the user's local time, as the journal reads it.
    const local = Temporal.PlainDateTime.from(`${wall}T${clock}`).toZonedDateTime(zone, { disambiguation: 'later' });
    return { at: `${wall}T${pad(t.hour)}:${pad(t.minute)}`, ms: local.epochMilliseconds, date: wall };
  }
  if (!Number.isFinite(ms)) throw new ZoneError('its start time could not be read');
  const date = localDate(ms, zone);
  return { at: new Date(ms).toISOString().replace('.000Z', 'Z'), ms, date };
}

function statusOf(event: ICAL.Component): string {
  const s = event.getFirstPropertyValue('status');
  return typeof s === 'string' ? s.toUpperCase() : '';
}

function titleOf(event: ICAL.Component): string {
  const s = event.getFirstPropertyValue('summary');
  const text = (typeof s === 'string' ? s : '').replace(/\s+/g, ' ').trim();
  return clip(text || 'Meeting', Math.min(200, LIMITS.shortText));
}

/** Import keys are at most 600 characters (migration 50): a longer UID is kept as its hash. */
function keyOf(uid: string, suffix: string): string {
  const id = uid.length > 400 ? `sha256:${createHash('sha256').update(uid).digest('hex')}` : uid;
  return `${id}|${suffix}`;
}

function uidOf(event: ICAL.Component, block: Block): string {
  const uid = event.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim()) return uid.trim();
  // No UID (not allowed, but seen): the event's own text identifies it across imports.
  return `nouid:${createHash('sha256').update(block.lines.join('\n')).digest('hex').slice(0, 32)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export function parseCalendar(text: string, options: CalendarOptions): ParsedCalendar {
  const out: ParsedCalendar = { events: 0, items: [], leftOut: { declined: 0, cancelled: 0, noAttendees: 0, future: 0 }, skipped: [], warnings: [] };
  const { blocks, calendars } = splitBlocks(text.replace(/^\uFEFF/, ''), out.skipped);
  if (calendars === 0) {
    throw new KithError('INVALID_INPUT', 'This is not a calendar file (.ics): it has no BEGIN:VCALENDAR. Export the calendar as iCalendar (.ics) and choose that file. Nothing was imported.');
  }
  const { myEmails, nowMs, zone } = options;
  // ical.js resolves a TZID through its global registry: it holds this file's zones only, while this (synchronous) parse runs.
  ICAL.TimezoneService.reset();
  zoneDays.clear();
  try {
    for (const b of blocks) {
      if (b.kind !== 'VTIMEZONE') continue;
      try {
        const tz = parseBlock(b);
        assertTimeZoneRules(tz);
        const tzid = tz.getFirstPropertyValue('tzid');
        if (typeof tzid === 'string' && tzid && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(tz);
      } catch (error) {
        out.warnings.push({ where: `time zone at line ${b.line}`, line: b.line, card: null, message: `could not be read (${(error as Error).message}); events in it are left out` });
      }
    }

    const seen = new Set<string>();
    const itemError = (b: Block, number: number, error: unknown) => {
      if (!(error instanceof ZoneError) && !(error instanceof Error)) throw error;
      out.skipped.push({ where: `event ${number} (line ${b.line})`, line: b.line, card: null, message: `${clip((error as Error).message, 300)}; the event was left out` });
    };
    type Parsed = { component: ICAL.Component; uid: string; block: Block; number: number };
    /** One event (or an override whose series is not in the file) to an item, or counted as left out. */
    const single = (s: Parsed) => {
      try {
        const event = new ICAL.Event(s.component);
        const rid = s.component.getFirstProperty('recurrence-id') ? event.recurrenceId.toString() : '';
        const key = keyOf(s.uid, rid);
        if (seen.has(key)) return;
        seen.add(key);
        if (statusOf(s.component) === 'CANCELLED') {
          out.leftOut.cancelled++;
          return;
        }
        const when = whenOf(event.startDate, zone);
        const who = participantsOf(s.component, myEmails);
        if (who.myStatus === 'DECLINED') {
          out.leftOut.declined++;
          return;
        }
        if (when.ms > nowMs) {
          out.leftOut.future++;
          return;
        }
        if (who.people.size === 0) {
          out.leftOut.noAttendees++;
          return;
        }
        out.items.push({
          key,
          source: 'calendar-event',
          where: `event ${s.number} (line ${s.block.line})`,
          line: s.block.line,
          title: titleOf(s.component),
          occurredAt: when.at,
          lastDate: when.date,
          count: 1,
          month: null,
          people: [...who.people].map(([email, name]) => ({ email, name })),
          attendeeCount: who.count,
        });
      } catch (error) {
        itemError(s.block, s.number, error);
      }
    };

    const masters = new Map<string, { event: ICAL.Event; block: Block; number: number }>();
    const overrides: Parsed[] = [];
    for (const b of blocks) {
      if (b.kind !== 'VEVENT') continue;
      const number = ++out.events;
      let component: ICAL.Component;
      try {
        component = parseBlock(b);
        if (!component.getFirstProperty('dtstart')) throw new Error('it has no start (DTSTART)');
      } catch (error) {
        out.skipped.push({ where: `event ${number} (line ${b.line})`, line: b.line, card: null, message: `${clip((error as Error).message, 300)}; the event was left out` });
        continue;
      }
      const uid = uidOf(component, b);
      if (component.getFirstProperty('recurrence-id')) overrides.push({ component, uid, block: b, number });
      else if (component.getFirstProperty('rrule') || component.getFirstProperty('rdate')) {
        if (masters.has(uid)) {
          out.warnings.push({ where: `event ${number} (line ${b.line})`, line: b.line, card: null, message: 'the same recurring series (UID) appears twice; the first was used' });
          continue;
        }
        masters.set(uid, { event: new ICAL.Event(component), block: b, number });
      } else {
        // Read at once, not kept: holding every parsed event until the end made the garbage collector the larger cost.
        single({ component, uid, block: b, number });
      }
    }
    for (const o of overrides) {
      const master = masters.get(o.uid);
      if (master) master.event.relateException(o.component);
      else single(o);
    }

    const seriesPeople = new WeakMap<ICAL.Component, Participants>();
    for (const [uid, m] of masters) {
      try {
        const months = new Map<string, { last: When; count: number; title: string; people: Map<string, string>; attendeeCount: number }>();
        const it = m.event.iterator();
        let n = 0;
        for (let t = it.next(); t; t = it.next()) {
          if (++n > MAX_OCCURRENCES) {
            out.warnings.push({ where: `event ${m.number} (line ${m.block.line})`, line: m.block.line, card: null, message: `the series repeats more than ${MAX_OCCURRENCES} times; only its first ${MAX_OCCURRENCES} were read` });
            break;
          }
          const details = m.event.getOccurrenceDetails(t);
          const when = whenOf(details.startDate, zone);
          if (when.ms > nowMs) {
            out.leftOut.future++;
            break;
          }
          const item = details.item.component;
          if (statusOf(item) === 'CANCELLED' || statusOf(m.event.component) === 'CANCELLED') {
            out.leftOut.cancelled++;
            continue;
          }
          // Occurrences that are not overrides share the series' component: its people are read once.
          let who = seriesPeople.get(item);
          if (!who) seriesPeople.set(item, (who = participantsOf(item, myEmails)));
          if (who.myStatus === 'DECLINED') {
            out.leftOut.declined++;
            continue;
          }
          if (who.people.size === 0) {
            out.leftOut.noAttendees++;
            continue;
          }
          const month = when.date.slice(0, 7);
          const entry = months.get(month);
          if (!entry) months.set(month, { last: when, count: 1, title: titleOf(item), people: new Map(who.people), attendeeCount: who.count });
          else {
            entry.count++;
            if (when.ms >= entry.last.ms) {
              entry.last = when;
              entry.title = titleOf(item);
            }
            for (const [e, name] of who.people) if (!entry.people.has(e)) entry.people.set(e, name);
            entry.attendeeCount = Math.max(entry.attendeeCount, who.count);
          }
        }
        for (const [month, e] of months) {
          out.items.push({
            key: keyOf(uid, month),
            source: 'calendar-series-month',
            where: `event ${m.number} (line ${m.block.line}), ${monthName(month)}`,
            line: m.block.line,
            title: e.title,
            occurredAt: e.last.at,
            lastDate: e.last.date,
            count: e.count,
            month,
            people: [...e.people].map(([email, name]) => ({ email, name })),
            attendeeCount: e.attendeeCount,
          });
        }
      } catch (error) {
        itemError(m.block, m.number, error);
      }
    }
  } finally {
    ICAL.TimezoneService.reset();
  }
  out.items.sort((a, b) => a.line - b.line || a.key.localeCompare(b.key));
  out.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}
