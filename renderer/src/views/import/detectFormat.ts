// Guesses an import file's format from its name and first lines, so the user
// usually only picks a file. The guess is shown and can be changed; the
// importers refuse a file that does not fit the format with a clear message.
import type { ImportFormat } from '../../../../shared/importExport';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn (data archive or connections)',
  vcard: 'vCard (.vcf)',
  google: 'Google Contacts (CSV)',
  json: 'Kith JSON export',
};

export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  const head = text.replace(/^\uFEFF/, '').slice(0, 4000);
  if (name.endsWith('.zip')) return 'linkedin';
  if (name.endsWith('.vcf') || name.endsWith('.vcard') || /^\s*BEGIN:VCARD/i.test(head)) return 'vcard';
  if (name.endsWith('.json') || /^\s*\{/.test(head)) return 'json';
  const firstLines = head.split(/\r?\n/).slice(0, 12).join('\n').toLowerCase();
  if (/^notes:/m.test(firstLines) || firstLines.includes('connected on')) return 'linkedin';
  // The other files of LinkedIn's data archive (issue 13).
  if (/conversation id|inviterprofileurl|connection profile url|company name,title|creation date/.test(firstLines)) return 'linkedin';
  if (/e-mail 1 - (value|type|label)|given name|phone 1 - value/.test(firstLines)) return 'google';
  if (firstLines.includes('first name') && firstLines.includes('last name') && firstLines.includes('company')) return 'linkedin';
  return null;
}
