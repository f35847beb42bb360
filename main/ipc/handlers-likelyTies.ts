// Handlers of the likely-tie channels (issue 15), spread into the handler map
// by createHandlers in handlers.ts.
import type { likelyTiesChannels } from '../../shared/likelyTies';
import { confirmLikelyTie, dismissLikelyTie, listLikelyTies } from '../services/likelyTies';
import type { Handler, HandlerContext } from './handlers';

export type LikelyTiesHandlers = { [C in keyof typeof likelyTiesChannels]: Handler<C> };

export function createLikelyTiesHandlers({ db }: HandlerContext): LikelyTiesHandlers {
  return {
    'likelyTies:list': (query) => listLikelyTies(db, query),
    'likelyTies:confirm': (input) => confirmLikelyTie(db, input),
    'likelyTies:dismiss': ({ pairKey }) => dismissLikelyTie(db, pairKey),
  };
}
