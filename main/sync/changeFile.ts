// Sync change files (issue 19): the bytes one device leaves in the shared
// folder for the others.
//
// A change file is immutable and self-checking:
//
//   KITHSYNC 1\n
//   <header: one line of JSON>\n
//   <nonce 12 bytes><ciphertext><tag 16 bytes>
//
// The header is in the clear, so a device can tell, without the key, whose
// file it is, its place in that device's sequence, and which schema wrote it
// (a device refuses changes from a newer schema before trying to read them).
// It is also bound into the authentication as associated data, so it cannot be
// edited or swapped onto another body. The body is the deflated JSON payload,
// encrypted with ChaCha20-Poly1305 (the cipher Kith's database already uses)
// under a key derived from the sync passphrase.
//
// A file cut short by a sync tool that has not finished copying, or altered in
// any byte, fails authentication: `readChangeFile` then throws
// ChangeFileError with `retry: true`, and the caller leaves the file for a
// later pass instead of applying part of it.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export const MAGIC = 'KITHSYNC 1\n';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Header lines are small; a longer one is not a Kith change file. */
const MAX_HEADER_BYTES = 4096;
/** Inflated payloads above this are refused (a deflate bomb, or not ours). */
export const MAX_PAYLOAD_BYTES = 512 * 1024 * 1024;

export interface ChangeFileHeader {
  /** The writing device. */
  device: string;
  /** The file's place in that device's sequence, from 1, without gaps. */
  seq: number;
  /** The schema version (PRAGMA user_version) of the writer. */
  schema: number;
  /** 'changes' for a batch of operations, 'snapshot' for a compaction snapshot, 'state' for what the device has applied (compact.ts). */
  kind: 'changes' | 'snapshot' | 'state';
  /** Which sync key encrypted it (the folder's key id), so a wrong passphrase reads as that, not as damage. */
  keyId: string;
}

export class ChangeFileError extends Error {
  override name = 'ChangeFileError';
  /** True when the file may still be arriving (truncated, not yet authentic): try it again later. */
  readonly retry: boolean;
  constructor(message: string, retry: boolean) {
    super(message);
    this.retry = retry;
  }
}

function checkHeader(h: unknown): ChangeFileHeader {
  const x = h as Partial<ChangeFileHeader> | null;
  if (
    !x ||
    typeof x !== 'object' ||
    typeof x.device !== 'string' ||
    !/^[A-Za-z0-9_-]{1,64}$/.test(x.device) ||
    !Number.isSafeInteger(x.seq) ||
    (x.seq as number) < 1 ||
    !Number.isSafeInteger(x.schema) ||
    (x.schema as number) < 0 ||
    (x.kind !== 'changes' && x.kind !== 'snapshot' && x.kind !== 'state') ||
    typeof x.keyId !== 'string' ||
    !/^[0-9a-f]{16}$/.test(x.keyId)
  ) {
    throw new ChangeFileError('The change file header is not one Kith writes.', false);
  }
  return { device: x.device, seq: x.seq as number, schema: x.schema as number, kind: x.kind, keyId: x.keyId };
}

function headerBytes(header: ChangeFileHeader): Buffer {
  const h = checkHeader(header);
  return Buffer.from(JSON.stringify({ device: h.device, seq: h.seq, schema: h.schema, kind: h.kind, keyId: h.keyId }) + '\n', 'utf8');
}

/** The bytes of a change file carrying `payload` (any JSON value). */
export function writeChangeFile(key: Buffer, header: ChangeFileHeader, payload: unknown): Buffer {
  if (key.length !== 32) throw new Error('A sync key is 32 bytes.');
  const magic = Buffer.from(MAGIC, 'latin1');
  const head = headerBytes(header);
  const body = zlib.deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8'));
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.concat([magic, head]), { plaintextLength: body.length });
  const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
  return Buffer.concat([magic, head, nonce, sealed, cipher.getAuthTag()]);
}

/** The header alone, without the key (to sort, to check the schema, to name the device). */
export function readChangeFileHeader(bytes: Buffer): { header: ChangeFileHeader; bodyAt: number } {
  const magic = Buffer.from(MAGIC, 'latin1');
  if (bytes.length < magic.length) throw new ChangeFileError('The change file is shorter than its signature; it may still be arriving.', true);
  if (!bytes.subarray(0, magic.length).equals(magic)) throw new ChangeFileError('This is not a Kith change file.', false);
  const end = bytes.indexOf(0x0a, magic.length);
  if (end === -1) {
    if (bytes.length - magic.length > MAX_HEADER_BYTES) throw new ChangeFileError('The change file header is too long.', false);
    throw new ChangeFileError('The change file ends inside its header; it may still be arriving.', true);
  }
  if (end - magic.length > MAX_HEADER_BYTES) throw new ChangeFileError('The change file header is too long.', false);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.subarray(magic.length, end).toString('utf8'));
  } catch {
    throw new ChangeFileError('The change file header is not readable.', false);
  }
  return { header: checkHeader(parsed), bodyAt: end + 1 };
}

/**
 * Authenticates, decrypts and parses a change file. Throws ChangeFileError:
 * `retry` when the file is incomplete or does not authenticate (a sync tool
 * may still be writing it), not `retry` when it can never be read.
 */
export function readChangeFile(key: Buffer, bytes: Buffer): { header: ChangeFileHeader; payload: unknown } {
  const { header, bodyAt } = readChangeFileHeader(bytes);
  // The file by its kind (review 32: a snapshot cut short was reported as "Change file 1").
  const what = `${header.kind === 'snapshot' ? 'Snapshot' : header.kind === 'state' ? 'State file' : 'Change file'} ${header.seq} from ${header.device}`;
  if (bytes.length < bodyAt + NONCE_BYTES + TAG_BYTES) throw new ChangeFileError(`${what} is incomplete; it may still be arriving.`, true);
  const nonce = bytes.subarray(bodyAt, bodyAt + NONCE_BYTES);
  const sealed = bytes.subarray(bodyAt + NONCE_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(bytes.subarray(0, bodyAt), { plaintextLength: sealed.length });
  decipher.setAuthTag(tag);
  let body: Buffer;
  try {
    body = Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    throw new ChangeFileError(`${what} does not authenticate: it is incomplete or damaged. It will be tried again.`, true);
  }
  let json: Buffer;
  try {
    json = zlib.inflateRawSync(body, { maxOutputLength: MAX_PAYLOAD_BYTES });
  } catch {
    throw new ChangeFileError(`${what} authenticates but does not inflate.`, false);
  }
  try {
    return { header, payload: JSON.parse(json.toString('utf8')) };
  } catch {
    throw new ChangeFileError(`${what} authenticates but its content is not JSON.`, false);
  }
}
