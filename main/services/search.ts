// Quick search for the command palette: people and organizations by prefix.
import type { Db } from '../db/open';
import type { QuickResult } from '../../shared/domain';
import { toFtsPrefixQuery } from '../../shared/text';
import { stmt } from './util';

export function quickSearch(db: Db, query: string, limit = 20): QuickResult[] {
  const fts = toFtsPrefixQuery(query);
  if (!fts) return [];
  const people = stmt<{ id: number; display_name: string; is_me: number; headline: string; org: string | null }>(
    db,
    `SELECT p.id, p.display_name, p.is_me, p.headline,
            (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.is_current = 1 ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1) AS org
       FROM people_fts f JOIN people p ON p.id = f.rowid
      WHERE people_fts MATCH ? AND p.archived_at IS NULL
      ORDER BY bm25(people_fts, 10.0, 2.0, 1.0, 0.5, 0.5) LIMIT ?`,
  ).all(fts, limit);
  const orgs = stmt<{ id: number; name: string; kind: string }>(
    db,
    `SELECT o.id, o.name, o.kind FROM organizations_fts f JOIN organizations o ON o.id = f.rowid
      WHERE organizations_fts MATCH ? AND o.archived_at IS NULL
      ORDER BY bm25(organizations_fts, 10.0, 2.0, 1.0) LIMIT ?`,
  ).all(fts, limit);
  const results: QuickResult[] = [
    ...people.map((p) => ({
      kind: 'person' as const,
      id: p.id,
      label: p.display_name,
      detail: p.is_me ? 'You' : p.headline || p.org || '',
    })),
    ...orgs.map((o) => ({ kind: 'organization' as const, id: o.id, label: o.name, detail: o.kind })),
  ];
  // Names that start with what was typed come first ("acm" → Acme Labs before a person who works there).
  const typed = query.trim().normalize('NFKC').toLocaleLowerCase();
  const startsWithTyped = (r: QuickResult) => r.label.normalize('NFKC').toLocaleLowerCase().startsWith(typed);
  results.sort((x, y) => Number(startsWithTyped(y)) - Number(startsWithTyped(x)));
  return results.slice(0, limit);
}
