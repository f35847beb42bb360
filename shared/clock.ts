// The one clock (issue 11). Everything in main/, shared/ and renderer/ that
// needs "now", "today" or the user's time zone asks this module, so a test can
// pin time and zone in one place; test/unit/clock-guard.test.ts (and ESLint)
// forbid Date.now(), argument-less `new Date()`, `Intl.DateTimeFormat()
// .format()` without a date, `performance.timeOrigin` and `Temporal.Now`
// anywhere else.
//
// Pure and runtime-neutral: it reads the host's time only through the system
// clock below, which in the browser is whatever Playwright's `page.clock`
// installed, and in Node whatever `faketime` (or the real world) says.
import { localDateOf, type LocalDate, type TimeZone } from './cadence';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** The user's time zone: an IANA name or a fixed offset. */
  timeZone(): TimeZone;
}

/** The host's clock and zone. The only place that may read them directly. */
export const systemClock: Clock = {
  now: () => new Date(Date.now()),
  timeZone: () => {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      return 'UTC';
    }
  },
};

/** A clock stopped at one instant, in one zone (tests, fixed-time tools). */
export function fixedClock(instant: Date | string | number, zone: TimeZone = 'UTC'): Clock {
  const at = new Date(typeof instant === 'string' ? Date.parse(instant) : instant instanceof Date ? instant.getTime() : instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return { now: () => new Date(at.getTime()), timeZone: () => zone };
}

/** A clock that starts at an instant and moves on with real time (a pinned-but-running clock for end-to-end tests). */
export function offsetClock(startAt: Date | string | number, zone: TimeZone, base: Clock = systemClock): Clock {
  const target = new Date(startAt).getTime();
  const delta = target - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + delta), timeZone: () => zone };
}

let current: Clock = systemClock;

/** Replaces the clock for the whole process (or page). Returns a function that puts the previous one back. */
export function setClock(clock: Clock): () => void {
  const previous = current;
  current = clock;
  return () => {
    current = previous;
  };
}

export function getClock(): Clock {
  return current;
}

/** The current instant. */
export function now(): Date {
  return current.now();
}

/** Milliseconds since the epoch, for stamps and durations that are not performance timings. */
export function nowMs(): number {
  return current.now().getTime();
}

/** The current instant as an ISO string in UTC ('2026-12-06T00:35:13.000Z'). */
export function nowIso(): string {
  return current.now().toISOString();
}

/** The user's time zone. */
export function timeZone(): TimeZone {
  return current.timeZone();
}

/** Today's calendar date in the user's zone (or in `zone`). */
export function today(zone: TimeZone = current.timeZone()): LocalDate {
  return localDateOf(current.now(), zone);
}
