// The SQL side of journal times (issue 11): two functions every connection
// registers, used by the triggers of migration 30 to keep interactions'
// occurred_utc / occurred_date / has_time in step with occurred_at, so every
// writer (the journal service, importers, the sample loader, a test's raw
// INSERT) stores instants the same way. The zone is the clock's: the user's.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { timeZone } from '../../shared/clock';
import { journalInstant, type JournalInstant } from '../../shared/journalTime';

let last: { key: string; value: JournalInstant } | null = null;

function instantOf(when: string, lenient: number | bigint | null | undefined): JournalInstant {
  const zone = timeZone();
  const key = `${zone}\u0000${lenient ? 1 : 0}\u0000${when}`;
  if (last?.key === key) return last.value;
  const value = journalInstant(when, zone, { lenient: Boolean(lenient) });
  last = { key, value };
  return value;
}

export function registerJournalTimeFunctions(db: Database): void {
  db.function('kith_occurred_utc', { deterministic: false, varargs: true }, (when: unknown, lenient?: unknown) =>
    instantOf(String(when), lenient as number | null).utc,
  );
  db.function('kith_occurred_date', { deterministic: false, varargs: true }, (when: unknown, lenient?: unknown) =>
    instantOf(String(when), lenient as number | null).date,
  );
}
