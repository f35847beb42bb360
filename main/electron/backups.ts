// The app's side of backups: the daily backup while Kith runs, and the
// relaunch that applies a staged restore. The backups themselves are plain
// Node (main/services/backups.ts); only the timer and the relaunch live here.
import { app } from 'electron';
import type { KithStore } from '../db/kith';
import { onRestoreScheduled, runDailyBackup } from '../services/backups';

const HOUR_MS = 60 * 60 * 1000;

/** Starts the hourly check for today's backup (taken once a day) and the relaunch on restore. */
export function startBackups(store: KithStore, log: (message: string) => void): void {
  if (store.pendingRestore?.applied) log('Restored a backup before opening the data file.');
  if (store.pendingRestore && !store.pendingRestore.applied) log(`A staged restore was refused: ${store.pendingRestore.problem}`);

  const daily = (): void => {
    if (!store.db.open) return;
    runDailyBackup(store).then(
      (made) => made && log(`Daily backup ${made.name} (${made.sizeBytes} bytes).`),
      (error: unknown) => log(`The daily backup failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  daily();
  const timer = setInterval(daily, HOUR_MS);
  timer.unref();

  onRestoreScheduled(() => {
    // The swap needs the connection closed: openKith() applies the staged file
    // at the next start. A moment first, so the window can show that Kith restarts.
    log('A restore is staged: restarting Kith to apply it.');
    setTimeout(() => {
      clearInterval(timer);
      store.close();
      app.relaunch();
      app.exit(0);
    }, 400);
  });
}
