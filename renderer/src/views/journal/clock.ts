// "Today" as the user sees it: the OS time zone, handed to main with every
// request that depends on the date (issue 3: main never guesses the zone).
import { addDays, localDateOf, type LocalDate } from '../../../../shared/cadence';

export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function today(): LocalDate {
  return localDateOf(new Date(), userTimeZone());
}

export function daysFromToday(days: number): LocalDate {
  return addDays(today(), days);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** '2024-03-15' or '2024-03-15T10:30' → 'Mar 15, 2024' (this year: 'Mar 15'), read as a calendar date, never shifted by a zone. */
export function formatDay(when: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(when);
  if (!m) return when;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return (m[1] === today().slice(0, 4) ? shortDateFormat : dateFormat).format(date);
}

/** The time part of a journal time ('10:30'), or ''. */
export function timeOf(when: string): string {
  const m = /T(\d{2}:\d{2})/.exec(when);
  return m ? m[1]! : '';
}

/** 'today', 'in 3 days', '5 days ago'. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
