// A child process for test/unit/migrations-all.test.ts: opens a Kith file with
// the app's real migrations, announcing each one on stdout as it starts and
// as its up() returns (still inside its transaction, before the commit). The
// parent SIGKILLs it at a random moment during a chosen migration.
import fs from 'node:fs';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/open';

const [file, backupDir] = process.argv.slice(2);
if (!file || !backupDir) throw new Error('usage: migrateChild FILE BACKUP_DIR');
const announced = MIGRATIONS.map((m) => ({
  ...m,
  up: (db: Parameters<typeof m.up>[0]) => {
    fs.writeSync(1, `begin ${m.version}\n`);
    m.up(db);
    fs.writeSync(1, `end ${m.version}\n`);
    // Still inside the migration's transaction: 8 ms more, so a kill 0–3 ms after
    // "begin" lands inside a migration that itself takes microseconds (a CREATE
    // TABLE, migration 50), even when a loaded machine delays the parent's timer.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 8);
  },
}));
const db = openDatabase(file, { migrations: announced, backupDir });
fs.writeSync(1, 'done\n');
db.close();
