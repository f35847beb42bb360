// Commit: apply a plan in one transaction. The plan is made again inside the
// transaction (never taken from an earlier preview), so an edit made between
// the preview and the commit cannot be overwritten or duplicated.
import { KithError } from '../../shared/errors';
import type { ImportPreview, ImportResult } from '../../shared/importExport';
import { recordImport } from './importLog';
import { nameKey } from '../../shared/text';
import type { Db } from '../db/open';
import { nowIso } from '../services/util';
import { affiliationChanged, personChangedFields, planImport, type ImportPlan, type PersonState, type PlanOptions } from './plan';
import type { ParsedImport } from './types';

export interface CommitOptions extends PlanOptions {
  /**
   * Hook for the backup service of issue 7: called before the import's
   * transaction, only when the import would change something. There is no
   * backup service yet; when there is, the Electron layer and the CLI pass
   * `backupBeforeImport: (db) => takeBackup(db, 'before-import')`.
   */
  backupBeforeImport?: (db: Db) => void;
}

export function commitImport(db: Db, parsed: ParsedImport, options: CommitOptions = {}): ImportResult {
  if (options.backupBeforeImport) {
    const first = planImport(db, parsed, options).preview;
    assertOwnerConfirmed(first, options); // refused before any copy is taken
    if (!first.nothingToDo) options.backupBeforeImport(db);
  }
  return db.transaction(() => {
    const plan = planImport(db, parsed, options);
    assertOwnerConfirmed(plan.preview, options);
    const lastPerson = lastPersonId(db);
    recordImport(db, parsed.format, () => summaryOf(plan.preview), () => applyPlan(db, plan));
    return importResultOf(plan.preview, importBatchAfter(db, lastPerson));
  })();
}

/** What a committed import answers: its preview's figures, and the batch of people it brought in (a CSV, a vCard, an archive alike). */
export function importResultOf(preview: ImportPreview, importBatch: string | null): ImportResult {
  const { counts, skipped, warnings, format, jobChanges, archive, theirs } = preview;
  return {
    format,
    counts,
    skipped,
    warnings,
    ...(jobChanges ? { jobChanges } : {}),
    ...(archive ? { archive } : {}),
    ...(theirs ? { theirs } : {}),
    ...(importBatch ? { importBatch } : {}),
  };
}

/**
 * Issue 14: a list whose people are mostly another owner's connections from a
 * list imported before is that list again, under another name, unless the user
 * says otherwise: never tie them all to a second person silently.
 */
function assertOwnerConfirmed(preview: ImportPreview, options: PlanOptions): void {
  const same = preview.theirs?.sameListAs[0];
  if (!same || options.confirmOwner || preview.nothingToDo) return;
  const owner = preview.theirs!.name;
  throw new KithError(
    'CONFLICT',
    `This list looks like ${same.name}'s connections, imported before as theirs: ${same.people} of its ${same.of} people are on it. ` +
      `Importing it as ${owner}'s would tie ${owner} to all of them too. If it really is ${owner}'s own list, confirm it (in the app: "Yes, these are ${owner}'s"; ` +
      `on the command line: --confirm-owner). Nothing was imported.`,
  );
}

/** The highest person id now: people an import adds come after it. */
export function lastPersonId(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM people').pluck().get() as number;
}

/**
 * The batch id (people.import_batch, issue 17) of the people an import added
 * after `lastPerson`, inside its transaction; null when it added nobody.
 * Every person one import creates shares it (m0040's trigger).
 */
export function importBatchAfter(db: Db, lastPerson: number): string | null {
  return (db.prepare('SELECT import_batch FROM people WHERE id > ? AND import_batch IS NOT NULL ORDER BY id LIMIT 1').pluck().get(lastPerson) as string | undefined) ?? null;
}

/** The import log's line for an import: what it added, in words. */
export function summaryOf(preview: ImportPreview): string {
  const c = preview.counts;
  const a = preview.archive;
  const n = (count: number | undefined, one: string, many: string) => (count ? `${count} ${count === 1 ? one : many}` : '');
  const parts = [
    n(c.newPeople, 'new person', 'new people'),
    n(c.updatedPeople, 'person updated', 'people updated'),
    n(c.newOrganizations, 'new organization', 'new organizations'),
    n(c.newTies, 'new tie', 'new ties'),
    n(a?.messages.entries, 'journal entry', 'journal entries'),
    n(a?.notes, 'note', 'notes'),
    n(a?.favors, 'favor', 'favors'),
  ].filter(Boolean);
  const source = preview.theirs ? `${preview.theirs.name}'s LinkedIn connections` : preview.format === 'linkedin' ? 'LinkedIn' : preview.format;
  return `${source}: ${parts.join(', ') || 'details filled in'}`;
}

export function applyPlan(db: Db, plan: ImportPlan): void {
  if (plan.preview.nothingToDo) return;
  const now = nowIso();
  const insertOrg = db.prepare(
    `INSERT INTO organizations (name, name_key, domain, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const updateOrg = db.prepare(`UPDATE organizations SET domain = ?, notes = ?, updated_at = ? WHERE id = ?`);
  const insertPerson = db.prepare(
    `INSERT INTO people (display_name, given_name, family_name, emails, phones, links, linkedin_url, notes, degree, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updatePerson = db.prepare(
    `UPDATE people SET given_name = ?, family_name = ?, emails = ?, phones = ?, links = ?, linkedin_url = ?, notes = ?, updated_at = ?
      WHERE id = ?`,
  );
  const touchPerson = db.prepare('UPDATE people SET updated_at = ? WHERE id = ?');
  const insertAffiliation = db.prepare(
    `INSERT INTO affiliations (person_id, organization_id, title, is_hiring_manager, is_recruiter, is_current, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const updateAffiliation = db.prepare('UPDATE affiliations SET title = ?, is_current = ?, updated_at = ? WHERE id = ?');
  const insertTie = db.prepare(
    `INSERT INTO ties (person_a, person_b, strength, context, since, source, source_person_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateTieSince = db.prepare('UPDATE ties SET since = ?, updated_at = ? WHERE id = ?');
  const ensureTag = db.prepare(
    `INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT(name_key) DO UPDATE SET name = tags.name RETURNING id`,
  );
  const insertPersonTag = db.prepare('INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)');
  const insertOrgTag = db.prepare('INSERT OR IGNORE INTO organization_tags (organization_id, tag_id) VALUES (?, ?)');
  const tagIds = new Map<string, number>();
  const tagId = (key: string, name: string) => {
    let id = tagIds.get(key);
    if (id === undefined) tagIds.set(key, (id = (ensureTag.get(name, nameKey(name)) as { id: number }).id));
    return id;
  };

  for (const o of plan.organizations) {
    if (o.id === null) {
      o.id = Number(insertOrg.run(o.name, o.key, o.domain, o.notes, now, now).lastInsertRowid);
    } else if (o.original && (o.domain !== o.original.domain || o.notes !== o.original.notes)) {
      updateOrg.run(o.domain, o.notes, now, o.id);
    }
    for (const [key, name] of o.newTags) insertOrgTag.run(o.id, tagId(key, name));
  }

  const json = (v: unknown) => JSON.stringify(v);
  for (const s of plan.people) {
    if (s.id === null) {
      s.id = Number(
        insertPerson.run(s.displayName, s.givenName, s.familyName, json(s.emails), json(s.phones), json(s.links), s.linkedinUrl, s.notes, s.secondDegree ? 2 : 1, now, now)
          .lastInsertRowid,
      );
    } else if (personChangedFields(s)) {
      updatePerson.run(s.givenName, s.familyName, json(s.emails), json(s.phones), json(s.links), s.linkedinUrl, s.notes, now, s.id);
    } else if (s.newTags.size > 0) {
      touchPerson.run(now, s.id);
    }
    for (const [key, name] of s.newTags) insertPersonTag.run(s.id, tagId(key, name));
  }

  for (const a of plan.affiliations) {
    if (a.id === null) {
      insertAffiliation.run(
        a.person.id,
        a.organization.id,
        a.title,
        a.isHiringManager ? 1 : 0,
        a.isRecruiter ? 1 : 0,
        now,
        now,
      );
    } else if (affiliationChanged(a)) {
      updateAffiliation.run(a.title, a.isCurrent ? 1 : 0, now, a.id);
    }
  }

  const idOf = (p: PersonState | 'me' | 'owner') => (p === 'me' ? plan.meId : p === 'owner' ? plan.ownerId! : p.id!);
  for (const t of plan.ties) {
    if (t.id === null) {
      const x = idOf(t.a);
      const y = idOf(t.b);
      const [source, of] = t.fromList ? ['their-connections', plan.ownerId] : ['imported', null];
      insertTie.run(Math.min(x, y), Math.max(x, y), t.strength, t.context, t.since, source, of, now, now);
    } else if (t.since !== t.originalSince) {
      updateTieSince.run(t.since, now, t.id);
    }
  }
  if (plan.tieMeOwner && plan.ownerId !== null) {
    // Issue 14: the owner's list holds me, so the owner and I are connected (theirConnections.ts).
    const t = plan.tieMeOwner;
    const [a, b] = [Math.min(plan.meId, plan.ownerId), Math.max(plan.meId, plan.ownerId)];
    insertTie.run(a, b, t.strength, t.context, t.since, 'their-connections', plan.ownerId, now, now);
  }
}
