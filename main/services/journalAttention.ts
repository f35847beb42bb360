// What the user did with a computed Home item or suggestion (attention_states,
// m0020): snoozed until a date, dismissed for a given piece of evidence, or
// marked contacted without writing an entry. And "last contact", which those
// marks feed into.
import type { Db } from '../db/open';
import { type LocalDate, type TimeZone } from '../../shared/cadence';
import { lastEntryTimes } from './journal';
import { nowIso, stmt } from './util';

export type AttentionSubject = 'cadence' | 'dormant' | 'thanks' | 'suggestion';

export interface AttentionState {
  snoozedUntil: LocalDate | null;
  dismissedKey: string | null;
  contactedOn: LocalDate | null;
}

export function attentionStates(db: Db, subject: AttentionSubject): Map<number, AttentionState> {
  const rows = stmt<{ person_id: number; snoozed_until: string | null; dismissed_key: string | null; contacted_on: string | null }>(
    db,
    'SELECT person_id, snoozed_until, dismissed_key, contacted_on FROM attention_states WHERE subject = ?',
  ).all(subject);
  return new Map(rows.map((r) => [r.person_id, { snoozedUntil: r.snoozed_until, dismissedKey: r.dismissed_key, contactedOn: r.contacted_on }]));
}

/** Sets some fields of a person's state for a subject, leaving the others as they were. */
export function setAttention(db: Db, subject: AttentionSubject, personId: number, patch: Partial<AttentionState>): void {
  const current = attentionStates(db, subject).get(personId) ?? { snoozedUntil: null, dismissedKey: null, contactedOn: null };
  const next = { ...current, ...patch };
  stmt(
    db,
    `INSERT INTO attention_states (subject, person_id, snoozed_until, dismissed_key, contacted_on, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (subject, person_id) DO UPDATE SET snoozed_until = excluded.snoozed_until,
       dismissed_key = excluded.dismissed_key, contacted_on = excluded.contacted_on, updated_at = excluded.updated_at`,
  ).run(subject, personId, next.snoozedUntil, next.dismissedKey, next.contactedOn, nowIso());
}

/** Hidden by a snooze that has not run out, or by a dismissal of this very evidence. */
export function isHidden(state: AttentionState | undefined, today: LocalDate, evidenceKey: string): boolean {
  if (!state) return false;
  if (state.snoozedUntil !== null && state.snoozedUntil > today) return true;
  return state.dismissedKey !== null && state.dismissedKey === evidenceKey;
}

/**
 * Last contact per person as a local date: the newest non-deleted journal entry
 * with them, or a "mark contacted" from Home (stored on the cadence subject),
 * whichever is later.
 */
export function lastContactDates(db: Db, zone: TimeZone, personIds?: readonly number[]): Map<number, LocalDate> {
  const out = new Map<number, LocalDate>();
  // The local date stored with the entry is the one the user meant (migration 30); `zone` stays for callers' symmetry.
  void zone;
  for (const [id, last] of lastEntryTimes(db, personIds)) out.set(id, last.date);
  const wanted = personIds ? new Set(personIds) : null;
  for (const [id, state] of attentionStates(db, 'cadence')) {
    if (!state.contactedOn || (wanted && !wanted.has(id))) continue;
    const entry = out.get(id);
    if (!entry || state.contactedOn > entry) out.set(id, state.contactedOn);
  }
  return out;
}
