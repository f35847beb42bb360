import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { KithError } from '../../shared/errors';
import type { Db } from '../db/open';

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, prepared once per connection. */
export function stmt<R = unknown>(db: Db, sql: string): Statement<unknown[], R> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s as Statement<unknown[], R>;
}

export { nowIso } from '../../shared/clock';

export function notFound(what: string, id: number): KithError {
  return new KithError('NOT_FOUND', `No ${what} with id ${id}. It may have been deleted; refresh and try again.`);
}

export const bool = (v: unknown): boolean => v === 1 || v === true;
export const int = (v: boolean | undefined): number | undefined => (v === undefined ? undefined : v ? 1 : 0);

/** Builds `SET a = @a, b = @b` for the keys that are present, mapping camelCase fields to columns. */
export function setClause(patch: Record<string, unknown>, columns: Record<string, string>): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (patch[field] === undefined) continue;
    parts.push(`${column} = @${field}`);
    params[field] = patch[field];
  }
  return { sql: parts.join(', '), params };
}
