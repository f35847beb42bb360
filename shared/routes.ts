// Introduction routes and introductions (issue 4): the schemas of their IPC
// channels, spread into the contract by shared/contract.ts. Pure TypeScript + zod.
import { z } from 'zod';
import { Id, LIMITS, PartialDate, Tie, TieStrength } from './domain';

/** Limits and defaults of a route query (main/routes/warmth.ts explains the numbers). */
export const ROUTE_LIMITS = {
  defaultK: 5,
  maxK: 20,
  /** My own tie counts as one hop. Longer chains are useless introductions (issue 12). */
  defaultMaxHops: 4,
  maxHops: 6,
  /** Introductions saved before issue 12 may hold routes of up to 10 hops. */
  savedRouteMaxHops: 10,
} as const;

/**
 * Who a route to an organization must end at (issue 12). A route ends at the
 * first person who meets the goal; people on the way who work there are
 * introducers. The default is hiring_manager, falling back to
 * hiring_manager_or_recruiter, then anyone, when nobody there meets it.
 */
export const ROUTE_GOALS = ['hiring_manager', 'recruiter', 'hiring_manager_or_recruiter', 'anyone'] as const;
export const RouteGoal = z.enum(ROUTE_GOALS);
export type RouteGoal = z.infer<typeof RouteGoal>;

/** How well the last person of a route fits the goal, best first. */
export const FIT_KINDS = ['target_person', 'hiring_manager', 'recruiter', 'referrer', 'employee', 'former_employee'] as const;
export const FitKind = z.enum(FIT_KINDS);
export type FitKind = z.infer<typeof FitKind>;

const routesQueryFields = {
  organizationId: Id.optional(),
  personId: Id.optional(),
  k: z.number().int().min(1, 'Ask for at least 1 route').max(ROUTE_LIMITS.maxK, `Ask for at most ${ROUTE_LIMITS.maxK} routes`).optional(),
  maxHops: z
    .number()
    .int()
    .min(1, `The hop limit must be from 1 to ${ROUTE_LIMITS.maxHops}`)
    .max(ROUTE_LIMITS.maxHops, `The hop limit must be from 1 to ${ROUTE_LIMITS.maxHops}`)
    .optional(),
  /** Only with an organization; left out: hiring manager, with the documented fallback. */
  goal: z.enum(ROUTE_GOALS, { message: `The goal must be one of ${ROUTE_GOALS.join(', ')}` }).optional(),
  /** Issue 15: use likely ties (discounted, marked); on when left out. */
  likelyTies: z.boolean().optional(),
};

function refineQuery<T extends z.ZodType<{ organizationId?: number | undefined; personId?: number | undefined; goal?: RouteGoal | undefined }>>(schema: T) {
  return schema
    .refine((q) => (q.organizationId === undefined) !== (q.personId === undefined), {
      message: 'Give either an organization id or a person id',
      path: ['organizationId'],
    })
    .refine((q) => q.goal === undefined || q.organizationId !== undefined, {
      message: 'A goal applies to an organization; a route to a person ends at that person',
      path: ['goal'],
    });
}

/** A route query: the main list holds the warmest route through each of my contacts, k of them (issue 12). */
export const RoutesQuery = refineQuery(z.strictObject(routesQueryFields));
export type RoutesQuery = z.infer<typeof RoutesQuery>;

/** "Other ways through Arjun" (issue 12): the same query, and the contact of mine whose group to expand; k counts the other routes. */
export const RoutesThroughQuery = refineQuery(z.strictObject({ ...routesQueryFields, throughId: Id }));
export type RoutesThroughQuery = z.infer<typeof RoutesThroughQuery>;

export const RoutePerson = z.object({ id: Id, name: z.string() });
export type RoutePerson = z.infer<typeof RoutePerson>;

/**
 * A hop over a likely tie (issue 15): no tie id; the evidence as sentences,
 * its confidence, and the discount its warmth took (BASE_WARMTH[strength] ×
 * discount, so the ranking needs no change). Consumers that need a tie id
 * check `likely` (or a null tieId) first.
 */
export const LikelyHop = z.object({ pairKey: z.string(), confidence: z.number().min(0).max(1), discount: z.number().gt(0).max(1), evidence: z.array(z.string()).min(1) });
export type LikelyHop = z.infer<typeof LikelyHop>;

export const RouteHop = z.object({
  from: RoutePerson,
  to: RoutePerson,
  /** null for a likely hop (issue 15). */
  tieId: Id.nullable(),
  likely: LikelyHop.optional(),
  strength: TieStrength,
  context: z.string(),
  /** Latest journal entry with both people (with `to` alone when `from` is me); null when none. */
  lastContact: z.string().nullable(),
  /** 1 unless this is my own tie and it has gone quiet. */
  quietFactor: z.number().gt(0).max(1),
  warmth: z.number().gt(0).max(1),
  reason: z.string(),
});
export type RouteHop = z.infer<typeof RouteHop>;

export const Route = z.object({
  /** 1 for the warmest; null for a direct route shown beside the best k but not among them. */
  rank: z.number().int().min(1).nullable(),
  /** Me first, the last person last. */
  personIds: z.array(Id).min(2),
  hops: z.array(RouteHop).min(1),
  fit: FitKind,
  fitFactor: z.number().gt(0).max(1),
  warmth: z.number().gt(0).max(1),
  /** Warmth as a percentage, one decimal. */
  warmthPercent: z.number().min(0).max(100),
  why: z.string(),
});
export type Route = z.infer<typeof Route>;

export const RouteTarget = z.object({ kind: z.enum(['person', 'organization']), id: Id, name: z.string() });
export type RouteTarget = z.infer<typeof RouteTarget>;

const resultBase = {
  target: RouteTarget,
  k: z.number().int(),
  maxHops: z.number().int(),
  message: z.string(),
  /** The goal used (organizations only; null for a person), and whether it is a fallback from the default. */
  goal: RouteGoal.nullable(),
  goalFallback: z.boolean(),
};

/** A labelled nearest alternative when nobody meets the goal asked for (issue 12). */
export const RouteAlternative = z.object({ label: z.string(), route: Route });
export type RouteAlternative = z.infer<typeof RouteAlternative>;

/**
 * The answer to a route query. An unknown target is an error (NOT_FOUND), and
 * so is asking for a route to yourself or to an archived person (CONFLICT);
 * everything else is an answer.
 */
export const RoutesResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), ...resultBase, routes: z.array(Route).min(1) }),
  /** The target person is tied to me directly: that 1-hop route, and the warmest routes (which may include it). */
  z.object({ kind: z.literal('direct'), ...resultBase, directRoute: Route, routes: z.array(Route).min(1) }),
  /** People are there, but none within maxHops of me through people who are not archived. */
  z.object({ kind: z.literal('noRoute'), ...resultBase, eligiblePeople: z.number().int() }),
  /** The organization has nobody Kith can route to (nobody recorded there, or all archived). */
  z.object({ kind: z.literal('noPeople'), ...resultBase, archivedPeople: z.number().int() }),
  /** Nobody there meets the goal asked for: the nearest alternatives, each labelled (issue 12). */
  z.object({ kind: z.literal('noGoalPerson'), ...resultBase, alternatives: z.array(RouteAlternative) }),
]);
export type RoutesResult = z.infer<typeof RoutesResult>;

/**
 * One contact's routes (issue 12): the group's own route (its best), and the
 * best route for each other final introducer (the person who introduces me to
 * the goal person), warmest first, at most k of them.
 */
export const RoutesThrough = z.object({
  ...resultBase,
  through: RoutePerson,
  best: Route.nullable(),
  others: z.array(Route),
  /** True when more final introducers exist beyond the k shown. */
  more: z.boolean(),
});
export type RoutesThrough = z.infer<typeof RoutesThrough>;

/** Each person who meets the goal, with the best way to them (issue 12): "Chen Fernández, hiring manager: via Arjun, 21.7%". */
export const RoutesByPersonItem = z.object({ person: RoutePerson, fit: FitKind, route: Route });
export type RoutesByPersonItem = z.infer<typeof RoutesByPersonItem>;

export const RoutesByPerson = z.object({
  ...resultBase,
  items: z.array(RoutesByPersonItem),
  /** People who meet the goal but are out of reach within the hop limit. */
  unreachable: z.number().int().min(0),
});
export type RoutesByPerson = z.infer<typeof RoutesByPerson>;

const FIT_WORDS_SHORT: Readonly<Record<FitKind, string>> = {
  target_person: '',
  hiring_manager: 'hiring manager',
  recruiter: 'recruiter',
  referrer: 'refers people',
  employee: 'works there',
  former_employee: 'used to work there',
};

/** One line of the per-person view, the same in the app and the CLI: "Chen Fernández, hiring manager: via Arjun, 21.7%" (issue 12). */
export function byPersonLine(item: RoutesByPersonItem): string {
  const hops = item.route.hops;
  const first = (name: string) => name.trim().split(/\s+/u)[0] ?? name;
  const via = hops.length === 1 ? 'you know them directly' : `via ${hops.slice(0, -1).map((h) => first(h.to.name)).join(' → ')}`;
  const role = FIT_WORDS_SHORT[item.fit];
  return `${item.person.name}${role ? `, ${role}` : ''}: ${via}, ${item.route.warmthPercent}%`;
}

// ---- Introductions --------------------------------------------------------

export const INTRODUCTION_STATUSES = ['idea', 'asked', 'agreed', 'made', 'met', 'declined'] as const;
export const IntroductionStatus = z.enum(INTRODUCTION_STATUSES);
export type IntroductionStatus = z.infer<typeof IntroductionStatus>;

export const IntroductionEvent = z.object({ id: Id, status: IntroductionStatus, at: z.string(), note: z.string() });
export type IntroductionEvent = z.infer<typeof IntroductionEvent>;

export const Introduction = z.object({
  id: Id,
  status: IntroductionStatus,
  requesterId: Id,
  introducer: RoutePerson.nullable(),
  targetPerson: RoutePerson.nullable(),
  targetOrganization: z.object({ id: Id, name: z.string() }).nullable(),
  /** The person ids of the route it came from, me first. */
  route: z.array(Id),
  message: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(IntroductionEvent),
});
export type Introduction = z.infer<typeof Introduction>;

const longText = z.string().max(LIMITS.longText, `is too long (at most ${LIMITS.longText} characters)`);

export const IntroductionCreate = z.strictObject({
  /** A route's personIds: me, the introducer, …, the person to meet. */
  route: z
    .array(Id)
    .min(3, 'An introduction needs someone in between: a route of at least 2 hops')
    .max(ROUTE_LIMITS.savedRouteMaxHops + 1, `A route has at most ${ROUTE_LIMITS.savedRouteMaxHops} hops`),
  targetOrganizationId: Id.nullable().optional(),
  /** Left out: a drafted request to the introducer. */
  message: longText.optional(),
  notes: longText.optional(),
});
export type IntroductionCreate = z.infer<typeof IntroductionCreate>;

export const IntroductionPatch = z.strictObject({ message: longText.optional(), notes: longText.optional() });
export type IntroductionPatch = z.infer<typeof IntroductionPatch>;

export const IntroductionSetStatus = z.strictObject({
  id: Id,
  status: IntroductionStatus,
  /** When it happened, if not today. */
  at: PartialDate.optional(),
  note: z.string().max(LIMITS.shortText).optional(),
});
export type IntroductionSetStatus = z.infer<typeof IntroductionSetStatus>;

/** Undo an introduction's last move (issue 17), named by the event it wrote. */
export const IntroductionUndoMove = z.strictObject({ id: Id, eventId: Id });
export type IntroductionUndoMove = z.infer<typeof IntroductionUndoMove>;

export const routesChannels = {
  'routes:find': { input: RoutesQuery, output: RoutesResult },
  'introductions:create': { input: IntroductionCreate, output: Introduction },
  'introductions:list': {
    input: z.strictObject({ status: IntroductionStatus.optional() }).optional(),
    output: z.object({ items: z.array(Introduction) }),
  },
  'introductions:get': { input: z.strictObject({ id: Id }), output: Introduction },
  'introductions:setStatus': { input: IntroductionSetStatus, output: Introduction },
  'introductions:undoMove': { input: IntroductionUndoMove, output: Introduction },
  'introductions:update': { input: z.strictObject({ id: Id, patch: IntroductionPatch }), output: Introduction },
  'introductions:addTie': {
    input: z.strictObject({ id: Id }),
    output: z.object({ created: z.boolean(), tie: Tie }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
