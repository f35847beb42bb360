// The shared sync folder (issue 19): where it may be, how it is laid out, and
// how files are put there so that a sync tool never moves half a file.
//
//   <folder>/kith-sync.json                      the key descriptor (key.ts)
//   <folder>/devices/<device id>/NNNNNNNNNNNN.kchg   change files, seq from 1
//   <folder>/devices/<device id>/snapshot-NNNNNNNNNNNN.ksnap   the full state (compact.ts)
//   <folder>/devices/<device id>/state-NNNNNNNNNNNN.kstate     what it has applied (compact.ts)
//
// Each device writes only its own subfolder, and every file there is written
// once and never changed: it is written under a temporary name, flushed, and
// then given its final name (link, so an existing file is never replaced; a
// rename where the file system has no links). Readers take only names of that
// exact shape, so a sync tool's conflict copies (Syncthing's
// `.sync-conflict-…`, Dropbox's "conflicted copy", OneDrive's `-PCNAME`,
// iCloud's ` 2`, Drive's `(1)`) and temporary files are never read; they are
// counted, so Settings can say they are there.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEVICE_ID_PATTERN } from '../../shared/hlc';

export const DEVICES_DIR = 'devices';
const CHANGES = /^(\d{12})\.kchg$/;
const SNAPSHOT = /^snapshot-(\d{12})\.ksnap$/;
const STATE = /^state-(\d{12})\.kstate$/;
/** Temporary files of writeImmutableFile: `.<final name>.<random>.tmp`. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

export class SyncFolderError extends Error {
  override name = 'SyncFolderError';
}

export type SyncFileName = { kind: 'changes' | 'snapshot' | 'state'; seq: number };

export function changeFileName(seq: number): string {
  return `${String(seq).padStart(12, '0')}.kchg`;
}

export function snapshotFileName(seq: number): string {
  return `snapshot-${String(seq).padStart(12, '0')}.ksnap`;
}

export function stateFileName(seq: number): string {
  return `state-${String(seq).padStart(12, '0')}.kstate`;
}

/** What a file in a device folder is, or null for anything Kith did not write under that name. */
export function parseSyncFileName(name: string): SyncFileName | null {
  const c = CHANGES.exec(name);
  if (c) return { kind: 'changes', seq: Number(c[1]) };
  const s = SNAPSHOT.exec(name);
  if (s) return { kind: 'snapshot', seq: Number(s[1]) };
  const st = STATE.exec(name);
  if (st) return { kind: 'state', seq: Number(st[1]) };
  return null;
}

/** Whether a name looks like a sync tool's conflict copy of a Kith file (counted and shown, never read). */
export function isConflictCopy(name: string): boolean {
  // Whatever the tool's pattern, a copy keeps the extension (or the original
  // name with the extension inside it) but not the exact name.
  return !name.startsWith('.') && parseSyncFileName(name) === null && /\.k(chg|snap|state)/i.test(name);
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function real(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Checks that `folder` can be the sync folder of the data folder `dataDir`:
 * absolute, an existing directory, writable, and neither inside Kith's data
 * folder nor containing it. Throws SyncFolderError saying which.
 */
export function checkSyncFolder(folder: string, dataDir: string): string {
  if (!path.isAbsolute(folder)) throw new SyncFolderError(`The sync folder must be a full path, not "${folder}".`);
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw new SyncFolderError(`The sync folder ${folder} does not exist (or is not reachable: is the drive connected?).`);
  }
  if (!st.isDirectory()) throw new SyncFolderError(`${folder} is a file, not a folder.`);
  const f = real(folder);
  const d = real(dataDir);
  if (isInside(f, d)) throw new SyncFolderError(`The sync folder cannot be inside Kith's own data folder (${dataDir}): pick a folder your sync tool moves, outside it.`);
  if (isInside(d, f)) throw new SyncFolderError(`The sync folder cannot contain Kith's data folder (${dataDir}): the live database must never be in a synced folder.`);
  const probe = path.join(folder, `.kith-write-test-${crypto.randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(probe, '');
    fs.unlinkSync(probe);
  } catch {
    throw new SyncFolderError(`Kith cannot write to the sync folder ${folder} (it is read-only, or its permissions do not allow it).`);
  }
  return f;
}

export function deviceDir(folder: string, device: string): string {
  if (!DEVICE_ID_PATTERN.test(device)) throw new SyncFolderError(`Not a device id: ${JSON.stringify(device.slice(0, 80))}.`);
  return path.join(folder, DEVICES_DIR, device);
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems (network drives) refuse fsync on a directory; the file itself was flushed.
  }
}

/**
 * Makes `dir` and, if need be, its parent (`devices/`), never more: when the
 * sync folder itself is gone (a drive unplugged mid-pass), a recursive mkdir
 * would quietly make a new, unsynced one in its place. Throws ENOENT then.
 */
function makeDeviceDir(dir: string): void {
  const make = (d: string) => {
    try {
      fs.mkdirSync(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  };
  try {
    make(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    make(path.dirname(dir));
    make(dir);
  }
}

/**
 * Writes `bytes` as `dir/name` so that the name appears only once the whole
 * file is on disk, and never replaces an existing file (those are immutable:
 * a clash means two devices claim one id, and is an error).
 */
export function writeImmutableFile(dir: string, name: string, bytes: Buffer, probe?: (step: 'temporary-file-written') => void): void {
  makeDeviceDir(dir);
  const final = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    // The kill tests stop the process here: the bytes are written, the name is not there yet.
    probe?.('temporary-file-written');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    try {
      fs.linkSync(tmp, final);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new SyncFolderError(`${name} already exists in ${dir}: another device is writing under this device's id.`);
      // No hard links here (FAT on a USB stick, some network drives): check, then rename.
      if (fs.existsSync(final)) throw new SyncFolderError(`${name} already exists in ${dir}: another device is writing under this device's id.`);
      fs.renameSync(tmp, final);
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(dir);
}

export interface DeviceFiles {
  device: string;
  changes: number[];
  snapshots: number[];
  states: number[];
  /** Conflict copies and other files Kith will not read, by name. */
  ignored: string[];
}

/** Every device folder and the Kith files in it, in sequence order. Missing folder = a clear error. */
export function listDevices(folder: string): DeviceFiles[] {
  const root = path.join(folder, DEVICES_DIR);
  if (!fs.existsSync(folder)) throw new SyncFolderError(`The sync folder ${folder} is gone (or not reachable: is the drive connected?).`);
  if (!fs.existsSync(root)) return [];
  const out: DeviceFiles[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !DEVICE_ID_PATTERN.test(entry.name)) continue;
    const files: DeviceFiles = { device: entry.name, changes: [], snapshots: [], states: [], ignored: [] };
    for (const name of fs.readdirSync(path.join(root, entry.name))) {
      const parsed = parseSyncFileName(name);
      if (parsed?.kind === 'changes') files.changes.push(parsed.seq);
      else if (parsed?.kind === 'snapshot') files.snapshots.push(parsed.seq);
      else if (parsed?.kind === 'state') files.states.push(parsed.seq);
      else if (!name.startsWith('.') && name !== 'device.json') files.ignored.push(name);
    }
    files.changes.sort((a, b) => a - b);
    files.snapshots.sort((a, b) => a - b);
    files.states.sort((a, b) => a - b);
    files.ignored.sort();
    out.push(files);
  }
  return out.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
}
