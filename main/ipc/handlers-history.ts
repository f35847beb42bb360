// Handlers of issue 14's channels: calendars and mail into the journal. Files
// are chosen with the native dialog in main (a token, never a path); a
// calendar may also come as bytes. A checked copy of the data is taken before
// a commit that changes something.
import type { historyContract } from '../../shared/history';
import { dataPaths } from '../db/paths';
import { commitHistory, getMyEmailSetting, previewHistory, setMyEmailSetting, type HistoryOptions } from '../importers/history';
import { HistoryFiles } from '../importers/historyFiles';
import { createBackupSync } from '../services/backups';
import type { Handler, HandlerContext } from './handlers';

type HistoryChannel = keyof typeof historyContract;

export function createHistoryHandlers({ db, dataDir, chooseFile }: HandlerContext): { [C in HistoryChannel]: Handler<C> } {
  const files = new HistoryFiles(chooseFile);
  const optionsOf = (r: { maxAttendees?: number | undefined; include?: string[] | undefined; myEmails?: string[] | undefined }): HistoryOptions => ({
    maxAttendees: r.maxAttendees,
    include: r.include,
    myEmails: r.myEmails,
  });
  return {
    'history:chooseFile': ({ source }) => files.chooseFile(source),
    'history:preview': async (request) => {
      const options = optionsOf(request);
      return previewHistory(db, await files.read(db, request, options), options);
    },
    'history:commit': async (request) => {
      const options = optionsOf(request);
      const parsed = await files.read(db, request, options);
      return commitHistory(db, parsed, {
        ...options,
        ...(db.memory ? {} : { backupBeforeImport: () => createBackupSync({ db, backupDir: dataPaths(dataDir).backupDir }, 'before-import') }),
      });
    },
    'history:progress': ({ run }) => files.progress(run),
    'history:cancel': ({ run }) => ({ cancelled: files.cancel(run) }),
    'settings:myEmails': () => ({ emails: getMyEmailSetting(db) }),
    'settings:setMyEmails': ({ emails }) => ({ emails: setMyEmailSetting(db, emails) }),
  };
}
