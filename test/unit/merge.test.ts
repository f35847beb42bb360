// Issue 13, duplicates merged: the duplicates list with its evidence, the
// merge rules for ties and fields, aliases that keep a re-import from bringing
// a duplicate back, organizations with their old names, and a seeded property
// test: random merges leave no dangling reference (PRAGMA foreign_key_check)
// and no removed id in any JSON column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { savePositions } from '../../main/graph/positions';
import { importText, previewImport } from '../../main/importers';
import { findDuplicateOrganizations, findDuplicatePeople, mergeOrganizations, mergePeople } from '../../main/services/merge';
import { createPerson, getMeId } from '../../main/services/people';
import { createOrganization } from '../../main/services/organizations';
import { createAffiliation } from '../../main/services/affiliations';
import { createTie } from '../../main/services/ties';
import { createEntry } from '../../main/services/journal';
import { createFavor } from '../../main/services/favors';
import { createReminder } from '../../main/services/reminders';
import { KithError } from '../../shared/errors';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-merge-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'kith.db'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function tieRows(db: Db): string[] {
  return db
    .prepare(`SELECT a.display_name || ' – ' || b.display_name || ' ' || t.strength || ' ' || t.context FROM ties t JOIN people a ON a.id = t.person_a JOIN people b ON b.id = t.person_b ORDER BY t.person_a, t.person_b`)
    .pluck()
    .all() as string[];
}

describe('duplicates', () => {
  it('lists likely duplicates with their evidence, never two different profile URLs', () => {
    const db = freshDb();
    const a = createPerson(db, { displayName: 'Ana Lee', emails: [{ value: 'ana@x.example' }] }).id;
    const b = createPerson(db, { displayName: 'Ana L.', emails: [{ value: 'ANA@x.example ' }], linkedinUrl: 'https://www.linkedin.com/in/ana-lee' }).id;
    const c = createPerson(db, { displayName: 'Ana Lee', linkedinUrl: 'https://de.linkedin.com/in/Ana-Lee/' }).id;
    const m1 = createPerson(db, { displayName: 'Michael Smith', linkedinUrl: 'https://www.linkedin.com/in/michael-smith-3a9b21' }).id;
    const m2 = createPerson(db, { displayName: 'Michael Smith', linkedinUrl: 'https://www.linkedin.com/in/msmith-data-77' }).id;
    const acme = createOrganization(db, { name: 'Acme Labs' }).id;
    createAffiliation(db, { personId: m1, organizationId: acme });
    createAffiliation(db, { personId: m2, organizationId: acme });
    const p1 = createPerson(db, { displayName: 'Bo Kim' }).id;
    const p2 = createPerson(db, { displayName: 'bo kim' }).id;
    createAffiliation(db, { personId: p1, organizationId: acme });
    createAffiliation(db, { personId: p2, organizationName: 'Acme Labs, Inc.' });
    expect(findDuplicatePeople(db)).toEqual([
      { ids: [a, b, c], names: ['Ana Lee', 'Ana L.', 'Ana Lee'], evidence: expect.arrayContaining(['same e-mail ana@x.example', 'same LinkedIn https://www.linkedin.com/in/ana-lee']) },
      { ids: [p1, p2], names: ['Bo Kim', 'bo kim'], evidence: ['same name at Acme Labs'] },
    ]);
    expect(findDuplicateOrganizations(db)).toEqual([
      { ids: [acme, expect.any(Number)], names: ['Acme Labs', 'Acme Labs, Inc.'], evidence: ['same name without legal form (acme labs)'] },
    ]);
  });
});

describe('merging people', () => {
  it('re-points everything, joins ties to the same person (stronger wins, contexts joined), drops ties between them', () => {
    const db = freshDb();
    const me = getMeId(db);
    const keep = createPerson(db, { displayName: 'Ana Lee', notes: 'Met at the meetup' }).id;
    const dup = createPerson(db, { displayName: 'Ana Lee (work)', headline: 'Engineer', notes: 'Knows Bo', linkedinUrl: 'https://www.linkedin.com/in/ana-lee', emails: [{ value: 'ana@work.example' }] }).id;
    const bo = createPerson(db, { displayName: 'Bo Kim' }).id;
    createTie(db, { personA: me, personB: keep, strength: 2, context: 'meetup' });
    createTie(db, { personA: me, personB: dup, strength: 4, context: 'colleague' });
    createTie(db, { personA: keep, personB: dup, strength: 3 });
    createTie(db, { personA: dup, personB: bo, strength: 2, context: 'team' });
    const entry = createEntry(db, { occurredAt: '2026-01-05', kind: 'coffee', participantIds: [keep, dup, bo] });
    createFavor(db, { personId: dup, direction: 'received', kind: 'advice', occurredOn: '2026-01-06' });
    createReminder(db, { title: 'Ask Ana', dueOn: '2026-02-01', personId: dup });
    db.prepare(`INSERT INTO introductions (introducer_id, requester_id, target_person_id, route, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')`).run(dup, me, bo, JSON.stringify([me, dup, bo]));
    savePositions(db, { ids: [dup, bo], xy: [1, 2, 3, 4] });

    const dry = mergePeople(db, [keep, dup], { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, repointed: { ties: 3, entries: 1, favors: 1, followUps: 1, introductions: 1 } });
    expect(db.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(dup)).toBe(1);

    let backups = 0;
    const result = mergePeople(db, [keep, dup], { backup: () => backups++ });
    expect(backups).toBe(1);
    // The kept person takes the duplicate's profile URL (theirs was empty), so only the e-mail is an alias.
    expect(result.aliases).toEqual(['email ana@work.example']);
    const kept = db.prepare('SELECT display_name, headline, notes, linkedin_url, emails FROM people WHERE id = ?').get(keep);
    expect(kept).toEqual({ display_name: 'Ana Lee', headline: 'Engineer', notes: 'Met at the meetup\n\nKnows Bo', linkedin_url: 'https://www.linkedin.com/in/ana-lee', emails: '[{"value":"ana@work.example"}]' });
    expect(tieRows(db)).toEqual(['Me – Ana Lee 4 meetup; colleague', 'Ana Lee – Bo Kim 2 team']);
    expect(db.prepare('SELECT person_id FROM interaction_participants WHERE interaction_id = ? ORDER BY person_id').pluck().all(entry.id)).toEqual([keep, bo]);
    expect(db.prepare('SELECT introducer_id, route FROM introductions').get()).toEqual({ introducer_id: keep, route: JSON.stringify([me, keep, bo]) });
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('graph.positions')).toBe(JSON.stringify({ ids: [keep, bo], xy: [1, 2, 3, 4] }));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('--prefer chooses a conflicting field; me and unknown ids are refused without change', () => {
    const db = freshDb();
    const a = createPerson(db, { displayName: 'Ana Lee', headline: 'Engineer' }).id;
    const b = createPerson(db, { displayName: 'Ana Lee-Smith', headline: 'Director' }).id;
    const preview = mergePeople(db, [a, b], { dryRun: true });
    expect(preview.conflicts.map((c) => c.field)).toEqual(['displayName', 'headline']);
    mergePeople(db, [a, b], { prefer: { displayName: b } });
    expect(db.prepare('SELECT display_name, headline FROM people WHERE id = ?').get(a)).toEqual({ display_name: 'Ana Lee-Smith', headline: 'Engineer' });
    const c = createPerson(db, { displayName: 'C' }).id;
    expect(() => mergePeople(db, [c, getMeId(db)])).toThrow(KithError);
    expect(() => mergePeople(db, [c, 9999])).toThrow(/no person with id 9999/);
    expect(() => mergePeople(db, [c])).toThrow(/at least two/);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(3);
  });

  it('the retired profile URL and e-mail are aliases: re-importing the source file does not bring the duplicate back', () => {
    const db = freshDb();
    const csv = `${HEADER}\nAna,Lee,https://www.linkedin.com/in/ana-lee,ana@x.example,Acme,Engineer,01 Feb 2020\n`;
    importText(db, 'linkedin', csv);
    const other = createPerson(db, { displayName: 'Ana Lee (friend)', linkedinUrl: 'https://www.linkedin.com/in/ana-friend' }).id;
    const imported = db.prepare(`SELECT id FROM people WHERE display_name = 'Ana Lee'`).pluck().get() as number;
    mergePeople(db, [other, imported]);
    const again = previewImport(db, 'linkedin', csv);
    expect(again.counts.newPeople).toBe(0);
    // The e-mail belongs to a person whose own profile URL differs, so the retired URL (an alias) decides.
    expect(again.matches.map((m) => [m.personId, m.matchedBy])).toEqual([[other, 'linkedin']]);
    expect(db.prepare(`SELECT kind || ' ' || value FROM person_aliases ORDER BY kind`).pluck().all()).toEqual(['email ana@x.example', 'linkedin https://www.linkedin.com/in/ana-lee']);
    const byUrlOnly = previewImport(db, 'linkedin', `${HEADER}\nAna,Lee,https://www.linkedin.com/in/ana-lee,,Acme,Engineer,01 Feb 2020\n`);
    expect(byUrlOnly.matches.map((m) => [m.personId, m.matchedBy])).toEqual([[other, 'linkedin']]);
  });
});

describe('merging organizations', () => {
  it('re-points affiliations, entries and tags; old names are aliases that imports match', () => {
    const db = freshDb();
    const google = createOrganization(db, { name: 'Google' }).id;
    const llc = createOrganization(db, { name: 'Google LLC', domain: 'google.com' }).id;
    const ana = createPerson(db, { displayName: 'Ana Lee' }).id;
    createAffiliation(db, { personId: ana, organizationId: llc, title: 'Engineer' });
    createEntry(db, { occurredAt: '2026-01-05', kind: 'coffee', participantIds: [ana], organizationId: llc });
    const result = mergeOrganizations(db, [google, llc]);
    expect(result).toMatchObject({ keptId: google, aliases: ['Google LLC'], repointed: { affiliations: 1, entries: 1 } });
    expect(db.prepare('SELECT name, domain FROM organizations').all()).toEqual([{ name: 'Google', domain: 'google.com' }]);
    const preview = previewImport(db, 'linkedin', `${HEADER}\nBo,Kim,https://www.linkedin.com/in/bo,,Google LLC,Engineer,01 Feb 2020\n`);
    expect(preview.newOrganizations).toEqual([]);
    importText(db, 'linkedin', `${HEADER}\nBo,Kim,https://www.linkedin.com/in/bo,,Google LLC,Engineer,01 Feb 2020\n`);
    expect(db.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('property: random merges leave nothing dangling', () => {
  it('foreign_key_check is clean and no removed id stays in a JSON column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
        fc.array(fc.array(fc.nat(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(fc.nat(), { minLength: 2, maxLength: 3 }), { maxLength: 2 }),
        (n, tiePairs, merges, orgMerges) => {
          const db = freshDb();
          const me = getMeId(db);
          const ids = Array.from({ length: n }, (_, i) => createPerson(db, { displayName: `P${i}` }).id);
          const orgs = Array.from({ length: 4 }, (_, i) => createOrganization(db, { name: `Org ${i}` }).id);
          const pick = (k: number) => ids[k % ids.length]!;
          for (const [x, y, s] of tiePairs) {
            const [a, b] = [pick(x), pick(y)];
            if (a === b) continue;
            if (!db.prepare('SELECT 1 FROM ties WHERE person_a = ? AND person_b = ?').get(Math.min(a, b), Math.max(a, b))) createTie(db, { personA: a, personB: b, strength: s });
          }
          ids.forEach((id, i) => {
            createAffiliation(db, { personId: id, organizationId: orgs[i % orgs.length]! });
            if (i % 2 === 0) createTie(db, { personA: me, personB: id, strength: 1 + (i % 5) });
          });
          createEntry(db, { occurredAt: '2026-01-05', kind: 'call', participantIds: ids.slice(0, 5), organizationId: orgs[0]! });
          createFavor(db, { personId: ids[1]!, direction: 'given', kind: 'advice', occurredOn: '2026-01-06' });
          createReminder(db, { title: 'x', dueOn: '2026-02-01', personId: ids[2]! });
          db.prepare(`INSERT INTO introductions (introducer_id, requester_id, target_person_id, target_organization_id, route, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '')`).run(ids[1], me, ids[3], orgs[1], JSON.stringify([me, ids[1], ids[2], ids[3]]));
          savePositions(db, { ids, xy: ids.flatMap((_, i) => [i, i]) });
          const removed = new Set<number>();
          for (const m of merges) {
            const alive = ids.filter((id) => !removed.has(id));
            const chosen = [...new Set(m.map((k) => alive[k % alive.length]!))];
            if (chosen.length < 2) continue;
            mergePeople(db, chosen);
            for (const id of chosen.slice(1)) removed.add(id);
          }
          const removedOrgs = new Set<number>();
          for (const m of orgMerges) {
            const alive = orgs.filter((id) => !removedOrgs.has(id));
            const chosen = [...new Set(m.map((k) => alive[k % alive.length]!))];
            if (chosen.length < 2) continue;
            mergeOrganizations(db, chosen);
            for (const id of chosen.slice(1)) removedOrgs.add(id);
          }
          expect(db.pragma('foreign_key_check')).toEqual([]);
          const routes = db.prepare('SELECT route FROM introductions').pluck().all() as string[];
          for (const r of routes) for (const id of JSON.parse(r) as number[]) expect(removed.has(id)).toBe(false);
          const positions = JSON.parse(db.prepare(`SELECT value FROM settings WHERE key = 'graph.positions'`).pluck().get() as string) as { ids: number[]; xy: number[] };
          for (const id of positions.ids) expect(removed.has(id)).toBe(false);
          expect(positions.xy.length).toBe(positions.ids.length * 2);
          expect(db.prepare('SELECT count(*) FROM ties WHERE person_a >= person_b').pluck().get()).toBe(0);
          db.close();
        },
      ),
      { numRuns: 40, seed: 1313 },
    );
  });
});
