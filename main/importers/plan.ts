// Plan: match parsed records against the database (read-only) and work out
// exactly what an import would write. The preview shown to the user and the
// commit are both made from a plan, so what is shown is what is written.
//
// Matching (issue 6), in this order: the same e-mail, the same normalized
// LinkedIn URL, the same name at the same organization, and, for a record with
// no organization, the same name when exactly one person has it (otherwise
// re-importing a name-only contact would add them again). "Me" is never matched.
//
// Merging fills in, never overwrites: empty fields are filled, new e-mails,
// phones, links and tags are added, an organization the person is not at yet
// becomes a current affiliation, a missing tie with me is created. Anything the
// user wrote stays as it is.
import type { LabeledValue } from '../../shared/domain';
import type { ImportCounts, ImportIssue, ImportMatch, ImportPreview, JobChange, TheirConnectionsSummary } from '../../shared/importExport';
import { nameKey as sharedNameKey } from '../../shared/text';
import type { Db } from '../db/open';
import { getMeId } from '../services/people';
import { emailKey, isLinkedInProfile, mergeValues, normalizeLinkedInUrl, phoneKey } from './normalize';
import { loadListOwner, sameListAs } from './theirConnections';
import { issue, type ImportedOrganization, type ImportedPerson, type ParsedImport, type SourceRef } from './types';

export interface PlanOptions {
  /** Record keys (`line 12`, `card 3`) the user left out in the preview. */
  exclude?: readonly string[];
  /**
   * Issue 14: the file is this person's own Connections.csv. They, not me,
   * are tied to each connection; people new to Kith are second-degree; me in
   * the file is recognised (theirConnections.ts).
   */
  of?: number;
  /** Issue 14: import it as theirs even though it looks like someone else's list imported before. */
  confirmOwner?: boolean;
}

interface PersonFields {
  displayName: string;
  givenName: string;
  familyName: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  links: LabeledValue[];
  linkedinUrl: string | null;
  notes: string;
}

export interface PersonState extends PersonFields {
  id: number | null;
  original: PersonFields | null;
  /** Tag keys already on the person in the database. */
  existingTags: Set<string>;
  /** Tags to add, by key, first spelling kept. */
  newTags: Map<string, string>;
  affiliations: Map<string, AffiliationState>;
  tieWithMe: TieState | null;
  ref: SourceRef | null;
  /** A new person known only through a contact's list (issue 14): people.degree 2. */
  secondDegree?: boolean;
}

export interface AffiliationState {
  id: number | null;
  person: PersonState;
  organization: OrganizationState;
  title: string;
  originalTitle: string;
  isHiringManager: boolean;
  isRecruiter: boolean;
  isCurrent: boolean;
  originalIsCurrent: boolean;
}

export interface OrganizationState {
  id: number | null;
  key: string;
  name: string;
  domain: string;
  notes: string;
  original: { domain: string; notes: string } | null;
  existingTags: Set<string>;
  newTags: Map<string, string>;
}

export interface TieState {
  id: number | null;
  /** 'owner': the person whose list is imported (issue 14, ImportPlan.ownerId). */
  a: PersonState | 'me' | 'owner';
  b: PersonState;
  strength: number;
  context: string;
  since: string | null;
  originalSince: string | null;
  /** Issue 14: a tie from a contact's list (ties.source 'their-connections', source_person_id the owner). */
  fromList?: boolean;
}

export interface ImportPlan {
  meId: number;
  /** Issue 14: whose list this is, when it is a contact's own Connections.csv. */
  ownerId: number | null;
  /** Issue 14: the tie between me and the owner that their list (holding me) is evidence of, to add. */
  tieMeOwner: { strength: number; context: string; since: string | null } | null;
  people: PersonState[];
  organizations: OrganizationState[];
  affiliations: AffiliationState[];
  ties: TieState[];
  preview: ImportPreview;
}

/** True when a stored affiliation would change (the commit's UPDATE). */
export function affiliationChanged(a: AffiliationState): boolean {
  return a.id !== null && (a.title !== a.originalTitle || a.isCurrent !== a.originalIsCurrent);
}

interface PersonRow {
  id: number;
  display_name: string;
  given_name: string;
  family_name: string;
  emails: string;
  phones: string;
  links: string;
  linkedin_url: string | null;
  notes: string;
}

/** True when a stored person's own columns would change (the commit's UPDATE). */
export function personChangedFields(s: PersonState): boolean {
  const o = s.original;
  if (!o) return false;
  return (
    s.givenName !== o.givenName ||
    s.familyName !== o.familyName ||
    s.emails.length !== o.emails.length ||
    s.phones.length !== o.phones.length ||
    s.links.length !== o.links.length ||
    s.linkedinUrl !== o.linkedinUrl ||
    s.notes !== o.notes
  );
}

const LEGAL_SUFFIX = /\s(inc|incorporated|llc|l l c|ltd|limited|gmbh|corp|corporation|co|plc|ag|sa|bv|pty|lp|llp)$/;

/**
 * An organization's name without punctuation and legal form, for matching
 * only: LinkedIn says "Acme Labs, Inc." where a contact card says "Acme Labs".
 */
export function looseOrgKey(key: string): string {
  return looseKey(key);
}

function looseKey(key: string): string {
  let k = key.replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let m = LEGAL_SUFFIX.exec(k); m && m.index > 0; m = LEGAL_SUFFIX.exec(k)) k = k.slice(0, m.index).trim();
  return k || key;
}

type Handle = number | PersonState;

const linkKey = (v: string) => v.trim().toLowerCase();

function fieldsOf(r: PersonRow): PersonFields {
  return {
    displayName: r.display_name,
    givenName: r.given_name,
    familyName: r.family_name,
    emails: JSON.parse(r.emails) as LabeledValue[],
    phones: JSON.parse(r.phones) as LabeledValue[],
    links: JSON.parse(r.links) as LabeledValue[],
    // Stored before issue 13's canonical form (case, percent-encoding, host): read in today's form.
    linkedinUrl: r.linkedin_url === null ? null : (normalizeLinkedInUrl(r.linkedin_url) ?? r.linkedin_url),
    notes: r.notes,
  };
}

/** Reads what matching needs from the database, once per plan. */
function loadExisting(db: Db, meId: number) {
  const rows = db
    .prepare(
      `SELECT id, display_name, given_name, family_name, emails, phones, links, linkedin_url, notes
         FROM people WHERE is_me = 0 ORDER BY id`,
    )
    .all() as PersonRow[];
  const people = new Map(rows.map((r) => [r.id, r]));
  const orgs = new Map<string, OrganizationState>();
  const orgById = new Map<number, OrganizationState>();
  for (const o of db.prepare('SELECT id, name, name_key, domain, notes FROM organizations ORDER BY id').all() as {
    id: number;
    name: string;
    name_key: string;
    domain: string;
    notes: string;
  }[]) {
    const state: OrganizationState = {
      id: o.id,
      key: o.name_key,
      name: o.name,
      domain: o.domain,
      notes: o.notes,
      original: { domain: o.domain, notes: o.notes },
      existingTags: new Set(),
      newTags: new Map(),
    };
    orgs.set(o.name_key, state);
    orgById.set(o.id, state);
  }
  const affiliations = new Map<number, { id: number; orgKey: string; title: string; hm: number; rec: number; current: number }[]>();
  for (const a of db
    .prepare(
      `SELECT a.id, a.person_id, o.name_key, a.title, a.is_hiring_manager AS hm, a.is_recruiter AS rec, a.is_current AS current
         FROM affiliations a JOIN organizations o ON o.id = a.organization_id ORDER BY a.id`,
    )
    .all() as { id: number; person_id: number; name_key: string; title: string; hm: number; rec: number; current: number }[]) {
    const list = affiliations.get(a.person_id) ?? [];
    list.push({ id: a.id, orgKey: a.name_key, title: a.title, hm: a.hm, rec: a.rec, current: a.current });
    affiliations.set(a.person_id, list);
  }
  const tiesWithMe = new Map<number, { id: number; strength: number; context: string; since: string | null }>();
  for (const t of db
    .prepare(
      `SELECT id, CASE WHEN person_a = @me THEN person_b ELSE person_a END AS other, strength, context, since
         FROM ties WHERE person_a = @me OR person_b = @me`,
    )
    .all({ me: meId }) as { id: number; other: number; strength: number; context: string; since: string | null }[]) {
    tiesWithMe.set(t.other, t);
  }
  const personTags = new Map<number, Set<string>>();
  for (const t of db.prepare('SELECT pt.person_id, t.name_key FROM person_tags pt JOIN tags t ON t.id = pt.tag_id').all() as {
    person_id: number;
    name_key: string;
  }[]) {
    const set = personTags.get(t.person_id) ?? new Set<string>();
    set.add(t.name_key);
    personTags.set(t.person_id, set);
  }
  for (const t of db.prepare('SELECT ot.organization_id, t.name_key FROM organization_tags ot JOIN tags t ON t.id = ot.tag_id').all() as {
    organization_id: number;
    name_key: string;
  }[]) {
    orgById.get(t.organization_id)?.existingTags.add(t.name_key);
  }
  // What merges retired (issue 13): profile URLs, e-mails and organization names that now mean the one kept.
  const personAliases = db.prepare('SELECT person_id, kind, value FROM person_aliases').all() as { person_id: number; kind: 'linkedin' | 'email'; value: string }[];
  const orgAliases = new Map<string, OrganizationState>();
  for (const a of db.prepare('SELECT name_key, organization_id FROM organization_aliases').all() as { name_key: string; organization_id: number }[]) {
    const o = orgById.get(a.organization_id);
    if (o) orgAliases.set(a.name_key, o);
  }
  return { people, orgs, affiliations, tiesWithMe, personTags, personAliases, orgAliases };
}

/**
 * Matches the records against the database and returns what an import would
 * do, with its preview. Reads only; the same function runs again inside the
 * commit's transaction so a preview that went stale cannot write anything wrong.
 */
export function planImport(db: Db, parsed: ParsedImport, options: PlanOptions = {}): ImportPlan {
  const meId = getMeId(db);
  const existing = loadExisting(db, meId);
  const owner = options.of !== undefined ? loadListOwner(db, options.of, meId) : null;
  // nameKey (NFKC + locale-aware lower case) dominates planning time at 10,000 rows: once per distinct text.
  const keyCache = new Map<string, string>();
  const nameKey = (text: string) => {
    let k = keyCache.get(text);
    if (k === undefined) keyCache.set(text, (k = sharedNameKey(text)));
    return k;
  };
  const looseCache = new Map<string, string>();
  const looseOrgKey = (key: string) => {
    let k = looseCache.get(key);
    if (k === undefined) looseCache.set(key, (k = looseKey(key)));
    return k;
  };
  const excluded = new Set(options.exclude ?? []);

  const byEmail = new Map<string, Handle>();
  const byLinkedIn = new Map<string, Handle>();
  const byNameOrg = new Map<string, Handle>();
  const byName = new Map<string, Handle[]>();
  const nameOrgKey = (name: string, orgKey: string) => `${nameKey(name)}\u0000${orgKey}`;
  const index = (h: Handle, f: Pick<PersonFields, 'displayName' | 'emails' | 'linkedinUrl'>, orgKeys: Iterable<string>) => {
    for (const e of f.emails) if (!byEmail.has(emailKey(e.value))) byEmail.set(emailKey(e.value), h);
    if (f.linkedinUrl && !byLinkedIn.has(f.linkedinUrl)) byLinkedIn.set(f.linkedinUrl, h);
    for (const k of orgKeys) if (!byNameOrg.has(nameOrgKey(f.displayName, k))) byNameOrg.set(nameOrgKey(f.displayName, k), h);
    const nk = nameKey(f.displayName);
    const list = byName.get(nk);
    if (!list) byName.set(nk, [h]);
    else if (!list.includes(h)) list.push(h);
  };
  for (const row of existing.people.values()) {
    const f = fieldsOf(row);
    index(row.id, f, (existing.affiliations.get(row.id) ?? []).map((a) => a.orgKey));
  }
  for (const a of existing.personAliases) {
    if (!existing.people.has(a.person_id)) continue;
    if (a.kind === 'linkedin' && !byLinkedIn.has(a.value)) byLinkedIn.set(a.value, a.person_id);
    if (a.kind === 'email' && !byEmail.has(a.value)) byEmail.set(a.value, a.person_id);
  }

  const states = new Map<number, PersonState>();
  const people: PersonState[] = [];
  const affiliations: AffiliationState[] = [];
  const ties: TieState[] = [];
  const tiesByPair = new Map<string, TieState>();
  const orgs = existing.orgs;
  const touchedOrgs: OrganizationState[] = [];
  const touchedOrgKeys = new Set<string>();
  const changesByRecord = new Map<string, string[]>();
  const jobChanges: JobChange[] = [];

  const touchOrg = (o: OrganizationState) => {
    if (!touchedOrgKeys.has(o.key)) {
      touchedOrgKeys.add(o.key);
      touchedOrgs.push(o);
    }
  };
  const orgsLoose = new Map<string, OrganizationState>();
  for (const o of orgs.values()) if (!orgsLoose.has(looseOrgKey(o.key))) orgsLoose.set(looseOrgKey(o.key), o);
  for (const [key, o] of existing.orgAliases) if (!orgsLoose.has(looseOrgKey(key))) orgsLoose.set(looseOrgKey(key), o);
  const lookupOrg = (name: string): OrganizationState | undefined => {
    const key = nameKey(name);
    return orgs.get(key) ?? existing.orgAliases.get(key) ?? orgsLoose.get(looseOrgKey(key));
  };
  /** The organization's key as stored: "Acme Labs, Inc." finds an existing "Acme Labs". */
  const orgKeyOf = (name: string) => lookupOrg(name)?.key ?? nameKey(name);
  const ensureOrg = (name: string): OrganizationState => {
    let o = lookupOrg(name);
    if (!o) {
      const key = nameKey(name);
      o = { id: null, key, name, domain: '', notes: '', original: null, existingTags: new Set(), newTags: new Map() };
      orgs.set(key, o);
      if (!orgsLoose.has(looseOrgKey(key))) orgsLoose.set(looseOrgKey(key), o);
    }
    touchOrg(o);
    return o;
  };

  const stateOf = (h: Handle): PersonState => {
    if (typeof h !== 'number') return h;
    let s = states.get(h);
    if (!s) {
      const f = fieldsOf(existing.people.get(h)!);
      s = {
        id: h,
        ...f,
        original: { ...f },
        existingTags: existing.personTags.get(h) ?? new Set(),
        newTags: new Map(),
        affiliations: new Map(),
        tieWithMe: null,
        ref: null,
      };
      for (const a of existing.affiliations.get(h) ?? []) {
        if (s.affiliations.has(a.orgKey)) continue;
        const organization = orgs.get(a.orgKey)!;
        s.affiliations.set(a.orgKey, {
          id: a.id,
          person: s,
          organization,
          title: a.title,
          originalTitle: a.title,
          isHiringManager: a.hm === 1,
          isRecruiter: a.rec === 1,
          isCurrent: a.current === 1,
          originalIsCurrent: a.current === 1,
        });
      }
      const t = existing.tiesWithMe.get(h);
      if (t) s.tieWithMe = { id: t.id, a: 'me', b: s, strength: t.strength, context: t.context, since: t.since, originalSince: t.since };
      states.set(h, s);
      people.push(s);
    }
    return s;
  };

  const profileOf = (h: Handle): string | null => {
    const state = typeof h === 'number' ? states.get(h) : h;
    const url = state ? state.linkedinUrl : fieldsOf(existing.people.get(h as number)!).linkedinUrl;
    return isLinkedInProfile(url) ? url : null;
  };
  /**
   * A member profile URL is a person's identity (issue 13): two records with
   * different profile URLs are two people, whatever their names, e-mails or
   * employers, so no weaker key may join them.
   */
  const compatible = (p: ImportedPerson, h: Handle): boolean => {
    if (!isLinkedInProfile(p.linkedinUrl)) return true;
    const theirs = profileOf(h);
    return theirs === null || theirs === p.linkedinUrl;
  };
  const findMatch = (p: ImportedPerson): { handle: Handle; by: ImportMatch['matchedBy'] } | null => {
    // A contact's list is matched by profile URL first (issue 14): it is the one identity every row of it carries.
    if (owner && p.linkedinUrl) {
      const h = byLinkedIn.get(p.linkedinUrl);
      if (h !== undefined) return { handle: h, by: 'linkedin' };
    }
    for (const e of p.emails) {
      const h = byEmail.get(emailKey(e.value));
      if (h !== undefined && compatible(p, h)) return { handle: h, by: 'email' };
    }
    if (p.linkedinUrl) {
      const h = byLinkedIn.get(p.linkedinUrl);
      if (h !== undefined) return { handle: h, by: 'linkedin' };
    }
    if (p.affiliation) {
      const h = byNameOrg.get(nameOrgKey(p.displayName, orgKeyOf(p.affiliation.organization)));
      if (h !== undefined && compatible(p, h)) return { handle: h, by: 'name-and-organization' };
    } else {
      const list = byName.get(nameKey(p.displayName))?.filter((h) => compatible(p, h));
      if (list?.length === 1) return { handle: list[0]!, by: 'name' };
    }
    return null;
  };

  /** Fills `s` from `p`; returns what changed, in words. */
  const merge = (s: PersonState, p: ImportedPerson): string[] => {
    const changes: string[] = [];
    if (!s.givenName && p.givenName) {
      s.givenName = p.givenName;
      changes.push(`given name ${p.givenName}`);
    }
    if (!s.familyName && p.familyName) {
      s.familyName = p.familyName;
      changes.push(`family name ${p.familyName}`);
    }
    const add = (field: 'emails' | 'phones' | 'links', key: (v: string) => string, word: string) => {
      const merged = mergeValues(s[field], p[field], key);
      for (const v of merged.slice(s[field].length)) changes.push(`${word} ${v.value}`);
      s[field] = merged.slice(0, 100);
    };
    add('emails', emailKey, 'e-mail');
    add('phones', phoneKey, 'phone');
    add('links', linkKey, 'link');
    if (!s.linkedinUrl && p.linkedinUrl) {
      s.linkedinUrl = p.linkedinUrl;
      changes.push(`LinkedIn ${p.linkedinUrl}`);
    }
    if (!s.notes && p.notes) {
      s.notes = p.notes;
      changes.push('notes');
    }
    for (const tag of p.tags) {
      const k = nameKey(tag);
      if (s.existingTags.has(k) || s.newTags.has(k) || s.existingTags.size + s.newTags.size >= 100) continue;
      s.newTags.set(k, tag);
      changes.push(`tag ${tag}`);
    }
    // A contact's list may be older than what Kith holds: it never changes the jobs of someone Kith knows (issue 14).
    if (p.affiliation && !(owner && s.id !== null && s.affiliations.size > 0)) {
      const org = ensureOrg(p.affiliation.organization);
      const a = s.affiliations.get(org.key);
      if (!a) {
        const created: AffiliationState = {
          id: null,
          person: s,
          organization: org,
          title: p.affiliation.title,
          originalTitle: '',
          isHiringManager: p.affiliation.isHiringManager,
          isRecruiter: p.affiliation.isRecruiter,
          isCurrent: true,
          originalIsCurrent: true,
        };
        if (parsed.currentJobs && s.id !== null && !owner) {
          // A new current employer on LinkedIn is a job change: the jobs Kith holds as current end (issue 13).
          const ended: string[] = [];
          for (const other of s.affiliations.values()) {
            if (other.id === null || !other.isCurrent) continue;
            other.isCurrent = false;
            affiliations.push(other);
            ended.push(other.organization.name);
            changes.push(`no longer at ${other.organization.name}`);
          }
          if (ended.length > 0) {
            jobChanges.push({ key: p.ref.key, where: p.ref.where, personId: s.id, name: s.original?.displayName ?? s.displayName, from: ended, to: org.name });
          }
        }
        s.affiliations.set(org.key, created);
        affiliations.push(created);
        changes.push(p.affiliation.title ? `${p.affiliation.title} at ${org.name}` : `works at ${org.name}`);
      } else if (!a.title && p.affiliation.title) {
        a.title = p.affiliation.title;
        if (a.id !== null) affiliations.push(a);
        changes.push(`title ${p.affiliation.title} at ${org.name}`);
      }
    }
    if (owner) {
      // The owner, not me, is tied to the people of their list (issue 14); a tie they already have stays as it is.
      const planned = ownerTies.get(s);
      const stored = s.id !== null ? owner.ties.get(s.id) : undefined;
      if (!planned && !stored) {
        const tie: TieState = { id: null, a: 'owner', b: s, ...p.tieWithMe, originalSince: null, fromList: true };
        ownerTies.set(s, tie);
        ties.push(tie);
        changes.push(`tie with ${owner.name} (strength ${p.tieWithMe.strength})`);
      } else if (planned) {
        // The same person twice in the list: the first date known wins, as a re-import would find it.
        if (!planned.since && p.tieWithMe.since) planned.since = p.tieWithMe.since;
      } else if (stored && !stored.since && p.tieWithMe.since) {
        const tie: TieState = { id: stored.id, a: 'owner', b: s, ...p.tieWithMe, originalSince: null };
        ownerTies.set(s, tie);
        ties.push(tie);
        changes.push(`connected to ${owner.name} since ${p.tieWithMe.since}`);
      }
    } else if (!s.tieWithMe) {
      s.tieWithMe = { id: null, a: 'me', b: s, ...p.tieWithMe, originalSince: null };
      ties.push(s.tieWithMe);
      changes.push(`tie with me (strength ${p.tieWithMe.strength})`);
    } else if (!s.tieWithMe.since && p.tieWithMe.since) {
      s.tieWithMe.since = p.tieWithMe.since;
      if (s.tieWithMe.id !== null) ties.push(s.tieWithMe);
      changes.push(`known since ${p.tieWithMe.since}`);
    }
    return changes;
  };

  const skipped: ImportIssue[] = [...parsed.skipped];
  const matches: ImportMatch[] = [];
  const newPeople: ImportPreview['newPeople'] = [];
  const recordState = new Map<number, PersonState>();
  const firstRefOf = new Map<PersonState, SourceRef>();
  let records = 0;
  const ownerTies = new Map<PersonState, TieState>();
  const meRows: TheirConnectionsSummary['me'] = [];
  let tieMeOwner: ImportPlan['tieMeOwner'] = null;
  // Planning runs twice per commit (preview, then inside the transaction): the parsed file is never written to.
  const listWarnings: ImportIssue[] = [];

  const mergeOrganization = (r: ImportedOrganization) => {
    const o = ensureOrg(r.name);
    if (!o.domain && r.domain) o.domain = r.domain;
    if (!o.notes && r.notes) o.notes = r.notes;
    for (const tag of r.tags) {
      const k = nameKey(tag);
      if (!o.existingTags.has(k) && !o.newTags.has(k)) o.newTags.set(k, tag);
    }
  };

  parsed.records.forEach((r, i) => {
    if (excluded.has(r.ref.key)) return;
    records++;
    if (r.kind === 'organization') {
      mergeOrganization(r);
      return;
    }
    if (owner) {
      const meBy = owner.isMe(r, nameKey);
      // My name on a row whose profile URL is someone else's in Kith is that person, not me.
      if (meBy && !(meBy === 'name' && r.linkedinUrl && byLinkedIn.has(r.linkedinUrl))) {
        // Me in a contact's list (issue 14): never a new person; the list is evidence that the owner and I are connected.
        meRows.push({ where: r.ref.where, matchedBy: meBy });
        const how = { linkedin: 'your LinkedIn address', email: 'your e-mail', name: 'your name' }[meBy];
        let then: string;
        if (owner.tiedToMe) then = `you and ${owner.name} already have a tie`;
        else if (meBy === 'name') then = `a name alone does not make a tie between you and ${owner.name}`;
        else if (tieMeOwner) then = 'the tie between you is already planned';
        else {
          tieMeOwner = { strength: r.tieWithMe.strength, context: r.tieWithMe.context, since: r.tieWithMe.since };
          then = `a tie between you and ${owner.name} (strength ${r.tieWithMe.strength}) is added`;
        }
        listWarnings.push(issue(r.ref, `this is you (${how}): not added as a person; ${then}`));
        return;
      }
    }
    const match = findMatch(r);
    if (owner && match && (typeof match.handle === 'number' ? match.handle : match.handle.id) === owner.id) {
      skipped.push(issue(r.ref, `this is ${owner.name} (the person whose connections these are); left out`));
      return;
    }
    let s: PersonState;
    if (!match) {
      s = {
        id: null,
        displayName: r.displayName,
        givenName: '',
        familyName: '',
        emails: [],
        phones: [],
        links: [],
        linkedinUrl: null,
        notes: '',
        original: null,
        existingTags: new Set(),
        newTags: new Map(),
        affiliations: new Map(),
        tieWithMe: null,
        ref: r.ref,
        ...(owner ? { secondDegree: true } : {}),
      };
      people.push(s);
      merge(s, r);
      newPeople.push({ key: r.ref.key, where: r.ref.where, name: r.displayName, organization: r.affiliation?.organization ?? null });
    } else {
      s = stateOf(match.handle);
      const earlier = firstRefOf.get(s);
      const changes = merge(s, r);
      if (earlier) {
        const how = { email: 'same e-mail', linkedin: 'same LinkedIn address', 'name-and-organization': 'same name and organization', name: 'same name' }[match.by];
        skipped.push(issue(r.ref, `duplicate of ${earlier.where} (${how})${changes.length ? `; adds ${changes.join(', ')}` : ''}`));
        if (s.id !== null) changesByRecord.get(earlier.key)?.push(...changes);
      } else if (s.id !== null) {
        const m: ImportMatch = {
          key: r.ref.key,
          where: r.ref.where,
          name: r.displayName,
          personId: s.id,
          personName: s.original?.displayName ?? s.displayName,
          matchedBy: match.by,
          changes,
        };
        matches.push(m);
        changesByRecord.set(r.ref.key, m.changes);
      }
    }
    if (!firstRefOf.has(s)) firstRefOf.set(s, r.ref);
    recordState.set(i, s);
    index(s, r, r.affiliation ? [orgKeyOf(r.affiliation.organization)] : []);
  });

  // Ties between two cards of the same file (vCard RELATED).
  const findTieBetween = db.prepare('SELECT id, strength, context, since FROM ties WHERE person_a = ? AND person_b = ?');
  for (const rel of parsed.relations) {
    const a = recordState.get(rel.from);
    const b = recordState.get(rel.to);
    if (!a || !b || a === b) continue;
    const [first, second] = a.id !== null && b.id !== null && a.id > b.id ? [b, a] : [a, b];
    const pairKey = `${people.indexOf(first)}:${people.indexOf(second)}`;
    const planned = tiesByPair.get(pairKey) ?? tiesByPair.get(`${people.indexOf(second)}:${people.indexOf(first)}`);
    if (planned) {
      if (planned.id === null && rel.strength > planned.strength) {
        planned.strength = rel.strength;
        planned.context = rel.context;
      }
      continue;
    }
    if (first.id !== null && second.id !== null) {
      const row = findTieBetween.get(first.id, second.id) as { id: number } | undefined;
      if (row) continue; // they already have a tie: what the user set stays
    }
    const tie: TieState = { id: null, a: first, b: second, strength: rel.strength, context: rel.context, since: null, originalSince: null };
    tiesByPair.set(pairKey, tie);
    ties.push(tie);
  }

  const personChanged = (s: PersonState) => s.original !== null && (s.newTags.size > 0 || personChangedFields(s));
  const orgChanged = (o: OrganizationState) =>
    o.original !== null && (o.newTags.size > 0 || o.domain !== o.original.domain || o.notes !== o.original.notes);

  const uniqueTies = [...new Set(ties)];
  const uniqueAffiliations = [...new Set(affiliations)];
  const updatedPeople = new Set<PersonState>();
  for (const s of people) if (personChanged(s)) updatedPeople.add(s);
  for (const a of uniqueAffiliations) if (a.person.id !== null) updatedPeople.add(a.person);
  for (const t of uniqueTies) {
    if (t.b.id !== null && t.a === 'me') updatedPeople.add(t.b);
  }

  const counts: ImportCounts = {
    records,
    newPeople: people.filter((s) => s.id === null).length,
    matchedPeople: people.filter((s) => s.id !== null).length,
    updatedPeople: updatedPeople.size,
    newOrganizations: touchedOrgs.filter((o) => o.id === null).length,
    updatedOrganizations: touchedOrgs.filter(orgChanged).length,
    newAffiliations: uniqueAffiliations.filter((a) => a.id === null).length,
    updatedAffiliations: uniqueAffiliations.filter((a) => a.id !== null).length,
    newTies: uniqueTies.filter((t) => t.id === null).length + (tieMeOwner ? 1 : 0),
    updatedTies: uniqueTies.filter((t) => t.id !== null).length,
    skipped: skipped.length,
  };
  const nothingToDo =
    counts.newPeople + counts.updatedPeople + counts.newOrganizations + counts.updatedOrganizations + counts.newAffiliations +
      counts.updatedAffiliations + counts.newTies + counts.updatedTies ===
    0;

  let theirs: TheirConnectionsSummary | undefined;
  if (owner) {
    const listed = [...new Set(recordState.values())];
    const known = listed.flatMap((st) => (st.id !== null ? [st.id] : []));
    theirs = {
      personId: owner.id,
      name: owner.name,
      me: meRows,
      tieWithMe: tieMeOwner ? 'added' : owner.tiedToMe ? 'exists' : 'none',
      secondDegree: listed.filter((st) => st.id === null).length,
      newTies: [...ownerTies.values()].filter((t) => t.id === null).length,
      sameListAs: sameListAs(owner, known, listed.length),
    };
    const mine = known.filter((id) => existing.tiesWithMe.has(id)).length;
    if (listed.length >= 5 && mine >= 0.9 * listed.length && meRows.length === 0) {
      listWarnings.push({
        where: 'the file',
        line: null,
        card: null,
        message: `${mine} of its ${listed.length} people are already your own connections and you are not in it: is this your own Connections.csv rather than ${owner.name}'s?`,
      });
    }
  }

  return {
    meId,
    ownerId: owner?.id ?? null,
    tieMeOwner,
    people,
    organizations: touchedOrgs,
    affiliations: uniqueAffiliations,
    ties: uniqueTies,
    preview: {
      format: parsed.format,
      counts,
      newPeople,
      newOrganizations: touchedOrgs.filter((o) => o.id === null).map((o) => o.name),
      matches,
      skipped: skipped.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)),
      warnings: listWarnings.length > 0 ? [...parsed.warnings, ...listWarnings] : parsed.warnings,
      ...(jobChanges.length > 0 ? { jobChanges } : {}),
      ...(theirs ? { theirs } : {}),
      nothingToDo,
    },
  };
}

