// Handlers of issue 6's channels (import:preview, import:commit, export:run).
// The text arrives already read from the file the user picked; the size limit
// is in the contract (shared/importExport.ts).
import type { importExportContract } from '../../shared/importExport';
import { dataPaths } from '../db/paths';
import { runExport } from '../exporters';
import { importText, previewImport } from '../importers';
import { createBackupSync } from '../services/backups';
import type { Handler, HandlerContext } from './handlers';

type ImportExportChannel = keyof typeof importExportContract;

export function createImportExportHandlers({ db, dataDir }: HandlerContext): { [C in ImportExportChannel]: Handler<C> } {
  return {
    'import:preview': ({ format, text, exclude }) => previewImport(db, format, text, { exclude }),
    // A checked copy of the data is taken first whenever the import would change something (an in-memory database has no file to copy).
    'import:commit': ({ format, text, exclude }) =>
      importText(db, format, text, {
        exclude,
        ...(db.memory ? {} : { backupBeforeImport: () => createBackupSync({ db, backupDir: dataPaths(dataDir).backupDir }, 'before-import') }),
      }),
    'export:run': ({ format }) => runExport(db, format),
  };
}
