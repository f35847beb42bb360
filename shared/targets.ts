// Targets and the Routes view (issue 4): the organizations I want to reach,
// each with its best route, and what the Routes view shows around a route
// query (who the people on a route are, and the warmth model in numbers).
// Spread into the contract by shared/contract.ts. Pure TypeScript + zod.
import { z } from 'zod';
import { Id } from './domain';
import { FitKind, RoutePerson, RoutesQuery, RoutesResult } from './routes';

/** The best route to a target organization, in short: enough for one row of the Targets list. */
export const TargetBestRoute = z.object({
  warmthPercent: z.number().min(0).max(100),
  hops: z.number().int().min(1),
  fit: FitKind,
  /** The first person on the route (my own contact); the last person, who fits the goal. */
  via: RoutePerson,
  reach: RoutePerson,
  personIds: z.array(Id).min(2),
});
export type TargetBestRoute = z.infer<typeof TargetBestRoute>;

export const TargetRow = z.object({
  organization: z.object({ id: Id, name: z.string(), kind: z.string() }),
  /** found: best is set; noRoute: people are there but out of reach; noPeople: nobody Kith can route to. */
  status: z.enum(['found', 'noRoute', 'noPeople', 'noGoalPerson']),
  best: TargetBestRoute.nullable(),
  /** People there (current or former, not archived) Kith could route to. */
  people: z.number().int().min(0),
  message: z.string(),
});
export type TargetRow = z.infer<typeof TargetRow>;

/** One person on a route, as the Routes view draws them. */
export const RouteCardPerson = z.object({
  id: Id,
  name: z.string(),
  isMe: z.boolean(),
  /** Current title and organization ("Staff Engineer", "Acme Labs"), empty when none. */
  title: z.string(),
  organization: z.string(),
});
export type RouteCardPerson = z.infer<typeof RouteCardPerson>;

/** The documented numbers of main/routes/warmth.ts, as data (DESIGN.md: "documented in the app, not hidden"). */
export const WarmthModel = z.object({
  baseWarmth: z.array(z.object({ strength: z.number().int(), warmth: z.number() })),
  quiet: z.object({
    graceDays: z.number(),
    halfLifeDays: z.number(),
    floor: z.number(),
    /** quietFactor at a few durations, computed by the same function the routes use. */
    examples: z.array(z.object({ days: z.number().int(), factor: z.number() })),
  }),
  fit: z.array(z.object({ kind: FitKind, factor: z.number() })),
  defaultK: z.number().int(),
  defaultMaxHops: z.number().int(),
  maxHops: z.number().int(),
});
export type WarmthModel = z.infer<typeof WarmthModel>;

const organizationRef = z.strictObject({ organizationId: Id });

export const targetsChannels = {
  /** My target organizations (not archived), each with its best route now; warmest first. */
  'targets:list': { input: z.strictObject({}).optional(), output: z.object({ items: z.array(TargetRow) }) },
  'targets:get': { input: organizationRef, output: z.object({ organizationId: Id, isTarget: z.boolean() }) },
  'targets:set': {
    input: z.strictObject({ organizationId: Id, isTarget: z.boolean() }),
    output: z.object({ organizationId: Id, isTarget: z.boolean() }),
  },
  /**
   * routes:find plus what the Routes view draws: the people on the routes with
   * their current role, and whether an organization target is one of my targets.
   */
  'targets:routes': {
    input: RoutesQuery,
    output: z.object({ result: RoutesResult, people: z.array(RouteCardPerson), isTarget: z.boolean().nullable() }),
  },
  'targets:warmthModel': { input: z.strictObject({}).optional(), output: WarmthModel },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
