// The importers' entry points, for IPC handlers and the CLI alike:
//   previewImport(db, format, input)  → what would change (reads only)
//   importText(db, format, input)     → applies it, whole or not at all
// `input` is the file's bytes (decoded here, issue 13) or already-decoded text.
// Each parses (pure), plans against the database (read-only), then commits in
// one transaction that plans again. Nothing here imports electron.
import { missingCase } from '../../shared/errors';
import type { ImportFormat, ImportPreview, ImportResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { commitImport, type CommitOptions } from './commit';
import { bytesFromBase64, decodeBytes, type DecodedText } from './decode';
import { parseGoogleContacts } from './google';
import { commitJsonImport, previewJsonImport } from './json';
import { parseLinkedInConnections } from './linkedin';
import { planImport, type PlanOptions } from './plan';
import type { ContactFormat, ParsedImport } from './types';
import { parseVCards } from './vcard';

export { parseGoogleContacts, parseLinkedInConnections, parseVCards };

export type ImportInput = string | Uint8Array;

/** What an ImportRequest carries (bytes as base64, or text), as importer input. */
export function requestInput(request: { bytes?: string | undefined; text?: string | undefined }): ImportInput {
  return request.bytes !== undefined ? bytesFromBase64(request.bytes) : (request.text ?? '');
}

/** Text as it was given, or bytes decoded with the encoding and delimiter found in them. */
export function decodeInput(input: ImportInput): DecodedText | { text: string; encoding: undefined; delimiter: ',' | '\t'; warnings: [] } {
  if (typeof input !== 'string') return decodeBytes(input);
  return { text: input, encoding: undefined, delimiter: ',', warnings: [] };
}

export function parseContacts(format: ContactFormat, input: ImportInput): ParsedImport & { encoding?: DecodedText['encoding'] } {
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

export function previewImport(db: Db, format: ImportFormat, input: ImportInput, options: PlanOptions = {}): ImportPreview {
  if (format === 'json') {
    const decoded = decodeInput(input);
    return withEncoding(previewJsonImport(db, decoded.text), decoded.encoding);
  }
  const parsed = parseContacts(format, input);
  return withEncoding(planImport(db, parsed, options).preview, parsed.encoding);
}

export function importText(db: Db, format: ImportFormat, input: ImportInput, options: CommitOptions = {}): ImportResult {
  if (format === 'json') {
    const decoded = decodeInput(input);
    return withEncoding(commitJsonImport(db, decoded.text, options), decoded.encoding);
  }
  const parsed = parseContacts(format, input);
  return withEncoding(commitImport(db, parsed, options), parsed.encoding);
}
