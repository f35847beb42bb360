// `kith sync` (issue 19): sync this data folder with the user's other
// computers through a folder their own sync tool moves. Unattended once set
// up: the key derived from the sync passphrase is kept in kith.db, so a
// scheduled `kith sync` needs no passphrase.
import path from 'node:path';
import type { Command } from 'commander';
import { encryptionStatus } from '../services/encryption';
import { forgetDevice, ForgetDeviceError } from '../sync/compact';
import { syncEnabled } from '../sync/engine';
import { SyncKeyError } from '../sync/key';
import { SyncFolderError } from '../sync/folder';
import { setUpSync, syncNow, syncStatus, type SyncPass, type SyncStatus } from '../sync/run';
import { type CliContext, type CommonOptions, readPassphraseFile } from './context';
import { CliError, EXIT } from './errors';
import { common, examples, helpHint } from './options';

interface SyncOptions extends CommonOptions {
  folder?: string;
  syncPassphraseFile?: string;
}

const SET_UP = 'kith sync --folder DIR --sync-passphrase-file FILE';

function passText(p: SyncPass): string {
  const lines = [
    `Device ${p.device}${p.newDeviceId ? ' (a new id)' : ''}: wrote ${p.written} change file(s), applied ${p.applied} (${p.operations} operations).`,
  ];
  if (p.newDeviceReason) lines.push(p.newDeviceReason);
  for (const w of p.waiting) lines.push(`Waiting for ${w.device}: ${w.reason}`);
  if (p.snapshotsApplied) lines.push(`Started from ${p.snapshotsApplied} snapshot(s) instead of replaying older change files.`);
  if (p.snapshotWritten) lines.push('Wrote a snapshot of the synced state.');
  if (p.removed) lines.push(`Removed ${p.removed} old change file(s) of this device that every device has applied.`);
  if (p.ignored.length) lines.push(`Ignored ${p.ignored.length} conflict cop${p.ignored.length === 1 ? 'y' : 'ies'} made by the sync tool: ${p.ignored.join(', ')}`);
  return lines.join('\n') + '\n';
}

function statusText(s: SyncStatus): string {
  if (!s.enabled) return `Sync is not set up. Set it up with: ${SET_UP}\n`;
  const lines = [`This device: ${s.device}`, `Sync folder: ${s.folder}`];
  if (s.devices.length === 0) lines.push('No other device seen yet.');
  for (const d of s.devices) {
    const ahead = d.clockAheadMs > 0 ? `; its clock was ${Math.round(d.clockAheadMs / 3_600_000)} h too far ahead` : '';
    const forgotten = d.forgotten ? `; forgotten${d.forgottenBy && d.forgottenBy !== s.device ? ` (by ${d.forgottenBy})` : ''}` : '';
    lines.push(`  ${d.device}: applied up to file ${d.appliedFile}${d.appliedAt ? ` (${d.appliedAt})` : ''}${ahead}${forgotten}${d.waiting ? `; waiting: ${d.waiting}` : ''}`);
  }
  const c = s.compaction;
  lines.push(
    `Change files written here: ${c.writtenFile}; newest snapshot covers ${c.snapshotFile}${c.snapshotAt ? ` (${c.snapshotAt})` : ''}.` +
      (c.heldBackBy.length ? ` Old files are kept until ${c.heldBackBy.join(', ')} ${c.heldBackBy.length === 1 ? 'has' : 'have'} applied them (forget a device that will not come back: kith sync forget-device DEVICE).` : ''),
  );
  if (s.attention.conflicts) lines.push(`${s.attention.conflicts} text conflict(s) to resolve (both versions are kept).`);
  return lines.join('\n') + '\n';
}

function explain(error: unknown): never {
  if (error instanceof SyncFolderError || error instanceof SyncKeyError || error instanceof ForgetDeviceError) throw new CliError(EXIT.refused, `${error.message} Nothing was changed.`);
  throw error;
}

export function addSyncCommands(program: Command, ctx: CliContext): void {
  const sync = helpHint(
    examples(
      common(
        program
          .command('sync')
          .description('sync with your other computers through a folder your sync tool moves (Syncthing, a cloud drive, a USB stick)')
          .option('--folder <dir>', 'set up (or change) the sync folder first')
          .option('--sync-passphrase-file <file>', 'the sync passphrase, read from this file (or set $KITH_SYNC_PASSPHRASE); the same on every computer'),
      ),
      ['kith sync --folder ~/Sync/kith --sync-passphrase-file ~/.kith-sync-pass', 'kith sync', 'kith sync status --json'],
    ),
  );
  sync.action((options: SyncOptions) => {
    const store = ctx.open(options);
    try {
      if (options.folder !== undefined) {
        if (!options.folder.trim()) throw new CliError(EXIT.usage, '--folder cannot be empty.');
        const env = (ctx.io.env ?? process.env).KITH_SYNC_PASSPHRASE;
        const passphrase = options.syncPassphraseFile ? readPassphraseFile(options.syncPassphraseFile, '--sync-passphrase-file') : env;
        if (!passphrase) throw new CliError(EXIT.usage, 'Give the sync passphrase with --sync-passphrase-file FILE or the KITH_SYNC_PASSPHRASE environment variable.');
        // Relative to the current folder, like --data-dir (review 32).
        setUpSync(store.db, store.dataDir, path.resolve(options.folder), passphrase);
      }
      // Review 32: say how to set it up, and warn about a key only once there is one.
      if (!syncEnabled(store.db)) throw new CliError(EXIT.refused, `Sync is not set up on this data folder. Set it up with: ${SET_UP}. Nothing was changed.`);
      if (!encryptionStatus(store.db).encrypted) {
        ctx.io.stderr.write(
          'kith: warning: this data folder is not protected with a passphrase, and it now holds the sync key. Protect it with "kith passphrase set".\n',
        );
      }
      const pass = syncNow(store.db, store.dataDir);
      ctx.print(options, pass, () => passText(pass));
    } catch (error) {
      explain(error);
    }
  });

  examples(common(sync.command('status').description('the sync folder, the devices seen, and anything waiting')), ['kith sync status', 'kith sync status --json']).action(
    (_options: CommonOptions, command: Command) => {
      // `kith sync` takes the same options, and commander gives them to it:
      // read them merged, so `kith sync status --json` is JSON.
      const options = command.optsWithGlobals<CommonOptions>();
      const store = ctx.open(options);
      const status = syncStatus(store.db);
      ctx.print(options, status, () => statusText(status));
    },
  );

  examples(
    common(
      sync
        .command('forget-device')
        .argument('<device>', 'the device id, as `kith sync status` lists it')
        .description('forget a device that will never come back: it no longer holds back the removal of old change files (its own files stay and are still applied)'),
    ),
    ['kith sync forget-device QqEUENLooOm8'],
  ).action((device: string, _options: CommonOptions, command: Command) => {
    const options = command.optsWithGlobals<CommonOptions>();
    const store = ctx.open(options);
    try {
      const result = forgetDevice(store.db, device);
      ctx.print(options, result, () =>
        result.alreadyForgotten ? `${device} was already forgotten.\n` : `Forgot ${device}. Other devices stop waiting for it after this computer's next sync.\n`,
      );
    } catch (error) {
      explain(error);
    }
  });
}
