// The handler for every contract channel, over the plain-Node services. The
// same map serves Electron's ipcMain, the end-to-end harness and handler tests.
import type { FolderChooser } from '../importers/chosenFolders';
import type { FileChooser } from '../importers/historyFiles';
import type { Channel, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/open';
import { loadSampleNetwork } from '../sample/load';
import { createAffiliation, deleteAffiliation, updateAffiliation } from '../services/affiliations';
import {
  archiveOrganization,
  createOrganization,
  getOrganizationDetail,
  listOrganizations,
  restoreOrganization,
  updateOrganization,
} from '../services/organizations';
import {
  archivePerson,
  createPerson,
  getMeId,
  getPerson,
  getPersonDetail,
  listPeople,
  restorePerson,
  updatePerson,
} from '../services/people';
import { quickSearch } from '../services/search';
import { getSetting, setSetting } from '../services/settings';
import { getStats } from '../services/stats';
import { listTags } from '../services/tags';
import { createTie, deleteTie, updateTie } from '../services/ties';
import { APP_VERSION } from '../version';
import { createImportExportHandlers } from './handlers-importExport';
import { createRoutesHandlers } from './handlers-routes';
import { createJournalHandlers } from './handlers-journal';
import { createBackupsHandlers } from './handlers-backups';
import { createGraphHandlers } from './handlers-graph';
import { createTargetsHandlers } from './handlers-targets';
import { createLikelyTiesHandlers } from './handlers-likelyTies';
import { createEncryptionHandlers } from './handlers-encryption';
import { createForgetHandlers } from './handlers-forget';
import { createHistoryHandlers } from './handlers-history';
import { createSyncHandlers } from './handlers-sync';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface HandlerContext {
  db: Db;
  dataDir: string;
  /** The OS folder dialog for import:chooseFolder (issue 13); only the Electron layer has one. */
  chooseFolder?: FolderChooser;
  /** The OS file dialog for history:chooseFile (issue 14); only the Electron layer has one. */
  chooseFile?: FileChooser;
  /** The OS folder dialog for sync:chooseFolder (issue 19); the Electron layer and the e2e harness have one. */
  chooseSyncFolder?: FolderChooser;
}

export function createHandlers({ db, dataDir, chooseFolder, chooseFile, chooseSyncFolder }: HandlerContext): Handlers {
  const appInfo = (): AppInfo => ({
    version: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    dataDir,
    onboarded: getSetting(db, 'onboarded', false),
    me: getPerson(db, getMeId(db)),
    readOnly: db.readonly,
  });

  return {
    'app:info': () => appInfo(),
    'app:completeSetup': ({ displayName, loadSample }) => {
      db.transaction(() => {
        updatePerson(db, getMeId(db), { displayName });
        if (loadSample) loadSampleNetwork(db, {});
        setSetting(db, 'onboarded', true);
      })();
      return appInfo();
    },

    'people:list': (query) => listPeople(db, query ?? {}),
    'people:get': ({ id }) => getPersonDetail(db, id),
    'people:create': (input) => createPerson(db, input),
    'people:update': ({ id, patch }) => updatePerson(db, id, patch),
    'people:archive': ({ id }) => archivePerson(db, id),
    'people:restore': ({ id }) => restorePerson(db, id),

    'orgs:list': (query) => listOrganizations(db, query ?? {}),
    'orgs:get': ({ id }) => getOrganizationDetail(db, id),
    'orgs:create': (input) => createOrganization(db, input),
    'orgs:update': ({ id, patch }) => updateOrganization(db, id, patch),
    'orgs:archive': ({ id }) => archiveOrganization(db, id),
    'orgs:restore': ({ id }) => restoreOrganization(db, id),

    'affiliations:create': (input) => createAffiliation(db, input),
    'affiliations:update': ({ id, patch }) => updateAffiliation(db, id, patch),
    'affiliations:delete': ({ id }) => {
      deleteAffiliation(db, id);
      return { ok: true as const };
    },

    'ties:create': (input) => createTie(db, input),
    'ties:update': ({ id, patch }) => updateTie(db, id, patch),
    'ties:delete': ({ id }) => {
      deleteTie(db, id);
      return { ok: true as const };
    },

    'tags:list': () => listTags(db),
    'search:quick': ({ query, limit }) => quickSearch(db, query, limit),
    'stats:get': () => getStats(db),
    'sample:load': (options) => loadSampleNetwork(db, options ?? {}),
    ...createImportExportHandlers({ db, dataDir, ...(chooseFolder ? { chooseFolder } : {}) }),
    ...createRoutesHandlers({ db, dataDir }),
    ...createJournalHandlers({ db, dataDir }),
    ...createBackupsHandlers({ db, dataDir }),
    ...createGraphHandlers({ db, dataDir }),
    ...createTargetsHandlers({ db, dataDir }),
    ...createLikelyTiesHandlers({ db, dataDir }),
    ...createEncryptionHandlers({ db, dataDir }),
    ...createForgetHandlers({ db, dataDir }),
    ...createHistoryHandlers({ db, dataDir, ...(chooseFile ? { chooseFile } : {}) }),
    ...createSyncHandlers({ db, dataDir, chooseSyncFolder }),
  };
}
