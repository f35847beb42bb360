// Runs `kith` in-process, capturing what it prints.
import { runCli } from '../../main/cli/run';

export interface KithRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = unknown>(): T;
}

export async function kith(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<KithRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}
