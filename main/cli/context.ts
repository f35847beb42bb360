// What every command shares during one run: where to write, which data folder
// to open (once, lazily: a command refused for bad arguments never touches
// the file), and how to print a result as text or as one JSON document.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { openKith, storeKey, type KithStore } from '../db/kith';
import { defaultDataDir } from '../db/paths';
import { KithError } from '../../shared/errors';
import { CliError, EXIT } from './errors';
import { escapeForTerminal } from './format';

export interface Writable {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** Environment read for KITH_DATA_DIR and the OS data folder (process.env by default). */
  env?: NodeJS.ProcessEnv;
}

export interface CommonOptions {
  dataDir?: string;
  json?: boolean;
  /** A file holding the passphrase of a protected data folder (never the passphrase itself on the command line). */
  passphraseFile?: string;
}

/** Reads a passphrase from a file: its first line, without the line break an editor or `echo` adds. */
export function readPassphraseFile(file: string, flag: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(EXIT.usage, `${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (!passphrase) throw new CliError(EXIT.usage, `${flag}: ${file} is empty.`);
  return passphrase;
}

export class CliContext {
  private store: KithStore | null = null;
  /**
   * The command only reads (set by run.ts before it runs): when the data file
   * cannot be opened for writing (a full disk, a read-only folder), it is
   * opened read-only instead, where SQLite allows it (issue 18).
   */
  readsOnly = false;

  constructor(readonly io: CliIo) {}

  dataDir(options: CommonOptions): string {
    if (options.dataDir !== undefined) {
      if (!options.dataDir.trim()) throw new CliError(EXIT.usage, '--data-dir cannot be empty.');
      return path.resolve(options.dataDir);
    }
    return defaultDataDir(this.io.env ?? process.env);
  }

  /** The passphrase for a protected data folder: --passphrase-file, else $KITH_PASSPHRASE, else none. */
  passphrase(options: CommonOptions): string | null {
    if (options.passphraseFile !== undefined) return readPassphraseFile(options.passphraseFile, '--passphrase-file');
    const fromEnv = (this.io.env ?? process.env).KITH_PASSPHRASE;
    return fromEnv ? fromEnv : null;
  }

  /** The opened data folder; opened on first use and closed by close() when the run ends. */
  open(options: CommonOptions): KithStore {
    if (!this.store) {
      const dataDir = this.dataDir(options);
      const passphrase = this.passphrase(options);
      try {
        this.store = this.openStore(dataDir, passphrase);
      } catch (error) {
        if (error instanceof KithError && error.code === 'PASSPHRASE_REQUIRED') {
          throw new CliError(EXIT.refused, `${error.message} Give it with --passphrase-file FILE or the KITH_PASSPHRASE environment variable.`);
        }
        throw error;
      }
      // Issue 18: a passphrase for a folder that is not protected used to be
      // ignored in silence (e.g. after an interrupted `passphrase set` rolled back).
      if (passphrase && storeKey(this.store) === null) {
        this.io.stderr.write(
          escapeForTerminal(
            `kith: warning: a passphrase was given, but the data in ${dataDir} is not protected with one: it is stored unencrypted. ` +
              'Protect it with "kith passphrase set".\n',
          ),
        );
      }
    }
    return this.store;
  }

  private openStore(dataDir: string, passphrase: string | null): KithStore {
    try {
      return openKith(dataDir, { passphrase });
    } catch (error) {
      // A command that only reads can still work on a full disk or a read-only
      // folder, as long as nothing must be written first (issue 18). If the
      // read-only open fails too, the first reason is the one that matters.
      const storage = error instanceof KithError && (error.code === 'DISK_FULL' || error.code === 'DB_READONLY');
      if (!this.readsOnly || !storage) throw error;
      try {
        return openKith(dataDir, { passphrase, readonly: true });
      } catch {
        throw error;
      }
    }
  }

  close(): void {
    this.store?.close();
    this.store = null;
  }

  /** Prints a result: `value` as one JSON document with --json, else the human text. */
  print(options: CommonOptions, value: unknown, human: () => string): void {
    if (options.json) this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else this.io.stdout.write(escapeForTerminal(human()));
  }
}

/**
 * Validates command-line input with the same zod schema the IPC contract
 * uses, so the CLI accepts exactly what the app accepts. `flags` names each
 * field as the user typed it (`displayName` → `NAME`).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, flags: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues.slice(0, 3).map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const where = head === undefined ? '' : [flags[head] ?? head, ...rest].join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  throw new CliError(EXIT.usage, first.join('; '));
}
