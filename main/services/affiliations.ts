// Affiliations: a person at an organization, with a title and role flags.
import type { Db } from '../db/open';
import type { Affiliation, AffiliationCreate, AffiliationPatch } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import { ensureOrganization, getOrganization } from './organizations';
import { personExists } from './people';
import { bool, int, notFound, nowIso, setClause, stmt } from './util';

interface AffiliationRecord {
  id: number;
  person_id: number;
  organization_id: number;
  organization_name: string;
  title: string;
  is_hiring_manager: number;
  is_recruiter: number;
  is_referrer: number;
  start_date: string | null;
  end_date: string | null;
  is_current: number;
}

const SELECT = `SELECT a.*, o.name AS organization_name FROM affiliations a JOIN organizations o ON o.id = a.organization_id`;

function toAffiliation(r: AffiliationRecord): Affiliation {
  return {
    id: r.id,
    personId: r.person_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    title: r.title,
    isHiringManager: bool(r.is_hiring_manager),
    isRecruiter: bool(r.is_recruiter),
    isReferrer: bool(r.is_referrer),
    startDate: r.start_date,
    endDate: r.end_date,
    current: bool(r.is_current),
  };
}

export function getAffiliation(db: Db, id: number): Affiliation {
  const row = stmt<AffiliationRecord>(db, `${SELECT} WHERE a.id = ?`).get(id);
  if (!row) throw notFound('affiliation', id);
  return toAffiliation(row);
}

/** Current first, then by most recent start. */
export function listAffiliationsOfPerson(db: Db, personId: number): Affiliation[] {
  return stmt<AffiliationRecord>(
    db,
    `${SELECT} WHERE a.person_id = ? ORDER BY a.is_current DESC, a.start_date DESC NULLS LAST, a.id DESC`,
  )
    .all(personId)
    .map(toAffiliation);
}

function assertDatesInOrder(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start.slice(0, end.length)) {
    throw new KithError('INVALID_INPUT', `The end date (${end}) is before the start date (${start}).`);
  }
}

export function createAffiliation(db: Db, input: AffiliationCreate): Affiliation {
  return db.transaction(() => {
    if (!personExists(db, input.personId)) throw notFound('person', input.personId);
    const organizationId =
      input.organizationId !== undefined
        ? getOrganization(db, input.organizationId).id
        : ensureOrganization(db, input.organizationName!).id;
    assertDatesInOrder(input.startDate, input.endDate);
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO affiliations (person_id, organization_id, title, is_hiring_manager, is_recruiter, is_referrer,
                                   start_date, end_date, is_current, created_at, updated_at)
         VALUES (@personId, @organizationId, @title, @hm, @rec, @ref, @start, @end, @current, @now, @now)`,
      ).run({
        personId: input.personId,
        organizationId,
        title: input.title ?? '',
        hm: int(input.isHiringManager) ?? 0,
        rec: int(input.isRecruiter) ?? 0,
        ref: int(input.isReferrer) ?? 0,
        start: input.startDate ?? null,
        end: input.endDate ?? null,
        // An affiliation with an end date is a former one unless the caller says otherwise.
        current: int(input.current) ?? (input.endDate ? 0 : 1),
        now,
      }).lastInsertRowid,
    );
    return getAffiliation(db, id);
  })();
}

export function updateAffiliation(db: Db, id: number, patch: AffiliationPatch): Affiliation {
  return db.transaction(() => {
    const before = getAffiliation(db, id);
    assertDatesInOrder(
      patch.startDate === undefined ? before.startDate : patch.startDate,
      patch.endDate === undefined ? before.endDate : patch.endDate,
    );
    const { sql, params } = setClause(
      {
        title: patch.title,
        hm: int(patch.isHiringManager),
        rec: int(patch.isRecruiter),
        ref: int(patch.isReferrer),
        start: patch.startDate,
        end: patch.endDate,
        current: int(patch.current),
      },
      {
        title: 'title',
        hm: 'is_hiring_manager',
        rec: 'is_recruiter',
        ref: 'is_referrer',
        start: 'start_date',
        end: 'end_date',
        current: 'is_current',
      },
    );
    if (sql) stmt(db, `UPDATE affiliations SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: nowIso() });
    return getAffiliation(db, id);
  })();
}

export function deleteAffiliation(db: Db, id: number): void {
  db.transaction(() => {
    getAffiliation(db, id);
    stmt(db, 'DELETE FROM affiliations WHERE id = ?').run(id);
  })();
}
