import type { Db } from '../db/open';
import { nameKey } from '../../shared/text';
import { stmt } from './util';

function tagId(db: Db, name: string): number {
  const key = nameKey(name);
  const existing = stmt<{ id: number }>(db, 'SELECT id FROM tags WHERE name_key = ?').get(key);
  if (existing) return existing.id;
  return Number(stmt(db, 'INSERT INTO tags (name, name_key) VALUES (?, ?)').run(name, key).lastInsertRowid);
}

/**
 * Replaces the tags of one row: removes only the tags no longer given and adds
 * only the new ones, so sync (issue 19) merges tags as additions and removals;
 * deleting and re-adding a kept tag would undo another device's concurrent
 * removal of it.
 */
function setTags(db: Db, table: 'person_tags' | 'organization_tags', column: 'person_id' | 'organization_id', rowId: number, names: readonly string[]): void {
  const wanted = new Set<number>();
  for (const name of names) wanted.add(tagId(db, name));
  const current = new Set(stmt<{ tag_id: number }>(db, `SELECT tag_id FROM ${table} WHERE ${column} = ?`).all(rowId).map((r) => r.tag_id));
  for (const id of current) if (!wanted.has(id)) stmt(db, `DELETE FROM ${table} WHERE ${column} = ? AND tag_id = ?`).run(rowId, id);
  for (const id of wanted) if (!current.has(id)) stmt(db, `INSERT INTO ${table} (${column}, tag_id) VALUES (?, ?)`).run(rowId, id);
}

/** Replaces a person's tags (call inside the caller's transaction). */
export function setPersonTags(db: Db, personId: number, names: readonly string[]): void {
  setTags(db, 'person_tags', 'person_id', personId, names);
}

export function setOrganizationTags(db: Db, organizationId: number, names: readonly string[]): void {
  setTags(db, 'organization_tags', 'organization_id', organizationId, names);
}

export function personTags(db: Db, personId: number): string[] {
  return stmt<{ name: string }>(
    db,
    `SELECT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = ? ORDER BY t.name_key`,
  )
    .all(personId)
    .map((r) => r.name);
}

export function organizationTags(db: Db, organizationId: number): string[] {
  return stmt<{ name: string }>(
    db,
    `SELECT t.name FROM organization_tags ot JOIN tags t ON t.id = ot.tag_id WHERE ot.organization_id = ? ORDER BY t.name_key`,
  )
    .all(organizationId)
    .map((r) => r.name);
}

/** Tags in use on people that are not archived, with how many people carry each. */
export function listTags(db: Db): { name: string; people: number }[] {
  return stmt<{ name: string; people: number }>(
    db,
    `SELECT t.name, count(p.id) AS people
       FROM tags t
       JOIN person_tags pt ON pt.tag_id = t.id
       JOIN people p ON p.id = pt.person_id AND p.archived_at IS NULL
      GROUP BY t.id ORDER BY t.name_key`,
  ).all();
}
