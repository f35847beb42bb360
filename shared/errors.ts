// The error shape that crosses IPC. Electron passes only an error's message
// across ipcMain.handle(), so handlers answer a result object instead (as
// Signal's SQL channel does) and the renderer turns it back into a typed error.

export const ERROR_CODES = [
  'INVALID_INPUT', // the request did not match the contract; nothing changed
  'NOT_FOUND', // the thing asked for does not exist
  'CONFLICT', // it would break a rule: a duplicate, a tie with oneself, archiving "me"
  'UNKNOWN_CHANNEL', // no such channel in the contract
  'FORBIDDEN', // the request came from a frame Kith does not trust
  'DB_TOO_NEW', // the data file was written by a newer Kith
  'NOT_A_KITH_DB', // the file is not a Kith database
  'DB_CORRUPT', // the file is damaged: restore a backup
  'DB_LOCKED', // another program holds the file
  'DB_READONLY', // the file or its folder cannot be written
  'DISK_FULL', // no space left to save
  'PASSPHRASE_REQUIRED', // the data file is protected with a passphrase and none was given
  'WRONG_PASSPHRASE', // the passphrase given does not open the file (nothing was changed)
  'INTERNAL', // a bug: the message says what happened, the log says more
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface KithErrorShape {
  code: ErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: KithErrorShape };

/** An error a person can read, with a code a program can branch on. */
export class KithError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KithError';
    this.code = code;
  }
  toJSON(): KithErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isKithErrorShape(value: unknown): value is KithErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

/** Ends an exhaustive switch: fails to compile when a case of the union is missing. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
