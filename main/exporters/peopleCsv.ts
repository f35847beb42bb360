// People as CSV for spreadsheets. Every cell that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) gets a leading
// apostrophe (OWASP "CSV injection"): an imported name like `=HYPERLINK(…)`
// must never execute on the user's machine. Phone numbers starting with "+"
// get one too; spreadsheets show them as text, which is what they are.
import { stringify } from 'csv-stringify/sync';
import type { LabeledValue } from '../../shared/domain';
import type { Db } from '../db/open';
import { readPeople } from './network';

export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const HEADER = [
  'Name', 'Given Name', 'Family Name', 'Organization', 'Title', 'Tie Strength', 'E-mails', 'Phones', 'LinkedIn', 'Links',
  'Tags', 'Headline', 'Location', 'How We Met', 'Notes', 'Archived',
];

const list = (values: LabeledValue[]) => values.map((v) => (v.label ? `${v.label}: ${v.value}` : v.value)).join('; ');

/** Everyone but me, by name. */
export function exportPeopleCsv(db: Db): string {
  const people = readPeople(db)
    .filter((p) => !p.isMe)
    .sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id - b.id));
  const rows = people.map((p) => [
    p.displayName, p.givenName, p.familyName, p.organization ?? '', p.title ?? '', p.myTieStrength === null ? '' : String(p.myTieStrength),
    list(p.emails), list(p.phones), p.linkedinUrl ?? '', list(p.links), p.tags.join('; '), p.headline, p.location, p.howWeMet, p.notes,
    p.archived ? 'yes' : '',
  ]);
  // The byte-order mark makes Excel read the file as UTF-8.
  return '\uFEFF' + stringify([HEADER, ...rows].map((r) => r.map(neutralizeFormula)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}
