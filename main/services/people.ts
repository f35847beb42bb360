// People: create, read, update, archive, restore, list with search and sort.
import type { Db } from '../db/open';
import { KithError, missingCase } from '../../shared/errors';
import type {
  PeopleSort,
  LabeledValue,
  Person,
  PersonCreate,
  PersonDetail,
  PersonPatch,
  PersonRow,
  PeopleQuery,
} from '../../shared/domain';
import { nameMatchRank, toFtsPrefixQuery } from '../../shared/text';
import { foldedPeopleCondition, refreshPeopleSearch } from './searchIndex';
import { listAffiliationsOfPerson } from './affiliations';
import { personTags, setPersonTags } from './tags';
import { listTiesOf } from './ties';
import { bool, notFound, nowIso, setClause, stmt } from './util';

/** A row of the people table as SQLite returns it (also read by the merge service). */
export interface PersonRecord {
  id: number;
  is_me: number;
  display_name: string;
  given_name: string;
  family_name: string;
  headline: string;
  location: string;
  emails: string;
  phones: string;
  links: string;
  linkedin_url: string | null;
  how_we_met: string;
  notes: string;
  cadence_days: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** Issue 14, migration 90: 2 for people known only through a contact's list. */
  degree: number;
}

export function getMeId(db: Db): number {
  const row = stmt<{ id: number }>(db, 'SELECT id FROM people WHERE is_me = 1').get();
  if (!row) throw new KithError('INTERNAL', 'The data file has no "me" person. Restore a backup, or report this bug.');
  return row.id;
}

function toPerson(db: Db, r: PersonRecord): Person {
  return {
    id: r.id,
    isMe: bool(r.is_me),
    displayName: r.display_name,
    givenName: r.given_name,
    familyName: r.family_name,
    headline: r.headline,
    location: r.location,
    emails: JSON.parse(r.emails) as LabeledValue[],
    phones: JSON.parse(r.phones) as LabeledValue[],
    links: JSON.parse(r.links) as LabeledValue[],
    linkedinUrl: r.linkedin_url,
    howWeMet: r.how_we_met,
    notes: r.notes,
    cadenceDays: r.cadence_days,
    tags: personTags(db, r.id),
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.degree === 2 ? { secondDegree: true as const } : {}),
  };
}

export function getPerson(db: Db, id: number): Person {
  const row = stmt<PersonRecord>(db, 'SELECT * FROM people WHERE id = ?').get(id);
  if (!row) throw notFound('person', id);
  return toPerson(db, row);
}

export function personExists(db: Db, id: number): boolean {
  return stmt(db, 'SELECT 1 FROM people WHERE id = ?').get(id) !== undefined;
}

const COLUMNS = {
  displayName: 'display_name',
  givenName: 'given_name',
  familyName: 'family_name',
  headline: 'headline',
  location: 'location',
  emails: 'emails',
  phones: 'phones',
  links: 'links',
  linkedinUrl: 'linkedin_url',
  howWeMet: 'how_we_met',
  notes: 'notes',
  cadenceDays: 'cadence_days',
} as const;

function encode(input: PersonPatch): Record<string, unknown> {
  return {
    ...input,
    emails: input.emails && JSON.stringify(input.emails),
    phones: input.phones && JSON.stringify(input.phones),
    links: input.links && JSON.stringify(input.links),
  };
}

export function createPerson(db: Db, input: PersonCreate): Person {
  return db.transaction(() => {
    const now = nowIso();
    const row = encode(input);
    const id = Number(
      stmt(
        db,
        `INSERT INTO people (display_name, given_name, family_name, headline, location, emails, phones, links,
                             linkedin_url, how_we_met, notes, cadence_days, created_at, updated_at)
         VALUES (@displayName, @givenName, @familyName, @headline, @location, @emails, @phones, @links,
                 @linkedinUrl, @howWeMet, @notes, @cadenceDays, @now, @now)`,
      ).run({
        displayName: input.displayName,
        givenName: input.givenName ?? '',
        familyName: input.familyName ?? '',
        headline: input.headline ?? '',
        location: input.location ?? '',
        emails: row.emails ?? '[]',
        phones: row.phones ?? '[]',
        links: row.links ?? '[]',
        linkedinUrl: input.linkedinUrl ?? null,
        howWeMet: input.howWeMet ?? '',
        notes: input.notes ?? '',
        cadenceDays: input.cadenceDays ?? null,
        now,
      }).lastInsertRowid,
    );
    if (input.tags) setPersonTags(db, id, input.tags);
    return getPerson(db, id);
  })();
}

export function updatePerson(db: Db, id: number, patch: PersonPatch): Person {
  return db.transaction(() => {
    if (!personExists(db, id)) throw notFound('person', id);
    const { sql, params } = setClause(encode(patch), COLUMNS);
    if (sql) {
      // A patch may set a nullable column to null; setClause skips only undefined.
      stmt(db, `UPDATE people SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: nowIso() });
    }
    if (patch.tags) {
      setPersonTags(db, id, patch.tags);
      if (!sql) stmt(db, 'UPDATE people SET updated_at = ? WHERE id = ?').run(nowIso(), id);
    }
    return getPerson(db, id);
  })();
}

export function archivePerson(db: Db, id: number): Person {
  return db.transaction(() => {
    const person = getPerson(db, id);
    if (person.isMe) throw new KithError('CONFLICT', 'You cannot archive yourself.');
    if (!person.archived) {
      const now = nowIso();
      stmt(db, 'UPDATE people SET archived_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
    }
    return getPerson(db, id);
  })();
}

export function restorePerson(db: Db, id: number): Person {
  return db.transaction(() => {
    const person = getPerson(db, id);
    if (person.archived) {
      stmt(db, 'UPDATE people SET archived_at = NULL, updated_at = ? WHERE id = ?').run(nowIso(), id);
    }
    return getPerson(db, id);
  })();
}

interface PersonRowRecord {
  id: number;
  is_me: number;
  display_name: string;
  headline: string;
  archived_at: string | null;
  organization_id: number | null;
  organization_name: string | null;
  title: string | null;
  my_strength: number | null;
  created_at: string;
  degree: number;
}

/**
 * People brought in by an import and not looked at since (issue 17): my tie
 * with them still has the strength the import gave it, they have no cadence,
 * and there is no conversation with them. Home shows them as one "Review N
 * imported contacts" card instead of one "Worth reviving" row each; the
 * People list shows just them with `review: 'imported'`. Needs @me.
 */
export const IMPORTED_TO_REVIEW_SQL = `
  SELECT p.id FROM ties t
    JOIN people p ON p.id = CASE WHEN t.person_a = @me THEN t.person_b ELSE t.person_a END
   WHERE (t.person_a = @me OR t.person_b = @me) AND t.strength_source = 'imported'
     AND p.archived_at IS NULL AND p.is_me = 0 AND p.cadence_days IS NULL
     AND NOT EXISTS (SELECT 1 FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
                      WHERE ip.person_id = p.id AND i.deleted_at IS NULL)
     AND NOT EXISTS (SELECT 1 FROM attention_states s WHERE s.person_id = p.id AND s.contacted_on IS NOT NULL)`;

export function importedToReview(db: Db): number[] {
  return stmt<{ id: number }>(db, IMPORTED_TO_REVIEW_SQL).all({ me: getMeId(db) }).map((r) => r.id);
}

/** A key that sorts names case- and accent-insensitively ("Émile" beside "Emil"), with numbers in order. */
export function sortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(/\d+/g, (d) => d.padStart(12, '0'));
}

/**
 * The People list: the matching people, sorted and paged in SQL (`offset`,
 * `limit`; the renderer asks for the pages on screen), and how many match.
 * "Me" is not in the list (the sidebar has its own entry).
 */
export function listPeople(db: Db, query: PeopleQuery = {}): { items: PersonRow[]; total: number } {
  const me = getMeId(db);
  const keyed = refreshPeopleSortKeys(db);
  const where: string[] = ['p.is_me = 0'];
  const params: Record<string, unknown> = { me };
  const archived = query.archived ?? 'exclude';
  if (archived === 'exclude') where.push('p.archived_at IS NULL');
  if (archived === 'only') where.push('p.archived_at IS NOT NULL');
  if (query.organizationId !== undefined) {
    where.push('p.id IN (SELECT person_id FROM affiliations WHERE organization_id = @org)');
    params.org = query.organizationId;
  }
  if (query.review === 'imported') where.push(`p.id IN (${IMPORTED_TO_REVIEW_SQL})`);
  // A search finds second-degree people too, and so does "See the people" an import (of a contact's list) brought in.
  const degree = query.degree ?? (query.search?.trim() || query.importBatch !== undefined ? 'all' : 'first');
  if (degree === 'first') where.push('p.degree = 1');
  if (degree === 'second') where.push('p.degree = 2');
  if (query.importBatch !== undefined) {
    where.push('p.import_batch = @batch');
    params.batch = query.importBatch;
  }
  if (query.tag) {
    where.push(
      `p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name_key = @tag)`,
    );
    params.tag = query.tag.normalize('NFKC').toLocaleLowerCase('und').trim();
  }
  const fts = query.search ? toFtsPrefixQuery(query.search) : null;
  const folded = query.search ? foldedPeopleCondition('p.search_folded', query.search) : null;
  if (query.search && query.search.trim() && !fts && !folded) {
    return { items: [], total: 0 }; // only punctuation typed: nothing can match
  }
  if (fts || folded) {
    // Names, e-mails and phones folded (issue 17: "soren" finds Søren, a phone
    // by its digits), or the full-text index over headline, location, notes…,
    // or the current organization's name.
    const any: string[] = [];
    if (folded) {
      refreshPeopleSearch(db);
      folded.params.forEach((value, i) => (params[`f${i}`] = value));
      let i = 0;
      any.push(folded.sql.replace(/\?/gu, () => `@f${i++}`));
    }
    if (fts) {
      any.push(`p.id IN (SELECT rowid FROM people_fts WHERE people_fts MATCH @fts)
              OR p.id IN (SELECT a.person_id FROM affiliations a
                           WHERE a.is_current = 1
                             AND a.organization_id IN (SELECT rowid FROM organizations_fts WHERE organizations_fts MATCH @fts))`);
      params.fts = fts;
    }
    where.push(`(${any.join(' OR ')})`);
  }

  const filter = where.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM people p WHERE ${filter}`).get(params) as { n: number }).n;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? -1; // SQLite: no limit

  let ids: number[];
  if (query.bestMatchFirst && query.search) {
    // Issue 17: "Dalia S" puts Dalia Sánchez before Dalia Fernández (whose
    // title has an S). Pickers ask for a dozen of the people a search already
    // narrowed, so the ranking by how the name matches is done here.
    const search = query.search;
    const matched = db
      .prepare(
        `SELECT p.id, p.display_name, t.strength AS my_strength FROM people p
           LEFT JOIN ties t ON t.person_a = min(p.id, @me) AND t.person_b = max(p.id, @me)
          WHERE ${filter} ORDER BY ${peopleOrder(db, keyed).name}`,
      )
      .all(params) as { id: number; display_name: string; my_strength: number | null }[];
    const rank = new Map(matched.map((r, i) => [r.id, { match: nameMatchRank(search, r.display_name), strength: r.my_strength ?? 0, i }]));
    const score = (id: number) => rank.get(id)!;
    ids = matched
      .map((r) => r.id)
      .sort((a, b) => score(a).match - score(b).match || score(b).strength - score(a).strength || score(a).i - score(b).i)
      .slice(offset, limit < 0 ? undefined : offset + limit);
  } else {
    // Sorted and paged in SQL (issue 17): the first page of 10,000 people no
    // longer waits for every row to be read, joined and sorted in JavaScript.
    const sort = query.sort ?? 'name';
    if (sort === 'organization') registerSortKey(db);
    ids = db
      .prepare(
        `${sort === 'organization' ? ORG_KEYS : ''}
         SELECT p.id FROM people p ${sort === 'organization' ? `${CURRENT_ORG_JOIN} LEFT JOIN org_keys ok ON ok.id = o.id` : ''}
           ${sort === 'strength' ? 'LEFT JOIN ties t ON t.person_a = min(p.id, @me) AND t.person_b = max(p.id, @me)' : ''}
          WHERE ${filter} ORDER BY ${peopleOrder(db, keyed)[sort] ?? missingCase(sort as never)} LIMIT @limit OFFSET @offset`,
      )
      .pluck()
      .all({ ...params, limit, offset }) as number[];
  }

  const byId = new Map(
    (
      db
        .prepare(
          `SELECT p.id, p.is_me, p.display_name, p.headline, p.archived_at, p.created_at, p.degree,
                  ca.organization_id, o.name AS organization_name, ca.title, t.strength AS my_strength
             FROM people p ${CURRENT_ORG_JOIN}
             LEFT JOIN ties t ON t.person_a = min(p.id, @me) AND t.person_b = max(p.id, @me)
            WHERE p.id IN (SELECT value FROM json_each(@ids))`,
        )
        .all({ me, ids: JSON.stringify(ids) }) as PersonRowRecord[]
    ).map((r) => [r.id, r]),
  );
  return {
    total,
    items: ids.map((id) => {
      const r = byId.get(id)!;
      return {
        id: r.id,
        isMe: bool(r.is_me),
        displayName: r.display_name,
        headline: r.headline,
        organizationId: r.organization_id,
        organizationName: r.organization_name,
        title: r.title,
        myTieStrength: r.my_strength,
        archived: r.archived_at !== null,
        ...(r.degree === 2 ? { secondDegree: true as const } : {}),
      };
    }),
  };
}

/** A person's current organization (the latest current affiliation) as `ca` and `o`. */
const CURRENT_ORG_JOIN = `
  LEFT JOIN affiliations ca ON ca.id = (
       SELECT a.id FROM affiliations a
        WHERE a.person_id = p.id AND a.is_current = 1
        ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1)
  LEFT JOIN organizations o ON o.id = ca.organization_id`;

/**
 * ORDER BY of each People-list sort. Names by people.sort_key (m0130, kept by
 * refreshPeopleSortKeys; the index on it lets the first page stop early); on
 * a read-only file, where keys may be missing, by the key or the lower-cased
 * name. Organizations by their folded name, people with none last; the
 * strongest tie first; the newest first.
 */
function peopleOrder(db: Db, keyed = !db.readonly): Record<PeopleSort, string> {
  const name = keyed ? 'p.sort_key, p.id' : 'coalesce(p.sort_key, lower(p.display_name)), p.id';
  return {
    name,
    organization: `o.name IS NULL, ok.k, ${name}`,
    strength: `coalesce(t.strength, 0) DESC, ${name}`,
    added: 'p.created_at DESC, p.id DESC',
  };
}

/** Each organization's folded name, computed once per organization rather than once per person. */
const ORG_KEYS = 'WITH org_keys(id, k) AS MATERIALIZED (SELECT id, kith_sort_key(name) FROM organizations)';

const keyed = new WeakSet<Db>();
/** kith_sort_key(text) in SQL: sortKey, for the few organization names a sort compares. */
function registerSortKey(db: Db): void {
  if (keyed.has(db)) return;
  db.function('kith_sort_key', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? sortKey(name) : null));
  keyed.add(db);
}

/**
 * Writes people.sort_key where it is missing (new people, changed names):
 * cheap when none is (a partial index lookup). A read-only file is left
 * alone; its rows not yet keyed sort by their lower-cased name.
 */
export function refreshPeopleSortKeys(db: Db): boolean {
  if (db.readonly) return false;
  const stale = stmt<{ id: number; display_name: string }>(db, 'SELECT id, display_name FROM people WHERE sort_key IS NULL').all();
  if (stale.length === 0) return true;
  const write = stmt(db, 'UPDATE people SET sort_key = ? WHERE id = ?');
  try {
    db.transaction(() => {
      for (const r of stale) write.run(sortKey(r.display_name), r.id);
    })();
    return true;
  } catch (error) {
    // Another program holds the file (SQLITE_BUSY): a read must still answer,
    // ordered as a read-only file is; the keys are written next time.
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw error;
  }
}

export function getPersonDetail(db: Db, id: number): PersonDetail {
  const person = getPerson(db, id);
  const ties = listTiesOf(db, id);
  const me = getMeId(db);
  const myTie = person.isMe ? null : (ties.find((t) => t.otherId === me) ?? null);
  return { person, affiliations: listAffiliationsOfPerson(db, id), ties, myTie };
}
