// The importers' entry points, for IPC handlers and the CLI alike:
//   previewImport(db, format, input)  → what would change (reads only)
//   importText(db, format, input)     → applies it, whole or not at all
// `input` is the file's bytes (decoded here, issue 13) or already-decoded text.
// Each parses (pure), plans against the database (read-only), then commits in
// one transaction that plans again. Nothing here imports electron.
import { missingCase } from '../../shared/errors';
import type { ImportFormat, ImportPreview, ImportResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { KithError } from '../../shared/errors';
import { archiveKindOf, commitArchive, previewArchive, type ArchiveInput, type ArchiveOptions } from './archive';
import { commitImport, type CommitOptions } from './commit';
import { isZip, readZip } from './zip';
import { bytesFromBase64, decodeBytes, type DecodedText } from './decode';
import { parseGoogleContacts } from './google';
import { commitJsonImport, previewJsonImport } from './json';
import { parseLinkedInConnections } from './linkedin';
import { planImport } from './plan';
import type { ContactFormat, ParsedImport } from './types';
import { parseVCards } from './vcard';

export { parseGoogleContacts, parseLinkedInConnections, parseVCards };

/** Text, one file's bytes, or an archive's files (a zip read by readZip, or a folder). */
export type ImportInput = string | Uint8Array | ArchiveInput;

const isArchiveInput = (input: ImportInput): input is ArchiveInput => typeof input !== 'string' && !(input instanceof Uint8Array);

/** A zip's bytes become its files (yauzl is asynchronous); anything else is returned as it is. */
export async function expandInput(input: ImportInput): Promise<ImportInput> {
  if (input instanceof Uint8Array && isZip(input)) return readZip(input);
  return input;
}

/**
 * A LinkedIn file that is not Connections.csv (messages.csv, Invitations.csv,
 * …) goes the archive's way, as an archive of one file (issue 13).
 */
function asArchive(format: ImportFormat, input: ImportInput): ArchiveInput | null {
  if (format !== 'linkedin') return null;
  if (isArchiveInput(input)) return input;
  const bytes = typeof input === 'string' ? new Uint8Array(Buffer.from(input, 'utf8')) : input;
  if (isZip(bytes)) {
    throw new KithError('INVALID_INPUT', 'This zip must be unpacked before it is imported (an internal step was missed). Nothing was imported.');
  }
  const decoded = decodeBytes(bytes);
  return archiveKindOf(decoded.text, decoded.delimiter) === 'connections' ? null : { files: [{ name: 'the file', bytes }], skipped: [] };
}

/** What an ImportRequest carries (bytes as base64, or text), as importer input. */
export function requestInput(request: { bytes?: string | undefined; text?: string | undefined }): ImportInput {
  return request.bytes !== undefined ? bytesFromBase64(request.bytes) : (request.text ?? '');
}

/** Text as it was given, or bytes decoded with the encoding and delimiter found in them. */
export function decodeInput(input: string | Uint8Array): DecodedText | { text: string; encoding: undefined; delimiter: ',' | '\t'; warnings: [] } {
  if (typeof input !== 'string') return decodeBytes(input);
  return { text: input, encoding: undefined, delimiter: ',', warnings: [] };
}

/** One file sent as bytes (messages.csv alone): its encoding is the import's, as for any single file. */
function oneFileEncoding<T extends { archive?: { files: { encoding: DecodedText['encoding'] | null }[] } }>(input: ImportInput, value: T): T {
  if (!(input instanceof Uint8Array)) return value;
  return withEncoding(value, value.archive?.files[0]?.encoding ?? undefined);
}

const notAnArchive = (format: ImportFormat) =>
  new KithError('INVALID_INPUT', `A zip or folder holds LinkedIn's data archive; choose LinkedIn as the format, not ${format}. Nothing was imported.`);

export function parseContacts(format: ContactFormat, input: string | Uint8Array): ParsedImport & { encoding?: DecodedText['encoding'] } {
  const decoded = decodeInput(input);
  let parsed: ParsedImport;
  switch (format) {
    case 'linkedin':
      parsed = parseLinkedInConnections(decoded.text, decoded.delimiter);
      break;
    case 'vcard':
      parsed = parseVCards(decoded.text);
      break;
    case 'google':
      parsed = parseGoogleContacts(decoded.text, decoded.delimiter);
      break;
    default:
      return missingCase(format);
  }
  parsed.warnings.unshift(...decoded.warnings);
  return decoded.encoding ? { ...parsed, encoding: decoded.encoding } : parsed;
}

function withEncoding<T extends object>(value: T, encoding: DecodedText['encoding'] | undefined): T {
  return encoding ? { ...value, encoding } : value;
}

/**
 * Issue 14: only LinkedIn's Connections.csv can be imported as a contact's
 * own list; anything else named as someone's is refused before it is read further.
 */
function assertListOfSomeone(format: ImportFormat, archive: ArchiveInput | null, options: { of?: number | undefined }): void {
  if (options.of === undefined) return;
  if (format !== 'linkedin') {
    throw new KithError('INVALID_INPUT', `Only LinkedIn's Connections.csv can be imported as someone's connections, not a ${format} file. Nothing was imported.`);
  }
  if (archive) {
    throw new KithError(
      'INVALID_INPUT',
      "Only a Connections.csv can be imported as someone's connections: this is a LinkedIn archive or another of its files (messages, invitations…), which are always yours. Choose the Connections.csv they shared. Nothing was imported.",
    );
  }
}

export function previewImport(db: Db, format: ImportFormat, input: ImportInput, options: ArchiveOptions = {}): ImportPreview {
  const archive = asArchive(format, input);
  assertListOfSomeone(format, archive, options);
  if (archive) return oneFileEncoding(input, previewArchive(db, archive, options));
  if (isArchiveInput(input)) throw notAnArchive(format);
  if (format === 'json') {
    const decoded = decodeInput(input);
    return withEncoding(previewJsonImport(db, decoded.text), decoded.encoding);
  }
  const parsed = parseContacts(format, input);
  return withEncoding(planImport(db, parsed, options).preview, parsed.encoding);
}

export function importText(db: Db, format: ImportFormat, input: ImportInput, options: CommitOptions & ArchiveOptions = {}): ImportResult {
  const archive = asArchive(format, input);
  assertListOfSomeone(format, archive, options);
  if (archive) return oneFileEncoding(input, commitArchive(db, archive, options));
  if (isArchiveInput(input)) throw notAnArchive(format);
  if (format === 'json') {
    const decoded = decodeInput(input);
    return withEncoding(commitJsonImport(db, decoded.text, options), decoded.encoding);
  }
  const parsed = parseContacts(format, input);
  return withEncoding(commitImport(db, parsed, options), parsed.encoding);
}
