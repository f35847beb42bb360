import type { Db } from '../db/open';
import { nameKey } from '../../shared/text';
import { stmt } from './util';

function tagId(db: Db, name: string): number {
  const key = nameKey(name);
  const existing = stmt<{ id: number }>(db, 'SELECT id FROM tags WHERE name_key = ?').get(key);
  if (existing) return existing.id;
  return Number(stmt(db, 'INSERT INTO tags (name, name_key) VALUES (?, ?)').run(name, key).lastInsertRowid);
}

/** Replaces a person's tags (call inside the caller's transaction). */
export function setPersonTags(db: Db, personId: number, names: readonly string[]): void {
  stmt(db, 'DELETE FROM person_tags WHERE person_id = ?').run(personId);
  const seen = new Set<number>();
  for (const name of names) {
    const id = tagId(db, name);
    if (seen.has(id)) continue;
    seen.add(id);
    stmt(db, 'INSERT INTO person_tags (person_id, tag_id) VALUES (?, ?)').run(personId, id);
  }
}

export function setOrganizationTags(db: Db, organizationId: number, names: readonly string[]): void {
  stmt(db, 'DELETE FROM organization_tags WHERE organization_id = ?').run(organizationId);
  const seen = new Set<number>();
  for (const name of names) {
    const id = tagId(db, name);
    if (seen.has(id)) continue;
    seen.add(id);
    stmt(db, 'INSERT INTO organization_tags (organization_id, tag_id) VALUES (?, ?)').run(organizationId, id);
  }
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
