// Handlers of the route and introduction channels (issue 4), spread into the
// handler map by createHandlers in handlers.ts.
import type { routesChannels } from '../../shared/routes';
import { findIntroRoutes } from '../routes/findRoutes';
import {
  addIntroducedTie,
  createIntroduction,
  getIntroduction,
  listIntroductions,
  setIntroductionStatus,
  undoIntroductionMove,
  updateIntroduction,
} from '../services/introductions';
import type { Handler, HandlerContext } from './handlers';

export type RoutesHandlers = { [C in keyof typeof routesChannels]: Handler<C> };

export function createRoutesHandlers({ db }: HandlerContext): RoutesHandlers {
  return {
    'routes:find': (query) => findIntroRoutes(db, query),
    'introductions:create': (input) => createIntroduction(db, input),
    'introductions:list': (filter) => ({ items: listIntroductions(db, filter ?? {}) }),
    'introductions:get': ({ id }) => getIntroduction(db, id),
    'introductions:setStatus': (input) => setIntroductionStatus(db, input),
    'introductions:undoMove': (input) => undoIntroductionMove(db, input),
    'introductions:update': ({ id, patch }) => updateIntroduction(db, id, patch),
    'introductions:addTie': ({ id }) => addIntroducedTie(db, id),
  };
}
