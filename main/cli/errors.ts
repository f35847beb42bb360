// Exit codes and the error the CLI commands throw. Scripts branch on the exit
// code: 0 done, 1 refused (not found, ambiguous, conflict, unreadable file),
// 2 the command line itself was wrong (nothing was opened or changed).
import type { ErrorCode } from '../../shared/errors';

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
