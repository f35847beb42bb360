// Exit codes and the error the CLI commands throw. Scripts branch on the exit
// code: 0 done, 1 refused (not found, ambiguous, conflict, unreadable file),
// 2 the command line itself was wrong (nothing was opened or changed).
import { KithError, type ErrorCode } from '../../shared/errors';
import { explainStorageError } from '../ipc/dispatch';

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Further lines printed after the message (candidates of an ambiguous name). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What a service error means for the exit code: bad input is a usage error, the rest is a refusal. */
export function exitCodeFor(code: ErrorCode): ExitCode {
  return code === 'INVALID_INPUT' ? EXIT.usage : EXIT.refused;
}

/**
 * A failure from the data file or the disk, as the app explains it (issue 18):
 * SQLite's codes through the dispatcher's own sentences (locked, disk full,
 * I/O error…), and Node's file-system codes for the files the CLI touches
 * itself. Null for anything else (a bug).
 */
export function explainCliFailure(error: unknown): KithError | null {
  const storage = explainStorageError(error, { readOnly: false });
  if (storage) return storage;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const unchanged = 'Nothing was changed.';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new KithError('DISK_FULL', `The disk is full, so Kith could not save this. ${unchanged} Free some space and try again.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new KithError('DB_READONLY', `Kith cannot write in its data folder (${code}). ${unchanged} Check the folder's permissions and the disk.`);
    case 'EIO':
      return new KithError('DB_READONLY', `The disk reported an error (EIO). ${unchanged} Check the disk (is it unplugged, full or failing?), then try again.`);
    case 'EISDIR':
      return new KithError('NOT_A_KITH_DB', `A folder is where Kith expected a file (EISDIR). ${unchanged} Move it away or choose another data folder.`);
    default:
      return null;
  }
}
