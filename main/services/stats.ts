import type { Db } from '../db/open';
import type { Stats } from '../../shared/domain';
import { getMeId } from './people';

export function getStats(db: Db): Stats {
  const me = getMeId(db);
  const one = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const byStrength = db.prepare('SELECT strength, count(*) AS n FROM ties GROUP BY strength').all() as { strength: number; n: number }[];
  return {
    people: one('SELECT count(*) AS n FROM people WHERE is_me = 0 AND archived_at IS NULL AND degree = 1'),
    // Issue 14: people known only through a contact's list, counted apart from the people I know.
    secondDegreePeople: one('SELECT count(*) AS n FROM people WHERE degree = 2 AND archived_at IS NULL'),
    archivedPeople: one('SELECT count(*) AS n FROM people WHERE archived_at IS NOT NULL'),
    organizations: one('SELECT count(*) AS n FROM organizations WHERE archived_at IS NULL'),
    affiliations: one('SELECT count(*) AS n FROM affiliations'),
    ties: one('SELECT count(*) AS n FROM ties'),
    myTies: one('SELECT count(*) AS n FROM ties WHERE person_a = ? OR person_b = ?', me, me),
    interactions: one('SELECT count(*) AS n FROM interactions WHERE deleted_at IS NULL'),
    tiesByStrength: Object.fromEntries([1, 2, 3, 4, 5].map((s) => [String(s), byStrength.find((r) => r.strength === s)?.n ?? 0])),
  };
}
