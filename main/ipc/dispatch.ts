// Validates a request against the contract, runs its handler and answers a
// result object. Used by Electron's ipcMain registration and by the
// end-to-end harness, so both exercise exactly the same path.
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { KithError, type IpcResult } from '../../shared/errors';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  /** Check outputs against the contract too (on in development and tests). */
  validateOutput?: boolean;
  /** Where unexpected errors are reported with their stack (the message alone crosses IPC). */
  log?: (message: string, error: unknown) => void;
  /** The database was opened read-only on purpose (openKith's readonly option): a refused write says so. */
  readOnly?: boolean;
}

/** A readable sentence from zod issues: `displayName: Name cannot be empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Kith has no request called "${String(channel)}".` } };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid request (${channel}): ${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(`Handler for ${channel} answered outside the contract: ${describeIssues(checked.error)}`);
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof KithError) return { ok: false, error: error.toJSON() };
      const storage = explainStorageError(error, { readOnly: options.readOnly ?? false });
      if (storage) {
        options.log?.(`Request ${channel} failed on the data file`, error);
        return { ok: false, error: storage.toJSON() };
      }
      options.log?.(`Request ${channel} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${channel}: ${message}` } };
    }
  };
}

/**
 * SQLite's failures while a handler reads or writes (issue 7): the disk filled
 * up, the file became read-only or locked, or turned out damaged. Each is a
 * typed error with a sentence saying what to do. Nothing is half-written:
 * every write is one transaction (or one statement), which SQLite rolls back
 * when it fails, so the sentence can say so. Anything else stays a bug (null).
 */
export function explainStorageError(error: unknown, context: { readOnly: boolean }): KithError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const unchanged = 'Nothing was changed, and nothing was half-saved.';
  if (code === 'SQLITE_FULL') {
    return new KithError('DISK_FULL', `The disk is full, so Kith could not save this. ${unchanged} Free some space and try again.`);
  }
  if (code.startsWith('SQLITE_READONLY') || (context.readOnly && code === 'SQLITE_CANTOPEN')) {
    return new KithError(
      'DB_READONLY',
      context.readOnly
        ? `Kith opened your data read-only, so it cannot save changes. ${unchanged} Quit and open Kith normally once the problem it reported at start is fixed.`
        : `Kith cannot write its data file any more (it or its folder became read-only). ${unchanged} Check the file's permissions and the disk, then restart Kith.`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new KithError('DB_LOCKED', `Kith's data file is in use by another program (perhaps another Kith). ${unchanged} Close the other program and try again.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_CORRUPTFS') {
    return new KithError(
      'DB_CORRUPT',
      `Kith's data file is damaged (${code}). ${unchanged} Quit Kith and restore a backup when it starts (your backups are in the data folder).`,
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new KithError(
      'DB_READONLY',
      `Kith could not read or write its data file: the disk reported an error (${code}). ${unchanged} Check the disk (is it unplugged, full or failing?), then restart Kith.`,
    );
  }
  return null;
}

/** Every channel, for code that must register or test them all. */
export function channels(): Channel[] {
  return Object.keys(contract) as Channel[];
}
