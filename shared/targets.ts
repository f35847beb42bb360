// Targets and the Routes view (issue 4): the organizations I want to reach,
// each with its best route, and what the Routes view shows around a route
// query (who the people on a route are, and the warmth model in numbers).
// Spread into the contract by shared/contract.ts. Pure TypeScript + zod.
import { z } from 'zod';
import { Id } from './domain';
import { FitKind, RoutePerson, RoutesByPerson, RoutesQuery, RoutesResult, RoutesThrough, RoutesThroughQuery } from './routes';

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

/** Where I stand with a target organization's job (issue 12), in the usual order. */
export const TARGET_STAGES = ['researching', 'reached_out', 'referred', 'applied', 'interviewing', 'offer', 'closed'] as const;
export const TargetStage = z.enum(TARGET_STAGES, { message: `The stage must be one of ${TARGET_STAGES.join(', ')}` });
export type TargetStage = z.infer<typeof TargetStage>;

export const TARGET_ROLE_MAX = 300;

export const TargetJob = z.object({
  organizationId: Id,
  /** The role I am after there (free text), empty when not given. */
  role: z.string(),
  /** The latest stage, null before any. */
  stage: TargetStage.nullable(),
  /** Every stage change, oldest first, each dated. */
  history: z.array(z.object({ stage: TargetStage, on: z.string() })),
});
export type TargetJob = z.infer<typeof TargetJob>;

export const TargetJobSet = z.strictObject({
  organizationId: Id,
  role: z.string().max(TARGET_ROLE_MAX, `The role is too long (at most ${TARGET_ROLE_MAX} characters)`).optional(),
  stage: TargetStage.optional(),
  /** The day the stage was reached (YYYY-MM-DD); today when left out. */
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u, 'The date must be YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'Not a real date')
    .optional(),
});
export type TargetJobSet = z.infer<typeof TargetJobSet>;

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
  /** "Other ways through Arjun", on demand (issue 12): the contact's other routes by final introducer, and the people on them. */
  'targets:routesThrough': {
    input: RoutesThroughQuery,
    output: z.object({ result: RoutesThrough, people: z.array(RouteCardPerson) }),
  },
  /** Each person who meets the goal with the best way to them (issue 12), and the people on those routes. */
  'targets:routesByPerson': {
    input: RoutesQuery,
    output: z.object({ result: RoutesByPerson, people: z.array(RouteCardPerson) }),
  },
  'targets:warmthModel': { input: z.strictObject({}).optional(), output: WarmthModel },
  /** The job behind a target organization: the role and the dated stage history (issue 12). */
  'targets:job': { input: organizationRef, output: TargetJob },
  'targets:setJob': { input: TargetJobSet, output: TargetJob },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
