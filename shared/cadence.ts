// Keep-in-touch arithmetic on the user's local calendar (issue 3). Pure: no
// Date.now(), no host time zone. Everything works on calendar dates
// ('YYYY-MM-DD'); an instant becomes a date only through `localDateOf` with the
// zone passed in, so DST changes never shift a due date by a day and a test
// gives the same answer on any machine.
//
// Rules (documented for users):
// - A cadence is a number of days (people.cadence_days). A multiple of 365 is
//   that many years and a multiple of 30 below 365 is that many months; those
//   step by calendar months, clamped to the month's end: a month after Jan 31
//   is Feb 28 (Feb 29 in leap years), a year after Feb 29 is Feb 28. Any other
//   number is plain days.
// - Next due = last contact date + cadence. With no contact at all, the date
//   the person was added stands in for the last contact.

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** The presets the UI offers, in days (stored in people.cadence_days). */
export const CADENCE_PRESETS = { month: 30, threeMonths: 90, sixMonths: 180, year: 365 } as const;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parse(date: LocalDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a calendar date (UTC is only a counting device here). */
function dayNumber(date: LocalDate): number {
  const [y, m, d] = parse(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * DAY_MS);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar months, clamped to the end of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whole calendar months from `from` to `to`: the largest n with
 * addMonths(from, n) ≤ to (Jan 31 → Feb 28 is 0 months, → Mar 1 is 1; never
 * "30 days"). Negative spans give 0.
 */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  if (to <= from) return 0;
  const [fy, fm] = parse(from);
  const [ty, tm] = parse(to);
  let n = (ty - fy) * 12 + (tm - fm);
  while (n > 0 && addMonths(from, n) > to) n--;
  return n;
}

/**
 * How long from `from` to `to`, in words, by the calendar: "1 day",
 * "13 days", "3 weeks" (from 14 days), "2 months" (from two whole calendar
 * months), "2 years" (from 24 months). The one phrasing of every
 * "quiet for", "no contact for" and "ago" in Kith.
 */
export function describeSpan(from: LocalDate, to: LocalDate): string {
  const days = Math.max(0, daysBetween(from, to));
  const unit = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  if (days < 14) return unit(days, 'day');
  const months = monthsBetween(from, to);
  if (months < 2) return unit(Math.floor(days / 7), 'week');
  if (months < 24) return unit(months, 'month');
  return unit(Math.floor(months / 12), 'year');
}

/** "today", "yesterday", or describeSpan + " ago" (a date after `today` is today). */
export function describeSince(from: LocalDate, today: LocalDate): string {
  const days = daysBetween(from, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${describeSpan(from, today)} ago`;
}

export type CadenceStep = { unit: 'months'; count: number } | { unit: 'days'; count: number };

/** How a cadence in days steps through the calendar (see the rules at the top). */
export function cadenceStep(cadenceDays: number): CadenceStep {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) throw new RangeError(`A cadence is a positive whole number of days, not ${cadenceDays}`);
  if (cadenceDays % 365 === 0) return { unit: 'months', count: (cadenceDays / 365) * 12 };
  if (cadenceDays % 30 === 0 && cadenceDays < 365) return { unit: 'months', count: cadenceDays / 30 };
  return { unit: 'days', count: cadenceDays };
}

export function addCadence(date: LocalDate, cadenceDays: number): LocalDate {
  const step = cadenceStep(cadenceDays);
  return step.unit === 'months' ? addMonths(date, step.count) : addDays(date, step.count);
}

/** A short label for a cadence: 'every month', 'every 3 months', 'every year', 'every 45 days'. */
export function describeCadence(cadenceDays: number): string {
  const step = cadenceStep(cadenceDays);
  if (step.unit === 'days') return step.count === 1 ? 'every day' : `every ${step.count} days`;
  if (step.count % 12 === 0) return step.count === 12 ? 'every year' : `every ${step.count / 12} years`;
  return step.count === 1 ? 'every month' : `every ${step.count} months`;
}

export interface CadenceStatus {
  /** The date contact is due. */
  dueOn: LocalDate;
  /** Days past due (0 on the due date, negative while still ahead). */
  daysOverdue: number;
  state: 'upcoming' | 'due' | 'overdue';
}

/**
 * Where a person stands on their cadence. `lastContact` is the local date of
 * the newest journal entry with them (or when they were added, if never).
 */
export function cadenceStatus(lastContact: LocalDate, cadenceDays: number, today: LocalDate): CadenceStatus {
  const dueOn = addCadence(lastContact, cadenceDays);
  const daysOverdue = daysBetween(dueOn, today);
  return { dueOn, daysOverdue, state: daysOverdue > 0 ? 'overdue' : daysOverdue === 0 ? 'due' : 'upcoming' };
}

// ---- Time zones -----------------------------------------------------------

/**
 * A time zone: an IANA name ('Europe/Lisbon') or a fixed UTC offset ('+05:30',
 * '-08:00', 'Z'). The renderer passes Intl's resolved zone.
 */
export type TimeZone = string;

const OFFSET_RE = /^(?:Z|UTC|([+-])(\d{2}):?(\d{2}))$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  if (OFFSET_RE.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date | string, zone: TimeZone): LocalDate {
  const t = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const offset = OFFSET_RE.exec(zone);
  if (offset) {
    const minutes = offset[1] ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
    const shifted = new Date(t.getTime() + minutes * 60_000);
    return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
  return format(Number(parts.year), Number(parts.month), Number(parts.day));
}

const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Is this a journal time: a date, a local date-time, or a date-time with an offset? */
export function isJournalTime(s: string): boolean {
  const m = DATE_TIME_RE.exec(s);
  if (!m || !isLocalDate(m[1]!)) return false;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)) return false;
  if (m[5] && m[5] !== 'Z') {
    const [h, mm] = m[5].slice(1).split(':').map(Number) as [number, number];
    // Real offsets run from -12:00 to +14:00; anything beyond ±14:00 is a typo (issue 11).
    if (mm > 59 || h * 60 + mm > 14 * 60) return false;
  }
  return true;
}

/**
 * The local calendar date of a journal time: a plain date or a date-time
 * without an offset is already local (as the user wrote it); one with an
 * offset is an instant, converted into the zone.
 */
export function journalLocalDate(when: string, zone: TimeZone): LocalDate {
  const m = DATE_TIME_RE.exec(when);
  if (!m) throw new RangeError(`Not a journal time: ${when}`);
  if (!m[5]) return m[1]!;
  return localDateOf(when, zone);
}
