// Handlers of issue 6's channels (import:preview, import:commit, export:run).
// The file's bytes arrive base64-encoded, read by the renderer from the file the
// user picked (issue 13); the size limit is in the contract (shared/importExport.ts).
import type { importExportContract } from '../../shared/importExport';
import { dataPaths } from '../db/paths';
import { runExport } from '../exporters';
import { expandInput, importText, previewImport, requestInput } from '../importers';
import { ChosenFolders } from '../importers/chosenFolders';
import { listImports, undoLastImport } from '../importers/importLog';
import { createBackupSync } from '../services/backups';
import { findDuplicateOrganizations, findDuplicatePeople, mergeOrganizations, mergePeople } from '../services/merge';
import type { Handler, HandlerContext } from './handlers';

type ImportExportChannel = keyof typeof importExportContract;

export function createImportExportHandlers({ db, dataDir, chooseFolder }: HandlerContext): { [C in ImportExportChannel]: Handler<C> } {
  const folders = new ChosenFolders(chooseFolder);
  // A checked copy of the data before a merge (an in-memory database has no file to copy).
  const backup = (kind: 'before-merge') => (db.memory ? {} : { backup: () => void createBackupSync({ db, backupDir: dataPaths(dataDir).backupDir }, kind) });
  const inputOf = async (request: { bytes?: string | undefined; text?: string | undefined; folder?: string | undefined }) =>
    request.folder !== undefined ? folders.read(request.folder) : expandInput(requestInput(request));
  return {
    'import:chooseFolder': () => folders.chooseFolder(),
    'imports:list': () => ({ items: listImports(db) }),
    'duplicates:people': () => ({ groups: findDuplicatePeople(db) }),
    'duplicates:organizations': () => ({ groups: findDuplicateOrganizations(db) }),
    'duplicates:mergePeople': ({ ids, prefer, dryRun }) => mergePeople(db, ids, { ...(prefer ? { prefer } : {}), dryRun: dryRun === true, ...backup('before-merge') }),
    'duplicates:mergeOrganizations': ({ ids, dryRun }) => mergeOrganizations(db, ids, { dryRun: dryRun === true, ...backup('before-merge') }),
    'imports:undo': (input) => undoLastImport(db, { dryRun: input?.dryRun === true }),
    'import:preview': async ({ format, exclude, include, messageText, of, confirmOwner, ...input }) =>
      previewImport(db, format, await inputOf(input), { exclude, include, messageText, of, confirmOwner }),
    // A checked copy of the data is taken first whenever the import would change something (an in-memory database has no file to copy).
    'import:commit': async ({ format, exclude, include, messageText, of, confirmOwner, ...input }) =>
      importText(db, format, await inputOf(input), {
        exclude,
        include,
        messageText,
        of,
        confirmOwner,
        ...(db.memory ? {} : { backupBeforeImport: () => createBackupSync({ db, backupDir: dataPaths(dataDir).backupDir }, 'before-import') }),
      }),
    'export:run': ({ format }) => runExport(db, format),
  };
}
