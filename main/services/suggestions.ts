// Tie-strength suggestions (issue 3): for people I have journal entries with,
// a strength suggested from how often, how recently and in how many contexts
// we have been in touch. Nothing changes until the user accepts; an ignored
// suggestion stays hidden until its evidence changes.
//
// The formula (documented for users):
//   score = 1 + frequency + recency + breadth, rounded (halves up), 1–5
//   frequency: entries in the last 365 days: 0 → 0, 1 → 0.5, 2–3 → 1, 4–11 → 2, 12+ → 3
//   recency:   last contact within 30 days → +0.5; more than 365 days ago → −1
//   breadth:   distinct kinds + distinct organizations of our entries ≥ 3 → +0.5
// A suggestion is shown when there is no tie yet, when it is higher than the
// current strength, or when it is at least 2 lower (a clear drift; one quiet
// spell should not demote a close friend).
// Never for a strength the user set by hand in the last 90 days (issue 17:
// "I set Marta to 4, logged one coffee, and Kith asked to make it 2").
import type { Db } from '../db/open';
import { addDays, daysBetween, describeSince, localDateOf, type LocalDate, type TimeZone } from '../../shared/cadence';
import type { Tie } from '../../shared/domain';
import type { TieSuggestion } from '../../shared/journal';
import { attentionStates, isHidden, setAttention } from './journalAttention';
import { getMeId, getPerson } from './people';
import { createTie, findTie, updateTie } from './ties';
import { stmt } from './util';

export interface SuggestionEvidence {
  entries: number;
  entriesLastYear: number;
  lastContactOn: LocalDate;
  daysSinceContact: number;
  contexts: number;
}

export function suggestStrength(e: SuggestionEvidence): number {
  const n = e.entriesLastYear;
  const frequency = n === 0 ? 0 : n === 1 ? 0.5 : n <= 3 ? 1 : n <= 11 ? 2 : 3;
  const recency = e.daysSinceContact <= 30 ? 0.5 : e.daysSinceContact > 365 ? -1 : 0;
  const breadth = e.contexts >= 3 ? 0.5 : 0;
  return Math.min(5, Math.max(1, Math.floor(1 + frequency + recency + breadth + 0.5)));
}

function worthSuggesting(current: number | null, suggested: number): boolean {
  return current === null || suggested > current || suggested <= current - 2;
}

const signature = (suggested: number, e: SuggestionEvidence) => `${suggested}:${e.entries}:${e.lastContactOn}`;

function describe(e: SuggestionEvidence): string {
  const ago = describeSince(e.lastContactOn, addDays(e.lastContactOn, e.daysSinceContact));
  const year = `${e.entriesLastYear} ${e.entriesLastYear === 1 ? 'entry' : 'entries'} in the last year`;
  return `${year} (${e.entries} in all), the last one ${ago}, across ${e.contexts} ${e.contexts === 1 ? 'context' : 'contexts'}`;
}

/**
 * The evidence for everyone I have non-deleted entries with (archived people
 * and me left out), aggregated in SQL: a journal may hold 100,000 entries.
 * Entries dated after today (planned) are not contact yet. Dates are the local
 * dates stored with each entry (migration 30), and the last contact is the
 * newest entry as an instant; the zone was applied when the entry was written.
 */
export function suggestionEvidence(db: Db, today: LocalDate, _zone: TimeZone): Map<number, SuggestionEvidence & { name: string }> {
  const rows = stmt<{ person_id: number; name: string; entries: number; last_year: number; last: string; kinds: number; orgs: number }>(
    db,
    `SELECT ip.person_id, p.display_name AS name, count(*) AS entries,
            sum(i.occurred_date > @yearAgo) AS last_year, i.occurred_date AS last, max(i.occurred_utc) AS last_utc,
            count(DISTINCT i.kind) AS kinds, count(DISTINCT i.organization_id) AS orgs
       FROM interaction_participants ip
       JOIN interactions i ON i.id = ip.interaction_id
       JOIN people p ON p.id = ip.person_id
      WHERE i.deleted_at IS NULL AND p.is_me = 0 AND p.archived_at IS NULL AND i.occurred_date <= @today
      GROUP BY ip.person_id`,
  ).all({ today, yearAgo: addDays(today, -365) });
  const out = new Map<number, SuggestionEvidence & { name: string }>();
  for (const r of rows) {
    const last = r.last;
    const lastContactOn = last > today ? today : last;
    out.set(r.person_id, {
      name: r.name,
      entries: r.entries,
      entriesLastYear: r.last_year,
      lastContactOn,
      daysSinceContact: daysBetween(lastContactOn, today),
      contexts: r.kinds + r.orgs,
    });
  }
  return out;
}

/** Days a strength set by hand is left alone (issue 17). */
export const MANUAL_STRENGTH_QUIET_DAYS = 90;

function myStrengths(db: Db, me: number): Map<number, { strength: number; source: string | null; setAt: string | null }> {
  const rows = stmt<{ other: number; strength: number; strength_source: string | null; strength_set_at: string | null }>(
    db,
    `SELECT CASE WHEN person_a = @a THEN person_b ELSE person_a END AS other, strength, strength_source, strength_set_at
       FROM ties WHERE person_a = @a OR person_b = @a`,
  ).all({ a: me });
  return new Map(rows.map((r) => [r.other, { strength: r.strength, source: r.strength_source, setAt: r.strength_set_at }]));
}

/** Did the user set this strength by hand less than 90 days before `today`? */
function setByHandLately(tie: { source: string | null; setAt: string | null } | undefined, today: LocalDate, zone: TimeZone): boolean {
  if (!tie || tie.source !== 'manual' || !tie.setAt) return false;
  return daysBetween(localDateOf(tie.setAt, zone), today) < MANUAL_STRENGTH_QUIET_DAYS;
}

/** Suggestions worth showing, strongest evidence first. */
export function listSuggestions(db: Db, today: LocalDate, zone: TimeZone): TieSuggestion[] {
  const me = getMeId(db);
  const strengths = myStrengths(db, me);
  const ignored = attentionStates(db, 'suggestion');
  const out: TieSuggestion[] = [];
  for (const [personId, e] of suggestionEvidence(db, today, zone)) {
    const suggested = suggestStrength(e);
    const tie = strengths.get(personId);
    const current = tie?.strength ?? null;
    if (!worthSuggesting(current, suggested)) continue;
    if (setByHandLately(tie, today, zone)) continue;
    if (isHidden(ignored.get(personId), today, signature(suggested, e))) continue;
    const { name, ...evidence } = e;
    out.push({ personId, displayName: name, currentStrength: current, suggestedStrength: suggested, evidence, reason: describe(e) });
  }
  out.sort(
    (a, b) =>
      b.evidence.entriesLastYear - a.evidence.entriesLastYear ||
      a.evidence.daysSinceContact - b.evidence.daysSinceContact ||
      a.displayName.localeCompare(b.displayName),
  );
  return out;
}

/** Accepting sets my tie with the person to `strength` (creating it if needed). */
export function acceptSuggestion(db: Db, personId: number, strength: number): Tie {
  return db.transaction(() => {
    const me = getMeId(db);
    getPerson(db, personId);
    const existing = findTie(db, me, personId);
    const tie = existing ? updateTie(db, existing.id, { strength }) : createTie(db, { personA: me, personB: personId, strength });
    // Accepted from a suggestion, not set by hand: later suggestions may still follow the evidence.
    stmt(db, "UPDATE ties SET strength_source = 'suggestion' WHERE id = ?").run(tie.id);
    setAttention(db, 'suggestion', personId, { dismissedKey: null });
    return tie;
  })();
}

/** Ignoring hides the current suggestion until the evidence behind it changes. */
export function ignoreSuggestion(db: Db, personId: number, today: LocalDate, zone: TimeZone): void {
  getPerson(db, personId);
  const e = suggestionEvidence(db, today, zone).get(personId);
  const key = e ? signature(suggestStrength(e), e) : 'none';
  setAttention(db, 'suggestion', personId, { dismissedKey: key });
}
