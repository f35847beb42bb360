// The numbers behind introduction-route warmth (DESIGN.md, "Tie strength and
// route warmth"; issue 4). Exported so the app and the CLI can show them: they
// are defaults a person can understand, not hidden tuning.
//
//   route warmth = Π hop warmth × fit of the last person
//   hop warmth   = BASE_WARMTH[strength] × quietFactor(days since last contact)   (my own ties only)
//
// Ranking (issue 12): each route's −ln(warmth) is summed first (hop by hop in
// route order, then the fit), and the sum rounded once on a grid of 2^-40
// (about one part in 10^12). Routes are ordered by that key, then by fewer
// hops, then by the sequence of person ids. Rounding the sum once (not each
// hop) makes routes of mathematically equal warmth equal keys, so the
// documented tie-breaks decide between them.
import { FIT_KINDS, ROUTE_LIMITS, type FitKind } from '../../shared/routes';

export { FIT_KINDS, type FitKind };

/** Base warmth of a hop by tie strength (1–5). */
export const BASE_WARMTH: Readonly<Record<number, number>> = { 5: 0.9, 4: 0.75, 3: 0.6, 2: 0.4, 1: 0.2 };

/**
 * Quiet ties (mine only): no journal entry with the person for a while. No
 * change for the first QUIET_GRACE_DAYS; after that the warmth decays towards
 * QUIET_FLOOR of itself with a half-life of QUIET_HALF_LIFE_DAYS. Never to
 * zero: an old friend is still a friend. With no journal entry at all, the
 * clock starts when the tie was recorded in Kith.
 *
 *   quietFactor(d) = 1                                                     if d ≤ 90
 *                  = 0.5 + 0.5 × 2^(−(d − 90) / 365)                        otherwise
 *
 * (1 year quiet → 0.80, 2 years → 0.65, 5 years → 0.52.)
 */
export const QUIET_GRACE_DAYS = 90;
export const QUIET_HALF_LIFE_DAYS = 365;
export const QUIET_FLOOR = 0.5;

export function quietFactor(daysSinceContact: number): number {
  if (!(daysSinceContact > QUIET_GRACE_DAYS)) return 1;
  return QUIET_FLOOR + (1 - QUIET_FLOOR) * Math.pow(2, -(daysSinceContact - QUIET_GRACE_DAYS) / QUIET_HALF_LIFE_DAYS);
}

/** Warmth of one hop. `daysSinceContact` is given for my own ties only (null: not mine, no decay). */
export function hopWarmth(strength: number, daysSinceContact: number | null): number {
  const base = BASE_WARMTH[strength];
  if (base === undefined) throw new RangeError(`Tie strength must be 1–5, not ${strength}`);
  return daysSinceContact === null ? base : base * quietFactor(daysSinceContact);
}

/** How well the last person of a route fits the goal. */
export const FIT: Readonly<Record<FitKind, number>> = {
  target_person: 1, // the person you asked for
  hiring_manager: 1, // current, flagged hiring manager at the target organization
  recruiter: 0.9, // current recruiter there
  referrer: 0.75, // current employee flagged as someone who refers well
  employee: 0.6, // any other current employee
  former_employee: 0.3, // used to work there: knows people, cannot refer
};

/** Ordered from best to worst, so the best of several affiliations wins. */
const FIT_RANK: Readonly<Record<FitKind, number>> = {
  target_person: 0,
  hiring_manager: 1,
  recruiter: 2,
  referrer: 3,
  employee: 4,
  former_employee: 5,
};

export interface AffiliationFlags {
  current: boolean;
  isHiringManager: boolean;
  isRecruiter: boolean;
  isReferrer: boolean;
}

/** The fit of one affiliation at the target organization. Role flags count only while current. */
export function affiliationFit(a: AffiliationFlags): FitKind {
  if (!a.current) return 'former_employee';
  if (a.isHiringManager) return 'hiring_manager';
  if (a.isRecruiter) return 'recruiter';
  if (a.isReferrer) return 'referrer';
  return 'employee';
}

/**
 * Every role one affiliation gives: a current job flagged both hiring manager
 * and recruiter is both, so it meets either goal (the fit is still the best
 * of them, affiliationFit). A former job is a former employee only.
 */
export function affiliationRoles(a: AffiliationFlags): FitKind[] {
  if (!a.current) return ['former_employee'];
  const roles: FitKind[] = [];
  if (a.isHiringManager) roles.push('hiring_manager');
  if (a.isRecruiter) roles.push('recruiter');
  if (a.isReferrer) roles.push('referrer');
  return roles.length > 0 ? roles : ['employee'];
}

/** The best fit among a person's affiliations at the organization. */
export function bestFit(kinds: readonly FitKind[]): FitKind | null {
  let best: FitKind | null = null;
  for (const k of kinds) if (best === null || FIT_RANK[k] < FIT_RANK[best]) best = k;
  return best;
}

// ---- Exact ranking keys ----------------------------------------------------

/** Grid points per nat of −ln(warmth): 2^40. */
export const COST_SCALE = 2 ** 40;
/**
 * A route's key is round(cost × 2^40) × HOP_WEIGHT + hops, so one integer
 * orders by warmth, then by fewer hops. HOP_WEIGHT must exceed the longest
 * route allowed; the largest key (10 hops of warmth 0.1 and a fit of 0.3)
 * stays far below 2^53.
 */
export const HOP_WEIGHT = 16;

/** Routes longer than this are not useful introductions: the default hop limit. */
export const DEFAULT_MAX_HOPS = ROUTE_LIMITS.defaultMaxHops;
/** The largest hop limit a caller may ask for. */
export const MAX_HOPS_LIMIT = ROUTE_LIMITS.maxHops;
export const DEFAULT_K = ROUTE_LIMITS.defaultK;
export const MAX_K = ROUTE_LIMITS.maxK;

/** The cost of a hop or a fit: −ln(warmth), unrounded; routes add these in order. */
export function cost(warmth: number): number {
  return 0 - Math.log(warmth); // never -0
}

/** Grid units of a summed cost: rounded once (issue 12). */
export function costUnits(summedCost: number): number {
  const units = Math.round(summedCost * COST_SCALE);
  return units === 0 ? 0 : units;
}

/** The ranking key of a route from its summed cost and its number of hops. */
export function routeKey(summedCost: number, hops: number): number {
  return costUnits(summedCost) * HOP_WEIGHT + hops;
}

/** A route's warmth as shown: the product of its hops (in order), times the fit. */
export function routeWarmth(hopWarmths: readonly number[], fit: number): number {
  let w = 1;
  for (const h of hopWarmths) w *= h;
  return w * fit;
}

/** Whole days from an ISO date or timestamp to `now` (0 if in the future). */
export function daysSince(iso: string, now: Date): number {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}
