// The `kith` executable: process arguments and streams in, exit code out.
// Everything else lives in run.ts so tests can call it in-process. No
// top-level await: esbuild bundles this file to CommonJS (out/cli/kith.cjs).
import { runCli } from './run';

// `kith people list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kith: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
