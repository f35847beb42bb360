// The reciprocity ledger (issue 3): favors given and received, per-person
// balance and history, and who helped me recently without being thanked or
// helped back. A received favor is settled when it is acknowledged
// (favors.acknowledged_at: "I thanked them") or when I later did them a favor.
import type { Db } from '../db/open';
import { addDays, type LocalDate } from '../../shared/cadence';
import type { Favor, FavorBalance, FavorCreate, FavorPatch, FavorQuery, ThanksItem } from '../../shared/journal';
import { FAVOR_SELECT, toFavor, type FavorRecord } from './journal';
import { notFound, nowIso, stmt } from './util';
import { assertLinks } from './links';

export function getFavor(db: Db, id: number): Favor {
  const row = stmt<FavorRecord>(db, `${FAVOR_SELECT} WHERE f.id = ?`).get(id);
  if (!row) throw notFound('favor', id);
  return toFavor(row);
}

export function createFavor(db: Db, input: FavorCreate): Favor {
  return db.transaction(() => {
    assertLinks(db, input.personId, input.interactionId);
    const now = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO favors (person_id, direction, kind, occurred_on, note, interaction_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(input.personId, input.direction, input.kind, input.occurredOn, input.note ?? '', input.interactionId ?? null, now, now)
        .lastInsertRowid,
    );
    return getFavor(db, id);
  })();
}

export function updateFavor(db: Db, id: number, patch: FavorPatch): Favor {
  return db.transaction(() => {
    const f = getFavor(db, id);
    assertLinks(db, patch.personId, patch.interactionId);
    const now = nowIso();
    const acknowledgedAt = patch.acknowledged === undefined ? f.acknowledgedAt : patch.acknowledged ? (f.acknowledgedAt ?? now) : null;
    stmt(
      db,
      `UPDATE favors SET person_id = ?, direction = ?, kind = ?, occurred_on = ?, note = ?, interaction_id = ?,
                         acknowledged_at = ?, updated_at = ? WHERE id = ?`,
    ).run(
      patch.personId ?? f.personId,
      patch.direction ?? f.direction,
      patch.kind ?? f.kind,
      patch.occurredOn ?? f.occurredOn,
      patch.note ?? f.note,
      patch.interactionId === undefined ? f.interactionId : patch.interactionId,
      acknowledgedAt,
      now,
      id,
    );
    return getFavor(db, id);
  })();
}

export function deleteFavor(db: Db, id: number): void {
  if (stmt(db, 'DELETE FROM favors WHERE id = ?').run(id).changes === 0) throw notFound('favor', id);
}

/** Favors, newest first. */
export function listFavors(db: Db, query: FavorQuery = {}): Favor[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.personId !== undefined) {
    where.push('f.person_id = @person');
    params.person = query.personId;
  }
  if (query.direction) {
    where.push('f.direction = @direction');
    params.direction = query.direction;
  }
  return (
    db
      .prepare(`${FAVOR_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.occurred_on DESC, f.id DESC`)
      .all(params) as FavorRecord[]
  ).map(toFavor);
}

/** Given, received and net (given − received) per person, or for one person; most recent first. */
export function favorBalances(db: Db, personId?: number): FavorBalance[] {
  const rows = stmt<{ person_id: number; display_name: string; given: number; received: number; last: string }>(
    db,
    `SELECT f.person_id, p.display_name,
            sum(f.direction = 'given') AS given, sum(f.direction = 'received') AS received, max(f.occurred_on) AS last
       FROM favors f JOIN people p ON p.id = f.person_id
      WHERE @a IS NULL OR f.person_id = @a
      GROUP BY f.person_id ORDER BY last DESC, f.person_id`,
  ).all({ a: personId ?? null });
  return rows.map((r) => ({
    personId: r.person_id,
    displayName: r.display_name,
    given: r.given,
    received: r.received,
    net: r.given - r.received,
    lastFavorOn: r.last,
  }));
}

/**
 * People who did me a favor in the last `withinDays` days (up to today) that
 * is neither acknowledged nor followed by a favor I gave them on or after its
 * date. Archived people are left out. Newest favor first.
 */
export function unthankedFavors(db: Db, today: LocalDate, withinDays = 90): ThanksItem[] {
  const rows = stmt<FavorRecord>(
    db,
    `${FAVOR_SELECT}
      WHERE f.direction = 'received' AND f.acknowledged_at IS NULL
        AND f.occurred_on >= ? AND f.occurred_on <= ? AND p.archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM favors g WHERE g.person_id = f.person_id AND g.direction = 'given'
                                                 AND g.occurred_on >= f.occurred_on)
      ORDER BY f.occurred_on DESC, f.id DESC`,
  ).all(addDays(today, -withinDays), today);
  const byPerson = new Map<number, ThanksItem>();
  for (const r of rows) {
    let item = byPerson.get(r.person_id);
    if (!item) byPerson.set(r.person_id, (item = { personId: r.person_id, displayName: r.person_name, favors: [] }));
    item.favors.push(toFavor(r));
  }
  return [...byPerson.values()];
}

/** "Thanked": acknowledges every open received favor from this person. */
export function acknowledgeFavorsFrom(db: Db, personId: number): number {
  const now = nowIso();
  return stmt(
    db,
    `UPDATE favors SET acknowledged_at = ?, updated_at = ? WHERE person_id = ? AND direction = 'received' AND acknowledged_at IS NULL`,
  ).run(now, now, personId).changes;
}
