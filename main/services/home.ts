// Home (issue 3): what needs me today, in five sections, and the one-action
// done / snooze / dismiss for each item.
//
// - due: people with a keep-in-touch cadence whose next contact is due within
//   `lookaheadDays` (default 7) or overdue, most overdue first (shared/cadence.ts).
// - dormant: weak ties (strength 1–2 with me) with no contact for
//   `dormantAfterDays` (default 180) or never, ranked by usefulness (below).
// - followUps: open reminders due today or earlier (after any snooze).
// - thanks: people who did me a favor in the last 90 days that I have neither
//   acknowledged nor returned (main/services/favors.ts).
// - recent: the newest journal entries.
// Second-degree people (issue 14: known only through a contact's list) are in
// neither "due" nor "dormant": I do not know them yet. Follow-ups and thanks
// are items I wrote myself, so they show whoever they are about.
//
// Dormant-tie usefulness, highest first (ties: longest silence first):
//   +3   works now at an organization I am targeting (organizations.is_target)
//   +1.5 per target organization they reach through their own ties that I do
//        not reach myself (me, or my ties of strength 3+, work there), up to 2
//   +0.5 per other organization they bridge to that I do not reach, up to 4
//   +1   hiring manager, recruiter or referrer in a current role
//   +0.5 if the tie is strength 2 rather than 1
//
// Done / snooze / dismiss:
// - cadence and dormant: done logs the given entry (or, without one, marks the
//   person contacted today: attention_states.contacted_on, which counts as
//   contact). Snooze hides until a date. Dismiss hides this occurrence: a
//   cadence item until its due date changes, a dormant item until there is
//   new contact.
// - thanks: done acknowledges their open favors; dismiss hides until a newer
//   favor arrives.
// - reminders: done, snoozed_until, dismissed on the reminder itself.
// Each can be undone exactly (issue 17): main/services/homeUndo.ts.
import { today as clockToday } from '../../shared/clock';
import type { Db } from '../db/open';
import { cadenceStatus, daysBetween, describeCadence, describeSpan, localDateOf, type LocalDate, type TimeZone } from '../../shared/cadence';
import { KithError, missingCase } from '../../shared/errors';
import type { CadenceItem, DormantItem, Home, HomeAction, HomeQuery, HomeUndo } from '../../shared/journal';
import { acknowledgeFavorsFrom, getFavor, unthankedFavors } from './favors';
import { openReceivedFavors, readAttention, readReminderState, rememberLoggedEntry, undoIfValid } from './homeUndo';
import { createEntry, listEntries } from './journal';
import { attentionStates, isHidden, lastContactDates, setAttention, type AttentionState } from './journalAttention';
import { getMeId, getPerson, importedToReview } from './people';
import { completeReminder, dismissReminder, listReminders, snoozeReminder } from './reminders';
import { stmt } from './util';

export const DEFAULT_LOOKAHEAD_DAYS = 7;
export const DEFAULT_DORMANT_AFTER_DAYS = 180;
export const THANKS_WITHIN_DAYS = 90;

export function todayIn(zone: TimeZone, today?: LocalDate): LocalDate {
  return today ?? clockToday(zone);
}

interface CadencePerson {
  id: number;
  display_name: string;
  cadence_days: number;
  created_at: string;
}

function cadenceItem(p: CadencePerson, last: LocalDate | undefined, today: LocalDate, zone: TimeZone): CadenceItem {
  // Never contacted: the day they were added stands in for the last contact.
  const anchor = last ?? localDateOf(p.created_at, zone);
  const status = cadenceStatus(anchor, p.cadence_days, today);
  return {
    personId: p.id,
    displayName: p.display_name,
    cadenceDays: p.cadence_days,
    cadenceLabel: describeCadence(p.cadence_days),
    lastContactOn: last ?? null,
    ...status,
  };
}

function cadencePeople(db: Db): CadencePerson[] {
  return stmt<CadencePerson>(
    db,
    `SELECT id, display_name, cadence_days, created_at FROM people
      WHERE cadence_days IS NOT NULL AND is_me = 0 AND archived_at IS NULL AND degree = 1`,
  ).all();
}

export function dueCadences(db: Db, today: LocalDate, zone: TimeZone, lookaheadDays = DEFAULT_LOOKAHEAD_DAYS): CadenceItem[] {
  const people = cadencePeople(db);
  const last = lastContactDates(db, zone, people.map((p) => p.id));
  const states = attentionStates(db, 'cadence');
  return people
    .map((p) => cadenceItem(p, last.get(p.id), today, zone))
    .filter((item) => item.daysOverdue >= -lookaheadDays && !isHidden(states.get(item.personId), today, item.dueOn))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.displayName.localeCompare(b.displayName));
}

interface WeakTie {
  id: number;
  display_name: string;
  strength: number;
}

export function dormantTies(
  db: Db,
  today: LocalDate,
  zone: TimeZone,
  dormantAfterDays = DEFAULT_DORMANT_AFTER_DAYS,
  exclude: ReadonlySet<number> = new Set(),
): DormantItem[] {
  const me = getMeId(db);
  const weak = stmt<WeakTie>(
    db,
    `SELECT p.id, p.display_name, t.strength FROM ties t
       JOIN people p ON p.id = CASE WHEN t.person_a = @a THEN t.person_b ELSE t.person_a END
      WHERE (t.person_a = @a OR t.person_b = @a) AND t.strength <= 2 AND p.archived_at IS NULL AND p.degree = 1`,
  ).all({ a: me });
  const last = lastContactDates(db, zone, weak.map((w) => w.id));
  const states = attentionStates(db, 'dormant');
  // Fresh imports are one "Review N imported contacts" card, not a row each (issue 17).
  const unreviewed = new Set(importedToReview(db));
  const candidates = weak.filter((w) => {
    if (exclude.has(w.id) || unreviewed.has(w.id)) return false;
    const on = last.get(w.id);
    if (on !== undefined && daysBetween(on, today) < dormantAfterDays) return false;
    return !isHidden(states.get(w.id), today, on ?? 'never');
  });
  if (candidates.length === 0) return [];

  const orgNames = new Map(stmt<{ id: number; name: string }>(db, 'SELECT id, name FROM organizations WHERE archived_at IS NULL').all().map((o) => [o.id, o.name]));
  const targets = new Set(stmt<{ id: number }>(db, 'SELECT id FROM organizations WHERE is_target = 1 AND archived_at IS NULL').all().map((o) => o.id));
  // Organizations I reach without these weak ties: mine, and those of my ties of strength 3+.
  const myReach = new Set(
    stmt<{ organization_id: number }>(
      db,
      `SELECT a.organization_id FROM affiliations a
        WHERE a.is_current = 1 AND (a.person_id = @a OR a.person_id IN (
          SELECT CASE WHEN person_a = @a THEN person_b ELSE person_a END FROM ties
           WHERE (person_a = @a OR person_b = @a) AND strength >= 3))`,
    )
      .all({ a: me })
      .map((r) => r.organization_id),
  );
  const ownRoles = stmt<{ organization_id: number; title: string; is_hiring_manager: number; is_recruiter: number; is_referrer: number }>(
    db,
    `SELECT organization_id, title, is_hiring_manager, is_recruiter, is_referrer FROM affiliations WHERE person_id = ? AND is_current = 1`,
  );
  const theirReach = stmt<{ organization_id: number }>(
    db,
    `SELECT DISTINCT a.organization_id FROM ties t
       JOIN affiliations a ON a.person_id = CASE WHEN t.person_a = @a THEN t.person_b ELSE t.person_a END AND a.is_current = 1
      WHERE (t.person_a = @a OR t.person_b = @a) AND t.person_a <> @b AND t.person_b <> @b`,
  );

  const items: DormantItem[] = candidates.map((w) => {
    const reasons: string[] = [];
    let usefulness = 0;
    const roles = ownRoles.all(w.id).filter((r) => orgNames.has(r.organization_id));
    const own = new Set(roles.map((r) => r.organization_id));
    const targetHere = roles.filter((r) => targets.has(r.organization_id));
    if (targetHere.length > 0) {
      usefulness += 3;
      reasons.push(`Works at ${orgNames.get(targetHere[0]!.organization_id)}, an organization you are targeting`);
    }
    const role = roles.find((r) => r.is_hiring_manager || r.is_recruiter || r.is_referrer);
    if (role) {
      usefulness += 1;
      const what = role.is_hiring_manager ? 'Hiring manager' : role.is_recruiter ? 'Recruiter' : 'Can refer';
      reasons.push(`${what} at ${orgNames.get(role.organization_id)}`);
    }
    const bridged = theirReach
      .all({ a: w.id, b: me })
      .map((r) => r.organization_id)
      .filter((o) => orgNames.has(o) && !own.has(o) && !myReach.has(o));
    const bridgedTargets = bridged.filter((o) => targets.has(o));
    const bridgedOthers = [...new Set([...bridged.filter((o) => !targets.has(o)), ...[...own].filter((o) => !myReach.has(o) && !targets.has(o))])];
    if (bridgedTargets.length > 0) {
      usefulness += 1.5 * Math.min(2, bridgedTargets.length);
      reasons.push(`Knows people at ${bridgedTargets.map((o) => orgNames.get(o)).slice(0, 3).join(', ')}, which you target and do not otherwise reach`);
    }
    if (bridgedOthers.length > 0) {
      usefulness += 0.5 * Math.min(4, bridgedOthers.length);
      reasons.push(`Bridges to ${bridgedOthers.length} ${bridgedOthers.length === 1 ? 'organization' : 'organizations'} you do not otherwise reach`);
    }
    if (w.strength === 2) usefulness += 0.5;
    const on = last.get(w.id) ?? null;
    const days = on === null ? null : daysBetween(on, today);
    reasons.push(on === null ? 'No conversation logged yet' : `No contact for ${describeSpan(on, today)}`);
    return { personId: w.id, displayName: w.display_name, strength: w.strength, lastContactOn: on, daysSinceContact: days, usefulness, reasons };
  });
  const silence = (d: number | null) => (d === null ? Number.POSITIVE_INFINITY : d);
  return items.sort(
    (a, b) =>
      b.usefulness - a.usefulness || silence(b.daysSinceContact) - silence(a.daysSinceContact) || a.displayName.localeCompare(b.displayName),
  );
}

function visibleThanks(db: Db, today: LocalDate) {
  const states = attentionStates(db, 'thanks');
  return unthankedFavors(db, today, THANKS_WITHIN_DAYS).filter((t) => !isHidden(states.get(t.personId), today, String(t.favors[0]!.id)));
}

export function getHome(db: Db, query: HomeQuery): Home {
  const today = todayIn(query.timeZone, query.today);
  const limit = query.limit ?? 20;
  const due = dueCadences(db, today, query.timeZone, query.lookaheadDays ?? DEFAULT_LOOKAHEAD_DAYS);
  const dormant = dormantTies(
    db,
    today,
    query.timeZone,
    query.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS,
    new Set(due.map((d) => d.personId)),
  );
  return {
    today,
    due: due.slice(0, limit),
    dormant: dormant.slice(0, limit),
    followUps: listReminders(db, { dueBy: today }).slice(0, limit),
    thanks: visibleThanks(db, today).slice(0, limit),
    recent: listEntries(db, { limit: Math.min(limit, 10) }).items,
    reviewImported: importedToReview(db).length,
  };
}

/**
 * Done, snooze or dismiss one Home item. Answers what it changed, as it was
 * before and after, for home:undo (issue 17); null when nothing changed that
 * can be put back.
 */
export function actOnHomeItem(db: Db, act: HomeAction): HomeUndo | null {
  const today = todayIn(act.timeZone, act.today);
  const item = act.item;
  /** Sets a Home mark and describes the change. */
  const mark = (subject: 'cadence' | 'dormant' | 'thanks', personId: number, patch: Partial<AttentionState>): HomeUndo => {
    const before = readAttention(db, subject, personId);
    setAttention(db, subject, personId, patch);
    return { type: 'attention', subject, personId, before, after: readAttention(db, subject, personId)! };
  };
  const undo = db.transaction((): HomeUndo | null => {
    switch (item.type) {
      case 'reminder': {
        const before = readReminderState(db, item.id);
        if (act.action === 'done') completeReminder(db, item.id);
        else if (act.action === 'snooze') snoozeReminder(db, item.id, act.until!);
        else dismissReminder(db, item.id);
        return { type: 'reminder', id: item.id, before, after: readReminderState(db, item.id) };
      }
      case 'cadence':
      case 'dormant': {
        const person = getPerson(db, item.personId);
        if (act.action === 'done') {
          if (act.entry) {
            const entry = createEntry(db, {
              occurredAt: act.entry.occurredAt ?? today,
              kind: act.entry.kind,
              title: act.entry.title,
              body: act.entry.body,
              participantIds: [person.id],
            });
            rememberLoggedEntry(db, entry.id);
            return { type: 'entry', id: entry.id, personId: person.id, updatedAt: entry.updatedAt };
          }
          return mark('cadence', person.id, { contactedOn: today });
        } else if (act.action === 'snooze') {
          return mark(item.type, person.id, { snoozedUntil: act.until! });
        } else if (item.type === 'cadence') {
          if (person.cadenceDays === null) throw new KithError('CONFLICT', `${person.displayName} has no keep-in-touch cadence.`);
          const last = lastContactDates(db, act.timeZone, [person.id]).get(person.id);
          const row = { id: person.id, display_name: person.displayName, cadence_days: person.cadenceDays, created_at: person.createdAt };
          return mark('cadence', person.id, { dismissedKey: cadenceItem(row, last, today, act.timeZone).dueOn });
        } else {
          const last = lastContactDates(db, act.timeZone, [person.id]).get(person.id);
          return mark('dormant', person.id, { dismissedKey: last ?? 'never' });
        }
      }
      case 'thanks': {
        getPerson(db, item.personId);
        if (act.action === 'done') {
          const ids = openReceivedFavors(db, item.personId);
          const before = new Map(ids.map((id) => [id, getFavor(db, id)]));
          acknowledgeFavorsFrom(db, item.personId);
          if (ids.length === 0) return null;
          return {
            type: 'favors',
            personId: item.personId,
            favors: ids.map((id) => {
              const was = before.get(id)!;
              const now = getFavor(db, id);
              return { id, before: { acknowledgedAt: was.acknowledgedAt, updatedAt: was.updatedAt }, after: { acknowledgedAt: now.acknowledgedAt, updatedAt: now.updatedAt } };
            }),
          };
        }
        if (act.action === 'snooze') return mark('thanks', item.personId, { snoozedUntil: act.until! });
        const newest = unthankedFavors(db, today, THANKS_WITHIN_DAYS).find((t) => t.personId === item.personId);
        return mark('thanks', item.personId, { dismissedKey: newest ? String(newest.favors[0]!.id) : null });
      }
      default:
        return missingCase(item);
    }
  })();
  return undo && undoIfValid(undo);
}
