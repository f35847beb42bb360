// Sync change files, the sync key and the shared folder (issue 19): what a
// device leaves for the others, and everything that can go wrong with it on
// the way (a truncated copy, a damaged byte, a wrong passphrase, a conflict
// copy, a folder that is gone or read-only or inside Kith's data folder).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeFileError, readChangeFile, readChangeFileHeader, writeChangeFile, type ChangeFileHeader } from '../../main/sync/changeFile';
import {
  changeFileName,
  checkSyncFolder,
  deviceDir,
  isConflictCopy,
  listDevices,
  parseSyncFileName,
  snapshotFileName,
  stateFileName,
  SyncFolderError,
  writeImmutableFile,
} from '../../main/sync/folder';
import { createSyncKey, parseDescriptor, SyncKeyError, unlockSyncKey } from '../../main/sync/key';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-sync-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) {
    fs.chmodSync(d, 0o700);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

const key = crypto.randomBytes(32);
const header: ChangeFileHeader = { device: 'laptop-1', seq: 7, schema: 70, kind: 'changes', keyId: '0123456789abcdef' };
const payload = { ops: [{ t: 'people', id: 'p1', f: 'display_name', v: 'Søren Ølgaard 王小明', h: '0192a3b4c5d6-0000-laptop-1' }] };

describe('change files', () => {
  it('round-trip a payload and show their header without the key', () => {
    const bytes = writeChangeFile(key, header, payload);
    expect(readChangeFileHeader(bytes).header).toEqual(header);
    expect(readChangeFile(key, bytes)).toEqual({ header, payload });
    // The body is encrypted: no field value is readable in the file.
    expect(bytes.includes(Buffer.from('Søren'))).toBe(false);
  });

  it('a file cut anywhere is "not yet complete, try again", never a partial read (seeded)', () => {
    const bytes = writeChangeFile(key, header, { ops: Array.from({ length: 50 }, (_, i) => ({ i, note: 'x'.repeat(i) })) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        let error: unknown;
        try {
          readChangeFile(key, bytes.subarray(0, cut));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ChangeFileError);
        // Only a cut inside the signature or header can be told apart from "still arriving" as "not ours".
        if (cut >= 11) expect((error as ChangeFileError).retry).toBe(true);
      }),
      { seed: 1910, numRuns: 300 },
    );
  });

  it('any changed byte fails authentication, the header included (seeded)', () => {
    const bytes = writeChangeFile(key, header, payload);
    const { bodyAt } = readChangeFileHeader(bytes);
    fc.assert(
      fc.property(fc.integer({ min: bodyAt, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = Buffer.from(bytes);
        bad[at] = bad[at]! ^ flip;
        expect(() => readChangeFile(key, bad)).toThrow(/does not authenticate/);
      }),
      { seed: 1911, numRuns: 200 },
    );
    // A header edited to claim another sequence number does not authenticate either.
    const text = bytes.toString('latin1').replace('"seq":7', '"seq":8');
    expect(() => readChangeFile(key, Buffer.from(text, 'latin1'))).toThrow(/does not authenticate/);
  });

  it('names a snapshot or a state file as such when it does not authenticate (review 32: a cut snapshot read "Change file 1")', () => {
    for (const [kind, name] of [['snapshot', 'Snapshot'], ['state', 'State file'], ['changes', 'Change file']] as const) {
      const bytes = writeChangeFile(key, { ...header, kind }, payload);
      expect(() => readChangeFile(key, bytes.subarray(0, bytes.length - 1))).toThrow(new RegExp(`^${name} ${header.seq} from ${header.device} does not authenticate`));
    }
  });

  it('the wrong key reads as "does not authenticate", not as data', () => {
    const bytes = writeChangeFile(key, header, payload);
    expect(() => readChangeFile(crypto.randomBytes(32), bytes)).toThrow(ChangeFileError);
  });

  it('refuses what is not a Kith change file, clearly and for good', () => {
    for (const bad of [Buffer.from('hello world, this is not it'), Buffer.from('KITHSYNC 1\n{"device":"a b"}\n'), Buffer.from('KITHSYNC 1\nnot json\n')]) {
      let error: ChangeFileError | undefined;
      try {
        readChangeFile(key, bad);
      } catch (e) {
        error = e as ChangeFileError;
      }
      expect(error).toBeInstanceOf(ChangeFileError);
      expect(error!.retry).toBe(false);
    }
    expect(() => writeChangeFile(key, { ...header, device: '../evil' }, payload)).toThrow(/header/);
  });
});

describe('the sync key', () => {
  it('derives the same key on another device from the folder descriptor, and names a wrong passphrase', () => {
    const { descriptor, key: first } = createSyncKey('correct horse battery staple');
    const descriptorText = JSON.stringify(descriptor);
    const second = unlockSyncKey(parseDescriptor(descriptorText), 'correct horse battery staple');
    expect(second.key.equals(first.key)).toBe(true);
    expect(() => unlockSyncKey(descriptor, 'correct horse battery stapler')).toThrow(/not the passphrase this sync folder was set up with/);
    expect(() => createSyncKey('')).toThrow(SyncKeyError);
  });

  it('refuses a damaged or foreign descriptor', () => {
    expect(() => parseDescriptor('{')).toThrow(/not readable JSON/);
    expect(() => parseDescriptor('{"kith":"other"}')).toThrow(/not written by Kith/);
    expect(() => parseDescriptor('{"kith":"sync","format":2}')).toThrow(/Upgrade Kith/);
    expect(() => parseDescriptor('{"kith":"sync","format":1,"kdf":{"name":"scrypt","N":1073741824,"r":8,"p":1},"salt":"00","keyId":"x"}')).toThrow(/damaged/);
  });
});

describe('the sync folder', () => {
  it('names files so that only Kith names are read, and conflict copies are recognised', () => {
    expect(parseSyncFileName(changeFileName(42))).toEqual({ kind: 'changes', seq: 42 });
    expect(parseSyncFileName(snapshotFileName(9))).toEqual({ kind: 'snapshot', seq: 9 });
    expect(parseSyncFileName(stateFileName(3))).toEqual({ kind: 'state', seq: 3 });
    const copies = [
      '000000000042.sync-conflict-20270131-120000-ABCDEFG.kchg', // Syncthing
      "000000000042 (Ana's conflicted copy 2027-01-31).kchg", // Dropbox
      '000000000042 (conflicted copy 2027-01-31 120000).kchg', // Nextcloud
      '000000000042-DESKTOP-7Q2.kchg', // OneDrive
      '000000000042 2.kchg', // iCloud Drive
      '000000000042(1).kchg', // Google Drive
      'snapshot-000000000009 (1).ksnap',
      'state-000000000003.sync-conflict-20270131-120000-ABCDEFG.kstate',
    ];
    for (const name of copies) {
      expect(parseSyncFileName(name), name).toBeNull();
      expect(isConflictCopy(name), name).toBe(true);
    }
    expect(isConflictCopy('.000000000042.kchg.abcdef.tmp')).toBe(false);
    expect(isConflictCopy('notes.txt')).toBe(false);
  });

  it('writes files whole under their final name, never replaces one, and lists devices in order', () => {
    const folder = tempDir();
    const dir = deviceDir(folder, 'desk');
    writeImmutableFile(dir, changeFileName(2), Buffer.from('two'));
    writeImmutableFile(dir, changeFileName(1), Buffer.from('one'));
    writeImmutableFile(dir, snapshotFileName(1), Buffer.from('snap'));
    writeImmutableFile(dir, stateFileName(3), Buffer.from('state'));
    fs.writeFileSync(path.join(dir, '000000000001.sync-conflict-20270131-120000-ABCDEFG.kchg'), 'copy');
    expect(() => writeImmutableFile(dir, changeFileName(1), Buffer.from('other'))).toThrow(/another device is writing under this device's id/);
    expect(fs.readFileSync(path.join(dir, changeFileName(1)), 'utf8')).toBe('one');
    writeImmutableFile(deviceDir(folder, 'a-laptop'), changeFileName(1), Buffer.from('x'));
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(listDevices(folder)).toEqual([
      { device: 'a-laptop', changes: [1], snapshots: [], states: [], ignored: [] },
      { device: 'desk', changes: [1, 2], snapshots: [1], states: [3], ignored: ['000000000001.sync-conflict-20270131-120000-ABCDEFG.kchg'] },
    ]);
    expect(() => deviceDir(folder, '../up')).toThrow(/Not a device id/);
  });

  it('refuses a folder that is missing, a file, read-only, inside the data folder or around it', () => {
    const root = tempDir();
    const data = path.join(root, 'data');
    fs.mkdirSync(path.join(data, 'inner'), { recursive: true });
    const sync = path.join(root, 'Sync');
    fs.mkdirSync(sync);
    expect(checkSyncFolder(sync, data)).toBe(fs.realpathSync.native(sync));
    expect(() => checkSyncFolder('relative/dir', data)).toThrow(/full path/);
    expect(() => checkSyncFolder(path.join(root, 'nope'), data)).toThrow(/does not exist/);
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(() => checkSyncFolder(path.join(root, 'file'), data)).toThrow(/is a file/);
    expect(() => checkSyncFolder(path.join(data, 'inner'), data)).toThrow(/inside Kith's own data folder/);
    expect(() => checkSyncFolder(root, data)).toThrow(/cannot contain Kith's data folder/);
    // Root ignores permission bits, so CI (root) proves "read-only" on /proc,
    // which refuses new files to everyone; other users see it on a 0500 folder too.
    if (process.platform === 'linux') expect(() => checkSyncFolder('/proc', data)).toThrow(/cannot write to the sync folder/);
    if (process.getuid?.() !== 0) {
      fs.chmodSync(sync, 0o500);
      expect(() => checkSyncFolder(sync, data)).toThrow(/cannot write to the sync folder/);
      fs.chmodSync(sync, 0o700);
    }
    expect(() => listDevices(path.join(root, 'gone'))).toThrow(SyncFolderError);
  });
});
