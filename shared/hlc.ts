// Hybrid logical clocks for sync (issue 19).
//
// Every synced write becomes field-level operations stamped with a hybrid
// logical clock (HLC: Kulkarni et al., "Logical Physical Clocks", 2014) and the
// writing device's id. For the same field the later stamp wins, so stamps must
// be totally ordered, agree with causality (a write made after seeing another
// sorts after it, whatever the two wall clocks say), and stay close to real
// time (so "later" means what a person expects when clocks are right).
//
// A stamp is (wall milliseconds, counter, device id). Its text form is fixed
// width, so stamps sort as strings in SQLite and in files exactly as they do
// here: 12 hex digits of milliseconds (good to the year 10889), 4 hex digits
// of counter, then the device id.
//
// One wrong clock must not drag everyone else's into the future: a stamp
// received from more than MAX_AHEAD_MS ahead of this device's wall clock does
// not move this device's clock past wall + MAX_AHEAD_MS, and the receive
// reports it, so Settings can name the device whose clock is wrong.
//
// Pure: the wall clock is passed in (from shared/clock.ts in the app), so the
// property tests can drive any skew.

export interface Hlc {
  /** Wall-clock milliseconds since the epoch (the physical part). */
  readonly ms: number;
  /** Logical counter within one millisecond. */
  readonly counter: number;
  /** The device that made the stamp. */
  readonly device: string;
}

export const MAX_COUNTER = 0xffff;
/** How far ahead of the receiver's wall clock a remote stamp may pull it: 24 hours (issue 19). */
export const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
const MAX_MS = 0xffffffffffff;

/** A device id: 1–64 characters of [A-Za-z0-9_-], so it is safe in a file name and in the stamp's text. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class HlcError extends Error {
  override name = 'HlcError';
}

function checkDevice(device: string): void {
  if (!DEVICE_ID_PATTERN.test(device)) throw new HlcError(`Not a device id: ${JSON.stringify(device.slice(0, 80))}.`);
}

function checkMs(ms: number, what: string): void {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_MS) throw new HlcError(`${what} is not a usable clock reading: ${ms}.`);
}

/** The clock's starting point on a device that has stamped nothing yet. */
export function hlcZero(device: string): Hlc {
  checkDevice(device);
  return { ms: 0, counter: 0, device };
}

/**
 * The stamp for a local event (a write) at wall time `wallMs`, after `last`
 * (this device's previous stamp or the latest it has received). Returns the new
 * stamp, which is also the clock's new state.
 */
export function hlcTick(last: Hlc, wallMs: number): Hlc {
  checkMs(wallMs, 'The wall clock');
  if (wallMs > last.ms) return { ms: wallMs, counter: 0, device: last.device };
  // The wall clock did not move past the last stamp (same millisecond, or the
  // clock was set back): stay on the last stamp's time and count.
  if (last.counter < MAX_COUNTER) return { ms: last.ms, counter: last.counter + 1, device: last.device };
  // 65,536 stamps in one millisecond: borrow the next millisecond rather than fail a write.
  checkMs(last.ms + 1, 'The clock');
  return { ms: last.ms + 1, counter: 0, device: last.device };
}

export interface HlcReceive {
  /** This device's clock after seeing the remote stamp. */
  clock: Hlc;
  /** How far the remote stamp was ahead of this device's wall clock beyond the limit, in ms (0 when it was not). */
  clampedByMs: number;
}

/**
 * Merge a stamp received from another device into this device's clock `local`,
 * at this device's wall time `wallMs`. A remote stamp more than `maxAheadMs`
 * ahead of `wallMs` only pulls the clock to `wallMs + maxAheadMs`.
 */
export function hlcReceive(local: Hlc, remote: Hlc, wallMs: number, maxAheadMs: number = MAX_AHEAD_MS): HlcReceive {
  checkMs(wallMs, 'The wall clock');
  checkMs(remote.ms, 'The received stamp');
  const limit = Math.min(MAX_MS, wallMs + maxAheadMs);
  const clampedByMs = remote.ms > limit ? remote.ms - limit : 0;
  const remoteMs = Math.min(remote.ms, limit);
  const remoteCounter = clampedByMs > 0 ? MAX_COUNTER : remote.counter;
  const ms = Math.max(local.ms, remoteMs, wallMs);
  let counter: number;
  if (ms === local.ms && ms === remoteMs) counter = Math.max(local.counter, remoteCounter) + 1;
  else if (ms === local.ms) counter = local.counter + 1;
  else if (ms === remoteMs) counter = remoteCounter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) {
    checkMs(ms + 1, 'The clock');
    return { clock: { ms: ms + 1, counter: 0, device: local.device }, clampedByMs };
  }
  return { clock: { ms, counter, device: local.device }, clampedByMs };
}

/** Total order: time, then counter, then device id (so two devices never tie). */
export function hlcCompare(a: Hlc, b: Hlc): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/** The fixed-width text form; text order equals `hlcCompare` order. */
export function hlcToString(h: Hlc): string {
  checkMs(h.ms, 'The stamp');
  if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > MAX_COUNTER) throw new HlcError(`Not a stamp counter: ${h.counter}.`);
  checkDevice(h.device);
  return `${h.ms.toString(16).padStart(12, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

const STAMP = /^([0-9a-f]{12})-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;

/** Reads a stamp's text form; anything else is a clear error. */
export function hlcParse(text: string): Hlc {
  const m = STAMP.exec(text);
  if (!m) throw new HlcError(`Not a sync clock stamp: ${JSON.stringify(text.slice(0, 100))}.`);
  return { ms: parseInt(m[1]!, 16), counter: parseInt(m[2]!, 16), device: m[3]! };
}
