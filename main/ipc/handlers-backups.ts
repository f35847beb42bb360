// Handlers of the backups channels (backups:list, backups:create,
// backups:restore). A restore is staged here and applied by openKith() at the
// next open; main/electron/backups.ts relaunches the app when one is staged.
import type { backupsContract } from '../../shared/backups';
import { dataPaths } from '../db/paths';
import { backupList, backupPath, createBackup, scheduleRestore } from '../services/backups';
import type { Handler, HandlerContext } from './handlers';

type BackupsChannel = keyof typeof backupsContract;

export function createBackupsHandlers({ db, dataDir }: HandlerContext): { [C in BackupsChannel]: Handler<C> } {
  const { backupDir } = dataPaths(dataDir);
  return {
    'backups:list': () => backupList(backupDir),
    'backups:create': () => createBackup({ db, backupDir }, 'manual'),
    'backups:restore': async ({ name }) => {
      const { safetyBackup } = await scheduleRestore({ db, backupDir, dataDir, dbFile: dataPaths(dataDir).dbFile }, backupPath(backupDir, name), { label: `The backup ${name}` });
      return { restored: name, safetyBackup, restartRequired: true as const };
    },
  };
}
