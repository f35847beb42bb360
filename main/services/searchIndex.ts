// The folded search text of people (m0040, issue 17): folds the rows whose
// people.search_folded is NULL (new, or changed since), and turns a query into
// SQL conditions over that column.
import type { Db } from '../db/open';
import { foldedQueryWords, hasCjk, personSearchText, phoneDigits } from '../../shared/text';
import { stmt } from './util';

interface StaleRow {
  id: number;
  display_name: string;
  emails: string;
  phones: string;
}

function values(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.map((v) => (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string' ? (v as { value: string }).value : '')).filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Folds every person whose search text is missing. Cheap when none is (a
 * partial index lookup). A read-only file is left alone: its rows were folded
 * when it was last written, and a person not yet folded is still found by the
 * full-text index.
 */
export function refreshPeopleSearch(db: Db): void {
  if (db.readonly) return;
  const stale = stmt<StaleRow>(db, 'SELECT id, display_name, emails, phones FROM people WHERE search_folded IS NULL').all();
  if (stale.length === 0) return;
  const write = stmt(db, 'UPDATE people SET search_folded = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of stale) write.run(personSearchText(r.display_name, values(r.emails), values(r.phones)), r.id);
  })();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/gu, (c) => `\\${c}`);

/**
 * SQL (over `column`, a people.search_folded) that is true when the person's
 * name, e-mails or phones match every typed word: a word starts a word of the
 * name or an e-mail; CJK text may sit anywhere in the name. A query of digits
 * (and phone punctuation) matches a phone holding those digits, or ending in
 * the same last 7 or more, so "+49 170 1234567" finds "0170 1234567".
 * `namesOnly` leaves out e-mails and phones (journal search by participants).
 * Returns null when nothing searchable was typed.
 */
export function foldedPeopleCondition(column: string, query: string, namesOnly = false): { sql: string; params: string[] } | null {
  const trimmed = query.trim();
  const digits = phoneDigits(trimmed);
  if (!namesOnly && /^[\d\s+().\-/]+$/u.test(trimmed) && digits.length >= 3) {
    const patterns = [`%# %${digits}%`];
    if (digits.length >= 7) patterns.push(`%# %${digits.slice(-7)} %`);
    // Digits inside a name or an e-mail ("anna1987@…") are still found.
    const sql = `(${patterns.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')} OR instr(${column}, ?) > 0)`;
    return { sql, params: [...patterns, ` ${digits}`] };
  }
  const words = foldedQueryWords(trimmed);
  if (words.length === 0) return null;
  const parts: string[] = [];
  const params: string[] = [];
  for (const w of words.slice(0, 16)) {
    const pattern = hasCjk(w) ? `%${escapeLike(w)}%` : `% ${escapeLike(w)}%`;
    if (namesOnly) {
      // Only the part before " @ " (the name): the pattern must match there.
      parts.push(`substr(${column}, 1, instr(${column}, ' @ ')) LIKE ? ESCAPE '\\'`);
    } else {
      parts.push(`substr(${column}, 1, instr(${column}, ' # ')) LIKE ? ESCAPE '\\'`);
    }
    params.push(pattern);
  }
  return { sql: `(${parts.join(' AND ')})`, params };
}
