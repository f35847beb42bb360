// Encryption at rest (issue 7): how a passphrase becomes the key SQLite uses.
//
// The database is encrypted by SQLite3 Multiple Ciphers (the SQLite inside
// better-sqlite3-multiple-ciphers) with its default cipher, ChaCha20-Poly1305:
// every page is encrypted with a fresh nonce and carries an authentication
// tag, so a wrong key or a tampered page is detected, never read as garbage.
//
// The key is derived here, not by SQLite3MC's built-in PBKDF2: scrypt from
// node:crypto (memory-hard, N = 2^17, r = 8, p = 1: 128 MiB and ~0.5 s per
// derivation on a laptop core), with a 16-byte random salt per file. The salt
// is the one SQLite3MC keeps in the first 16 bytes of the file (it is handed
// over together with the key as `raw:<key><salt>`), so every file carries its
// own salt: the data file, its WAL, and every backup (VACUUM INTO copies the
// cipher, key and salt) open with the passphrase alone. There is no key file
// beside the database to lose or to keep in step during a crash, and the
// passphrase is never stored anywhere: only the derived key is kept in memory
// while a connection is open.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Db } from './open';

/** The key derivation, version 1. Changing it needs code that still opens files made with these numbers. */
export const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, keyBytes: 32, saltBytes: 16 } as const;
export const CIPHER = 'chacha20';
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

/** What a connection was opened with, kept in memory only. */
export interface ConnectionKey {
  salt: Buffer;
  /** The value for PRAGMA key / rekey: `raw:` + hex key + hex salt (no KDF inside SQLite). */
  pragma: string;
  /** The passphrase, for files with another salt (an old backup); never written anywhere. */
  passphrase: string;
}

export function deriveKey(passphrase: string, salt: Buffer): ConnectionKey {
  if (salt.length !== KDF.saltBytes) throw new Error(`A Kith key salt is ${KDF.saltBytes} bytes, not ${salt.length}.`);
  const key = crypto.scryptSync(passphrase.normalize('NFC'), salt, KDF.keyBytes, { N: KDF.N, r: KDF.r, p: KDF.p, maxmem: SCRYPT_MAXMEM });
  return { salt: Buffer.from(salt), pragma: `raw:${key.toString('hex')}${salt.toString('hex')}`, passphrase };
}

/** A key with a new random salt: for encrypting a file (set, change). */
export function newKey(passphrase: string): ConnectionKey {
  return deriveKey(passphrase, crypto.randomBytes(KDF.saltBytes));
}

/** Whether `passphrase` is the one `key` came from (constant time). */
export function passphraseMatches(key: ConnectionKey, passphrase: string): boolean {
  const other = deriveKey(passphrase, key.salt);
  const a = Buffer.from(key.pragma);
  const b = Buffer.from(other.pragma);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'other';

/**
 * What a file is, from its first bytes, without opening it. An encrypted
 * SQLite3MC file starts with its salt instead of "SQLite format 3", but keeps
 * header bytes 16–23 readable: the page size, the format versions, 32
 * reserved bytes per page (ChaCha20's nonce and tag) and SQLite's fixed
 * 64/32/32. Random bytes almost never look like that, so a text file or a
 * stray binary is still "not a Kith database", not "needs a passphrase".
 */
export function fileKind(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const header = Buffer.alloc(24);
    const read = fs.readSync(fd, header, 0, 24, 0);
    if (read === 0) return 'empty';
    if (read >= 16 && header.subarray(0, 16).equals(SQLITE_HEADER)) return 'plain';
    if (read < 24) return 'other';
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    const versions = [1, 2].includes(header[18]!) && [1, 2].includes(header[19]!);
    const fixed = header[21] === 64 && header[22] === 32 && header[23] === 32;
    const size = fs.fstatSync(fd).size;
    if (validPageSize && versions && fixed && header[20]! > 0 && size % pageSize === 0) return 'encrypted';
    return 'other';
  } finally {
    fs.closeSync(fd);
  }
}

/** The salt an encrypted file carries (its first 16 bytes). */
export function fileSalt(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const salt = Buffer.alloc(KDF.saltBytes);
    fs.readSync(fd, salt, 0, KDF.saltBytes, 0);
    return salt;
  } finally {
    fs.closeSync(fd);
  }
}

/** The key for an encrypted file: reused when the file has the same salt as a key at hand (a backup of the open file), else derived. */
export function keyForFile(file: string, passphrase: string, known?: ConnectionKey | null): ConnectionKey {
  const salt = fileSalt(file);
  if (known && known.salt.equals(salt) && known.passphrase === passphrase) return known;
  return deriveKey(passphrase, salt);
}

/** Hands the key to SQLite3MC; nothing is read or checked yet. */
export function applyKey(db: Db, key: ConnectionKey): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = '${key.pragma}'`);
}

const keys = new WeakMap<Db, ConnectionKey | null>();

export function keyOf(db: Db): ConnectionKey | null {
  return keys.get(db) ?? null;
}

export function rememberKey(db: Db, key: ConnectionKey | null): void {
  keys.set(db, key);
}

export function isEncrypted(db: Db): boolean {
  return keyOf(db) !== null;
}
