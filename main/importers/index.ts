// The importers' entry points, for IPC handlers and the CLI alike:
//   previewImport(db, format, text)  → what would change (reads only)
//   importText(db, format, text)     → applies it, whole or not at all
// Each parses (pure), plans against the database (read-only), then commits in
// one transaction that plans again. Nothing here imports electron.
import { missingCase } from '../../shared/errors';
import type { ImportFormat, ImportPreview, ImportResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { commitImport, type CommitOptions } from './commit';
import { parseGoogleContacts } from './google';
import { commitJsonImport, previewJsonImport } from './json';
import { parseLinkedInConnections } from './linkedin';
import { planImport, type PlanOptions } from './plan';
import type { ContactFormat, ParsedImport } from './types';
import { parseVCards } from './vcard';

export { parseGoogleContacts, parseLinkedInConnections, parseVCards };

export function parseContacts(format: ContactFormat, text: string): ParsedImport {
  switch (format) {
    case 'linkedin':
      return parseLinkedInConnections(text);
    case 'vcard':
      return parseVCards(text);
    case 'google':
      return parseGoogleContacts(text);
    default:
      return missingCase(format);
  }
}

export function previewImport(db: Db, format: ImportFormat, text: string, options: PlanOptions = {}): ImportPreview {
  if (format === 'json') return previewJsonImport(db, text);
  return planImport(db, parseContacts(format, text), options).preview;
}

export function importText(db: Db, format: ImportFormat, text: string, options: CommitOptions = {}): ImportResult {
  if (format === 'json') return commitJsonImport(db, text, options);
  return commitImport(db, parseContacts(format, text), options);
}
