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
      options.log?.(`Request ${channel} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${channel}: ${message}` } };
    }
  };
}

/** Every channel, for code that must register or test them all. */
export function channels(): Channel[] {
  return Object.keys(contract) as Channel[];
}
