// Handlers of the graph channels (issue 5), spread into the handler map by
// createHandlers in handlers.ts.
import type { graphContract } from '../../shared/graph';
import { getPositions, savePositions } from '../graph/positions';
import { getCommunityMap, getGraphData, getGraphInsights, renameGraphCommunity } from '../graph/service';
import type { Handler, HandlerContext } from './handlers';

export type GraphHandlers = { [C in keyof typeof graphContract]: Handler<C> };

export function createGraphHandlers({ db }: HandlerContext): GraphHandlers {
  return {
    'graph:data': (query) => getGraphData(db, query),
    'graph:insights': () => getGraphInsights(db),
    'graph:positions': () => getPositions(db),
    'graph:savePositions': ({ positions, replace }) => ({ saved: savePositions(db, positions, replace) }),
    'graph:communityMap': () => getCommunityMap(db),
    'graph:renameCommunity': ({ communityId, name }) => renameGraphCommunity(db, communityId, name),
  };
}
