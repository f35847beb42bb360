// `kith` as a function: runCli(argv, io) parses the arguments, runs one
// command and answers its exit code, without touching process.* — so tests
// run it in-process and kith.ts stays a thin wrapper. The data file is opened
// at most once per run and always closed before returning.
import { Command, CommanderError } from 'commander';
import { KithError } from '../../shared/errors';
import { APP_VERSION } from '../version';
import { addCommands } from './commands';
import { CliContext, type CliIo } from './context';
import { CliError, EXIT, exitCodeFor, explainCliFailure } from './errors';
import { commanderErrorLine, escapeForTerminal } from './format';

export type { CliIo } from './context';
export { EXIT } from './errors';

/** Commands that never write: they may open the data file read-only when it cannot be written (issue 18). */
const READ_ONLY_COMMANDS = new Set([
  'people list',
  'people show',
  'orgs list',
  'orgs show',
  'stats',
  'export',
  'journal list',
  'journal search',
  'favors list',
  'passphrase status',
]);

function buildProgram(ctx: CliContext): Command {
  const program = new Command('kith');
  // Settings given here are inherited by every command added below.
  program
    .description(
      'Kith from the command line: the same people, organizations and ties as the app, in the same data file.\n' +
        'Exit codes: 0 done, 1 refused (not found, ambiguous name, conflict, unreadable data file), 2 wrong arguments.',
    )
    .version(APP_VERSION, '-V, --version', 'print the version of Kith')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(escapeForTerminal(text)),
      // One line: commander's "error: ..." plus where to read more.
      outputError: (text, write) => write(commanderErrorLine(text, 'kith')),
    })
    .addHelpText(
      'after',
      '\nThe data folder is --data-dir, else $KITH_DATA_DIR, else the app\'s own folder.\n' +
        'Every command takes --json to print one JSON document instead of text.\n\n' +
        'Examples:\n' +
        '  $ kith sample --data-dir /tmp/kith-demo\n' +
        '  $ kith people list --search acme --sort strength --data-dir /tmp/kith-demo\n' +
        '  $ kith people add "Ana Acosta" --org "Acme Labs" --strength 3\n' +
        '  $ kith ties add me "Ana Acosta" --strength 4\n' +
        '  $ kith stats --json\n',
    );
  addCommands(program, ctx);
  program.hook('preAction', (_program, action) => {
    const names: string[] = [];
    for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
    ctx.readsOnly = READ_ONLY_COMMANDS.has(names.join(' '));
  });
  return program;
}

/** Runs `kith` with these arguments (without the node and script paths) and answers the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = new CliContext(io);
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(ctx, error);
  } finally {
    ctx.close();
  }
}

function report(ctx: CliContext, error: unknown): number {
  // Messages quote what the user or an import gave (names): escaped like all text output (issue 18).
  const say = (line: string) => ctx.io.stderr.write(`${escapeForTerminal(line)}\n`);
  if (error instanceof CommanderError) {
    // Help and version end the run successfully; every other commander error was already printed.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof CliError) {
    say(`kith: ${error.message}`);
    for (const line of error.details) say(line);
    return error.exitCode;
  }
  if (error instanceof KithError) {
    say(`kith: ${error.message}`);
    return exitCodeFor(error.code);
  }
  const storage = explainCliFailure(error);
  if (storage) {
    say(`kith: ${storage.message}`);
    if ((ctx.io.env ?? process.env).KITH_DEBUG && error instanceof Error && error.stack) say(error.stack);
    return exitCodeFor(storage.code);
  }
  // A bug: say what happened in one line; KITH_DEBUG=1 prints the stack.
  const message = error instanceof Error ? error.message : String(error);
  say(`kith: unexpected error: ${message}`);
  if ((ctx.io.env ?? process.env).KITH_DEBUG && error instanceof Error && error.stack) say(error.stack);
  return EXIT.refused;
}
