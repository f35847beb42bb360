// Introductions: the records that routes lead to (issue 4). One is created
// from a route (me → introducer → … → the person to meet), carries a drafted
// request to the introducer, and moves idea → asked → agreed → made → met, or
// declined, each move dated in introduction_events.
import type { Db } from '../db/open';
import type { Tie } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import type {
  FitKind,
  Introduction,
  IntroductionCreate,
  IntroductionEvent,
  IntroductionPatch,
  IntroductionSetStatus,
  IntroductionStatus,
} from '../../shared/routes';
import { affiliationFit, bestFit } from '../routes/warmth';
import { isRoutableLikelyTie } from './likelyTies';
import { getMeId, getPerson } from './people';
import { createTie, findTie } from './ties';
import { notFound, nowIso, setClause, stmt } from './util';

/**
 * Allowed moves. Forward along idea → asked → agreed → made → met, skipping
 * steps when they happened without being recorded; declined only while the
 * request is open (asked or agreed). met and declined are final.
 */
export const INTRODUCTION_MOVES: Readonly<Record<IntroductionStatus, readonly IntroductionStatus[]>> = {
  idea: ['asked', 'agreed', 'made', 'met'],
  asked: ['agreed', 'made', 'met', 'declined'],
  agreed: ['made', 'met', 'declined'],
  made: ['met'],
  met: [],
  declined: [],
};

interface IntroductionRecord {
  id: number;
  introducer_id: number | null;
  introducer_name: string | null;
  requester_id: number;
  target_person_id: number | null;
  target_person_name: string | null;
  target_organization_id: number | null;
  target_organization_name: string | null;
  status: IntroductionStatus;
  route: string;
  message: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT i.*, ip.display_name AS introducer_name, tp.display_name AS target_person_name,
                       o.name AS target_organization_name
                  FROM introductions i
                  LEFT JOIN people ip ON ip.id = i.introducer_id
                  LEFT JOIN people tp ON tp.id = i.target_person_id
                  LEFT JOIN organizations o ON o.id = i.target_organization_id`;

function toIntroduction(db: Db, r: IntroductionRecord): Introduction {
  const events = stmt<IntroductionEvent>(
    db,
    'SELECT id, status, at, note FROM introduction_events WHERE introduction_id = ? ORDER BY id',
  ).all(r.id);
  return {
    id: r.id,
    status: r.status,
    requesterId: r.requester_id,
    introducer: r.introducer_id === null ? null : { id: r.introducer_id, name: r.introducer_name ?? '' },
    targetPerson: r.target_person_id === null ? null : { id: r.target_person_id, name: r.target_person_name ?? '' },
    targetOrganization:
      r.target_organization_id === null ? null : { id: r.target_organization_id, name: r.target_organization_name ?? '' },
    route: JSON.parse(r.route) as number[],
    message: r.message,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    events,
  };
}

export function getIntroduction(db: Db, id: number): Introduction {
  const row = stmt<IntroductionRecord>(db, `${SELECT} WHERE i.id = ?`).get(id);
  if (!row) throw notFound('introduction', id);
  return toIntroduction(db, row);
}

/** Newest first; only one status when asked. */
export function listIntroductions(db: Db, filter: { status?: IntroductionStatus } = {}): Introduction[] {
  const rows =
    filter.status === undefined
      ? stmt<IntroductionRecord>(db, `${SELECT} ORDER BY i.updated_at DESC, i.id DESC`).all()
      : stmt<IntroductionRecord>(db, `${SELECT} WHERE i.status = ? ORDER BY i.updated_at DESC, i.id DESC`).all(filter.status);
  return rows.map((r) => toIntroduction(db, r));
}

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

/** What the target is at the organization, for the request: "a hiring manager at Acme Labs". */
function roleAt(db: Db, personId: number, organizationId: number): { fit: FitKind; organization: string } | null {
  const rows = stmt<{ name: string; is_current: number; is_hiring_manager: number; is_recruiter: number; is_referrer: number }>(
    db,
    `SELECT o.name, a.is_current, a.is_hiring_manager, a.is_recruiter, a.is_referrer
       FROM affiliations a JOIN organizations o ON o.id = a.organization_id
      WHERE a.person_id = ? AND a.organization_id = ?`,
  ).all(personId, organizationId);
  if (rows.length === 0) return null;
  const fit = bestFit(
    rows.map((r) =>
      affiliationFit({ current: r.is_current === 1, isHiringManager: r.is_hiring_manager === 1, isRecruiter: r.is_recruiter === 1, isReferrer: r.is_referrer === 1 }),
    ),
  )!;
  return { fit, organization: rows[0]!.name };
}

function describeRole(fit: FitKind, organization: string): string {
  switch (fit) {
    case 'hiring_manager':
      return `who is a hiring manager at ${organization}`;
    case 'recruiter':
      return `who recruits for ${organization}`;
    case 'referrer':
    case 'employee':
      return `who works at ${organization}`;
    case 'former_employee':
      return `who used to work at ${organization}`;
    case 'target_person':
      return '';
  }
}

export interface DraftInput {
  myName: string;
  introducerName: string;
  /** The people between the introducer and the target (empty for a 2-hop route). */
  between: string[];
  targetName: string;
  targetHeadline: string;
  /** "who is a hiring manager at Acme Labs"; empty when unknown. */
  targetRole: string;
  organizationName: string | null;
  /** The role I am after at the organization (issue 12); empty when not given. */
  jobRole?: string;
  /** Issue 15: the introducer's next hop is only a likely tie, so the request asks "Do you know …?" first. */
  asksFirst?: boolean;
}

/**
 * A short, editable request to the first intermediary: who and why, easy to
 * say yes or no to, written to their benefit (little work, no awkwardness).
 */
export function draftIntroductionMessage(d: DraftInput): string {
  const who = d.targetRole ? `${d.targetName}, ${d.targetRole}` : d.targetHeadline ? `${d.targetName} (${d.targetHeadline})` : d.targetName;
  const why = d.organizationName && d.jobRole
    ? `I'm applying for the ${d.jobRole} role at ${d.organizationName}, so I'd love 20 minutes of ${firstName(d.targetName)}'s advice.`
    : d.organizationName
    ? `I'm exploring my next role and ${d.organizationName} is high on my list, so I'd love 20 minutes of ${firstName(d.targetName)}'s advice.`
    : `I'm exploring my next role and I'd love 20 minutes of ${firstName(d.targetName)}'s advice.`;
  const next = d.between[0] ?? d.targetName;
  const ask = d.asksFirst
    ? `Do you know ${firstName(next)} (${next})? If you do, would you be comfortable introducing ${d.between.length === 0 ? 'us' : `me to ${firstName(next)}, who can put me in touch`}?`
    : d.between.length === 0
      ? `Would you be comfortable introducing us?`
      : `I believe you know ${d.between[0]}, who can put me in touch${d.between.length > 1 ? ' through people they know' : ''}. Would you be comfortable introducing me to ${firstName(d.between[0]!)}?`;
  return [
    `Hi ${firstName(d.introducerName)},`,
    '',
    `I hope you're well. I'd like to meet ${who}. ${why}`,
    '',
    `${ask} I'll send you a three-line blurb you can forward as is, so it takes you two minutes, and I'll keep it short and respectful of their time.`,
    '',
    `If it's not a good moment or you'd rather not, just say so — no problem at all, and thank you either way.`,
    '',
    `Best,`,
    firstName(d.myName),
  ].join('\n');
}

/**
 * Creates an introduction from a route's person ids (me first). The route must
 * still hold: every consecutive pair tied, nobody archived. The introducer is
 * the first intermediary; the target person is the last.
 */
export function createIntroduction(db: Db, input: IntroductionCreate): Introduction {
  return db.transaction(() => {
    const me = getMeId(db);
    const route = input.route;
    if (route[0] !== me) throw new KithError('CONFLICT', 'An introduction route starts with you. Pick a route from the Routes view.');
    if (new Set(route).size !== route.length) throw new KithError('CONFLICT', 'A route cannot visit the same person twice.');
    if (route.length < 3) {
      throw new KithError('CONFLICT', 'You know this person directly: reach out yourself, no introduction needed.');
    }
    const people = route.map((id) => getPerson(db, id));
    for (const p of people.slice(1)) {
      if (p.archived) throw new KithError('CONFLICT', `${p.displayName} is archived. Restore them, or pick another route.`);
    }
    let firstHopAfterIntroducerLikely = false;
    for (let i = 0; i + 1 < route.length; i++) {
      if (!findTie(db, route[i]!, route[i + 1]!)) {
        // A likely tie (issue 15) may carry a route; the request then asks instead of assuming.
        if (i > 0 && isRoutableLikelyTie(db, route[i]!, route[i + 1]!)) {
          if (i === 1) firstHopAfterIntroducerLikely = true;
          continue;
        }
        const a = i === 0 ? 'You' : people[i]!.displayName;
        throw new KithError(
          'CONFLICT',
          `${a} and ${people[i + 1]!.displayName} are no longer tied, so this route is out of date. Find routes again.`,
        );
      }
    }
    const introducer = people[1]!;
    const target = people[people.length - 1]!;
    let organizationName: string | null = null;
    let role = '';
    let jobRole = '';
    if (input.targetOrganizationId !== undefined && input.targetOrganizationId !== null) {
      const org = stmt<{ name: string }>(db, 'SELECT name FROM organizations WHERE id = ?').get(input.targetOrganizationId);
      if (!org) throw notFound('organization', input.targetOrganizationId);
      organizationName = org.name;
      jobRole = stmt<{ target_role: string }>(db, 'SELECT target_role FROM organizations WHERE id = ?').get(input.targetOrganizationId)!.target_role;
      const r = roleAt(db, target.id, input.targetOrganizationId);
      if (r) role = describeRole(r.fit, r.organization);
    }
    const message =
      input.message ??
      draftIntroductionMessage({
        myName: people[0]!.displayName,
        introducerName: introducer.displayName,
        between: people.slice(2, -1).map((p) => p.displayName),
        targetName: target.displayName,
        targetHeadline: target.headline,
        targetRole: role,
        organizationName,
        jobRole,
        asksFirst: firstHopAfterIntroducerLikely,
      });
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO introductions (introducer_id, requester_id, target_person_id, target_organization_id, status, route,
                                    message, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'idea', ?, ?, ?, ?, ?)`,
      ).run(introducer.id, me, target.id, input.targetOrganizationId ?? null, JSON.stringify(route), message, input.notes ?? '', now, now)
        .lastInsertRowid,
    );
    stmt(db, `INSERT INTO introduction_events (introduction_id, status, at, note) VALUES (?, 'idea', ?, '')`).run(id, now);
    return getIntroduction(db, id);
  })();
}

export function updateIntroduction(db: Db, id: number, patch: IntroductionPatch): Introduction {
  return db.transaction(() => {
    getIntroduction(db, id);
    const { sql, params } = setClause(patch, { message: 'message', notes: 'notes' });
    if (sql) stmt(db, `UPDATE introductions SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: nowIso() });
    return getIntroduction(db, id);
  })();
}

const STATUS_WORDS: Record<IntroductionStatus, string> = {
  idea: 'an idea',
  asked: 'asked',
  agreed: 'agreed',
  made: 'made',
  met: 'met',
  declined: 'declined',
};

/** Moves an introduction to a new status, dated; refuses moves that make no sense. */
export function setIntroductionStatus(db: Db, input: IntroductionSetStatus): Introduction {
  return db.transaction(() => {
    const current = getIntroduction(db, input.id);
    if (current.status === input.status) {
      throw new KithError('CONFLICT', `This introduction is already ${STATUS_WORDS[input.status]}.`);
    }
    const allowed = INTRODUCTION_MOVES[current.status];
    if (!allowed.includes(input.status)) {
      const options = allowed.length ? `From ${current.status} it can move to ${allowed.join(', ')}.` : `It is finished (${current.status}).`;
      throw new KithError('CONFLICT', `An introduction cannot go from ${current.status} to ${input.status}. ${options}`);
    }
    const now = nowIso();
    stmt(db, 'UPDATE introductions SET status = ?, updated_at = ? WHERE id = ?').run(input.status, now, input.id);
    // What the move replaced, so undoMove can put it back exactly (issue 17, m0130).
    stmt(
      db,
      `INSERT INTO introduction_events (introduction_id, status, at, note, prev_status, prev_updated_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.id, input.status, input.at ?? now, input.note ?? '', current.status, current.updatedAt, now);
    return getIntroduction(db, input.id);
  })();
}

/**
 * Undoes an introduction's last move (issue 17: "Mark met" had no undo), in
 * one transaction: the move's event is removed and the status it replaced
 * restored, with the updated_at it replaced unless the introduction was
 * edited since. Anything else done after the move (a tie added, an entry
 * logged) is its own action and stays. Refuses a move that is not the last,
 * or one recorded before moves could be undone, changing nothing.
 */
export function undoIntroductionMove(db: Db, input: { id: number; eventId: number }): Introduction {
  return db.transaction(() => {
    const current = getIntroduction(db, input.id);
    const event = stmt<{ id: number; status: IntroductionStatus; prev_status: IntroductionStatus | null; prev_updated_at: string | null; recorded_at: string | null }>(
      db,
      'SELECT id, status, prev_status, prev_updated_at, recorded_at FROM introduction_events WHERE id = ? AND introduction_id = ?',
    ).get(input.eventId, input.id);
    if (!event) throw notFound('introduction move', input.eventId);
    const last = current.events[current.events.length - 1];
    if (last?.id !== event.id || current.status !== event.status) {
      throw new KithError('CONFLICT', 'Only the last move of an introduction can be undone, and it has moved on since. Nothing was changed.');
    }
    if (event.prev_status === null || event.prev_updated_at === null) {
      throw new KithError('CONFLICT', 'This step cannot be undone: it is where the introduction started, or it was recorded before Kith kept what a move replaced. Nothing was changed.');
    }
    stmt(db, 'DELETE FROM introduction_events WHERE id = ?').run(event.id);
    const updatedAt = current.updatedAt === event.recorded_at ? event.prev_updated_at : current.updatedAt;
    stmt(db, 'UPDATE introductions SET status = ?, updated_at = ? WHERE id = ?').run(event.prev_status, updatedAt, input.id);
    return getIntroduction(db, input.id);
  })();
}

/**
 * Once an introduction is made, adds the new tie between me and the person I
 * was introduced to (strength 1, source "introduced"), unless one exists.
 */
export function addIntroducedTie(db: Db, id: number): { created: boolean; tie: Tie } {
  return db.transaction(() => {
    const intro = getIntroduction(db, id);
    if (intro.status !== 'made' && intro.status !== 'met') {
      throw new KithError('CONFLICT', `The introduction is ${STATUS_WORDS[intro.status]}, not made yet. Mark it made first.`);
    }
    if (!intro.targetPerson) throw new KithError('CONFLICT', 'The person of this introduction was deleted, so there is nobody to add a tie to.');
    const existing = findTie(db, intro.requesterId, intro.targetPerson.id);
    if (existing) return { created: false, tie: existing };
    const by = intro.introducer ? `Introduced by ${intro.introducer.name}` : 'Introduced';
    const tie = createTie(db, {
      personA: intro.requesterId,
      personB: intro.targetPerson.id,
      strength: 1,
      source: 'introduced',
      context: by,
      since: nowIso().slice(0, 10),
    });
    return { created: true, tie };
  })();
}
