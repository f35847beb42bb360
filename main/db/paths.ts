// Where Kith keeps its data. The same answer for the app and the CLI, so both
// open the same file: the OS's app-data folder (what Electron calls userData
// for an app named "Kith"), unless KITH_DATA_DIR or --data-dir says otherwise.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Kith';
export const DB_FILE_NAME = 'kith.db';
export const BACKUP_FOLDER_NAME = 'backups';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.KITH_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME);
  }
}

export function dataPaths(dataDir: string): { dataDir: string; dbFile: string; backupDir: string } {
  return {
    dataDir,
    dbFile: path.join(dataDir, DB_FILE_NAME),
    backupDir: path.join(dataDir, BACKUP_FOLDER_NAME),
  };
}
