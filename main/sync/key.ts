// The sync key (issue 19): one passphrase, entered once on every device,
// becomes the key that encrypts and authenticates every change file.
//
// The first device to use a sync folder writes `kith-sync.json` there: the key
// derivation's parameters, a random salt, and a key id (an HMAC of a fixed
// label under the key, so it reveals nothing a ciphertext would not). Every
// other device derives the key from the passphrase and that salt, and the key
// id tells "wrong passphrase" apart from "damaged file" before any change file
// is read. The derived key (never the passphrase) is kept in kith.db, so the
// CLI can sync unattended; Kith warns when kith.db itself is not encrypted.
import crypto from 'node:crypto';
import { KDF } from '../db/crypto';

export const DESCRIPTOR_NAME = 'kith-sync.json';
const SCRYPT_MAXMEM = 256 * 1024 * 1024;
const KEY_ID_LABEL = 'kith sync key id v1';

export interface SyncDescriptor {
  kith: 'sync';
  format: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number };
  salt: string;
  keyId: string;
}

export interface SyncKey {
  key: Buffer;
  keyId: string;
}

export class SyncKeyError extends Error {
  override name = 'SyncKeyError';
}

export function keyIdOf(key: Buffer): string {
  return crypto.createHmac('sha256', key).update(KEY_ID_LABEL).digest('hex').slice(0, 16);
}

function derive(passphrase: string, salt: Buffer, kdf: SyncDescriptor['kdf']): Buffer {
  if (passphrase.length === 0) throw new SyncKeyError('The sync passphrase is empty.');
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT_MAXMEM });
}

/** A new sync key and the descriptor that lets other devices derive it (first device on a folder). */
export function createSyncKey(passphrase: string): { descriptor: SyncDescriptor; key: SyncKey } {
  const salt = crypto.randomBytes(16);
  const kdf = { name: 'scrypt' as const, N: KDF.N, r: KDF.r, p: KDF.p };
  const key = derive(passphrase, salt, kdf);
  const keyId = keyIdOf(key);
  return { descriptor: { kith: 'sync', format: 1, kdf, salt: salt.toString('hex'), keyId }, key: { key, keyId } };
}

/** Reads a folder's descriptor text; anything else is a clear error. */
export function parseDescriptor(text: string): SyncDescriptor {
  let x: Partial<SyncDescriptor> & { kdf?: Partial<SyncDescriptor['kdf']> };
  try {
    x = JSON.parse(text) as typeof x;
  } catch {
    throw new SyncKeyError(`${DESCRIPTOR_NAME} in the sync folder is not readable JSON (it may still be arriving: let your sync tool finish, then try again).`);
  }
  if (x?.kith !== 'sync') throw new SyncKeyError(`${DESCRIPTOR_NAME} in the sync folder was not written by Kith.`);
  if (x.format !== 1) throw new SyncKeyError(`${DESCRIPTOR_NAME} has format ${String(x.format)}, which this version of Kith does not know. Upgrade Kith on this device.`);
  const k = x.kdf;
  const okKdf = k?.name === 'scrypt' && [k.N, k.r, k.p].every((n) => Number.isSafeInteger(n) && (n as number) > 0) && (k.N as number) <= 2 ** 20 && (k.r as number) <= 32 && (k.p as number) <= 16;
  if (!okKdf || typeof x.salt !== 'string' || !/^[0-9a-f]{32}$/.test(x.salt) || typeof x.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(x.keyId)) {
    throw new SyncKeyError(`${DESCRIPTOR_NAME} in the sync folder is damaged.`);
  }
  return { kith: 'sync', format: 1, kdf: { name: 'scrypt', N: k!.N!, r: k!.r!, p: k!.p! }, salt: x.salt, keyId: x.keyId };
}

/** The key for a folder someone already set up; a wrong passphrase is said so, plainly. */
export function unlockSyncKey(descriptor: SyncDescriptor, passphrase: string): SyncKey {
  const key = derive(passphrase, Buffer.from(descriptor.salt, 'hex'), descriptor.kdf);
  const keyId = keyIdOf(key);
  const a = Buffer.from(keyId);
  const b = Buffer.from(descriptor.keyId);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) throw new SyncKeyError('That is not the passphrase this sync folder was set up with.');
  return { key, keyId };
}
