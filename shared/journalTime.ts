// Journal times as instants (issue 11). An entry's time is kept as the user
// gave it (occurred_at: a date, a local date-time, or a date-time with Z or an
// offset) and, beside it, what orders and counts it:
// - occurred_utc: a UTC instant, fixed-width ISO ('2024-05-01T01:00:00.000Z'),
//   so text order is instant order;
// - occurred_date: the local calendar date the user meant, for cadences and
//   "days ago";
// - has_time: whether a time was given.
// A date-only entry's instant is the last millisecond of its local day, so it
// sorts after the timed entries of the same day (then by id).
// A local time inside a DST gap does not exist and is refused; one inside the
// autumn overlap (it happens twice) takes the earlier offset, i.e. the first
// time the clock shows it.
import { Temporal } from 'temporal-polyfill';
import { isJournalTime, type LocalDate, type TimeZone } from './cadence';

export interface JournalInstant {
  utc: string;
  date: LocalDate;
  hasTime: boolean;
}

export class JournalTimeError extends Error {
  override name = 'JournalTimeError';
}

const FORM_RE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/** Temporal's name for a zone: IANA names as they are, 'Z'/'UTC' as UTC, '+0530' as '+05:30'. */
function zoneId(zone: TimeZone): string {
  if (zone === 'Z' || zone === 'UTC') return 'UTC';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : zone;
}

function iso(instant: Temporal.Instant): string {
  return new Date(instant.epochMilliseconds).toISOString();
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The instant, local date and time flag of a journal time written by a user in
 * `zone`. `lenient` shifts a time in a DST gap forward instead of refusing it
 * (only for converting rows stored before this rule existed).
 */
export function journalInstant(when: string, zone: TimeZone, options: { lenient?: boolean } = {}): JournalInstant {
  // Writing one entry reads its time three times (the service's check, then the
  // two triggers' SQL functions) and Temporal's polyfill is slow per call: the
  // last few answers are kept (issue 14: imports write tens of thousands).
  const key = `${when}\u0000${zone}\u0000${options.lenient === true ? 1 : 0}`;
  const known = recent.get(key);
  if (known) return { ...known };
  const computed = computeJournalInstant(when, zone, options);
  if (recent.size >= 64) recent.clear();
  recent.set(key, computed);
  return { ...computed };
}

const recent = new Map<string, JournalInstant>();

function computeJournalInstant(when: string, zone: TimeZone, options: { lenient?: boolean }): JournalInstant {
  const m = FORM_RE.exec(when);
  if (!m || !isJournalTime(when)) throw new JournalTimeError(`"${when}" is not a date like 2024-03-15 or a date and time like 2024-03-15T10:30.`);
  const [, day, time, offset] = m;
  const tz = zoneId(zone);
  if (time === undefined) {
    const nextStart = Temporal.PlainDate.from(day!).add({ days: 1 }).toZonedDateTime(tz).toInstant();
    return { utc: iso(nextStart.subtract({ milliseconds: 1 })), date: day!, hasTime: false };
  }
  if (offset !== undefined) {
    const instant = Temporal.Instant.from(when);
    return { utc: iso(instant), date: instant.toZonedDateTimeISO(tz).toPlainDate().toString(), hasTime: true };
  }
  const local = Temporal.PlainDateTime.from(`${day}T${time}`);
  let zoned: Temporal.ZonedDateTime;
  try {
    zoned = local.toZonedDateTime(tz, { disambiguation: options.lenient ? 'compatible' : 'reject' });
  } catch {
    // 'reject' throws for both gaps and overlaps; an overlap takes the earlier offset.
    const earlier = local.toZonedDateTime(tz, { disambiguation: 'earlier' });
    if (earlier.toPlainDateTime().equals(local)) {
      zoned = earlier;
    } else {
      const shown = LONG_DATE.format(new Date(`${day}T00:00:00Z`));
      throw new JournalTimeError(
        `${time!.slice(0, 5)} on ${shown} does not exist in ${zone}: the clocks moved forward then. Pick a time before or after the change.`,
      );
    }
  }
  return { utc: iso(zoned.toInstant()), date: day!, hasTime: true };
}
