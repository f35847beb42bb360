// Evidence that two people know each other (issue 15), computed from plain
// rows: affiliations at the same organization or school at overlapping dates,
// and journal entries they both took part in. Pure: the full computation and
// the incremental upkeep (main/likely/index.ts) feed it the same row shapes,
// so both give the same answer. Mentions are references, not participation
// (main/services/mentions.ts), and never reach here.
import { effectiveOrgSize, LIKELY, orgPairConfidence, UNKNOWN_SIZE_BAND, type EvidenceKind, type LikelyEvidence, type SizeBand } from '../../shared/likelyTies';

export interface AffRow {
  person: number;
  org: number;
  start: string | null;
  end: string | null;
  current: boolean;
}

export interface OrgInfo {
  name: string;
  school: boolean;
  band: SizeBand | null;
  /** People Kith knows there, ever (me and archived people included): its size is at least that. Counted by inferPairs from the rows it is given. */
  known?: number;
}

export interface EntryRow {
  entry: number;
  kind: string;
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** Everyone who took part, me included (the attendee limit counts everyone). */
  people: number[];
}

export interface InferredPair {
  a: number;
  b: number;
  confidence: number;
  strength: number;
  evidence: LikelyEvidence[];
}

/** Person ids up to 2^26 make a pair one exact double: a·2^26 + b. */
const SHIFT = 67_108_864;
export function pairNum(x: number, y: number): number {
  if (x >= SHIFT || y >= SHIFT) throw new Error(`Person id ${Math.max(x, y)} is beyond what likely-tie inference indexes (${SHIFT}).`);
  return x < y ? x * SHIFT + y : y * SHIFT + x;
}
export function pairOf(n: number): [number, number] {
  const a = Math.floor(n / SHIFT);
  return [a, n - a * SHIFT];
}

/** A month index (year·12 + month−1) for the first or last month of a partial date; NaN if unreadable. */
export function monthOf(date: string, edge: 'start' | 'end'): number {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(m[2]);
  if (month < 1 || month > 12) return NaN;
  return year * 12 + month - 1;
}

/**
 * The months an affiliation covers, or null when its dates cannot say:
 * no start; no end while not current; unreadable; or reversed (end before
 * start, which older data and imports can hold: treated as unknown, never
 * swapped into a guess).
 */
export function interval(r: AffRow, thisMonth: number): [number, number] | null {
  if (r.start === null) return null;
  const s = monthOf(r.start, 'start');
  const e = r.end !== null ? monthOf(r.end, 'end') : r.current ? thisMonth : NaN;
  if (Number.isNaN(s) || Number.isNaN(e) || e < s) return null;
  return [s, e];
}

interface OrgOverlap {
  dated: boolean;
  from: number;
  to: number;
  /** Both still there (the overlap runs to now). */
  ongoing: boolean;
}

/** What one pair of affiliations at the same organization says; null when nothing. */
export function orgOverlap(x: AffRow, y: AffRow, thisMonth: number): OrgOverlap | null {
  return overlapOf(x.current, interval(x, thisMonth), y.current, interval(y, thisMonth), thisMonth);
}

function overlapOf(xCurrent: boolean, ix: [number, number] | null, yCurrent: boolean, iy: [number, number] | null, thisMonth: number): OrgOverlap | null {
  if (ix && iy) {
    const from = Math.max(ix[0], iy[0]);
    const to = Math.min(ix[1], iy[1]);
    if (to - from + 1 >= LIKELY.minOverlapMonths) return { dated: true, from, to, ongoing: xCurrent && yCurrent && to >= thisMonth };
    // Dated and apart is an answer: they were not there together.
    return null;
  }
  // Without dates on both sides, both current is the evidence (a LinkedIn export gives only the current company).
  if (xCurrent && yCurrent) return UNDATED;
  return null;
}

const UNDATED: OrgOverlap = Object.freeze({ dated: false, from: NaN, to: NaN, ongoing: true });

function better(a: OrgOverlap, b: OrgOverlap): OrgOverlap {
  if (a.dated !== b.dated) return a.dated ? a : b;
  return b.to - b.from > a.to - a.from ? b : a;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KIND_WORDS: Readonly<Record<string, [string, string]>> = {
  coffee: ['a coffee', 'coffees'],
  call: ['a call', 'calls'],
  video_call: ['a video call', 'video calls'],
  email: ['an e-mail thread', 'e-mail threads'],
  message: ['a conversation', 'conversations'],
  meeting: ['a meeting', 'meetings'],
  event: ['an event', 'events'],
  informational_interview: ['an informational interview', 'informational interviews'],
  referral: ['a referral', 'referrals'],
};

function orgText(name: string, o: OrgOverlap): string {
  if (!o.dated) return `both at ${name} now`;
  const fromYear = Math.floor(o.from / 12);
  const toYear = Math.floor(o.to / 12);
  if (o.ongoing) return `both at ${name} since ${fromYear}`;
  return fromYear === toYear ? `both at ${name} in ${fromYear}` : `both at ${name}, ${fromYear}–${toYear}`;
}

export function orgEvidence(orgId: number, org: OrgInfo, o: OrgOverlap): LikelyEvidence & { strength: number } {
  const band = org.band ?? UNKNOWN_SIZE_BAND;
  const confidence = orgPairConfidence(effectiveOrgSize(org.band, org.known ?? 0)) * (org.school ? LIKELY.schoolFactor : 1) * (o.dated ? 1 : LIKELY.undatedFactor);
  const small = band === '1-10' || band === '11-50';
  const strength = small && o.dated && !org.school ? 3 : small || band === '51-200' ? 2 : 1;
  return { kind: org.school ? 'same_school' : 'same_org', text: orgText(org.name, o), confidence, strength, organizationId: orgId, sizeKnown: org.band !== null };
}

interface TookPart {
  n: number;
  /** Π (1 − c) over the entries. */
  miss: number;
  first: string;
  kind: string | null;
}

export function tookPartEvidence(t: TookPart, today: string): LikelyEvidence & { strength: number } {
  const words = t.kind !== null ? KIND_WORDS[t.kind] : undefined;
  const [one, many] = words ?? ['a journal entry', 'journal entries'];
  const month = MONTHS[Number(t.first.slice(5, 7)) - 1] ?? '';
  const when = t.first.slice(0, 4) === today.slice(0, 4) ? month : `${month} ${t.first.slice(0, 4)}`;
  const text = t.n === 1 ? `in ${one} together in ${when}` : `in ${t.n} ${many} together since ${when}`;
  return { kind: 'took_part', text, confidence: 1 - t.miss, strength: t.n >= 3 ? 3 : 2 };
}

/** One pair's evidence while it is being gathered. */
interface Acc {
  /** Organization ids and what each says (most pairs share one organization: an array beats a Map). */
  orgs: { org: number; o: OrgOverlap }[] | null;
  took: TookPart | null;
}

export interface InferInput {
  affiliations: readonly AffRow[];
  orgs: ReadonlyMap<number, OrgInfo>;
  entries: readonly EntryRow[];
  /** People who may have likely ties: not me, not archived. */
  eligible: (person: number) => boolean;
  /** 'YYYY-MM-DD', the local today (shared/clock). */
  today: string;
  /** Only pairs that include this person (the incremental upkeep); all pairs when left out. */
  onlyPerson?: number;
}

export interface InferOutput {
  pairs: Map<number, InferredPair>;
  /** Entries left out for more people than LIKELY.attendeeLimit. */
  crowdedEntries: Set<number>;
  /** Organizations left out for more people known there at once than LIKELY.orgMemberLimit. */
  crowdedOrgs: Set<number>;
}

/** Every likely tie the rows support (before ties, decisions and the per-person cap are applied). */
export function inferPairs(input: InferInput): InferOutput {
  const { eligible, onlyPerson } = input;
  const thisMonth = monthOf(input.today, 'start');
  const accs = new Map<number, Acc>();
  const acc = (x: number, y: number): Acc => {
    const k = pairNum(x, y);
    let a = accs.get(k);
    if (!a) accs.set(k, (a = { orgs: null, took: null }));
    return a;
  };
  const crowdedOrgs = new Set<number>();

  // Everyone known at each organization (the size is at least that), before eligibility: me and archived people were there too.
  const knownAt = new Map<number, Set<number>>();
  for (const r of input.affiliations) {
    const s = knownAt.get(r.org);
    if (s) s.add(r.person);
    else knownAt.set(r.org, new Set([r.person]));
  }
  const byOrg = new Map<number, AffRow[]>();
  for (const r of input.affiliations) {
    if (!eligible(r.person)) continue;
    const list = byOrg.get(r.org);
    if (list) list.push(r);
    else byOrg.set(r.org, [r]);
  }
  for (const [org, rows] of byOrg) {
    if (new Set(rows.map((r) => r.person)).size > LIKELY.orgMemberLimit) {
      crowdedOrgs.add(org);
      continue;
    }
    // Each row's months once, not once per pair.
    const spans = rows.map((r) => interval(r, thisMonth));
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i]!;
      for (let j = i + 1; j < rows.length; j++) {
        const y = rows[j]!;
        if (x.person === y.person) continue; // the same person at the same organization twice
        if (onlyPerson !== undefined && x.person !== onlyPerson && y.person !== onlyPerson) continue;
        const o = overlapOf(x.current, spans[i]!, y.current, spans[j]!, thisMonth);
        if (!o) continue;
        const a = acc(x.person, y.person);
        if (!a.orgs) {
          a.orgs = [{ org, o }];
          continue;
        }
        const prev = a.orgs.find((e) => e.org === org);
        if (prev) prev.o = better(prev.o, o);
        else a.orgs.push({ org, o });
      }
    }
  }

  const crowdedEntries = new Set<number>();
  for (const e of input.entries) {
    const everyone = [...new Set(e.people)];
    if (everyone.length > LIKELY.attendeeLimit) {
      crowdedEntries.add(e.entry);
      continue;
    }
    const people = everyone.filter(eligible);
    if (people.length < 2) continue;
    const c = LIKELY.tookPartConfidence * (everyone.length > LIKELY.smallGroup ? LIKELY.crowdFactor : 1);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const x = people[i]!;
        const y = people[j]!;
        if (onlyPerson !== undefined && x !== onlyPerson && y !== onlyPerson) continue;
        const a = acc(x, y);
        if (!a.took) a.took = { n: 0, miss: 1, first: e.date, kind: e.kind };
        const t = a.took;
        t.n++;
        t.miss *= 1 - c;
        if (e.date < t.first) t.first = e.date;
        if (t.kind !== e.kind) t.kind = null;
      }
    }
  }

  const infos = new Map<number, OrgInfo>();
  const orgInfo = (org: number): OrgInfo => {
    let info = infos.get(org);
    if (!info) infos.set(org, (info = { ...input.orgs.get(org)!, known: knownAt.get(org)?.size ?? 0 }));
    return info;
  };
  const pairs = new Map<number, InferredPair>();
  for (const [k, a] of accs) {
    const evidence: (LikelyEvidence & { strength: number })[] = [];
    if (a.took) evidence.push(tookPartEvidence(a.took, input.today));
    if (a.orgs) for (const { org, o } of a.orgs) evidence.push(orgEvidence(org, orgInfo(org), o));
    evidence.sort((p, q) => q.confidence - p.confidence || (p.text < q.text ? -1 : p.text > q.text ? 1 : 0));
    let miss = 1;
    let strength = 1;
    for (const ev of evidence) {
      miss *= 1 - ev.confidence;
      strength = Math.max(strength, ev.strength);
    }
    const [x, y] = pairOf(k);
    pairs.set(k, {
      a: x,
      b: y,
      confidence: Math.round((1 - miss) * 1000) / 1000,
      strength,
      evidence: evidence.map(({ strength: _strength, ...ev }) => ({ ...ev, confidence: Math.round(ev.confidence * 1000) / 1000 })),
    });
  }
  return { pairs, crowdedEntries, crowdedOrgs };
}

/** The sorted, comma-joined kinds of a pair's evidence: part of a decision's signature. */
export function kindsOf(evidence: readonly { kind: EvidenceKind }[]): string {
  return [...new Set(evidence.map((e) => e.kind))].sort().join(',');
}
