// `kith passphrase status|set|change|remove` (issue 7): protect the data
// folder with a passphrase from the command line. Passphrases are read from
// files (--passphrase-file for the current one, --new-passphrase-file for the
// new one) or from $KITH_PASSPHRASE / $KITH_NEW_PASSPHRASE, never taken as an
// argument: an argument lands in the shell's history and in `ps`.
import type { Command } from 'commander';
import { NewPassphrase, type EncryptionChange } from '../../shared/encryption';
import { changePassphrase, encryptionStatus, removePassphrase, setPassphrase } from '../services/encryption';
import { type CliContext, type CommonOptions, readPassphraseFile, validate } from './context';
import { CliError, EXIT } from './errors';
import { common, examples, helpHint } from './options';

interface PassphraseOptions extends CommonOptions {
  newPassphraseFile?: string;
}

const WARNING = 'Keep the passphrase safe: if it is lost, Kith cannot open your data or its backups, and nobody can recover them.';

function newPassphrase(ctx: CliContext, options: PassphraseOptions): string {
  const value =
    options.newPassphraseFile !== undefined
      ? readPassphraseFile(options.newPassphraseFile, '--new-passphrase-file')
      : (ctx.io.env ?? process.env).KITH_NEW_PASSPHRASE;
  if (!value) throw new CliError(EXIT.usage, 'Give the new passphrase with --new-passphrase-file FILE or the KITH_NEW_PASSPHRASE environment variable.');
  return validate(NewPassphrase, value, { '': '--new-passphrase-file' });
}

function currentPassphrase(ctx: CliContext, options: PassphraseOptions): string {
  const value = ctx.passphrase(options);
  if (!value) throw new CliError(EXIT.usage, 'Give the current passphrase with --passphrase-file FILE or the KITH_PASSPHRASE environment variable.');
  return value;
}

function changed(result: EncryptionChange, what: string): string {
  const backups = result.backupsRekeyed ? ` ${result.backupsRekeyed} backup${result.backupsRekeyed === 1 ? '' : 's'} brought along.` : '';
  const skipped = result.backupsSkipped ? ` ${result.backupsSkipped} older backup(s) keep their earlier passphrase.` : '';
  return `${what}${backups}${skipped}\n`;
}

export function addPassphraseCommands(program: Command, ctx: CliContext): void {
  const passphrase = helpHint(program.command('passphrase').description('protect the data folder with a passphrase, change it, or remove it'));

  examples(common(passphrase.command('status').description('say whether the data is protected with a passphrase')), [
    'kith passphrase status',
    'KITH_PASSPHRASE="$(cat ~/.kith-pass)" kith passphrase status --json',
  ]).action((options: PassphraseOptions) => {
    const { db } = ctx.open(options);
    const status = encryptionStatus(db);
    ctx.print(options, status, () => (status.encrypted ? `Protected with a passphrase: ${status.cipher}; key from ${status.kdf}.\n` : 'Not protected with a passphrase.\n'));
  });

  examples(
    common(
      passphrase
        .command('set')
        .description(`protect the data (and every backup) with a passphrase. ${WARNING}`)
        .option('--new-passphrase-file <file>', 'the new passphrase, read from this file (or set $KITH_NEW_PASSPHRASE)'),
    ),
    ['kith passphrase set --new-passphrase-file ~/.kith-pass'],
  ).action((options: PassphraseOptions) => {
    const next = newPassphrase(ctx, options);
    const store = ctx.open(options);
    const result = setPassphrase(store, next);
    ctx.print(options, result, () => changed(result, `Your data is now protected with the passphrase. ${WARNING}`));
  });

  examples(
    common(
      passphrase
        .command('change')
        .description('change the passphrase (the current one from --passphrase-file or $KITH_PASSPHRASE)')
        .option('--new-passphrase-file <file>', 'the new passphrase, read from this file (or set $KITH_NEW_PASSPHRASE)'),
    ),
    ['kith passphrase change --passphrase-file ~/.kith-pass --new-passphrase-file ~/.kith-pass-new'],
  ).action((options: PassphraseOptions) => {
    const current = currentPassphrase(ctx, options);
    const next = newPassphrase(ctx, options);
    const store = ctx.open(options);
    const result = changePassphrase(store, current, next);
    ctx.print(options, result, () => changed(result, `The passphrase is changed. ${WARNING}`));
  });

  examples(
    common(passphrase.command('remove').description('remove the passphrase: the data and its backups are stored unprotected again')),
    ['kith passphrase remove --passphrase-file ~/.kith-pass'],
  ).action((options: PassphraseOptions) => {
    const current = currentPassphrase(ctx, options);
    const store = ctx.open(options);
    const result = removePassphrase(store, current);
    ctx.print(options, result, () => changed(result, 'The passphrase is removed: your data is no longer protected by it.'));
  });
}
