// What Kith offers when it cannot open its data at start (issue 7, "nothing
// lost, nothing leaked"): a way forward, not just "Quit". Plain Node, so every
// decision is unit-tested (test/unit/failures-recovery.test.ts); the Electron
// side (main/electron/recovery.ts) only draws the dialogs this asks for.
//
// - "Restore a backup…" where the file itself is the problem (damaged, not
//   Kith's): the damaged file is kept as a before-restore copy, byte for byte,
//   and the chosen backup goes through the same checked, staged restore as
//   Settings' (main/services/backups.ts), applied by openKith() right away.
// - "Open read-only" where the file is intact but cannot be written (read-only
//   file, full disk, another program holds it): nothing is written, every save
//   is refused with a sentence.
// - "Quit", always; nothing was changed.
import path from 'node:path';
import type { BackupInfo } from '../shared/backups';
import { BACKUP_KIND_LABELS } from '../shared/backups';
import { KithError, type ErrorCode } from '../shared/errors';
import { openKith, type KithStore } from './db/kith';
import { dataPaths } from './db/paths';
import { backupPath, listBackups, scheduleRestore } from './services/backups';

export type RecoveryAction = 'restore' | 'readonly' | 'quit';

export const RECOVERY_LABELS: Record<RecoveryAction, string> = {
  restore: 'Restore a backup…',
  readonly: 'Open read-only',
  quit: 'Quit',
};

export interface RecoveryPlan {
  code: ErrorCode | null;
  title: string;
  detail: string;
  /** In the order the dialog shows them; the first is the default, 'quit' is always last (and the cancel button). */
  actions: RecoveryAction[];
}

export interface PlanContext {
  dataDir: string;
  /** Backups in the data folder, newest first (listBackups). */
  backups: readonly BackupInfo[];
  /** Why the Electron build of SQLite is missing, if it is (shown with unexplained errors). */
  bindingProblem?: string | null;
  /** Read-only was tried already in this start and failed: do not offer it again. */
  readOnlyFailed?: boolean;
  /** Why the last thing the user chose (a restore, read-only) did not work: said first. */
  lastAttempt?: string | null;
}

/** Errors where the file is intact but cannot be written now: reading it is safe and useful. */
const READ_ONLY_HELPS: readonly ErrorCode[] = ['DB_READONLY', 'DISK_FULL', 'DB_LOCKED'];
/** Errors where the file itself is the problem: a backup replaces it. */
const RESTORE_HELPS: readonly ErrorCode[] = ['DB_CORRUPT', 'NOT_A_KITH_DB'];

const TITLES: Partial<Record<ErrorCode, string>> = {
  DB_CORRUPT: 'Your Kith data file is damaged',
  NOT_A_KITH_DB: 'This is not a Kith data file',
  DB_TOO_NEW: 'Kith needs an update to open your data',
  DB_LOCKED: 'Another program is using your Kith data',
  DB_READONLY: 'Kith cannot write its data file',
  DISK_FULL: 'The disk is full',
  NOT_FOUND: 'Kith could not find its data file',
};

export function planStartupRecovery(error: unknown, context: PlanContext): RecoveryPlan {
  const code = error instanceof KithError ? error.code : null;
  const message = error instanceof Error ? error.message : String(error);
  const actions: RecoveryAction[] = [];
  if (code && RESTORE_HELPS.includes(code) && context.backups.length > 0) actions.push('restore');
  if (code && READ_ONLY_HELPS.includes(code) && !context.readOnlyFailed) actions.push('readonly');
  actions.push('quit');

  const hints: string[] = [];
  if (actions.includes('restore')) hints.push(`You can restore one of your ${context.backups.length} backups; the damaged file is kept as a copy.`);
  if (code && RESTORE_HELPS.includes(code) && context.backups.length === 0) {
    hints.push(`There are no backups in ${dataPaths(context.dataDir).backupDir}. Keep the file: it may still be rescued.`);
  }
  if (actions.includes('readonly')) hints.push('You can open your data read-only: you can look at everything, and nothing is saved.');
  if (code === null && context.bindingProblem) hints.push(context.bindingProblem);
  const attempt = context.lastAttempt ? [`That did not work: ${context.lastAttempt}`] : [];
  const detail = [...attempt, message, ...hints, `Data folder: ${context.dataDir}`, 'Nothing was changed.'].join('\n\n');
  return { code, title: (code && TITLES[code]) ?? 'Kith could not open its data', detail, actions };
}

export interface BackupChoice {
  name: string;
  label: string;
}

/** The newest backups as buttons: "3 May 2026, 14:02 · Daily · 1.2 MB". */
export function backupChoices(backups: readonly BackupInfo[], max = 6, locale?: string): BackupChoice[] {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return backups.slice(0, max).map((b) => ({
    name: b.name,
    label: `${when.format(new Date(b.createdAt))} · ${BACKUP_KIND_LABELS[b.kind]}${b.detail ? ` (${b.detail})` : ''} · ${formatSize(b.sizeBytes)}`,
  }));
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export interface StartupOptions {
  nativeBinding?: string;
}

/**
 * Restores a backup while no connection is open (the file could not be
 * opened): the current file is copied as it is, the backup checked and staged,
 * and openKith() swaps it in. `source` is a backup's name in the backups
 * folder, or a path the user picked.
 */
export async function restoreAtStartup(dataDir: string, source: string, options: StartupOptions = {}): Promise<KithStore> {
  const paths = dataPaths(dataDir);
  const file = path.isAbsolute(source) ? source : backupPath(paths.backupDir, source);
  await scheduleRestore({ db: null, ...paths, nativeBinding: options.nativeBinding }, file, { label: path.basename(file) });
  const store = openKith(dataDir, options);
  if (store.pendingRestore && !store.pendingRestore.applied) {
    store.close();
    throw new KithError('DB_CORRUPT', `The backup could not be applied: ${store.pendingRestore.problem ?? 'unknown reason'}`);
  }
  return store;
}

/** The dialogs the loop needs; Electron draws them, tests answer them. */
export interface RecoveryUi {
  /** Shows the plan; answers the chosen action. */
  ask(plan: RecoveryPlan): RecoveryAction;
  /** Offers the backups; answers a backup name, an absolute path, or null (back). */
  pickBackup(choices: BackupChoice[], backupDir: string): string | null;
  log?(message: string): void;
}

/**
 * The whole conversation after a failed open: explain, offer what applies,
 * try it, and explain again if that fails too. Answers the opened store, or
 * null when the user quits. Never writes over the current file: a restore
 * keeps it as a before-restore copy, read-only writes nothing.
 */
export async function recoverFromOpenFailure(
  firstError: unknown,
  dataDir: string,
  ui: RecoveryUi,
  options: StartupOptions & { bindingProblem?: string | null } = {},
): Promise<KithStore | null> {
  const open: StartupOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const error = firstError; // the file's problem stays the subject; a failed attempt is told on top
  let readOnlyFailed = false;
  let lastAttempt: string | null = null;
  const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
  // Each round either returns or records a new error; a bound keeps a confused loop from spinning forever.
  for (let round = 0; round < 20; round++) {
    const backups = listBackups(dataPaths(dataDir).backupDir);
    const plan = planStartupRecovery(error, { dataDir, backups, bindingProblem: options.bindingProblem, readOnlyFailed, lastAttempt });
    const action = ui.ask(plan);
    if (action === 'quit' || !plan.actions.includes(action)) return null;
    if (action === 'readonly') {
      try {
        const store = openKith(dataDir, { ...open, readonly: true });
        ui.log?.('Opened the data file read-only.');
        return store;
      } catch (readOnlyError) {
        readOnlyFailed = true;
        lastAttempt = messageOf(readOnlyError);
        continue;
      }
    }
    const picked = ui.pickBackup(backupChoices(backups), dataPaths(dataDir).backupDir);
    if (picked === null) {
      lastAttempt = null;
      continue; // back to the first question
    }
    try {
      const store = await restoreAtStartup(dataDir, picked, open);
      ui.log?.(`Restored ${path.basename(picked)} at start.`);
      return store;
    } catch (restoreError) {
      lastAttempt = messageOf(restoreError);
    }
  }
  return null;
}
