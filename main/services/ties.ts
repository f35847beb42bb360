// Ties: undirected, one per pair (stored with person_a < person_b), strength 1–5.
import type { Db } from '../db/open';
import type { Tie, TieCreate, TiePatch, TieSource, TieView } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import { getPerson } from './people';
import { bool, notFound, nowIso, setClause, stmt } from './util';

interface TieRecord {
  id: number;
  person_a: number;
  person_b: number;
  strength: number;
  context: string;
  since: string | null;
  source: TieSource;
  created_at: string;
  updated_at: string;
}

function toTie(r: TieRecord): Tie {
  return {
    id: r.id,
    personA: r.person_a,
    personB: r.person_b,
    strength: r.strength,
    context: r.context,
    since: r.since,
    source: r.source,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function orderedPair(x: number, y: number): [number, number] {
  return x < y ? [x, y] : [y, x];
}

export function getTie(db: Db, id: number): Tie {
  const row = stmt<TieRecord>(db, 'SELECT * FROM ties WHERE id = ?').get(id);
  if (!row) throw notFound('tie', id);
  return toTie(row);
}

export function findTie(db: Db, x: number, y: number): Tie | null {
  const [a, b] = orderedPair(x, y);
  const row = stmt<TieRecord>(db, 'SELECT * FROM ties WHERE person_a = ? AND person_b = ?').get(a, b);
  return row ? toTie(row) : null;
}

export function createTie(db: Db, input: TieCreate): Tie {
  if (input.personA === input.personB) throw new KithError('CONFLICT', 'A person cannot have a tie with themselves.');
  return db.transaction(() => {
    const first = getPerson(db, input.personA);
    const second = getPerson(db, input.personB);
    const existing = findTie(db, first.id, second.id);
    if (existing) {
      throw new KithError(
        'CONFLICT',
        `${first.displayName} and ${second.displayName} already have a tie (strength ${existing.strength}). Change that one instead.`,
      );
    }
    const [a, b] = orderedPair(first.id, second.id);
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO ties (person_a, person_b, strength, context, since, source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a, b, input.strength, input.context ?? '', input.since ?? null, input.source ?? 'manual', now, now).lastInsertRowid,
    );
    return getTie(db, id);
  })();
}

export function updateTie(db: Db, id: number, patch: TiePatch): Tie {
  return db.transaction(() => {
    getTie(db, id);
    const { sql, params } = setClause(patch, { strength: 'strength', context: 'context', since: 'since', source: 'source' });
    if (sql) stmt(db, `UPDATE ties SET ${sql}, updated_at = @now WHERE id = @id`).run({ ...params, id, now: nowIso() });
    return getTie(db, id);
  })();
}

export function deleteTie(db: Db, id: number): void {
  db.transaction(() => {
    getTie(db, id);
    stmt(db, 'DELETE FROM ties WHERE id = ?').run(id);
  })();
}

/** Every tie of one person, seen from their side: strongest first. */
export function listTiesOf(db: Db, personId: number): TieView[] {
  const rows = stmt<
    TieRecord & {
      other_id: number;
      other_name: string;
      other_is_me: number;
      other_archived: string | null;
      other_org: string | null;
      source_person_id: number | null;
      list_owner: string | null;
    }
  >(
    db,
    `SELECT t.*, p.id AS other_id, p.display_name AS other_name, p.is_me AS other_is_me, p.archived_at AS other_archived,
            (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.is_current = 1
              ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1) AS other_org,
            (SELECT s.display_name FROM people s WHERE s.id = t.source_person_id) AS list_owner
       FROM ties t
       JOIN people p ON p.id = CASE WHEN t.person_a = @id THEN t.person_b ELSE t.person_a END
      WHERE t.person_a = @id OR t.person_b = @id
      ORDER BY p.is_me DESC, t.strength DESC, p.display_name COLLATE NOCASE`,
  ).all({ id: personId });
  return rows.map((r) => ({
    id: r.id,
    otherId: r.other_id,
    otherName: r.other_name,
    otherIsMe: bool(r.other_is_me),
    otherArchived: r.other_archived !== null,
    otherOrganizationName: r.other_org,
    strength: r.strength,
    context: r.context,
    since: r.since,
    source: r.source,
    ...(r.source_person_id !== null && r.list_owner !== null ? { fromListOf: { id: r.source_person_id, name: r.list_owner } } : {}),
  }));
}
