// Writes a generated network into the database in one transaction.
import { nowIso } from '../../shared/clock';
import type { Db } from '../db/open';
import type { SampleResult } from '../../shared/domain';
import { KithError } from '../../shared/errors';
import { nameKey } from '../../shared/text';
import { getMeId } from '../services/people';
import { generateNetwork, type SampleNetwork, type SampleOptions } from './generate';

export function loadSampleNetwork(db: Db, options: SampleOptions = {}): SampleResult {
  const others = (db.prepare('SELECT count(*) AS n FROM people WHERE is_me = 0').get() as { n: number }).n;
  if (others > 0) {
    throw new KithError(
      'CONFLICT',
      `The sample network can only be loaded into an empty Kith, and this one already has ${others} people. ` +
        'Use a new data folder (--data-dir) to try it.',
    );
  }
  return writeNetwork(db, generateNetwork(options));
}

export function writeNetwork(db: Db, net: SampleNetwork): SampleResult {
  const now = nowIso();
  const insertOrg = db.prepare(
    `INSERT INTO organizations (name, name_key, kind, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO people (display_name, given_name, family_name, headline, location, emails, how_we_met, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAffiliation = db.prepare(
    `INSERT INTO affiliations (person_id, organization_id, title, is_hiring_manager, is_recruiter, is_referrer,
                               start_date, end_date, is_current, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTie = db.prepare(
    `INSERT INTO ties (person_a, person_b, strength, context, since, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'manual', ?, ?)`,
  );
  const insertInteraction = db.prepare(
    `INSERT INTO interactions (occurred_at, kind, title, body, organization_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare(`INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)`);
  const ensureTag = db.prepare(`INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT(name_key) DO UPDATE SET name = name RETURNING id`);
  const insertPersonTag = db.prepare(`INSERT OR IGNORE INTO person_tags (person_id, tag_id) VALUES (?, ?)`);

  return db.transaction(() => {
    const me = getMeId(db);
    const orgIds = net.organizations.map((o) => {
      const existing = db.prepare('SELECT id FROM organizations WHERE name_key = ?').get(nameKey(o.name)) as { id: number } | undefined;
      return existing?.id ?? Number(insertOrg.run(o.name, nameKey(o.name), o.kind, o.domain, now, now).lastInsertRowid);
    });
    const tagIds = new Map<string, number>();
    const tagId = (name: string) => {
      let id = tagIds.get(name);
      if (id === undefined) tagIds.set(name, (id = (ensureTag.get(name, nameKey(name)) as { id: number }).id));
      return id;
    };
    const personIds = net.people.map((p) => {
      const id = Number(
        insertPerson.run(
          p.displayName, p.givenName, p.familyName, p.headline, p.location,
          JSON.stringify([{ value: p.email, label: 'work' }]), p.howWeMet, now, now,
        ).lastInsertRowid,
      );
      for (const tag of p.tags) insertPersonTag.run(id, tagId(tag));
      return id;
    });
    const personId = (index: number) => (index === -1 ? me : personIds[index]!);
    for (const a of net.affiliations) {
      insertAffiliation.run(
        personId(a.person), orgIds[a.organization], a.title, a.isHiringManager ? 1 : 0, a.isRecruiter ? 1 : 0,
        a.isReferrer ? 1 : 0, a.startDate, a.endDate, a.current ? 1 : 0, now, now,
      );
    }
    for (const t of net.ties) {
      const x = personId(t.a);
      const y = personId(t.b);
      insertTie.run(Math.min(x, y), Math.max(x, y), t.strength, t.context, t.since, now, now);
    }
    for (const i of net.interactions) {
      const id = Number(
        insertInteraction.run(i.occurredAt, i.kind, i.title, i.body, i.organization === null ? null : orgIds[i.organization], now, now)
          .lastInsertRowid,
      );
      for (const p of new Set(i.participants)) insertParticipant.run(id, personId(p));
    }
    return {
      people: personIds.length,
      organizations: net.organizations.length,
      ties: net.ties.length,
      interactions: net.interactions.length,
    };
  })();
}
