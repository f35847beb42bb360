// A deterministic, fictional network: the same seed and size always give the
// same people, organizations, ties and journal entries. It serves the first
// run ("show me what Kith does"), the tests, and the benchmarks (2,000 and
// 10,000 people). Every name is invented by combining word lists.

import { now as clockNow } from '../../shared/clock';

export interface SampleOptions {
  people?: number;
  seed?: number;
  /** Ties between people (me included); default about 2.7 per person (400 for 150). */
  ties?: number;
  /** Journal entries; default 0.4 per person. */
  interactions?: number;
  /** The moment "now" for dates in the journal (tests fix it). */
  now?: Date;
}

export interface SampleOrganization {
  name: string;
  kind: 'company' | 'school' | 'hospital' | 'association' | 'nonprofit';
  domain: string;
}
export interface SamplePerson {
  displayName: string;
  givenName: string;
  familyName: string;
  headline: string;
  location: string;
  email: string;
  howWeMet: string;
  tags: string[];
}
export interface SampleAffiliation {
  person: number; // index into people; -1 is me
  organization: number;
  title: string;
  isHiringManager: boolean;
  isRecruiter: boolean;
  isReferrer: boolean;
  startDate: string;
  endDate: string | null;
  current: boolean;
}
export interface SampleTie {
  a: number; // index into people; -1 is me
  b: number;
  strength: number;
  context: string;
  since: string;
}
export interface SampleInteraction {
  occurredAt: string;
  kind: 'coffee' | 'call' | 'video_call' | 'email' | 'message' | 'meeting' | 'event' | 'informational_interview';
  title: string;
  body: string;
  participants: number[];
  organization: number | null;
}
export interface SampleNetwork {
  organizations: SampleOrganization[];
  people: SamplePerson[];
  affiliations: SampleAffiliation[];
  ties: SampleTie[];
  interactions: SampleInteraction[];
}

/** sfc32: small, fast, and good enough for fictional data; seeded so runs repeat. */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162 ^ (seed * 17);
  let d = 0xdeadbeef ^ seed;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const FIRST = [
  'Ada', 'Aiko', 'Alejandro', 'Amara', 'Ana', 'Anders', 'Aoife', 'Arjun', 'Beatriz', 'Ben', 'Bilal', 'Camille',
  'Carlos', 'Chen', 'Chloé', 'Dalia', 'Daniel', 'Dmitri', 'Elena', 'Emeka', 'Esther', 'Farah', 'Felix', 'Grace',
  'Hana', 'Hugo', 'Ines', 'Ingrid', 'Isaac', 'Jamal', 'Jana', 'José', 'Julia', 'Kai', 'Kenji', 'Lars', 'Leila',
  'Lena', 'Liam', 'Lucía', 'Maya', 'Mateo', 'Mei', 'Miguel', 'Nadia', 'Naveen', 'Ngozi', 'Nikolai', 'Noah', 'Nora',
  'Olu', 'Omar', 'Paula', 'Pedro', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Samir', 'Sara', 'Sofia',
  'Søren', 'Tariq', 'Tessa', 'Theo', 'Tomás', 'Uma', 'Valentina', 'Vikram', 'Wei', 'Yara', 'Yusuf', 'Zara', 'Zoë',
];
const LAST = [
  'Abara', 'Acosta', 'Adeyemi', 'Almeida', 'Andersen', 'Baptiste', 'Bauer', 'Bianchi', 'Brennan', 'Castillo',
  'Chandra', 'Costa', 'Dahl', 'Delacroix', 'Dubois', 'Eriksen', 'Esposito', 'Fernández', 'Fischer', 'Fujita',
  'García', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Holm', 'Ibrahim', 'Ito', 'Jansen', 'Jovanović', 'Kaur',
  'Keller', 'Khan', 'Kowalski', 'Laurent', 'Lindqvist', 'Lopes', 'Maalouf', 'Mendes', 'Moreau', 'Müller', 'Nakamura',
  'Novak', 'Nwosu', 'Okafor', 'Oliveira', 'Park', 'Patel', 'Petrov', 'Quinn', 'Rahman', 'Reyes', 'Rossi', 'Sato',
  'Schmidt', 'Silva', 'Singh', 'Sokolova', 'Suzuki', 'Tanaka', 'Torres', 'Varga', 'Vasquez', 'Wagner', 'Walsh',
  'Watanabe', 'Weber', 'Wójcik', 'Yamamoto', 'Yilmaz', 'Zhang', 'Zimmermann',
];
const ORG_A = [
  'Acme', 'Aurora', 'Beacon', 'Bluefin', 'Brightwater', 'Cedar', 'Cobalt', 'Copper', 'Driftwood', 'Ember', 'Fernhill',
  'Foxglove', 'Granite', 'Harbor', 'Helix', 'Ironwood', 'Juniper', 'Kestrel', 'Lantern', 'Larkspur', 'Meridian',
  'Nimbus', 'Northwind', 'Oakridge', 'Orchid', 'Pinecone', 'Quartz', 'Redwood', 'Riverbend', 'Saffron', 'Silverline',
  'Stonebridge', 'Summit', 'Tidewater', 'Umber', 'Vantage', 'Willow', 'Zephyr',
];
const ORG_B: [string, SampleOrganization['kind']][] = [
  ['Labs', 'company'], ['Robotics', 'company'], ['Analytics', 'company'], ['Health', 'hospital'], ['Systems', 'company'],
  ['Bank', 'company'], ['University', 'school'], ['Studios', 'company'], ['Energy', 'company'], ['Foundation', 'nonprofit'],
  ['Logistics', 'company'], ['Biotech', 'company'], ['Institute', 'school'], ['Guild', 'association'], ['Software', 'company'],
];
const CITIES = ['Lisbon', 'Berlin', 'Toronto', 'Austin', 'Nairobi', 'Singapore', 'Melbourne', 'Dublin', 'São Paulo', 'Osaka', 'Oslo', 'Montréal'];
const TITLES = [
  'Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Product Manager', 'Product Designer',
  'Data Scientist', 'Engineering Manager', 'Site Reliability Engineer', 'Researcher', 'Marketing Lead',
  'Account Executive', 'Operations Analyst', 'UX Researcher', 'Solutions Architect', 'Technical Writer',
];
const CONTEXT_WEAK = ['Met at a conference', 'Friend of a friend', 'Same meetup group', 'Online community', 'Alumni network', 'Met once at a workshop'];
const CONTEXT_STRONG = ['Close friend', 'Mentor', 'Studied together', 'Former teammate', 'Family friend'];
/** A person's "how we met", told the way the tie's context is (kept consistent with it). */
function howWeMetFor(context: string): string {
  const told: Record<string, string> = {
    'Close friend': 'We have been friends for years',
    Mentor: 'They mentored me',
    'Studied together': 'We studied together',
    'Former teammate': 'We were on the same team',
    'Family friend': 'Through my family',
    'Met at a conference': 'At a conference',
    'Friend of a friend': 'Through a friend',
    'Same meetup group': 'At a meetup',
    'Online community': 'Online',
    'Alumni network': 'Through the alumni network',
    'Met once at a workshop': 'At a workshop',
  };
  return told[context] ?? context;
}
const HOW_WE_MET = ['At a meetup', 'Through a friend', 'Former colleague', 'At university', 'At a conference talk', 'Online', ''];
const INTERACTION_KINDS: SampleInteraction['kind'][] = ['coffee', 'call', 'video_call', 'email', 'message', 'meeting', 'event', 'informational_interview'];
const TOPICS = [
  ['Caught up about their new team', 'They moved teams last spring and are hiring for two roles. Suggested I look at the **platform** group.'],
  ['Coffee near the office', 'Talked about career changes. They offered to review my CV.\n\n- send CV by Friday\n- ask about the referral process'],
  ['Informational interview', 'Asked how their team works, what a good first 90 days looks like, and who else I should talk to.'],
  ['Quick call', 'Short call about a project idea. Promised to share the article on weak ties.'],
  ['Conference chat', 'Met at the hallway track after the keynote. Interested in the same problems.'],
  ['Message exchange', 'Congratulated them on the promotion. They mentioned a friend at a company I want to reach.'],
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function generateNetwork(options: SampleOptions = {}): SampleNetwork {
  const peopleCount = options.people ?? 150;
  const rand = seededRandom(options.seed ?? 42);
  const now = options.now ?? clockNow();
  const orgCount = Math.max(5, Math.round(peopleCount / 6));
  const tieTarget = options.ties ?? Math.round(peopleCount * 2.67);
  const interactionTarget = options.interactions ?? Math.round(peopleCount * 0.4);

  // Organizations: unique names from the two lists, shuffled by the seed.
  const orgNames: [string, SampleOrganization['kind']][] = [];
  for (const a of ORG_A) for (const [b, kind] of ORG_B) orgNames.push([`${a} ${b}`, kind]);
  shuffle(rand, orgNames);
  const organizations: SampleOrganization[] = [];
  for (let i = 0; i < orgCount; i++) {
    const [base, kind] = orgNames[i % orgNames.length]!;
    const name = i < orgNames.length ? base : `${base} ${Math.floor(i / orgNames.length) + 1}`;
    organizations.push({ name, kind, domain: `${slug(name)}.example` });
  }

  // People: unique names (a middle initial once the combinations run out).
  const names: [string, string][] = [];
  for (const f of FIRST) for (const l of LAST) names.push([f, l]);
  shuffle(rand, names);
  const people: SamplePerson[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const [given, family] = names[i % names.length]!;
    const round = Math.floor(i / names.length);
    const middle = round > 0 ? ` ${String.fromCharCode(65 + ((round - 1) % 26))}.${round > 26 ? Math.floor(round / 26) : ''}` : '';
    const displayName = `${given}${middle} ${family}`;
    people.push({
      displayName,
      givenName: given,
      familyName: family,
      headline: '',
      location: pick(rand, CITIES),
      email: `${slug(given)}.${slug(family)}${round > 0 ? round : ''}@mail.example`,
      howWeMet: pick(rand, HOW_WE_MET),
      tags: ['sample'],
    });
  }

  // Affiliations: organization sizes are skewed (a few big employers), as in life.
  const affiliations: SampleAffiliation[] = [];
  const orgOf: number[] = [];
  const membersOf: number[][] = organizations.map(() => []);
  for (let i = 0; i < peopleCount; i++) {
    const org = Math.min(orgCount - 1, Math.floor(orgCount * Math.pow(rand(), 1.6)));
    orgOf.push(org);
    membersOf[org]!.push(i);
    const title = pick(rand, TITLES);
    const roll = rand();
    const isHiringManager = roll < 0.06 || title === 'Engineering Manager';
    const isRecruiter = !isHiringManager && roll < 0.09;
    const finalTitle = isRecruiter ? 'Technical Recruiter' : title;
    people[i]!.headline = `${finalTitle} at ${organizations[org]!.name}`;
    const startYear = now.getUTCFullYear() - 1 - Math.floor(rand() * 8);
    affiliations.push({
      person: i, organization: org, title: finalTitle, isHiringManager, isRecruiter,
      isReferrer: rand() < 0.15, startDate: `${startYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
      endDate: null, current: true,
    });
    if (rand() < 0.3) {
      const former = Math.floor(rand() * orgCount);
      if (former !== org) {
        const endYear = startYear - Math.floor(rand() * 2);
        affiliations.push({
          person: i, organization: former, title: pick(rand, TITLES), isHiringManager: false, isRecruiter: false,
          isReferrer: false, startDate: String(endYear - 1 - Math.floor(rand() * 4)), endDate: String(endYear), current: false,
        });
        membersOf[former]!.push(i);
      }
    }
  }
  // Me: a former job at the first organization, so some routes start from shared history.
  affiliations.push({
    person: -1, organization: 0, title: 'Senior Software Engineer', isHiringManager: false, isRecruiter: false,
    isReferrer: false, startDate: String(now.getUTCFullYear() - 5), endDate: String(now.getUTCFullYear() - 1), current: false,
  });

  const ties: SampleTie[] = [];
  const seen = new Set<string>();
  const sinceDate = () => String(now.getUTCFullYear() - 1 - Math.floor(rand() * 10));
  const addTie = (a: number, b: number, strength: number, context: string): boolean => {
    if (a === b) return false;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) return false;
    seen.add(key);
    ties.push({ a, b, strength, context, since: sinceDate() });
    return true;
  };

  // My own ties: about a quarter of the network (at most 150), mostly weak.
  const myTieCount = Math.min(150, Math.max(5, Math.round(peopleCount * 0.25)), tieTarget);
  const strengthsForMe = [5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1];
  for (let n = 0, guard = 0; n < myTieCount && guard < myTieCount * 20; guard++) {
    const p = Math.floor(rand() * peopleCount);
    const strength = pick(rand, strengthsForMe);
    const context = strength >= 4 ? pick(rand, CONTEXT_STRONG) : strength === 3 ? `Worked together at ${organizations[0]!.name}` : pick(rand, CONTEXT_WEAK);
    if (addTie(-1, p, strength, context)) n++;
  }
  // "How we met" follows my tie's context (issue 17: the sample said "Met at a
  // conference" on the tie and "At university" on the person). Someone I have
  // no tie with has no "how we met". Drawn after the fact so the random
  // sequence, and so the rest of the sample, stays as it was.
  for (const person of people) person.howWeMet = '';
  for (const t of ties) {
    if (t.a === -1) people[t.b]!.howWeMet = howWeMetFor(t.context);
    else if (t.b === -1) people[t.a]!.howWeMet = howWeMetFor(t.context);
  }
  // Coworkers (strong-ish, within an organization) and weak bridges across organizations.
  for (let guard = 0; ties.length < tieTarget && guard < tieTarget * 30; guard++) {
    if (rand() < 0.7) {
      const org = orgOf[Math.floor(rand() * peopleCount)]!;
      const members = membersOf[org]!;
      if (members.length < 2) continue;
      const a = pick(rand, members);
      const b = pick(rand, members);
      addTie(a, b, rand() < 0.4 ? 4 : 3, `Worked together at ${organizations[org]!.name}`);
    } else {
      const a = Math.floor(rand() * peopleCount);
      const b = Math.floor(rand() * peopleCount);
      addTie(a, b, rand() < 0.5 ? 1 : 2, pick(rand, CONTEXT_WEAK));
    }
  }

  // Journal entries with people I know, spread over the last two years.
  const myContacts = ties.filter((t) => t.a === -1 || t.b === -1).map((t) => (t.a === -1 ? t.b : t.a));
  const interactions: SampleInteraction[] = [];
  for (let i = 0; i < interactionTarget && myContacts.length > 0; i++) {
    const who = pick(rand, myContacts);
    const participants = [who];
    if (rand() < 0.25) {
      const other = pick(rand, myContacts);
      if (other !== who) participants.push(other);
    }
    const daysAgo = Math.floor(Math.pow(rand(), 2) * 730);
    const when = new Date(now.getTime() - daysAgo * 86_400_000);
    const [title, body] = pick(rand, TOPICS);
    interactions.push({
      occurredAt: isoDay(when),
      kind: pick(rand, INTERACTION_KINDS),
      title: `${title} with ${people[who]!.givenName}`,
      body: body!,
      participants,
      organization: rand() < 0.5 ? orgOf[who]! : null,
    });
  }
  interactions.sort((x, y) => (x.occurredAt < y.occurredAt ? -1 : x.occurredAt > y.occurredAt ? 1 : 0));

  return { organizations, people, affiliations, ties, interactions };
}

function shuffle<T>(rand: () => number, list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
