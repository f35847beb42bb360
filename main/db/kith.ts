// One opened Kith data directory: the database and where its files live.
import fs from 'node:fs';
import { openDatabase, type Db } from './open';
import { dataPaths } from './paths';

export interface KithStore {
  db: Db;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  close(): void;
}

export function openKith(dataDir: string, options: { nativeBinding?: string } = {}): KithStore {
  const paths = dataPaths(dataDir);
  // Private notes about other people: readable by this user only.
  fs.mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(paths.dbFile, { backupDir: paths.backupDir, nativeBinding: options.nativeBinding });
  return {
    db,
    ...paths,
    close() {
      if (db.open) db.close();
    },
  };
}
