// Handlers of issue 6's channels (import:preview, import:commit, export:run).
// The text arrives already read from the file the user picked; the size limit
// is in the contract (shared/importExport.ts).
import type { importExportContract } from '../../shared/importExport';
import { runExport } from '../exporters';
import { importText, previewImport } from '../importers';
import type { Handler, HandlerContext } from './handlers';

type ImportExportChannel = keyof typeof importExportContract;

export function createImportExportHandlers({ db }: HandlerContext): { [C in ImportExportChannel]: Handler<C> } {
  return {
    'import:preview': ({ format, text, exclude }) => previewImport(db, format, text, { exclude }),
    // No backup service yet (issue 7): when there is one, pass backupBeforeImport here.
    'import:commit': ({ format, text, exclude }) => importText(db, format, text, { exclude }),
    'export:run': ({ format }) => runExport(db, format),
  };
}
