// The whole network as plain arrays for the graph view (issue 5): people who
// are not archived, ties between them, current organizations, tags, and the
// last contact of each tie. Read fresh per request (about 60 ms for 10,000
// people and 50,000 ties); the expensive metrics are cached in metrics.ts.
import type { Db } from '../db/open';

export interface NetPerson {
  id: number;
  name: string;
  headline: string;
  isMe: boolean;
  /** Current organizations, the most recent first. */
  orgIds: number[];
  tags: string[];
}

export interface NetTie {
  id: number;
  a: number;
  b: number;
  strength: number;
  lastContact: string | null;
  /** When the quiet clock starts: lastContact, else when the tie began, else when it was recorded (ISO). */
  quietSince: string;
}

export interface Network {
  meId: number;
  people: NetPerson[];
  ties: NetTie[];
  organizations: Map<number, string>;
}

export function loadNetwork(db: Db): Network {
  const peopleRows = db
    .prepare(`SELECT id, display_name, headline, is_me FROM people WHERE archived_at IS NULL ORDER BY id`)
    .raw()
    .all() as [number, string, string, number][];
  const byId = new Map<number, NetPerson>();
  let meId = -1;
  const people = peopleRows.map(([id, name, headline, isMe]) => {
    const p: NetPerson = { id, name, headline, isMe: isMe === 1, orgIds: [], tags: [] };
    byId.set(id, p);
    if (isMe) meId = id;
    return p;
  });
  if (meId < 0) throw new Error('The data file has no "me" person.');

  const organizations = new Map<number, string>();
  const affiliations = db
    .prepare(
      `SELECT a.person_id, a.organization_id, o.name FROM affiliations a
         JOIN organizations o ON o.id = a.organization_id AND o.archived_at IS NULL
        WHERE a.is_current = 1
        ORDER BY a.person_id, a.start_date DESC NULLS LAST, a.id DESC`,
    )
    .raw()
    .all() as [number, number, string][];
  for (const [personId, orgId, orgName] of affiliations) {
    const p = byId.get(personId);
    if (!p) continue;
    organizations.set(orgId, orgName);
    if (!p.orgIds.includes(orgId)) p.orgIds.push(orgId);
  }

  const tags = db
    .prepare(`SELECT pt.person_id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id ORDER BY t.name`)
    .raw()
    .all() as [number, string][];
  for (const [personId, name] of tags) byId.get(personId)?.tags.push(name);

  // Latest journal entry per person (for my ties: me is implicit in every entry)
  // and per pair of participants (for everyone else's ties).
  const lastWith = new Map<number, string>();
  for (const [personId, at] of db
    .prepare(
      // Instants order entries (migration 30); the bare occurred_date comes from the newest row.
      `SELECT ip.person_id, i.occurred_date, max(i.occurred_utc) FROM interaction_participants ip
         JOIN interactions i ON i.id = ip.interaction_id AND i.deleted_at IS NULL GROUP BY ip.person_id`,
    )
    .raw()
    .all() as [number, string][]) {
    lastWith.set(personId, at);
  }
  const lastPair = new Map<string, string>();
  for (const [a, b, at] of db
    .prepare(
      `SELECT x.person_id, y.person_id, i.occurred_date, max(i.occurred_utc) FROM interaction_participants x
         JOIN interaction_participants y ON y.interaction_id = x.interaction_id AND y.person_id > x.person_id
         JOIN interactions i ON i.id = x.interaction_id AND i.deleted_at IS NULL
        GROUP BY x.person_id, y.person_id`,
    )
    .raw()
    .all() as [number, number, string][]) {
    lastPair.set(`${a}:${b}`, at);
  }

  // One row of JSON arrays: much faster than 50,000 row objects (as main/routes/graph.ts does).
  const cols = db
    .prepare(
      `SELECT json_group_array(t.id), json_group_array(t.person_a), json_group_array(t.person_b), json_group_array(t.strength),
              json_group_array(coalesce(t.since, t.created_at))
         FROM ties t JOIN people pa ON pa.id = t.person_a AND pa.archived_at IS NULL
                     JOIN people pb ON pb.id = t.person_b AND pb.archived_at IS NULL`,
    )
    .raw()
    .get() as [string, string, string, string, string];
  const ids = JSON.parse(cols[0]) as number[];
  const as = JSON.parse(cols[1]) as number[];
  const bs = JSON.parse(cols[2]) as number[];
  const strengths = JSON.parse(cols[3]) as number[];
  const begun = JSON.parse(cols[4]) as string[];
  const ties: NetTie[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const a = as[i]!;
    const b = bs[i]!;
    const lastContact = a === meId ? (lastWith.get(b) ?? null) : b === meId ? (lastWith.get(a) ?? null) : (lastPair.get(`${a}:${b}`) ?? null);
    ties[i] = { id: ids[i]!, a, b, strength: strengths[i]!, lastContact, quietSince: lastContact ?? begun[i]! };
  }
  return { meId, people, ties, organizations };
}
