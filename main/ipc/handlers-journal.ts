// Handlers of the journal, search, Home, follow-up, favor and suggestion
// channels (issue 3), spread into the handler map by createHandlers in handlers.ts.
import type { journalContract } from '../../shared/journal';
import { createFavor, deleteFavor, favorBalances, listFavors, updateFavor } from '../services/favors';
import { actOnHomeItem, getHome, todayIn } from '../services/home';
import { undoHomeAction } from '../services/homeUndo';
import { createEntry, deleteEntry, getEntry, getTimeline, listEntries, restoreEntry, updateEntry } from '../services/journal';
import { createReminder, deleteReminder, listReminders, remindersDueSince, updateReminder } from '../services/reminders';
import { searchAll } from '../services/search';
import { acceptSuggestion, ignoreSuggestion, listSuggestions } from '../services/suggestions';
import type { Handler, HandlerContext } from './handlers';

export type JournalHandlers = { [C in keyof typeof journalContract]: Handler<C> };

const ok = { ok: true as const };

export function createJournalHandlers({ db }: HandlerContext): JournalHandlers {
  return {
    'journal:create': (input) => createEntry(db, input),
    'journal:update': ({ id, patch }) => updateEntry(db, id, patch),
    'journal:delete': ({ id }) => deleteEntry(db, id),
    'journal:restore': ({ id }) => restoreEntry(db, id),
    'journal:get': ({ id }) => getEntry(db, id),
    'journal:list': (query) => listEntries(db, query ?? {}),
    'timeline:get': ({ personId, limit }) => ({ items: getTimeline(db, personId, limit) }),
    'search:all': (query) => searchAll(db, query),
    'home:get': (query) => getHome(db, query),
    'home:act': (action) => ({ ok: true, undo: actOnHomeItem(db, action) }),
    'home:undo': (undo) => {
      undoHomeAction(db, undo);
      return ok;
    },
    'reminders:create': (input) => createReminder(db, input),
    'reminders:update': ({ id, patch }) => updateReminder(db, id, patch),
    'reminders:delete': ({ id }) => {
      deleteReminder(db, id);
      return ok;
    },
    'reminders:list': (query) => ({ items: listReminders(db, query ?? {}) }),
    'reminders:dueSince': ({ since, now, timeZone }) => ({ items: remindersDueSince(db, since, now, timeZone) }),
    'favors:create': (input) => createFavor(db, input),
    'favors:update': ({ id, patch }) => updateFavor(db, id, patch),
    'favors:delete': ({ id }) => {
      deleteFavor(db, id);
      return ok;
    },
    'favors:list': (query) => ({ items: listFavors(db, query ?? {}), balances: favorBalances(db, query?.personId) }),
    'suggestions:list': ({ timeZone, today }) => ({ items: listSuggestions(db, todayIn(timeZone, today), timeZone) }),
    'suggestions:accept': ({ personId, strength }) => acceptSuggestion(db, personId, strength),
    'suggestions:ignore': ({ personId, timeZone, today }) => {
      ignoreSuggestion(db, personId, todayIn(timeZone, today), timeZone);
      return ok;
    },
  };
}
