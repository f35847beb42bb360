// Keep-in-touch arithmetic on local calendar dates (shared/cadence.ts).
import { describe, expect, it } from 'vitest';
import {
  addCadence,
  addDays,
  addMonths,
  cadenceStatus,
  cadenceStep,
  daysBetween,
  describeCadence,
  describeSince,
  describeSpan,
  isJournalTime,
  isLocalDate,
  isValidTimeZone,
  journalLocalDate,
  localDateOf,
  monthsBetween,
} from '../../shared/cadence';
import fc from 'fast-check';

describe('how long since, by the calendar (never "a month is 30 days")', () => {
  it('whole calendar months: a month from the 31st ends on the last day of a shorter month', () => {
    expect(monthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2025-02-01', '2025-06-01')).toBe(4); // 120 days: 4 months, not 3
    expect(monthsBetween('2025-07-01', '2025-08-30')).toBe(1); // 60 days: 1 month
    expect(monthsBetween('2025-12-15', '2026-12-14')).toBe(11);
    expect(monthsBetween('2025-12-15', '2026-12-15')).toBe(12);
    expect(monthsBetween('2025-06-01', '2025-05-01')).toBe(0);
  });

  it('is the largest n with addMonths(from, n) ≤ to, for any two dates', () => {
    const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const n = monthsBetween(from, to);
        expect(addMonths(from, n) <= to).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('says it in days, weeks, months or years', () => {
    expect(describeSince('2025-06-01', '2025-06-01')).toBe('today');
    expect(describeSince('2025-06-02', '2025-06-01')).toBe('today');
    expect(describeSince('2025-05-31', '2025-06-01')).toBe('yesterday');
    expect(describeSpan('2025-05-31', '2025-06-01')).toBe('1 day');
    expect(describeSince('2025-05-19', '2025-06-01')).toBe('13 days ago');
    expect(describeSince('2025-05-18', '2025-06-01')).toBe('2 weeks ago');
    expect(describeSince('2025-07-01', '2025-08-30')).toBe('8 weeks ago'); // 60 days, one calendar month
    expect(describeSince('2025-07-01', '2025-09-01')).toBe('2 months ago');
    expect(describeSince('2025-02-01', '2025-06-01')).toBe('4 months ago');
    expect(describeSpan('2023-06-02', '2025-06-01')).toBe('23 months');
    expect(describeSpan('2023-06-01', '2025-06-01')).toBe('2 years');
    // From a leap day, a year later is the last day of February.
    expect(describeSpan('2020-02-29', '2025-02-27')).toBe('4 years');
    expect(describeSpan('2020-02-29', '2025-02-28')).toBe('5 years');
  });
});

describe('calendar months', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-08-31', 3)).toBe('2025-11-30');
    expect(addMonths('2025-05-15', 1)).toBe('2025-06-15');
  });

  it('crosses years, both ways', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-31', 1)).toBe('2026-01-31');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('a year after Feb 29 is Feb 28; four years after is Feb 29 again', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('1900-02-28', 12 * 100)).toBe('2000-02-28');
    expect(addCadence('2096-02-29', 365 * 4)).toBe('2100-02-28'); // 2100 is not a leap year
  });

  it('does not drift: each step is taken from the last contact, not from a clamped date', () => {
    // Jan 31 → Feb 28 (due) ... a contact on Mar 31 gives Apr 30, not Apr 28.
    expect(addCadence('2025-01-31', 30)).toBe('2025-02-28');
    expect(addCadence('2025-03-31', 30)).toBe('2025-04-30');
  });
});

describe('cadence steps', () => {
  it('reads the presets as months and everything else as days', () => {
    expect(cadenceStep(30)).toEqual({ unit: 'months', count: 1 });
    expect(cadenceStep(90)).toEqual({ unit: 'months', count: 3 });
    expect(cadenceStep(180)).toEqual({ unit: 'months', count: 6 });
    expect(cadenceStep(365)).toEqual({ unit: 'months', count: 12 });
    expect(cadenceStep(730)).toEqual({ unit: 'months', count: 24 });
    expect(cadenceStep(45)).toEqual({ unit: 'days', count: 45 });
    expect(cadenceStep(14)).toEqual({ unit: 'days', count: 14 });
    expect(() => cadenceStep(0)).toThrow(RangeError);
    expect(() => cadenceStep(1.5)).toThrow(RangeError);
  });

  it('adds custom days across month and year ends and leap days', () => {
    expect(addCadence('2024-02-20', 14)).toBe('2024-03-05');
    expect(addCadence('2023-02-20', 14)).toBe('2023-03-06');
    expect(addCadence('2025-12-25', 10)).toBe('2026-01-04');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('describes cadences in words', () => {
    expect(describeCadence(30)).toBe('every month');
    expect(describeCadence(90)).toBe('every 3 months');
    expect(describeCadence(365)).toBe('every year');
    expect(describeCadence(730)).toBe('every 2 years');
    expect(describeCadence(45)).toBe('every 45 days');
    expect(describeCadence(1)).toBe('every day');
  });

  it('says how overdue', () => {
    expect(cadenceStatus('2025-01-31', 30, '2025-02-27')).toEqual({ dueOn: '2025-02-28', daysOverdue: -1, state: 'upcoming' });
    expect(cadenceStatus('2025-01-31', 30, '2025-02-28')).toEqual({ dueOn: '2025-02-28', daysOverdue: 0, state: 'due' });
    expect(cadenceStatus('2025-01-31', 30, '2025-03-10')).toEqual({ dueOn: '2025-02-28', daysOverdue: 10, state: 'overdue' });
    expect(cadenceStatus('2024-02-29', 365, '2025-03-01')).toMatchObject({ dueOn: '2025-02-28', daysOverdue: 1 });
  });

  it('counts days between calendar dates, leap years included', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
  });
});

describe('time zones', () => {
  it('takes the local date of an instant in the zone given, not the host zone', () => {
    const instant = '2025-03-01T02:30:00Z';
    expect(localDateOf(instant, 'UTC')).toBe('2025-03-01');
    expect(localDateOf(instant, 'America/Los_Angeles')).toBe('2025-02-28');
    expect(localDateOf(instant, 'Asia/Tokyo')).toBe('2025-03-01');
    expect(localDateOf('2025-02-28T16:00:00Z', 'Pacific/Kiritimati')).toBe('2025-03-01'); // UTC+14
    expect(localDateOf('2025-03-01T11:30:00Z', 'Pacific/Pago_Pago')).toBe('2025-03-01'); // UTC-11
    expect(localDateOf('2025-03-01T10:30:00Z', 'Pacific/Pago_Pago')).toBe('2025-02-28');
  });

  it('understands fixed offsets', () => {
    expect(localDateOf('2025-06-30T19:00:00Z', '+05:30')).toBe('2025-07-01');
    expect(localDateOf('2025-06-30T18:29:00Z', '+05:30')).toBe('2025-06-30');
    expect(localDateOf('2025-01-01T03:00:00Z', '-04:00')).toBe('2024-12-31');
    expect(localDateOf('2025-01-01T03:00:00Z', 'Z')).toBe('2025-01-01');
  });

  it('keeps a day a day across DST changes', () => {
    // New York springs forward on 2025-03-09 and falls back on 2025-11-02.
    expect(localDateOf('2025-03-09T04:59:00Z', 'America/New_York')).toBe('2025-03-08'); // 23:59 EST
    expect(localDateOf('2025-03-09T05:00:00Z', 'America/New_York')).toBe('2025-03-09'); // 00:00 EST
    expect(localDateOf('2025-03-10T03:59:00Z', 'America/New_York')).toBe('2025-03-09'); // 23:59 EDT
    expect(localDateOf('2025-11-03T04:59:00Z', 'America/New_York')).toBe('2025-11-02'); // 23:59 EST
    // Europe changes on 2025-03-30: a weekly cadence from the day before stays 7 calendar days.
    const before = localDateOf('2025-03-29T23:30:00Z', 'Europe/Berlin'); // 00:30 CET on the 30th
    expect(before).toBe('2025-03-30');
    expect(addCadence(before, 7)).toBe('2025-04-06');
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('reads journal times: dates and local date-times as written, offsets converted', () => {
    expect(journalLocalDate('2025-03-09', 'Asia/Tokyo')).toBe('2025-03-09');
    expect(journalLocalDate('2025-03-09T23:30', 'Asia/Tokyo')).toBe('2025-03-09');
    expect(journalLocalDate('2025-03-09T23:30:00-05:00', 'Asia/Tokyo')).toBe('2025-03-10');
    expect(journalLocalDate('2025-03-09T23:30:00Z', 'America/Chicago')).toBe('2025-03-09');
  });

  it('validates dates, journal times and zones', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(isJournalTime('2025-03-09T10:30')).toBe(true);
    expect(isJournalTime('2025-03-09T10:30:15.123+01:00')).toBe(true);
    expect(isJournalTime('2025-03-09T24:30')).toBe(false);
    expect(isJournalTime('2025-02-30')).toBe(false);
    expect(isJournalTime('yesterday')).toBe(false);
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('+05:30')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
