// Organizations: unique by name, case- and Unicode-insensitively.
import type { Db } from '../db/open';
import { KithError } from '../../shared/errors';
import type {
  Organization,
  OrganizationCreate,
  OrganizationDetail,
  OrganizationKind,
  OrganizationMember,
  OrganizationPatch,
  OrganizationRow,
  OrganizationsQuery,
  SizeBand,
} from '../../shared/domain';
import { nameKey, toFtsPrefixQuery } from '../../shared/text';
import { getMeId } from './people';
import { organizationTags, setOrganizationTags } from './tags';
import { bool, notFound, nowIso, setClause, stmt } from './util';

interface OrganizationRecord {
  id: number;
  name: string;
  name_key: string;
  kind: OrganizationKind;
  domain: string;
  notes: string;
  size_band: SizeBand | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

function toOrganization(db: Db, r: OrganizationRecord): Organization {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    domain: r.domain,
    notes: r.notes,
    tags: organizationTags(db, r.id),
    archived: r.archived_at !== null,
    sizeBand: r.size_band,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getOrganization(db: Db, id: number): Organization {
  const row = stmt<OrganizationRecord>(db, 'SELECT * FROM organizations WHERE id = ?').get(id);
  if (!row) throw notFound('organization', id);
  return toOrganization(db, row);
}

export function findOrganizationByName(db: Db, name: string): Organization | null {
  const row = stmt<OrganizationRecord>(db, 'SELECT * FROM organizations WHERE name_key = ?').get(nameKey(name));
  return row ? toOrganization(db, row) : null;
}

function assertNameFree(db: Db, name: string, exceptId?: number): void {
  const other = findOrganizationByName(db, name);
  if (other && other.id !== exceptId) {
    throw new KithError(
      'CONFLICT',
      `An organization named "${other.name}" already exists${other.archived ? ' (archived)' : ''}. Open it instead, or choose another name.`,
    );
  }
}

export function createOrganization(db: Db, input: OrganizationCreate): Organization {
  return db.transaction(() => {
    assertNameFree(db, input.name);
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO organizations (name, name_key, kind, domain, notes, size_band, created_at, updated_at)
         VALUES (@name, @key, @kind, @domain, @notes, @sizeBand, @now, @now)`,
      ).run({
        name: input.name,
        key: nameKey(input.name),
        kind: input.kind ?? 'company',
        domain: input.domain ?? '',
        notes: input.notes ?? '',
        sizeBand: input.sizeBand ?? null,
        now,
      }).lastInsertRowid,
    );
    if (input.tags) setOrganizationTags(db, id, input.tags);
    return getOrganization(db, id);
  })();
}

/** The organization with this name, created if there is none (used when a person's affiliation names one). */
export function ensureOrganization(db: Db, name: string): Organization {
  return findOrganizationByName(db, name) ?? createOrganization(db, { name });
}

export function updateOrganization(db: Db, id: number, patch: OrganizationPatch): Organization {
  return db.transaction(() => {
    getOrganization(db, id);
    if (patch.name !== undefined) assertNameFree(db, patch.name, id);
    const { sql, params } = setClause(
      { ...patch, nameKey: patch.name === undefined ? undefined : nameKey(patch.name) },
      { name: 'name', nameKey: 'name_key', kind: 'kind', domain: 'domain', notes: 'notes' },
    );
    // null clears the band (setClause skips only undefined).
    if (patch.sizeBand !== undefined) stmt(db, 'UPDATE organizations SET size_band = ?, updated_at = ? WHERE id = ?').run(patch.sizeBand, nowIso(), id);
    if (sql) stmt(db, `UPDATE organizations SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: nowIso() });
    if (patch.tags) setOrganizationTags(db, id, patch.tags);
    return getOrganization(db, id);
  })();
}

function setArchived(db: Db, id: number, archived: boolean): Organization {
  return db.transaction(() => {
    const org = getOrganization(db, id);
    if (org.archived !== archived) {
      const now = nowIso();
      stmt(db, 'UPDATE organizations SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? now : null, now, id);
    }
    return getOrganization(db, id);
  })();
}
export const archiveOrganization = (db: Db, id: number) => setArchived(db, id, true);
export const restoreOrganization = (db: Db, id: number) => setArchived(db, id, false);

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function listOrganizations(db: Db, query: OrganizationsQuery = {}): { items: OrganizationRow[] } {
  const me = getMeId(db);
  const where: string[] = [];
  const params: Record<string, unknown> = { me };
  const archived = query.archived ?? 'exclude';
  if (archived === 'exclude') where.push('o.archived_at IS NULL');
  if (archived === 'only') where.push('o.archived_at IS NOT NULL');
  if (query.search?.trim()) {
    const fts = toFtsPrefixQuery(query.search);
    if (!fts) return { items: [] };
    where.push('o.id IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH @fts)');
    params.fts = fts;
  }
  const rows = db
    .prepare(
      `WITH members AS (
         SELECT a.organization_id, a.person_id, max(a.is_current) AS current,
                EXISTS (SELECT 1 FROM ties t WHERE t.person_a = min(a.person_id, @me) AND t.person_b = max(a.person_id, @me)) AS known
           FROM affiliations a JOIN people p ON p.id = a.person_id AND p.archived_at IS NULL
          GROUP BY a.organization_id, a.person_id)
       SELECT o.id, o.name, o.kind, o.domain, o.archived_at,
              coalesce(sum(m.current = 1), 0) AS current_people,
              coalesce(sum(m.current = 0), 0) AS former_people,
              coalesce(sum(m.known), 0) AS known_directly
         FROM organizations o LEFT JOIN members m ON m.organization_id = o.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        GROUP BY o.id`,
    )
    .all(params) as {
    id: number;
    name: string;
    kind: OrganizationKind;
    domain: string;
    archived_at: string | null;
    current_people: number;
    former_people: number;
    known_directly: number;
  }[];
  if (query.sort === 'people') rows.sort((a, b) => b.current_people - a.current_people || collator.compare(a.name, b.name));
  else rows.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      domain: r.domain,
      currentPeople: r.current_people,
      formerPeople: r.former_people,
      knownDirectly: r.known_directly,
      archived: r.archived_at !== null,
    })),
  };
}

export function getOrganizationDetail(db: Db, id: number): OrganizationDetail {
  const organization = getOrganization(db, id);
  const me = getMeId(db);
  const members = stmt<{
    affiliation_id: number;
    person_id: number;
    display_name: string;
    title: string;
    is_hiring_manager: number;
    is_recruiter: number;
    is_referrer: number;
    is_current: number;
    my_strength: number | null;
    archived_at: string | null;
  }>(
    db,
    `SELECT a.id AS affiliation_id, p.id AS person_id, p.display_name, a.title, a.is_hiring_manager, a.is_recruiter,
            a.is_referrer, a.is_current, t.strength AS my_strength, p.archived_at
       FROM affiliations a
       JOIN people p ON p.id = a.person_id
       LEFT JOIN ties t ON t.person_a = min(p.id, ?) AND t.person_b = max(p.id, ?)
      WHERE a.organization_id = ?`,
  ).all(me, me, id);
  const list: OrganizationMember[] = members.map((m) => ({
    affiliationId: m.affiliation_id,
    personId: m.person_id,
    displayName: m.display_name,
    title: m.title,
    isHiringManager: bool(m.is_hiring_manager),
    isRecruiter: bool(m.is_recruiter),
    isReferrer: bool(m.is_referrer),
    current: bool(m.is_current),
    myTieStrength: m.my_strength,
    archived: m.archived_at !== null,
  }));
  // Current people first, hiring managers and recruiters at the top, then the people I know best.
  const rank = (m: OrganizationMember) => (m.isHiringManager ? 2 : 0) + (m.isRecruiter ? 1 : 0);
  list.sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      rank(b) - rank(a) ||
      (b.myTieStrength ?? 0) - (a.myTieStrength ?? 0) ||
      collator.compare(a.displayName, b.displayName),
  );
  return { organization, members: list };
}
