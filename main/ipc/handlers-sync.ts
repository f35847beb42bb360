// Handlers of the sync channels (issue 19, shared/sync.ts). The folder is
// chosen with the native dialog (main/electron supplies it) and kept here
// behind a token, as import:chooseFolder does; every pass runs here, in the
// main process, through main/sync/run.ts. A folder or passphrase problem is
// refused with the engine's own words, before anything local changes.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nowIso } from '../../shared/clock';
import { NewPassphrase } from '../../shared/encryption';
import { KithError } from '../../shared/errors';
import type { LastSyncPass, SyncConflictView, SyncDeviceSeen, SyncStatusView, SyncWaitingItem, syncContract } from '../../shared/sync';
import type { FolderChooser } from '../importers/chosenFolders';
import { forgetDevice, ForgetDeviceError } from '../sync/compact';
import { listConflicts, type SqlValue } from '../sync/engine';
import { checkSyncFolder, SyncFolderError } from '../sync/folder';
import { DESCRIPTOR_NAME, SyncKeyError } from '../sync/key';
import { setUpSync, syncNow, syncStatus } from '../sync/run';
import type { Db } from '../db/open';
import type { Handler } from './handlers';

type SyncChannel = keyof typeof syncContract;

export interface SyncHandlerContext {
  db: Db;
  dataDir: string;
  /** The OS folder dialog for sync:chooseFolder; only the Electron layer (and the e2e harness) has one. */
  chooseSyncFolder?: FolderChooser | undefined;
}

/** The engine's refusals, as errors that cross IPC: a wrong passphrase is named as such. */
function refusal(error: unknown): KithError | null {
  if (error instanceof SyncKeyError) {
    const wrong = /not the passphrase/i.test(error.message);
    return new KithError(wrong ? 'WRONG_PASSPHRASE' : 'INVALID_INPUT', `${error.message} Nothing was changed.`);
  }
  if (error instanceof SyncFolderError) return new KithError('INVALID_INPUT', `${error.message} Nothing was changed.`);
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function waitingKind(text: string, hint: unknown): SyncWaitingItem['kind'] {
  if (hint === 'newer-version' || hint === 'failed-file' || hint === 'waiting') return hint;
  // The engine's words for the same (main/sync/run.ts WaitingKind).
  if (hint === 'newer') return 'newer-version';
  if (hint === 'failed') return 'failed-file';
  if (hint === 'arriving') return 'waiting';
  if (/newer version/i.test(text)) return 'newer-version';
  if (/cannot be applied|another sync passphrase|cannot read|damaged/i.test(text)) return 'failed-file';
  return 'waiting';
}

/**
 * syncStatus() read field by field, so that a richer status from the engine
 * (device names, skewed clocks, waiting files) shows when it is there and the
 * first shape still fits.
 */
export function statusView(raw: unknown, extra: { conflicts: number; lastPass: LastSyncPass | null }): SyncStatusView {
  const s = rec(raw);
  const compaction = rec(s.compaction);
  const devicesRaw = new Map((Array.isArray(s.devices) ? s.devices : []).map((d) => [str(rec(d).device) ?? '?', rec(d)] as const));
  const heldBackBy = new Set((Array.isArray(compaction.heldBackBy) ? compaction.heldBackBy : []).map((d) => str(d)).filter((d): d is string => d !== null));
  const devices: SyncDeviceSeen[] = (Array.isArray(s.devices) ? s.devices : []).map((d): SyncDeviceSeen => {
    const r = rec(d);
    return {
      device: str(r.device) ?? '?',
      name: str(r.name),
      appliedFile: Math.max(0, Math.trunc(num(r.appliedFile) ?? 0)),
      appliedAt: str(r.appliedAt),
      lastChangeAt: str(r.lastChangeAt) ?? str(r.lastChangeMadeAt),
      waiting: str(r.waiting),
      clockAheadMs: num(r.clockAheadMs) ?? 0,
      forgotten: r.forgotten === true,
      holdsBack: heldBackBy.has(str(r.device) ?? ''),
    };
  });
  const skewed = new Map<string, number | null>();
  for (const d of devices) if ((d.clockAheadMs ?? 0) > 24 * 3_600_000) skewed.set(d.device, d.clockAheadMs ?? null);
  for (const item of Array.isArray(s.skewedDevices) ? s.skewedDevices : []) {
    const device = str(item) ?? str(rec(item).device);
    if (device) skewed.set(device, num(rec(item).clockAheadMs) ?? num(rec(item).aheadMs) ?? skewed.get(device) ?? null);
  }
  const waiting: SyncWaitingItem[] = [];
  const seen = new Set<string>();
  const addWaiting = (device: string | null, message: string | null, hint?: unknown): void => {
    if (!message || seen.has(`${device ?? ''}\u0000${message}`)) return;
    seen.add(`${device ?? ''}\u0000${message}`);
    waiting.push({ kind: waitingKind(message, hint), device, message });
  };
  for (const d of devices) addWaiting(d.device, d.waiting, devicesRaw.get(d.device)?.waitingKind);
  const attention = rec(s.attention);
  for (const list of [s.waiting, s.failedFiles, s.newerVersion, attention.failedFiles]) {
    for (const item of Array.isArray(list) ? list : []) {
      const r = rec(item);
      addWaiting(str(r.device), str(item) ?? str(r.message) ?? str(r.reason) ?? (str(r.file) ? `File ${str(r.file)}` : null), r.kind ?? (list === s.failedFiles || list === attention.failedFiles ? 'failed-file' : list === s.newerVersion ? 'newer-version' : undefined));
    }
  }
  const enabled = s.enabled === true;
  return {
    enabled,
    device: str(s.device),
    deviceName: str(s.name) ?? str(s.deviceName) ?? (enabled ? os.hostname() || null : null),
    folder: str(s.folder),
    devices,
    skewedDevices: [...skewed].map(([device, clockAheadMs]) => ({ device, clockAheadMs })),
    waiting,
    conflicts: extra.conflicts,
    lastPass: extra.lastPass,
  };
}

const FIELD_WORDS: Record<string, Record<string, string>> = {
  interactions: { title: "the entry's title", body: "the entry's text" },
  people: { notes: 'the notes', how_we_met: 'how you met' },
  organizations: { notes: 'the notes' },
};

function valueText(v: SqlValue): string {
  if (v === null) return '';
  if (Buffer.isBuffer(v)) return `(${v.length} bytes)`;
  return String(v);
}

/** Each text kept in two versions, with what it belongs to, to link to. */
export function conflictViews(db: Db): SyncConflictView[] {
  return listConflicts(db).map((c): SyncConflictView => {
    const field = FIELD_WORDS[c.table]?.[c.column] ?? c.column;
    const otherValue = valueText(c.otherValue);
    if (c.table === 'interactions') {
      const row = c.localId === null ? undefined : (db.prepare('SELECT title, occurred_date FROM interactions WHERE id = ?').get(c.localId) as { title: string; occurred_date: string } | undefined);
      const label = row ? `${row.title.trim() || 'Untitled entry'} (${row.occurred_date})` : 'A journal entry not on this device';
      return { kind: 'entry', id: row ? c.localId : null, label, field, otherValue };
    }
    if (c.table === 'people') {
      const row = c.localId === null ? undefined : (db.prepare('SELECT display_name FROM people WHERE id = ?').get(c.localId) as { display_name: string } | undefined);
      return { kind: 'person', id: row ? c.localId : null, label: row?.display_name ?? 'A person not on this device', field, otherValue };
    }
    if (c.table === 'organizations') {
      const row = c.localId === null ? undefined : (db.prepare('SELECT name FROM organizations WHERE id = ?').get(c.localId) as { name: string } | undefined);
      return { kind: 'organization', id: row ? c.localId : null, label: row?.name ?? 'An organization not on this device', field, otherValue };
    }
    return { kind: 'other', id: null, label: c.table, field, otherValue };
  });
}

export function createSyncHandlers({ db, dataDir, chooseSyncFolder }: SyncHandlerContext): { [C in SyncChannel]: Handler<C> } {
  const chosen = new Map<string, string>();
  let lastPass: LastSyncPass | null = null;

  /** One pass; a folder that is gone or read-only is the pass's answer, in words, and nothing local changes. */
  const runPass = (): LastSyncPass => {
    const at = nowIso();
    try {
      const p = syncNow(db, dataDir);
      lastPass = {
        at,
        pass: { device: p.device, written: p.written, applied: p.applied, operations: p.operations, waiting: p.waiting, ignored: p.ignored, newDeviceId: p.newDeviceId },
        error: null,
      };
    } catch (error) {
      const refused = refusal(error);
      if (!refused) throw error;
      lastPass = { at, pass: null, error: refused.message };
    }
    return lastPass;
  };

  return {
    'sync:status': () => statusView(syncStatus(db), { conflicts: listConflicts(db).length, lastPass }),
    'sync:chooseFolder': async () => {
      if (!chooseSyncFolder) throw new KithError('INVALID_INPUT', 'Choosing a sync folder needs the Kith app window (or use `kith sync --folder DIR`).');
      const dir = await chooseSyncFolder();
      if (!dir) return null;
      let real: string;
      try {
        real = checkSyncFolder(dir, dataDir);
      } catch (error) {
        throw refusal(error) ?? error;
      }
      const token = randomUUID();
      chosen.set(token, real);
      return { token, folder: real, existing: fs.existsSync(path.join(real, DESCRIPTOR_NAME)) };
    },
    'sync:setUp': ({ token, passphrase, confirmPassphrase }) => {
      const folder = chosen.get(token);
      if (!folder) throw new KithError('INVALID_INPUT', 'That folder is no longer chosen. Choose the sync folder again.');
      if (!fs.existsSync(path.join(folder, DESCRIPTOR_NAME))) {
        // The first device sets the passphrase every other device will be asked for: typed twice, and long enough.
        const fresh = NewPassphrase.safeParse(passphrase);
        if (!fresh.success) throw new KithError('INVALID_INPUT', fresh.error.issues[0]?.message ?? 'Choose a longer sync passphrase.');
        if (confirmPassphrase !== passphrase) throw new KithError('INVALID_INPUT', 'The two sync passphrases are not the same. Nothing was changed.');
      }
      let result: { device: string; created: boolean };
      try {
        result = setUpSync(db, dataDir, folder, passphrase);
      } catch (error) {
        throw refusal(error) ?? error;
      }
      chosen.delete(token);
      return { ...result, last: runPass() };
    },
    'sync:now': () => runPass(),
    'sync:conflicts': () => conflictViews(db),
    'sync:forgetDevice': ({ device }) => {
      try {
        return forgetDevice(db, device);
      } catch (error) {
        if (error instanceof ForgetDeviceError) throw new KithError('INVALID_INPUT', `${error.message} Nothing was changed.`);
        throw error;
      }
    },
  };
}
