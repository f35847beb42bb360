// Duplicates, found and merged (issue 13): people and organizations.
//   - findDuplicatePeople: groups of likely duplicates with their evidence
//     (same profile URL, e-mail or phone; the same normalised name at the same
//     organization, unless their profile URLs differ: a URL is an identity).
//   - mergePeople(keep, others): everything that refers to the others is
//     re-pointed to the one kept (ties, affiliations, entries, follow-ups,
//     favors, introductions and their saved routes, tags, Home states, saved
//     graph positions); a tie between merged people is dropped, two ties to
//     the same person become one (the stronger strength, contexts joined).
//     Non-empty fields of the one kept win unless `prefer` names whose value
//     to take; notes and "how we met" are joined, never lost. The others'
//     profile URLs and e-mails become aliases, so a re-import does not bring
//     them back.
//   - findDuplicateOrganizations / mergeOrganizations: the same for
//     organizations ("Google", "Google LLC"); old names become aliases.
// Each merge is one transaction; the caller takes a backup first (`backup`).
import { KithError } from '../../shared/errors';
import { MERGE_FIELDS, type MergeField } from '../../shared/importExport';
import type { LabeledValue } from '../../shared/domain';
import { nameKey } from '../../shared/text';
import type { Db } from '../db/open';
import { emailKey, isLinkedInProfile, mergeValues, normalizeLinkedInUrl, phoneKey } from '../importers/normalize';
import { looseOrgKey } from '../importers/plan';
import { POSITIONS_KEY } from '../graph/positions';
import { repointLikelyDecisions } from './likelyTies';
import type { PersonRecord } from './people';
import { getSetting, setSetting } from './settings';
import { nowIso } from './util';

export interface DuplicateGroup {
  ids: number[];
  names: string[];
  /** Why they look like one: "same LinkedIn https://…", "same e-mail ana@x", "same name at Acme Labs". */
  evidence: string[];
}

/** The people columns a merge reads and writes (the table's row, without its stamps). */
type MergePersonRecord = Omit<PersonRecord, 'created_at' | 'updated_at'>;

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

function groupsOf(pairs: Map<string, { ids: Set<number>; evidence: string }>, names: Map<number, string>, allowed: (a: number, b: number) => boolean): DuplicateGroup[] {
  const uf = new UnionFind();
  const evidence = new Map<number, Set<string>>();
  for (const { ids, evidence: why } of pairs.values()) {
    const list = [...ids];
    if (list.length < 2) continue;
    let joined = false;
    for (let i = 1; i < list.length; i++) {
      if (!allowed(list[0]!, list[i]!)) continue;
      uf.union(list[0]!, list[i]!);
      joined = true;
    }
    if (joined) for (const id of list) evidence.set(id, (evidence.get(id) ?? new Set()).add(why));
  }
  const byRoot = new Map<number, number[]>();
  for (const id of evidence.keys()) {
    const r = uf.find(id);
    byRoot.set(r, [...(byRoot.get(r) ?? []), id]);
  }
  return [...byRoot.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => {
      ids.sort((a, b) => a - b);
      const why = new Set<string>();
      for (const id of ids) for (const e of evidence.get(id) ?? []) why.add(e);
      return { ids, names: ids.map((id) => names.get(id) ?? `#${id}`), evidence: [...why] };
    })
    .sort((a, b) => a.ids[0]! - b.ids[0]!);
}

export function findDuplicatePeople(db: Db): DuplicateGroup[] {
  const people = db.prepare('SELECT id, display_name, emails, phones, linkedin_url FROM people WHERE is_me = 0 ORDER BY id').all() as {
    id: number;
    display_name: string;
    emails: string;
    phones: string;
    linkedin_url: string | null;
  }[];
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  const profile = new Map<number, string>();
  const keys = new Map<string, { ids: Set<number>; evidence: string }>();
  const add = (key: string, id: number, evidence: string) => {
    const k = keys.get(key) ?? { ids: new Set<number>(), evidence };
    k.ids.add(id);
    keys.set(key, k);
  };
  for (const p of people) {
    const url = p.linkedin_url ? normalizeLinkedInUrl(p.linkedin_url) : null;
    if (url && isLinkedInProfile(url)) {
      profile.set(p.id, url);
      add(`l:${url}`, p.id, `same LinkedIn ${url}`);
    }
    for (const e of JSON.parse(p.emails) as LabeledValue[]) add(`e:${emailKey(e.value)}`, p.id, `same e-mail ${e.value.trim()}`);
    for (const ph of JSON.parse(p.phones) as LabeledValue[]) {
      const k = phoneKey(ph.value);
      if (k.replace(/\D/g, '').length >= 7) add(`p:${k}`, p.id, `same phone ${ph.value.trim()}`);
    }
  }
  for (const a of db
    .prepare(
      `SELECT a.person_id, p.display_name, o.name_key, o.name FROM affiliations a
         JOIN people p ON p.id = a.person_id JOIN organizations o ON o.id = a.organization_id WHERE p.is_me = 0`,
    )
    .all() as { person_id: number; display_name: string; name_key: string; name: string }[]) {
    add(`n:${nameKey(a.display_name)}\u0000${looseOrgKey(a.name_key)}`, a.person_id, `same name at ${a.name}`);
  }
  // Two different profile URLs are two people (issue 13), whatever else they share.
  const allowed = (x: number, y: number) => !(profile.has(x) && profile.has(y) && profile.get(x) !== profile.get(y));
  return groupsOf(keys, names, allowed);
}

export function findDuplicateOrganizations(db: Db): DuplicateGroup[] {
  const orgs = db.prepare('SELECT id, name, name_key, domain FROM organizations ORDER BY id').all() as { id: number; name: string; name_key: string; domain: string }[];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const keys = new Map<string, { ids: Set<number>; evidence: string }>();
  const add = (key: string, id: number, evidence: string) => {
    const k = keys.get(key) ?? { ids: new Set<number>(), evidence };
    k.ids.add(id);
    keys.set(key, k);
  };
  for (const o of orgs) {
    add(`n:${looseOrgKey(o.name_key)}`, o.id, `same name without legal form (${looseOrgKey(o.name_key)})`);
    const domain = o.domain.trim().toLowerCase().replace(/^www\./, '');
    if (domain) add(`d:${domain}`, o.id, `same domain ${domain}`);
  }
  return groupsOf(keys, names, () => true);
}

export { MERGE_FIELDS, type MergeField };

const COLUMN: Record<MergeField, keyof MergePersonRecord> = {
  displayName: 'display_name',
  givenName: 'given_name',
  familyName: 'family_name',
  headline: 'headline',
  location: 'location',
  linkedinUrl: 'linkedin_url',
  cadenceDays: 'cadence_days',
};

export interface MergeOptions {
  /** Take this field from this person (one of those merged) instead of the first non-empty one. */
  prefer?: Partial<Record<MergeField, number>>;
  dryRun?: boolean;
  /** Called before the transaction when something will change: the backup of issue 7. */
  backup?: () => void;
}

export interface MergeResult {
  keptId: number;
  mergedIds: number[];
  /** The kept person's fields after the merge, in words, and which came from whom. */
  fields: { field: string; value: string; fromId: number }[];
  /** Values that differed and lost (shown so the user can choose with --prefer). */
  conflicts: { field: MergeField; values: { id: number; value: string }[] }[];
  repointed: Record<string, number>;
  aliases: string[];
  dryRun: boolean;
}

const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function joinTexts(texts: readonly string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    const v = t.trim();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out.join('\n\n');
}

function checkIds(ids: readonly number[], what: string): void {
  if (ids.length < 2) throw new KithError('INVALID_INPUT', `Name at least two ${what} to merge: the one to keep first.`);
  if (new Set(ids).size !== ids.length) throw new KithError('INVALID_INPUT', `The same ${what.slice(0, -1)} is named twice.`);
}

/** Merges `ids[1..]` into `ids[0]`. */
export function mergePeople(db: Db, ids: readonly number[], options: MergeOptions = {}): MergeResult {
  checkIds(ids, 'people');
  const load = () => {
    const rows = ids.map((id) => {
      const r = db.prepare('SELECT * FROM people WHERE id = ?').get(id) as MergePersonRecord | undefined;
      if (!r) throw new KithError('NOT_FOUND', `There is no person with id ${id}.`);
      if (r.is_me) throw new KithError('INVALID_INPUT', 'You (me) cannot be merged with someone else.');
      return r;
    });
    return rows;
  };
  const rows = load();
  for (const [field, id] of Object.entries(options.prefer ?? {})) {
    if (!ids.includes(id)) throw new KithError('INVALID_INPUT', `--prefer ${field}=${id}: ${id} is not one of the people being merged.`);
  }
  const [keep, ...others] = rows as [MergePersonRecord, ...MergePersonRecord[]];
  const fields: MergeResult['fields'] = [];
  const conflicts: MergeResult['conflicts'] = [];
  const chosen: Partial<Record<MergeField, unknown>> = {};
  for (const f of MERGE_FIELDS) {
    const col = COLUMN[f];
    const preferred = options.prefer?.[f];
    const source = preferred !== undefined ? rows.find((r) => r.id === preferred)! : (rows.find((r) => !empty(r[col])) ?? keep);
    chosen[f] = source[col];
    if (!empty(source[col])) fields.push({ field: f, value: String(source[col]), fromId: source.id });
    const distinct = rows.filter((r) => !empty(r[col])).map((r) => ({ id: r.id, value: String(r[col]) }));
    if (new Set(distinct.map((d) => (f === 'linkedinUrl' ? (normalizeLinkedInUrl(d.value) ?? d.value) : d.value))).size > 1) conflicts.push({ field: f, values: distinct });
  }
  const parse = (s: string) => JSON.parse(s) as LabeledValue[];
  const emails = rows.reduce<LabeledValue[]>((acc, r) => mergeValues(acc, parse(r.emails), emailKey), []);
  const phones = rows.reduce<LabeledValue[]>((acc, r) => mergeValues(acc, parse(r.phones), phoneKey), []);
  const links = rows.reduce<LabeledValue[]>((acc, r) => mergeValues(acc, parse(r.links), (v) => v.trim().toLowerCase()), []);
  const notes = joinTexts(rows.map((r) => r.notes));
  const howWeMet = joinTexts(rows.map((r) => r.how_we_met));
  const keptUrl = chosen.linkedinUrl ? normalizeLinkedInUrl(String(chosen.linkedinUrl)) : null;
  const aliases: string[] = [];
  for (const r of rows) {
    const url = r.linkedin_url ? normalizeLinkedInUrl(r.linkedin_url) : null;
    if (url && url !== keptUrl && !aliases.includes(`linkedin ${url}`)) aliases.push(`linkedin ${url}`);
  }
  for (const r of others) for (const e of parse(r.emails)) if (!aliases.includes(`email ${emailKey(e.value)}`)) aliases.push(`email ${emailKey(e.value)}`);

  const otherIds = others.map((o) => o.id);
  const result: MergeResult = { keptId: keep.id, mergedIds: otherIds, fields, conflicts, repointed: {}, aliases, dryRun: options.dryRun === true };
  if (options.dryRun) {
    result.repointed = countReferences(db, otherIds);
    return result;
  }
  options.backup?.();
  db.transaction(() => {
    load(); // the people may have changed since the caller looked
    result.repointed = countReferences(db, otherIds);
    const now = nowIso();
    const json = JSON.stringify;
    db.prepare(
      `UPDATE people SET display_name = ?, given_name = ?, family_name = ?, headline = ?, location = ?, linkedin_url = ?, cadence_days = ?,
              emails = ?, phones = ?, links = ?, notes = ?, how_we_met = ?, updated_at = ? WHERE id = ?`,
    ).run(
      chosen.displayName,
      chosen.givenName,
      chosen.familyName,
      chosen.headline,
      chosen.location,
      chosen.linkedinUrl ?? null,
      chosen.cadenceDays ?? null,
      json(emails.slice(0, 100)),
      json(phones.slice(0, 100)),
      json(links.slice(0, 100)),
      notes.slice(0, 100_000),
      howWeMet.slice(0, 100_000),
      now,
      keep.id,
    );
    const k = keep.id;
    const isOther = new Set(otherIds);
    // Ties: between merged people dropped; to the same third person joined.
    const ties = db.prepare('SELECT id, person_a, person_b, strength, context, since FROM ties WHERE person_a IN (SELECT value FROM json_each(?)) OR person_b IN (SELECT value FROM json_each(?))').all(json(otherIds), json(otherIds)) as {
      id: number;
      person_a: number;
      person_b: number;
      strength: number;
      context: string;
      since: string | null;
    }[];
    const findTie = db.prepare('SELECT id, strength, context, since FROM ties WHERE person_a = ? AND person_b = ?');
    for (const t of ties) {
      const x = isOther.has(t.person_a) ? t.person_b : t.person_a;
      if (x === k || isOther.has(x)) {
        db.prepare('DELETE FROM ties WHERE id = ?').run(t.id);
        continue;
      }
      const [a, b] = [Math.min(k, x), Math.max(k, x)];
      const existing = findTie.get(a, b) as { id: number; strength: number; context: string; since: string | null } | undefined;
      if (existing) {
        const since = [existing.since, t.since].filter((s): s is string => s !== null).sort()[0] ?? null;
        db.prepare('DELETE FROM ties WHERE id = ?').run(t.id);
        db.prepare('UPDATE ties SET strength = ?, context = ?, since = ?, updated_at = ? WHERE id = ?').run(
          Math.max(existing.strength, t.strength),
          joinTexts([existing.context, t.context]).replace(/\n\n/g, '; ').slice(0, 10_000),
          since,
          now,
          existing.id,
        );
      } else {
        db.prepare('UPDATE ties SET person_a = ?, person_b = ?, updated_at = ? WHERE id = ?').run(a, b, now, t.id);
      }
    }
    const list = json(otherIds);
    db.prepare(`UPDATE affiliations SET person_id = ?, updated_at = ? WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, now, list);
    // The same job twice (same organization and title) becomes one.
    db.prepare(
      `DELETE FROM affiliations WHERE person_id = ? AND id NOT IN (
         SELECT min(id) FROM affiliations WHERE person_id = ? GROUP BY organization_id, title)`,
    ).run(k, k);
    db.prepare(`INSERT OR IGNORE INTO interaction_participants (interaction_id, person_id) SELECT interaction_id, ? FROM interaction_participants WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, list);
    db.prepare(`DELETE FROM interaction_participants WHERE person_id IN (SELECT value FROM json_each(?))`).run(list);
    for (const col of ['introducer_id', 'requester_id', 'target_person_id']) {
      db.prepare(`UPDATE introductions SET ${col} = ?, updated_at = ? WHERE ${col} IN (SELECT value FROM json_each(?))`).run(k, now, list);
    }
    // Saved routes are person ids in JSON: re-pointed, with a hop that now repeats collapsed.
    for (const r of db.prepare(`SELECT id, route FROM introductions WHERE EXISTS (SELECT 1 FROM json_each(route) WHERE value IN (SELECT value FROM json_each(?)))`).all(list) as { id: number; route: string }[]) {
      const route = (JSON.parse(r.route) as number[]).map((id) => (isOther.has(id) ? k : id)).filter((id, i, all) => i === 0 || all[i - 1] !== id);
      db.prepare('UPDATE introductions SET route = ?, updated_at = ? WHERE id = ?').run(json(route), now, r.id);
    }
    db.prepare(`UPDATE favors SET person_id = ?, updated_at = ? WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, now, list);
    db.prepare(`UPDATE reminders SET person_id = ?, updated_at = ? WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, now, list);
    db.prepare(`INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT ?, tag_id FROM person_tags WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, list);
    db.prepare(`INSERT OR IGNORE INTO attention_states (subject, person_id, snoozed_until, dismissed_key, contacted_on, updated_at)
                SELECT subject, ?, snoozed_until, dismissed_key, contacted_on, updated_at FROM attention_states WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, list);
    db.prepare(`UPDATE person_aliases SET person_id = ? WHERE person_id IN (SELECT value FROM json_each(?))`).run(k, list);
    // Issue 14: ties from a merged-away person's own list are now from the kept one's; someone I know stays someone I know.
    db.prepare(`UPDATE ties SET source_person_id = ? WHERE source_person_id IN (SELECT value FROM json_each(?))`).run(k, list);
    db.prepare(`UPDATE people SET degree = 1 WHERE id = ? AND degree = 2 AND EXISTS (SELECT 1 FROM people WHERE degree = 1 AND id IN (SELECT value FROM json_each(?)))`).run(k, list);
    const addAlias = db.prepare(`INSERT OR REPLACE INTO person_aliases (person_id, kind, value) VALUES (?, ?, ?)`);
    for (const a of aliases) {
      const [kind, ...rest] = a.split(' ');
      addAlias.run(k, kind, rest.join(' '));
    }
    // Saved graph positions: the merged-away ids are dropped (the kept one keeps its place, or takes the first other's).
    const saved = getSetting<{ ids: number[]; xy: number[] } | null>(db, POSITIONS_KEY, null);
    if (saved && Array.isArray(saved.ids)) {
      const out = { ids: [] as number[], xy: [] as number[] };
      const hasKeep = saved.ids.includes(k);
      let placed = hasKeep;
      saved.ids.forEach((id, i) => {
        if (isOther.has(id)) {
          if (placed) return;
          placed = true;
          id = k;
        }
        out.ids.push(id);
        out.xy.push(saved.xy[2 * i]!, saved.xy[2 * i + 1]!);
      });
      setSetting(db, POSITIONS_KEY, out);
    }
    // Decisions on likely ties (issue 15) follow the people; a confirmation is never lost.
    repointLikelyDecisions(db, k, otherIds);
    db.prepare(`DELETE FROM people WHERE id IN (SELECT value FROM json_each(?))`).run(list);
  })();
  return result;
}

function countReferences(db: Db, ids: readonly number[]): Record<string, number> {
  const list = JSON.stringify(ids);
  const count = (sql: string) => db.prepare(sql).pluck().get({ ids: list }) as number;
  return {
    ties: count('SELECT count(*) FROM ties WHERE person_a IN (SELECT value FROM json_each(@ids)) OR person_b IN (SELECT value FROM json_each(@ids))'),
    affiliations: count('SELECT count(*) FROM affiliations WHERE person_id IN (SELECT value FROM json_each(@ids))'),
    entries: count('SELECT count(*) FROM interaction_participants WHERE person_id IN (SELECT value FROM json_each(@ids))'),
    favors: count('SELECT count(*) FROM favors WHERE person_id IN (SELECT value FROM json_each(@ids))'),
    followUps: count('SELECT count(*) FROM reminders WHERE person_id IN (SELECT value FROM json_each(@ids))'),
    introductions: count(
      'SELECT count(*) FROM introductions WHERE introducer_id IN (SELECT value FROM json_each(@ids)) OR requester_id IN (SELECT value FROM json_each(@ids)) OR target_person_id IN (SELECT value FROM json_each(@ids))',
    ),
    tags: count('SELECT count(*) FROM person_tags WHERE person_id IN (SELECT value FROM json_each(@ids))'),
  };
}

export interface OrganizationMergeResult {
  keptId: number;
  mergedIds: number[];
  aliases: string[];
  repointed: Record<string, number>;
  dryRun: boolean;
}

/** Merges organizations `ids[1..]` into `ids[0]`; their names become aliases that later imports match. */
export function mergeOrganizations(db: Db, ids: readonly number[], options: Pick<MergeOptions, 'dryRun' | 'backup'> = {}): OrganizationMergeResult {
  checkIds(ids, 'organizations');
  const rows = ids.map((id) => {
    const r = db.prepare('SELECT id, name, name_key, domain, notes, is_target FROM organizations WHERE id = ?').get(id) as
      | { id: number; name: string; name_key: string; domain: string; notes: string; is_target: number }
      | undefined;
    if (!r) throw new KithError('NOT_FOUND', `There is no organization with id ${id}.`);
    return r;
  });
  const [keep, ...others] = rows as [(typeof rows)[number], ...typeof rows];
  const list = JSON.stringify(others.map((o) => o.id));
  const count = (sql: string) => db.prepare(sql).pluck().get(list) as number;
  const repointed = {
    affiliations: count('SELECT count(*) FROM affiliations WHERE organization_id IN (SELECT value FROM json_each(?))'),
    entries: count('SELECT count(*) FROM interactions WHERE organization_id IN (SELECT value FROM json_each(?))'),
    introductions: count('SELECT count(*) FROM introductions WHERE target_organization_id IN (SELECT value FROM json_each(?))'),
    tags: count('SELECT count(*) FROM organization_tags WHERE organization_id IN (SELECT value FROM json_each(?))'),
  };
  const result: OrganizationMergeResult = { keptId: keep.id, mergedIds: others.map((o) => o.id), aliases: others.map((o) => o.name), repointed, dryRun: options.dryRun === true };
  if (options.dryRun) return result;
  options.backup?.();
  db.transaction(() => {
    const now = nowIso();
    const k = keep.id;
    db.prepare('UPDATE organizations SET domain = ?, notes = ?, is_target = ?, updated_at = ? WHERE id = ?').run(
      keep.domain || others.find((o) => o.domain)?.domain || '',
      joinTexts(rows.map((r) => r.notes)).slice(0, 100_000),
      rows.some((r) => r.is_target === 1) ? 1 : 0,
      now,
      k,
    );
    db.prepare('UPDATE affiliations SET organization_id = ?, updated_at = ? WHERE organization_id IN (SELECT value FROM json_each(?))').run(k, now, list);
    // One person with the same job at both names: one affiliation.
    db.prepare(
      `DELETE FROM affiliations WHERE organization_id = ? AND id NOT IN (
         SELECT min(id) FROM affiliations WHERE organization_id = ? GROUP BY person_id, title)`,
    ).run(k, k);
    db.prepare('UPDATE interactions SET organization_id = ?, updated_at = ? WHERE organization_id IN (SELECT value FROM json_each(?))').run(k, now, list);
    db.prepare('UPDATE introductions SET target_organization_id = ?, updated_at = ? WHERE target_organization_id IN (SELECT value FROM json_each(?))').run(k, now, list);
    db.prepare('INSERT OR IGNORE INTO organization_tags (organization_id, tag_id) SELECT ?, tag_id FROM organization_tags WHERE organization_id IN (SELECT value FROM json_each(?))').run(k, list);
    db.prepare('UPDATE organization_aliases SET organization_id = ? WHERE organization_id IN (SELECT value FROM json_each(?))').run(k, list);
    const alias = db.prepare('INSERT OR REPLACE INTO organization_aliases (name_key, name, organization_id) VALUES (?, ?, ?)');
    for (const o of others) alias.run(o.name_key, o.name, k);
    db.prepare('DELETE FROM organizations WHERE id IN (SELECT value FROM json_each(?))').run(list);
  })();
  return result;
}
