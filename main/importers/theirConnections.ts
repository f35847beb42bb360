// A contact's own Connections.csv, imported as theirs (issue 14): what the
// shared plan (plan.ts) needs to know about the person whose list it is, and
// about me, read once per plan.
//
// - The owner is tied to each of their connections (ties.source
//   'their-connections', ties.source_person_id = the owner).
// - Me, when I am in the file, is recognised and never added as a person: by
//   my profile URL, one of my e-mails, or (when one of us has no profile URL)
//   my name. The file then says the owner and I are connected, which is as
//   good as my own Connections.csv saying it: a tie me–owner (strength 1) is
//   made when there is none, but only when I was recognised by profile URL or
//   e-mail, never by a name alone (a namesake is not evidence).
// - The list's people are matched to Kith by profile URL first, then by the
//   importers' usual rules. People new to Kith are second-degree
//   (people.degree = 2): not tied to me.
// - A list whose people are mostly someone else's connections from a list
//   imported before is most likely that person's list chosen again under the
//   wrong name: the preview says so, and the commit needs an explicit
//   confirmation (never silent duplication).
import { KithError } from '../../shared/errors';
import { nameKey } from '../../shared/text';
import type { Db } from '../db/open';
import { emailKey, isLinkedInProfile, normalizeLinkedInUrl } from './normalize';
import type { ImportedPerson } from './types';

/** Share of a list's people already tied to another owner (from their list) above which the list is taken to be theirs. */
export const SAME_LIST_SHARE = 0.8;

export type MeMatch = 'linkedin' | 'email' | 'name';

export interface ListOwner {
  id: number;
  name: string;
  /** The owner's ties, by the other person's id. */
  ties: Map<number, { id: number; since: string | null }>;
  /** Whether the owner and I already have a tie. */
  tiedToMe: boolean;
  /** Other owners of lists imported before: id → name and the people on their list. */
  otherLists: Map<number, { name: string; people: Set<number> }>;
  /** How a record is me, or null; `key` is the plan's cached nameKey (locale-aware folding is its hot spot). */
  isMe: (p: ImportedPerson, key: (text: string) => string) => MeMatch | null;
}

export function loadListOwner(db: Db, ownerId: number, meId: number): ListOwner {
  const row = db.prepare('SELECT id, display_name, is_me FROM people WHERE id = ?').get(ownerId) as { id: number; display_name: string; is_me: number } | undefined;
  if (!row) throw new KithError('NOT_FOUND', `There is no person with id ${ownerId} to import these connections for. Nothing was imported.`);
  if (row.is_me === 1) {
    throw new KithError('INVALID_INPUT', 'These would be your own connections: import your own Connections.csv without naming whose it is. Nothing was imported.');
  }
  const ties = new Map<number, { id: number; since: string | null }>();
  for (const t of db
    .prepare('SELECT id, CASE WHEN person_a = @o THEN person_b ELSE person_a END AS other, since FROM ties WHERE person_a = @o OR person_b = @o')
    .all({ o: ownerId }) as { id: number; other: number; since: string | null }[]) {
    ties.set(t.other, { id: t.id, since: t.since });
  }
  const otherLists = new Map<number, { name: string; people: Set<number> }>();
  for (const t of db
    .prepare(
      `SELECT t.source_person_id AS owner, p.display_name AS name,
              CASE WHEN t.person_a = t.source_person_id THEN t.person_b ELSE t.person_a END AS other
         FROM ties t JOIN people p ON p.id = t.source_person_id
        WHERE t.source = 'their-connections' AND t.source_person_id <> ?`,
    )
    .all(ownerId) as { owner: number; name: string; other: number }[]) {
    let list = otherLists.get(t.owner);
    if (!list) otherLists.set(t.owner, (list = { name: t.name, people: new Set() }));
    list.people.add(t.other);
  }

  const me = db.prepare('SELECT display_name, emails, linkedin_url FROM people WHERE id = ?').get(meId) as { display_name: string; emails: string; linkedin_url: string | null };
  const myUrl = me.linkedin_url ? (normalizeLinkedInUrl(me.linkedin_url) ?? me.linkedin_url) : null;
  const myEmails = new Set((JSON.parse(me.emails) as { value: string }[]).map((e) => emailKey(e.value)));
  const myName = nameKey(me.display_name);
  const isMe = (p: ImportedPerson, key: (text: string) => string): MeMatch | null => {
    const theirUrl = isLinkedInProfile(p.linkedinUrl) ? p.linkedinUrl : null;
    if (myUrl && theirUrl) return theirUrl === myUrl ? 'linkedin' : null; // a profile URL is an identity: different ones are different people
    if (p.emails.some((e) => myEmails.has(emailKey(e.value)))) return 'email';
    return key(p.displayName) === myName ? 'name' : null;
  };
  return { id: ownerId, name: row.display_name, ties, tiedToMe: ties.has(meId), otherLists, isMe };
}

/** Other owners whose earlier list holds most of this one's people (the same list under another name). */
export function sameListAs(owner: ListOwner, people: readonly number[], total: number): { personId: number; name: string; people: number; of: number }[] {
  if (total === 0) return [];
  const out: { personId: number; name: string; people: number; of: number }[] = [];
  for (const [id, list] of owner.otherLists) {
    const shared = people.filter((p) => list.people.has(p)).length;
    if (shared > 0 && shared >= SAME_LIST_SHARE * total) out.push({ personId: id, name: list.name, people: shared, of: total });
  }
  return out.sort((a, b) => b.people - a.people || a.personId - b.personId);
}
