// A child program for the kill tests (crash, migrations, rekey, sync): bundled
// with esbuild into one CommonJS file that plain `node` runs, the native
// SQLite module left to be loaded from node_modules, so a test can SIGKILL a
// real process at a chosen moment.
import path from 'node:path';
import { build } from 'esbuild';

export const ROOT = path.resolve(__dirname, '..', '..');

/** A place under node_modules/.cache for a bundled child (per checkout; per process when `perProcess`). */
export function childPath(folder: string, name: string, perProcess = false): string {
  return path.join(ROOT, 'node_modules', '.cache', folder, perProcess ? name.replace(/\.cjs$/, `-${process.pid}.cjs`) : name);
}

/** Bundles a child from a file of the repository, or from source text written in the test. */
export async function bundleChild(source: { entry: string } | { contents: string; name: string }, outfile: string): Promise<void> {
  await build({
    ...('entry' in source
      ? { entryPoints: [path.join(ROOT, source.entry)] }
      : { stdin: { contents: source.contents, resolveDir: ROOT, loader: 'ts' as const, sourcefile: source.name } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'warning',
  });
}

/**
 * Calls `onLine` for each whole line a child writes to `stream` (a line split
 * across chunks is joined first), then `afterChunk` once per chunk.
 */
export function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void, afterChunk?: () => void): void {
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) onLine(line);
    afterChunk?.();
  });
}
