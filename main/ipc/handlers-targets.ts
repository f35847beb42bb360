// Handlers of the target channels and the Routes view's helpers (issue 4),
// spread into the handler map by createHandlers in handlers.ts.
import type { targetsChannels } from '../../shared/targets';
import {
  getTargetJob,
  isTarget,
  listTargets,
  routesByPersonForView,
  routesForView,
  routesThroughForView,
  setTarget,
  setTargetJob,
  warmthModel,
} from '../services/targets';
import type { Handler, HandlerContext } from './handlers';

export type TargetsHandlers = { [C in keyof typeof targetsChannels]: Handler<C> };

export function createTargetsHandlers({ db }: HandlerContext): TargetsHandlers {
  return {
    'targets:list': () => ({ items: listTargets(db) }),
    'targets:get': ({ organizationId }) => ({ organizationId, isTarget: isTarget(db, organizationId) }),
    'targets:set': ({ organizationId, isTarget: target }) => setTarget(db, organizationId, target),
    'targets:routes': (query) => routesForView(db, query),
    'targets:routesThrough': (query) => routesThroughForView(db, query),
    'targets:routesByPerson': (query) => routesByPersonForView(db, query),
    'targets:warmthModel': () => warmthModel(),
    'targets:job': ({ organizationId }) => getTargetJob(db, organizationId),
    'targets:setJob': (input) => setTargetJob(db, input),
  };
}
