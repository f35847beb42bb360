// What the people exports read: every person with their current organization
// and title, and every tie. One query each, ordered for deterministic output.
import type { LabeledValue } from '../../shared/domain';
import type { Db } from '../db/open';

export interface ExportPerson {
  id: number;
  isMe: boolean;
  displayName: string;
  givenName: string;
  familyName: string;
  headline: string;
  location: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  links: LabeledValue[];
  linkedinUrl: string | null;
  howWeMet: string;
  notes: string;
  archived: boolean;
  organization: string | null;
  title: string | null;
  myTieStrength: number | null;
  tags: string[];
}

export interface ExportTie {
  id: number;
  personA: number;
  personB: number;
  strength: number;
  context: string;
  since: string | null;
  source: string;
}

export function readPeople(db: Db): ExportPerson[] {
  const rows = db
    .prepare(
      `SELECT p.*, o.name AS organization, ca.title,
              (SELECT t.strength FROM ties t, people me
                WHERE me.is_me = 1 AND t.person_a = min(p.id, me.id) AND t.person_b = max(p.id, me.id)) AS my_strength,
              (SELECT json_group_array(name) FROM (SELECT tg.name FROM person_tags pt JOIN tags tg ON tg.id = pt.tag_id
                WHERE pt.person_id = p.id ORDER BY tg.name_key)) AS tags
         FROM people p
         LEFT JOIN affiliations ca ON ca.id = (
              SELECT a.id FROM affiliations a WHERE a.person_id = p.id AND a.is_current = 1
               ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1)
         LEFT JOIN organizations o ON o.id = ca.organization_id
        ORDER BY p.id`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number,
    isMe: r.is_me === 1,
    displayName: r.display_name as string,
    givenName: r.given_name as string,
    familyName: r.family_name as string,
    headline: r.headline as string,
    location: r.location as string,
    emails: JSON.parse(r.emails as string) as LabeledValue[],
    phones: JSON.parse(r.phones as string) as LabeledValue[],
    links: JSON.parse(r.links as string) as LabeledValue[],
    linkedinUrl: r.linkedin_url as string | null,
    howWeMet: r.how_we_met as string,
    notes: r.notes as string,
    archived: r.archived_at !== null,
    organization: r.organization as string | null,
    title: r.title as string | null,
    myTieStrength: r.my_strength as number | null,
    tags: JSON.parse(r.tags as string) as string[],
  }));
}

export function readTies(db: Db): ExportTie[] {
  return (
    db.prepare('SELECT id, person_a, person_b, strength, context, since, source FROM ties ORDER BY id').all() as {
      id: number;
      person_a: number;
      person_b: number;
      strength: number;
      context: string;
      since: string | null;
      source: string;
    }[]
  ).map((t) => ({ id: t.id, personA: t.person_a, personB: t.person_b, strength: t.strength, context: t.context, since: t.since, source: t.source }));
}
