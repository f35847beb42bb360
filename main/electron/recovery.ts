// The dialogs of the startup recovery (issue 7). Thin: what to offer and what
// each choice does is decided and tested in main/recovery.ts; this only draws
// native message boxes and the file picker.
import { dialog } from 'electron';
import type { KithStore } from '../db/kith';
import { RECOVERY_LABELS, recoverFromOpenFailure, type BackupChoice, type RecoveryAction, type RecoveryPlan } from '../recovery';

const OTHER_FILE = 'Another file…';
const BACK = 'Back';

function ask(plan: RecoveryPlan): RecoveryAction {
  const buttons = plan.actions.map((action) => RECOVERY_LABELS[action]);
  const response = dialog.showMessageBoxSync({
    type: 'error',
    title: 'Kith',
    message: plan.title,
    detail: plan.detail,
    buttons,
    defaultId: 0,
    cancelId: plan.actions.indexOf('quit'),
    noLink: true,
  });
  return plan.actions[response] ?? 'quit';
}

function pickBackup(choices: BackupChoice[], backupDir: string): string | null {
  const buttons = [...choices.map((c) => c.label), OTHER_FILE, BACK];
  const response = dialog.showMessageBoxSync({
    type: 'question',
    title: 'Kith',
    message: 'Restore which backup?',
    detail: `Newest first, from ${backupDir}. Your current file is kept as a copy before anything is replaced.`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (response < choices.length) return choices[response]!.name;
  if (buttons[response] !== OTHER_FILE) return null;
  const picked = dialog.showOpenDialogSync({
    title: 'Restore a Kith backup',
    defaultPath: backupDir,
    properties: ['openFile'],
    filters: [{ name: 'Kith backups', extensions: ['db'] }],
  });
  return picked?.[0] ?? null;
}

export function recoverAtStartup(
  error: unknown,
  dataDir: string,
  options: { nativeBinding?: string; bindingProblem?: string | null; log: (message: string) => void },
): Promise<KithStore | null> {
  options.log(`Could not open the data file: ${error instanceof Error ? error.message : String(error)}`);
  return recoverFromOpenFailure(error, dataDir, { ask, pickBackup, log: options.log }, options);
}
