// Likely ties (issue 15): who probably knows whom, inferred from shared
// history, with the evidence as sentences; confirmed or dismissed by the user.
// The numbers here are the documented defaults (README, "Likely ties").
// Pure TypeScript + zod.
import { z } from 'zod';
import { Id, type SizeBand, TieStrength } from './domain';

export { SIZE_BANDS, SizeBand } from './domain';

export const SIZE_BAND_LABELS: Readonly<Record<SizeBand, string>> = {
  '1-10': '1–10 people',
  '11-50': '11–50 people',
  '51-200': '51–200 people',
  '201-1000': '201–1,000 people',
  '1001-10000': '1,001–10,000 people',
  '10001+': 'over 10,000 people',
};

export const EVIDENCE_KINDS = ['same_org', 'same_school', 'took_part'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const LIKELY = {
  /** "Same organization" needs at least this many months of dated overlap. */
  minOverlapMonths: 3,
  /**
   * "Same organization": two people at an organization of S people know each
   * other with probability about 1 − e^(−k/S), where k is how many of the
   * people there a person knows well enough to be asked for an introduction
   * (orgPairConfidence). k = 3 is the rate measured on the sample generator
   * (3.1–3.9 across organization sizes, bench suite `likely`); real teams are
   * often closer knit, so this errs on the side of asking.
   */
  colleaguesKnown: 3,
  /** S for each size band: about the geometric middle of the band. */
  typicalSize: { '1-10': 3, '11-50': 23, '51-200': 100, '201-1000': 450, '1001-10000': 3200, '10001+': 30_000 } as Readonly<Record<SizeBand, number>>,
  /**
   * S while the size is unknown: counts as large, at least 25 people (about
   * 0.11), so it is listed for review but never enough for a route on its own
   * until the user sets the size.
   */
  unknownSize: 25,
  /** Both current with no dates is weaker than a dated overlap. */
  undatedFactor: 0.8,
  /** A school year group is larger than a team. */
  schoolFactor: 0.75,
  /**
   * One journal entry, meeting or conversation together; n entries give
   * 1 − (1 − c)^n: one says they met (0.35, listed, not enough for a route on
   * its own), two make it likely (0.58), three more so (0.73).
   */
  tookPartConfidence: 0.35,
  /** Entries with more people than this (me included) are a crowd, not evidence: ignored, and said so. */
  attendeeLimit: 20,
  /** Entries with more than this many people count less (×crowdFactor). */
  smallGroup: 5,
  crowdFactor: 0.8,
  /** Organizations where Kith knows more people than this (past or present; not me, not archived people) suggest no pairs: a crowd, as in README "Likely ties". */
  orgMemberLimit: 500,
  /** Each person keeps at most this many likely ties, the most confident. */
  perPerson: 50,
  /** Likely ties below this are not listed at all. */
  listFloor: 0.05,
  /** The default threshold: routes use likely ties at or above it; the bench measures precision at it. */
  defaultMinConfidence: 0.4,
  /** A dismissed pair returns when its confidence rises by at least this (or a new kind of evidence appears). */
  dismissReturnStep: 0.15,
  /** A likely hop in a route counts at this share of its suggested strength's warmth. */
  routeDiscount: 0.5,
} as const;

/** For the suggested strength, an unknown size counts as this band. */
export const UNKNOWN_SIZE_BAND: SizeBand = '1001-10000';

/** Kith knowing this many steps of people at an organization says its size is at least the step (exact up to 10). */
const KNOWN_STEPS = [11, 26, 51, 101, 201, 501, 1001] as const;

/**
 * The size an organization has at least, from how many people Kith knows
 * there (ever, me included): exact up to 10, then in steps, so that one more
 * person at a large organization changes no other pair's confidence.
 */
export function knownSizeFloor(known: number): number {
  if (known <= 10) return known;
  let floor = 10;
  for (const step of KNOWN_STEPS) if (known >= step) floor = step;
  return floor;
}

/** Counts of people known at an organization where one more or one fewer changes knownSizeFloor (the upkeep then recomputes the whole organization). */
export const KNOWN_SIZE_SENSITIVE: readonly number[] = [...Array.from({ length: 12 }, (_, i) => i), ...KNOWN_STEPS.flatMap((s) => [s - 1, s])];

/** How likely two people at an organization of `size` people know each other (see LIKELY.colleaguesKnown). */
export function orgPairConfidence(size: number): number {
  return 1 - Math.exp(-LIKELY.colleaguesKnown / Math.max(2, size));
}

/** The size used for an organization: its band's typical size (or the unknown default), never below what Kith knows there. */
export function effectiveOrgSize(band: SizeBand | null, known: number): number {
  return Math.max(band === null ? LIKELY.unknownSize : LIKELY.typicalSize[band], knownSizeFloor(known));
}

export const LikelyEvidence = z.object({
  kind: EvidenceKind,
  text: z.string(),
  confidence: z.number().min(0).max(1),
  /** Same organization or school: which, and whether its size band is set (unknown counts as large). */
  organizationId: Id.optional(),
  sizeKnown: z.boolean().optional(),
});
export type LikelyEvidence = z.infer<typeof LikelyEvidence>;

export const LikelyPerson = z.object({ id: Id, name: z.string() });

export const LikelyTie = z.object({
  /** "12-40": the two person ids, smaller first. Survives recomputation. */
  pairKey: z.string(),
  a: LikelyPerson,
  b: LikelyPerson,
  suggestedStrength: TieStrength,
  confidence: z.number().min(0).max(1),
  evidence: z.array(LikelyEvidence).min(1),
  /** True when the user dismissed it before and it came back (new kind of evidence, or confidence up a step). */
  returned: z.boolean(),
  /** With order 'routeGain': the warmth confirming it would add to my best routes to my targets, and which targets. */
  routeGain: z.number().min(0).optional(),
  helps: z.array(z.object({ organizationId: Id, name: z.string() })).optional(),
  /** With order 'routeGain', when it helps a target: organizations of its evidence whose size is unknown (setting it sharpens the guess). */
  askSize: z.array(z.object({ organizationId: Id, name: z.string() })).optional(),
});
export type LikelyTie = z.infer<typeof LikelyTie>;

export const LikelyTiesQuery = z.strictObject({
  personId: Id.optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  /** 'confidence' (default), or 'routeGain': the review queue, by how much each would warm a route to my targets. */
  order: z.enum(['confidence', 'routeGain']).optional(),
});
export type LikelyTiesQuery = z.infer<typeof LikelyTiesQuery>;

export const LikelyTiesResult = z.object({
  items: z.array(LikelyTie),
  /** Every likely tie above the floor, after the per-person cap (before `limit`). */
  total: z.number().int(),
  /** Journal entries left out for having more people than the attendee limit. */
  crowdedEntries: z.number().int(),
  /** Plain words for the user about what was left out ("2 entries with more than 20 people were not used"); empty when nothing. */
  notice: z.string(),
});
export type LikelyTiesResult = z.infer<typeof LikelyTiesResult>;

export const PairKey = z.string().regex(/^\d+-\d+$/, 'A pair is two person ids joined by a dash, like 12-40');

export const LikelyConfirm = z.strictObject({ pairKey: PairKey, strength: TieStrength.optional() });
export type LikelyConfirm = z.infer<typeof LikelyConfirm>;

export const LikelyDecision = z.object({
  pairKey: z.string(),
  decision: z.enum(['confirmed', 'dismissed']),
  tieId: Id.nullable(),
});
export type LikelyDecision = z.infer<typeof LikelyDecision>;

export function pairKeyOf(x: number, y: number): string {
  return x < y ? `${x}-${y}` : `${y}-${x}`;
}

export function parsePairKey(key: string): [number, number] | null {
  const m = /^(\d+)-(\d+)$/.exec(key.trim());
  if (!m) return null;
  const x = Number(m[1]);
  const y = Number(m[2]);
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y) || x === y || x <= 0 || y <= 0) return null;
  return x < y ? [x, y] : [y, x];
}

export const likelyTiesChannels = {
  'likelyTies:list': { input: LikelyTiesQuery, output: LikelyTiesResult },
  'likelyTies:confirm': { input: LikelyConfirm, output: LikelyDecision },
  'likelyTies:dismiss': { input: z.strictObject({ pairKey: PairKey }), output: LikelyDecision },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
