// Search: quickSearch for the command palette (people and organizations by
// prefix) and searchAll over people, organizations, notes and the journal.
import type { Db } from '../db/open';
import type { QuickResult } from '../../shared/domain';
import { nameMatchRank, toFtsPrefixQuery } from '../../shared/text';
import { foldedPeopleCondition, refreshPeopleSearch } from './searchIndex';
import { stmt } from './util';
import type { SearchHit, SearchQuery, SearchResults, TextSegment } from '../../shared/journal';
import { INTERACTION_KIND_LABELS } from '../../shared/journal';
import { organizationKindLabel } from '../../shared/vocabulary';
import { getEntryRows } from './journal';

/**
 * Control characters become spaces before a query reaches FTS5: a NUL ends the
 * string SQLite sees, so '"\0a"*' would arrive as an unterminated '"'.
 */
export function cleanQuery(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/gu, ' ');
}

/**
 * People whose folded name, e-mails or phones match (issue 17), newest-written
 * last; at most `limit`. `namesOnly` for the journal's "entries with this person".
 */
export function foldedPeopleMatches(db: Db, query: string, limit: number, options: { namesOnly?: boolean; includeArchived?: boolean } = {}): number[] {
  const cond = foldedPeopleCondition('search_folded', cleanQuery(query), options.namesOnly);
  if (!cond) return [];
  refreshPeopleSearch(db);
  const archived = options.includeArchived ? '' : ' AND archived_at IS NULL';
  return stmt<{ id: number }>(db, `SELECT id FROM people WHERE ${cond.sql}${archived} ORDER BY id LIMIT ?`)
    .all(...cond.params, limit)
    .map((r) => r.id);
}

export function quickSearch(db: Db, query: string, limit = 20): QuickResult[] {
  const fts = toFtsPrefixQuery(cleanQuery(query));
  const foldedIds = foldedPeopleMatches(db, query, limit);
  if (!fts && foldedIds.length === 0) return [];
  const ftsPeople = fts ? stmt<{ id: number; display_name: string; is_me: number; headline: string; degree: number; org: string | null }>(
    db,
    `SELECT p.id, p.display_name, p.is_me, p.headline, p.degree,
            (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.is_current = 1 ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1) AS org
       FROM people_fts f JOIN people p ON p.id = f.rowid
      WHERE people_fts MATCH ? AND p.archived_at IS NULL
      ORDER BY bm25(people_fts, 10.0, 2.0, 1.0, 0.5, 0.5) LIMIT ?`,
  ).all(fts, limit) : [];
  const seen = new Set(ftsPeople.map((p) => p.id));
  const extra = foldedIds.filter((id) => !seen.has(id));
  const people = [
    ...ftsPeople,
    ...stmt<{ id: number; display_name: string; is_me: number; headline: string; degree: number; org: string | null }>(
      db,
      `SELECT p.id, p.display_name, p.is_me, p.headline, p.degree,
              (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
                WHERE a.person_id = p.id AND a.is_current = 1 ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1) AS org
         FROM people p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    ).all(JSON.stringify(extra)),
  ];
  const orgs = fts
    ? stmt<{ id: number; name: string; kind: string }>(
        db,
        `SELECT o.id, o.name, o.kind FROM organizations_fts f JOIN organizations o ON o.id = f.rowid
          WHERE organizations_fts MATCH ? AND o.archived_at IS NULL
          ORDER BY bm25(organizations_fts, 10.0, 2.0, 1.0) LIMIT ?`,
      ).all(fts, limit)
    : [];
  const results: QuickResult[] = [
    ...people.map((p) => ({
      kind: 'person' as const,
      id: p.id,
      label: p.display_name,
      // Issue 14: someone known only through a contact's connections says so.
      detail: p.is_me ? 'You' : [p.headline || p.org || '', p.degree === 2 ? '2nd degree' : ''].filter(Boolean).join(' · '),
    })),
    ...orgs.map((o) => ({ kind: 'organization' as const, id: o.id, label: o.name, detail: organizationKindLabel(o.kind) })),
  ];
  // Names that match what was typed best come first ("acm" → Acme Labs before a
  // person who works there; "dalia s" → Dalia Sánchez before Dalia Fernández,
  // whose title has an S): name prefixes, then inside names, then the rest.
  const rank = new Map(results.map((r) => [r, nameMatchRank(query, r.label)]));
  results.sort((x, y) => rank.get(x)! - rank.get(y)!);
  return results.slice(0, limit);
}

// ---- One search over people, organizations, notes and the journal (issue 3) ----
//
// Results come in three sections (people, organizations, entries), each ranked
// by FTS5's bm25 with column weights: bm25 scores depend on each table's own
// statistics, so they are comparable within a section but not across them.
// The renderer shows the sections in that order. Highlights come back as
// [{ text, hit }] segments, never HTML.
//
// Speed over a large journal (measured in test/bench/suites/search.ts):
// - Ranking costs about a microsecond per matching entry (bm25 reads each
//   row's column sizes), so a common word over 100,000 entries would take
//   100+ ms. Only the ENTRY_RANK_WINDOW most recently written matches are
//   ranked: a common word says little, and recent notes are likelier wanted.
// - A prefix longer than the prefix index (2 and 3 letters, m0020) makes FTS5
//   merge the doclists of every term it covers, in full, on each use. So in
//   journal queries only the last word (the one being typed) and words of 2-3
//   letters are prefixes; earlier, complete words match whole words. A
//   one-letter word is never a prefix ("c" finds "C", not every c-word).
// - Snippets are made for the shown rows only.

export const ENTRY_RANK_WINDOW = 1_000;

/** Weights per column, in the FTS tables' column order (m0010/m0020). */
const ENTRY_WEIGHTS = [4.0, 1.0]; // title, body
const PEOPLE_WEIGHTS = [10.0, 3.0, 1.0, 1.0, 1.0]; // display_name, headline, location, how_we_met, notes
const ORG_WEIGHTS = [10.0, 2.0, 1.0]; // name, domain, notes

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** Splits FTS5 snippet() output (with OPEN/CLOSE markers) into plain segments. */
export function toSegments(marked: string): TextSegment[] {
  const out: TextSegment[] = [];
  let hit = false;
  let text = '';
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      if (text) out.push({ text, hit });
      text = '';
      hit = ch === OPEN;
    } else text += ch;
  }
  if (text) out.push({ text, hit });
  return out;
}

const hasHit = (s: string | null | undefined) => typeof s === 'string' && s.includes(OPEN);

/**
 * The FTS query for journal entries (see the notes above): the last word and
 * 2-3 letter words are prefixes, other words whole words. Returns null when
 * nothing searchable was typed.
 */
export function toEntryFtsQuery(text: string): string | null {
  const fts = toFtsPrefixQuery(cleanQuery(text));
  if (!fts) return null;
  const words = fts.split(' ');
  return words
    .map((w, i) => {
      // FTS5 applies the * to the last token of the quoted word ("c++"* is c*), so that token decides.
      const length = lastTokenLength(w);
      const prefix = length >= 2 && (i === words.length - 1 || length <= 3);
      return prefix ? w : w.slice(0, -1);
    })
    .join(' ');
}

/** Letters and digits in the last token of a quoted query word ('"e.g"*' → 1, '"José"*' → 4). */
function lastTokenLength(quoted: string): number {
  const tokens = quoted.slice(1, -2).normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu);
  return tokens ? [...tokens[tokens.length - 1]!].length : 0;
}

/** Does this entry query hold a prefix the prefix index does not cover (4+ letters)? */
function hasLongPrefix(match: string): boolean {
  return match.split(' ').some((w) => w.endsWith('*') && lastTokenLength(w) > 3);
}

interface Ranked {
  rowid: number;
  score: number;
}

interface FtsTable {
  table: string;
  content: string;
  weights: number[];
  columns: string[];
}

function bm25(table: string, weights: number[]): string {
  return `bm25(${table}, ${weights.map((w) => w.toFixed(1)).join(', ')})`;
}

/**
 * The best `limit` rows of an FTS table for a query, kept by `keep` (a SQL
 * condition on `c`, the content row). With `window`, only the `window`
 * highest rowids that match are ranked: FTS5 walks a doclist backwards
 * cheaply, and the materialized window keeps bm25 to those rows.
 */
function rankRows(db: Db, fts: FtsTable, match: string, keep: string, limit: number, window?: number): Ranked[] {
  const source = window
    ? `SELECT rowid AS id, ${bm25(fts.table, fts.weights)} AS score FROM ${fts.table}
        WHERE ${fts.table} MATCH ? ORDER BY rowid DESC LIMIT ${Math.floor(window)}`
    : `SELECT rowid AS id, ${bm25(fts.table, fts.weights)} AS score FROM ${fts.table} WHERE ${fts.table} MATCH ?`;
  return stmt<Ranked>(
    db,
    `WITH hits AS MATERIALIZED (${source})
     SELECT hits.id AS rowid, hits.score FROM hits JOIN ${fts.content} c ON c.id = hits.id
      WHERE ${keep} ORDER BY hits.score, hits.id DESC LIMIT ?`,
  ).all(match, limit);
}

/**
 * Snippets of the ranked rows, one per column. snippet() needs the row under
 * the MATCH cursor: a lookup by rowid is cheap unless the query holds a long
 * prefix, which FTS5 would expand again on every lookup; then one pass that
 * keeps rows scoring at least as well as the worst shown row is cheaper.
 */
function snippetsFor(db: Db, fts: FtsTable, match: string, list: Ranked[]): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  if (list.length === 0) return out;
  // FTS5's snippet() is quadratic in the hits of a column: a 1 MB note that
  // repeats a word took 6 s per row, 25 s for two words (found by the hostile
  // e2e test once it waited for results, issue 18). Rows holding a column that
  // large get their snippets from the text directly (the first hits near the top).
  const sizes = stmt<{ id: number; longest: number }>(
    db,
    `SELECT id, max(${fts.columns.map((c) => `coalesce(length(${c}), 0)`).join(', ')}) AS longest
       FROM ${fts.content} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(list.map((r) => r.rowid)));
  const huge = new Set(sizes.filter((r) => r.longest > HUGE_FOR_SNIPPET).map((r) => r.id));
  if (huge.size > 0) {
    const texts = stmt<Record<string, string | null> & { id: number }>(
      db,
      `SELECT id, ${fts.columns.join(', ')} FROM ${fts.content} WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...huge]));
    const terms = ftsTerms(match);
    for (const row of texts) {
      out.set(row.id, Object.fromEntries(fts.columns.map((c) => [c, plainSnippet(row[c] ?? '', terms)])));
    }
    list = list.filter((r) => !huge.has(r.rowid));
    if (list.length === 0) return out;
  }
  const cols = fts.columns
    .map((c, i) => `snippet(${fts.table}, ${i}, '${OPEN}', '${CLOSE}', '…', ${i === 0 ? 32 : 14}) AS "${c}"`)
    .join(', ');
  const one = stmt<Record<string, string>>(db, `SELECT ${cols} FROM ${fts.table} WHERE ${fts.table} MATCH ? AND rowid = ?`);
  if (hasLongPrefix(match)) {
    // Newest first, stopping once as many rows as shown have passed: the shown
    // rows are among them unless a deleted entry scored better (looked up below).
    const wanted = new Set(list.map((r) => r.rowid));
    const rows = stmt<Record<string, string> & { rowid: number }>(
      db,
      `SELECT rowid, ${cols} FROM ${fts.table}
        WHERE ${fts.table} MATCH ? AND ${bm25(fts.table, fts.weights)} <= ?
        ORDER BY rowid DESC LIMIT ?`,
    ).all(match, Math.max(...list.map((r) => r.score)), list.length);
    for (const r of rows) if (wanted.has(r.rowid)) out.set(r.rowid, r);
  }
  for (const r of list) {
    if (out.has(r.rowid)) continue;
    const row = one.get(match, r.rowid);
    if (row) out.set(r.rowid, row);
  }
  return out;
}

/** Columns longer than this get their snippet from plainSnippet, not FTS5 (see snippetsFor). */
const HUGE_FOR_SNIPPET = 20_000;

/** The words of an FTS query (quotes, stars and operators dropped), lower-cased. */
function ftsTerms(match: string): string[] {
  return [...new Set((match.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLocaleLowerCase()).filter((w) => !['and', 'or', 'not', 'near'].includes(w)))].slice(0, 16);
}

/**
 * A snippet like FTS5's, from the text itself: about a dozen words around the
 * first word that starts with a query term, the term marked. Only the first
 * 200,000 characters are looked at, so its cost is bounded.
 */
function plainSnippet(text: string, terms: readonly string[]): string {
  const head = text.slice(0, 200_000);
  const lower = head.toLocaleLowerCase();
  let at = -1;
  let len = 0;
  for (const term of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u');
    const m = re.exec(lower);
    if (m && (at < 0 || m.index < at)) {
      at = m.index;
      len = term.length;
    }
  }
  if (at < 0) return '';
  const from = Math.max(0, at - 40);
  const to = Math.min(head.length, at + len + 80);
  return `${from > 0 ? '…' : ''}${head.slice(from, at)}${OPEN}${head.slice(at, at + len)}${CLOSE}${head.slice(at + len, to)}${to < text.length ? '…' : ''}`;
}

function pickField(snips: Record<string, string> | undefined, order: string[], fallback: string): { field: string; marked: string } {
  for (const field of order) if (hasHit(snips?.[field])) return { field, marked: snips![field]! };
  return { field: fallback, marked: snips?.[fallback] ?? '' };
}

const DEFAULT_SEARCH_LIMIT = 20;
const PEOPLE_FTS: FtsTable = {
  table: 'people_fts',
  content: 'people',
  weights: PEOPLE_WEIGHTS,
  columns: ['display_name', 'headline', 'location', 'how_we_met', 'notes'],
};
const ORG_FTS: FtsTable = { table: 'organizations_fts', content: 'organizations', weights: ORG_WEIGHTS, columns: ['name', 'domain', 'notes'] };
const ENTRY_FTS: FtsTable = { table: 'interactions_fts', content: 'interactions', weights: ENTRY_WEIGHTS, columns: ['title', 'body'] };

/** Searches people, organizations, notes and journal entries (see the notes above). */
export function searchAll(db: Db, query: SearchQuery, options: { entryRankWindow?: number } = {}): SearchResults {
  const results: SearchResults = { people: [], organizations: [], entries: [] };
  const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
  const kinds = new Set(query.kinds ?? ['person', 'organization', 'entry']);
  const prefix = toFtsPrefixQuery(cleanQuery(query.query));
  // Issue 17: people are also found by folded names, e-mails and phones.
  const foldedIds = kinds.has('person') ? foldedPeopleMatches(db, query.query, limit, { includeArchived: query.includeArchived }) : [];
  if (!prefix && foldedIds.length === 0) return results;
  const keepArchived = query.includeArchived ? '1' : 'c.archived_at IS NULL';

  if (kinds.has('person')) {
    const ranked = prefix ? rankRows(db, PEOPLE_FTS, prefix, keepArchived, limit) : [];
    // Snippets only for the index's own hits: asked for a row it does not match, FTS5 answers with another row's.
    const snips = prefix ? snippetsFor(db, PEOPLE_FTS, prefix, ranked) : new Map<number, Record<string, string>>();
    const found = new Set(ranked.map((r) => r.rowid));
    // Folded matches the full-text index missed ("soren" for Søren) rank after its hits.
    const worst = ranked.length ? Math.max(...ranked.map((r) => r.score)) : 0;
    for (const id of foldedIds) if (!found.has(id) && ranked.length < limit) ranked.push({ rowid: id, score: worst + 1 });
    const info = new Map(
      stmt<{ id: number; display_name: string; headline: string; is_me: number; archived_at: string | null }>(
        db,
        'SELECT id, display_name, headline, is_me, archived_at FROM people WHERE id IN (SELECT value FROM json_each(?))',
      )
        .all(JSON.stringify(ranked.map((r) => r.rowid)))
        .map((p) => [p.id, p]),
    );
    results.people = ranked.map((r): SearchHit => {
      const p = info.get(r.rowid)!;
      const picked = pickField(snips.get(r.rowid), ['notes', 'how_we_met', 'headline', 'location', 'display_name'], 'display_name');
      const field = picked.field;
      const marked = picked.marked || p.display_name;
      return {
        kind: 'person',
        id: r.rowid,
        title: p.display_name,
        detail: p.is_me ? 'You' : p.headline,
        field: field === 'display_name' ? 'name' : field === 'how_we_met' ? 'howWeMet' : field,
        snippet: toSegments(marked),
        score: r.score,
        archived: p.archived_at !== null,
      };
    });
  }

  if (kinds.has('organization') && prefix) {
    const ranked = rankRows(db, ORG_FTS, prefix, keepArchived, limit);
    const snips = snippetsFor(db, ORG_FTS, prefix, ranked);
    const info = new Map(
      stmt<{ id: number; name: string; kind: string; archived_at: string | null }>(
        db,
        'SELECT id, name, kind, archived_at FROM organizations WHERE id IN (SELECT value FROM json_each(?))',
      )
        .all(JSON.stringify(ranked.map((r) => r.rowid)))
        .map((o) => [o.id, o]),
    );
    results.organizations = ranked.map((r): SearchHit => {
      const o = info.get(r.rowid)!;
      const { field, marked } = pickField(snips.get(r.rowid), ['notes', 'domain', 'name'], 'name');
      return {
        kind: 'organization',
        id: r.rowid,
        title: o.name,
        detail: organizationKindLabel(o.kind),
        field,
        snippet: toSegments(marked),
        score: r.score,
        archived: o.archived_at !== null,
      };
    });
  }

  const entryMatch = kinds.has('entry') ? toEntryFtsQuery(query.query) : null;
  if (entryMatch) {
    const keep = query.includeDeleted ? '1' : 'c.deleted_at IS NULL';
    const window = options.entryRankWindow ?? ENTRY_RANK_WINDOW;
    const ranked = rankRows(db, ENTRY_FTS, entryMatch, keep, limit, window);
    // Snippets only for the index's own hits: asked for a row it does not match, FTS5 answers with another row's.
    const snips = snippetsFor(db, ENTRY_FTS, entryMatch, ranked);
    // Issue 17: an entry is also found by its participants' names, however
    // typed ("soren" finds the coffee with Søren): their newest entries, after
    // the full-text hits.
    if (ranked.length < limit) {
      const who = foldedPeopleMatches(db, query.query, 50, { namesOnly: true, includeArchived: true });
      if (who.length > 0) {
        const found = new Set(ranked.map((r) => r.rowid));
        const worst = ranked.length ? Math.max(...ranked.map((r) => r.score)) : 0;
        const withThem = stmt<{ id: number }>(
          db,
          `SELECT DISTINCT i.id FROM interaction_participants ip JOIN interactions i ON i.id = ip.interaction_id
            WHERE ip.person_id IN (SELECT value FROM json_each(?)) AND (? OR i.deleted_at IS NULL)
            ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`,
        ).all(JSON.stringify(who), query.includeDeleted ? 1 : 0, limit);
        for (const { id } of withThem) if (!found.has(id) && ranked.length < limit) ranked.push({ rowid: id, score: worst + 1 });
      }
    }
    const rows = getEntryRows(db, ranked.map((r) => r.rowid));
    results.entries = ranked.map((r): SearchHit => {
      const e = rows.get(r.rowid)!;
      const picked = pickField(snips.get(r.rowid), ['body', 'title'], e.title ? 'title' : 'body');
      const field = picked.field;
      const marked = picked.marked || e.title || e.excerpt;
      const who = e.participants.map((p) => p.displayName).join(', ');
      return {
        kind: 'entry',
        id: r.rowid,
        title: e.title || `${INTERACTION_KIND_LABELS[e.kind]}${who ? ` with ${who}` : ''}`,
        detail: `${e.occurredAt.slice(0, 10)} · ${INTERACTION_KIND_LABELS[e.kind]}${who ? ` · ${who}` : ''}`,
        field,
        snippet: toSegments(marked),
        score: r.score,
        archived: e.deletedAt !== null,
      };
    });
  }
  return results;
}
