// Option helpers shared by every `kith` command: argument parsers that name the
// flag in their errors, --data-dir/--json on every command, examples in --help.
import { type Command, InvalidArgumentError } from 'commander';
import { commanderErrorLine } from './format';

/** Parses a number for zod to judge; anything that is not a number is refused here with the flag's name. */
export function number(value: string): number {
  if (!/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) throw new InvalidArgumentError('It must be a number.');
  return Number(value);
}

/** A whole number (its range is the schema's to judge, so its message names the limit). */
export function integer(value: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new InvalidArgumentError('It must be a whole number.');
  return Number(value);
}

/** For repeatable options: --tag a --tag b. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Commander's one-line errors point at this command's own help. */
export function helpHint(command: Command): Command {
  const path: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) path.unshift(c.name());
  return command.configureOutput({
    outputError: (text, write) => write(commanderErrorLine(text, path.join(' '))),
  });
}

/** --data-dir and --json, on every command that reads or writes the data file. */
export function common(command: Command): Command {
  return helpHint(command)
    .option('--data-dir <dir>', 'the Kith data folder (default: $KITH_DATA_DIR, else the app\'s own folder)')
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--passphrase-file <file>', 'the passphrase of a protected data folder, read from this file (or set $KITH_PASSPHRASE)');
}

export function examples(command: Command, lines: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}
