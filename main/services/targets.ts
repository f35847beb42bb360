// Targets: the organizations I want to reach (organizations.is_target), each
// with its best introduction route now, and what the Routes view needs around
// a route query (issue 4). Routes come from findIntroRoutes and its route
// index, so a target list is a handful of indexed queries, never a rebuild.
import type { Db } from '../db/open';
import type { RoutesQuery, RoutesThroughQuery } from '../../shared/routes';
import type { RouteCardPerson, TargetJob, TargetJobSet, TargetRow, TargetStage, WarmthModel } from '../../shared/targets';
import { today } from '../../shared/clock';
import { findIntroRoutes, findRoutesByPerson, findRoutesThrough, type FindRoutesOptions } from '../routes/findRoutes';
import {
  BASE_WARMTH,
  DEFAULT_K,
  DEFAULT_MAX_HOPS,
  FIT,
  FIT_KINDS,
  MAX_HOPS_LIMIT,
  QUIET_FLOOR,
  QUIET_GRACE_DAYS,
  QUIET_HALF_LIFE_DAYS,
  quietFactor,
} from '../routes/warmth';
import { getOrganization } from './organizations';
import { nowIso, stmt } from './util';

export function isTarget(db: Db, organizationId: number): boolean {
  getOrganization(db, organizationId); // NOT_FOUND for an unknown id
  return stmt<{ is_target: number }>(db, 'SELECT is_target FROM organizations WHERE id = ?').get(organizationId)!.is_target === 1;
}

export function setTarget(db: Db, organizationId: number, target: boolean): { organizationId: number; isTarget: boolean } {
  return db.transaction(() => {
    getOrganization(db, organizationId);
    stmt(db, 'UPDATE organizations SET is_target = ?, updated_at = ? WHERE id = ? AND is_target <> ?').run(
      target ? 1 : 0,
      nowIso(),
      organizationId,
      target ? 1 : 0,
    );
    return { organizationId, isTarget: target };
  })();
}

/** My target organizations that are not archived, each with its best route; warmest first, then by name. */
export function listTargets(db: Db, options: FindRoutesOptions = {}): TargetRow[] {
  const orgs = stmt<{ id: number; name: string; kind: string; people: number }>(
    db,
    `SELECT o.id, o.name, o.kind,
            (SELECT count(DISTINCT a.person_id) FROM affiliations a JOIN people p ON p.id = a.person_id
              WHERE a.organization_id = o.id AND p.archived_at IS NULL AND p.is_me = 0) AS people
       FROM organizations o
      WHERE o.is_target = 1 AND o.archived_at IS NULL`,
  ).all();
  const rows = orgs.map((o): TargetRow => {
    const result = findIntroRoutes(db, { organizationId: o.id, k: 1 }, options);
    const organization = { id: o.id, name: o.name, kind: o.kind };
    if (result.kind !== 'found' && result.kind !== 'direct') {
      return { organization, status: result.kind, best: null, people: o.people, message: result.message };
    }
    const best = result.routes[0]!;
    return {
      organization,
      status: 'found',
      people: o.people,
      message: result.message,
      best: {
        warmthPercent: best.warmthPercent,
        hops: best.hops.length,
        fit: best.fit,
        via: best.hops[0]!.to,
        reach: best.hops[best.hops.length - 1]!.to,
        personIds: best.personIds,
      },
    };
  });
  return rows.sort(
    (a, b) =>
      (b.best?.warmthPercent ?? -1) - (a.best?.warmthPercent ?? -1) ||
      a.organization.name.localeCompare(b.organization.name) ||
      a.organization.id - b.organization.id,
  );
}

/** Name, and the role that matters on a route: at the target organization if any, else the latest current one. */
function routePeople(db: Db, ids: readonly number[], organizationId: number | null): RouteCardPerson[] {
  const person = stmt<{ id: number; display_name: string; is_me: number }>(db, 'SELECT id, display_name, is_me FROM people WHERE id = ?');
  const role = stmt<{ title: string; name: string }>(
    db,
    `SELECT a.title, o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
      WHERE a.person_id = @person AND (a.organization_id = @org OR a.is_current = 1)
      ORDER BY a.organization_id = @org DESC, a.is_current DESC, a.start_date DESC NULLS LAST, a.id DESC LIMIT 1`,
  );
  const out: RouteCardPerson[] = [];
  for (const id of ids) {
    const p = person.get(id);
    if (!p) continue;
    const r = role.get({ person: id, org: organizationId ?? -1 });
    out.push({ id, name: p.display_name, isMe: p.is_me === 1, title: r?.title ?? '', organization: r?.name ?? '' });
  }
  return out;
}

export function routesForView(db: Db, query: RoutesQuery, options: FindRoutesOptions = {}) {
  const result = findIntroRoutes(db, query, options);
  const ids = new Set<number>();
  if (result.kind === 'found' || result.kind === 'direct') {
    for (const r of result.routes) for (const id of r.personIds) ids.add(id);
    if (result.kind === 'direct') for (const id of result.directRoute.personIds) ids.add(id);
  }
  if (result.kind === 'noGoalPerson') for (const a of result.alternatives) for (const id of a.route.personIds) ids.add(id);
  const organizationId = result.target.kind === 'organization' ? result.target.id : null;
  return {
    result,
    people: routePeople(db, [...ids], organizationId),
    isTarget: organizationId === null ? null : isTarget(db, organizationId),
  };
}

/** "Other ways through" a contact, with the people on the routes (issue 12). */
export function routesThroughForView(db: Db, query: RoutesThroughQuery, options: FindRoutesOptions = {}) {
  const result = findRoutesThrough(db, query, options);
  const ids = new Set<number>();
  for (const r of [result.best, ...result.others]) if (r) for (const id of r.personIds) ids.add(id);
  return { result, people: routePeople(db, [...ids], result.target.kind === 'organization' ? result.target.id : null) };
}

/** Each goal person with the best way to them, with the people on the routes (issue 12). */
export function routesByPersonForView(db: Db, query: RoutesQuery, options: FindRoutesOptions = {}) {
  const result = findRoutesByPerson(db, query, options);
  const ids = new Set<number>();
  for (const item of result.items) for (const id of item.route.personIds) ids.add(id);
  return { result, people: routePeople(db, [...ids], result.target.kind === 'organization' ? result.target.id : null) };
}

const QUIET_EXAMPLES = [90, 180, 365, 730, 1825];

export function warmthModel(): WarmthModel {
  return {
    baseWarmth: [5, 4, 3, 2, 1].map((strength) => ({ strength, warmth: BASE_WARMTH[strength]! })),
    quiet: {
      graceDays: QUIET_GRACE_DAYS,
      halfLifeDays: QUIET_HALF_LIFE_DAYS,
      floor: QUIET_FLOOR,
      examples: QUIET_EXAMPLES.map((days) => ({ days, factor: quietFactor(days) })),
    },
    fit: FIT_KINDS.map((kind) => ({ kind, factor: FIT[kind] })),
    defaultK: DEFAULT_K,
    defaultMaxHops: DEFAULT_MAX_HOPS,
    maxHops: MAX_HOPS_LIMIT,
  };
}

/** The role I am after at an organization and where I stand (issue 12). */
export function getTargetJob(db: Db, organizationId: number): TargetJob {
  getOrganization(db, organizationId); // NOT_FOUND for an unknown id
  const role = stmt<{ target_role: string }>(db, 'SELECT target_role FROM organizations WHERE id = ?').get(organizationId)!.target_role;
  const history = stmt<{ stage: TargetStage; on_date: string }>(
    db,
    'SELECT stage, on_date FROM target_stage_events WHERE organization_id = ? ORDER BY on_date, id',
  )
    .all(organizationId)
    .map((r) => ({ stage: r.stage, on: r.on_date }));
  return { organizationId, role, stage: history.length > 0 ? history[history.length - 1]!.stage : null, history };
}

/** Sets the role and/or records a stage change (dated; today by default). A stage equal to the current one records nothing. */
export function setTargetJob(db: Db, input: TargetJobSet): TargetJob {
  return db.transaction(() => {
    const current = getTargetJob(db, input.organizationId);
    if (input.role !== undefined) {
      stmt(db, 'UPDATE organizations SET target_role = ?, updated_at = ? WHERE id = ?').run(input.role.trim(), nowIso(), input.organizationId);
    }
    if (input.stage !== undefined && input.stage !== current.stage) {
      stmt(db, 'INSERT INTO target_stage_events (organization_id, stage, on_date, created_at) VALUES (?, ?, ?, ?)').run(
        input.organizationId,
        input.stage,
        input.on ?? String(today()),
        nowIso(),
      );
    }
    return getTargetJob(db, input.organizationId);
  })();
}
