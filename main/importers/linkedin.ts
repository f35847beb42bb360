// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data).
// Current exports start with a "Notes:" preamble whose wording changes; the
// legacy export has no preamble and no URL column. The header is found by its
// content, never by its position.
import { KithError } from '../../shared/errors';
import { cleanText, headerIndex, readCsv } from './csv';
import { checkPerson, controlCharacter, labeled, normalizeLinkedInUrl, oneLine, parseExportDate, roleFlags } from './normalize';
import { issue, type ImportedPerson, type ParsedImport, type SourceRef } from './types';

/** The default tie with a LinkedIn connection: "met once, or online only" (DESIGN.md). */
export const LINKEDIN_TIE_STRENGTH = 1;

const HEADER = /^\s*"?first name"?\s*[,\t]\s*"?last name"?\s*[,\t]/i;
const PROFILE = /linkedin\.com\/(in|pub)\//i;

/**
 * A header in another language (issue 13): seven columns, and a row after it
 * with a linkedin.com/in/ URL in the third and a date in the last. Returns the
 * header's line index, or -1.
 */
function headerByShape(lines: readonly string[], delimiter: ',' | '\t'): number {
  for (let i = 0; i < Math.min(lines.length - 1, 50); i++) {
    if (!lines[i]!.trim()) continue;
    let header: string[];
    try {
      header = readCsv(lines[i]!, 1, 'Connections.csv', delimiter)[0]?.cells ?? [];
    } catch {
      continue;
    }
    if (header.length !== 7) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
      let row: string[];
      try {
        row = readCsv(lines[j]!, 1, 'Connections.csv', delimiter)[0]?.cells ?? [];
      } catch {
        break;
      }
      if (row.length !== 7) break;
      if (PROFILE.test(row[2]!) && parseExportDate(row[6]!)) return i;
    }
  }
  return -1;
}

export function parseLinkedInConnections(input: string, delimiter: ',' | '\t' = ','): ParsedImport {
  const text = cleanText(input);
  const lines = text.split('\n');
  // Only the first lines can hold the preamble; a header further down means this is not the file we think.
  let headerAt = lines.slice(0, 50).findIndex((l) => HEADER.test(l));
  const byShape = headerAt === -1;
  if (byShape) headerAt = headerByShape(lines, delimiter);
  if (headerAt === -1) {
    throw new KithError(
      'INVALID_INPUT',
      'This does not look like LinkedIn\'s Connections.csv: no line starts with "First Name,Last Name", and no table has ' +
        'seven columns with a LinkedIn address in the third. Choose the Connections.csv file from your LinkedIn data export.',
    );
  }
  const offset = lines.slice(0, headerAt).reduce((n, l) => n + l.length + 1, 0);
  const rows = readCsv(text.slice(offset), headerAt + 1, 'Connections.csv', delimiter);
  const header = rows.shift()!;
  const col = headerIndex(header.cells);
  // A header not in English is read by position, LinkedIn's column order.
  const c = byShape
    ? { first: 0, last: 1, url: 2, email: 3, company: 4, position: 5, connectedOn: 6 }
    : {
        first: col('first name'),
        last: col('last name'),
        url: Math.max(col('url'), col('profile url')),
        email: Math.max(col('email address'), col('e-mail address')),
        company: col('company'),
        position: col('position'),
        connectedOn: col('connected on'),
      };
  const columnNames = header.cells.map((h) => oneLine(h).slice(0, 60) || 'unnamed');

  const out: ParsedImport = { format: 'linkedin', records: [], relations: [], skipped: [], warnings: [], currentJobs: true };
  if (byShape) {
    out.warnings.push(
      issue(
        { where: `line ${header.line}`, line: header.line, card: null },
        `the header "${columnNames.join(', ').slice(0, 200)}" is not LinkedIn's English one; the columns were recognised by their shape (LinkedIn's order: first name, last name, URL, e-mail, company, position, connected on)`,
      ),
    );
  }
  for (const row of rows) {
    const ref: SourceRef = { key: `line ${row.line}`, where: `line ${row.line}`, line: row.line, card: null };
    if (row.cells.length !== header.cells.length) {
      out.skipped.push(issue(ref, `has ${row.cells.length} fields where the header has ${header.cells.length}`));
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const badCell = row.cells.findIndex((v) => controlCharacter(v) !== null);
    if (badCell !== -1) {
      out.skipped.push(issue(ref, `the ${columnNames[badCell]} cell holds ${controlCharacter(row.cells[badCell]!)}; the row was left out`));
      continue;
    }
    const givenName = oneLine(cell(c.first));
    const familyName = oneLine(cell(c.last));
    const displayName = oneLine(`${givenName} ${familyName}`);
    const rawUrl = cell(c.url).trim();
    const linkedinUrl = rawUrl ? normalizeLinkedInUrl(rawUrl) : null;
    if (rawUrl && !linkedinUrl) out.warnings.push(issue(ref, `"${rawUrl.slice(0, 200)}" is not a LinkedIn address; left out`));
    const rawDate = cell(c.connectedOn).trim();
    const since = rawDate ? parseExportDate(rawDate) : null;
    if (rawDate && !since) out.warnings.push(issue(ref, `the date "${rawDate.slice(0, 50)}" was not understood; the tie has no start date`));
    const email = labeled(cell(c.email));
    const company = oneLine(cell(c.company));
    const title = oneLine(cell(c.position));
    const person: ImportedPerson = {
      kind: 'person',
      ref,
      displayName,
      givenName,
      familyName,
      emails: email ? [email] : [],
      phones: [],
      links: [],
      linkedinUrl,
      notes: '',
      tags: [],
      affiliation: company ? { organization: company, title, ...roleFlags(title) } : null,
      tieWithMe: { strength: LINKEDIN_TIE_STRENGTH, since, context: 'LinkedIn connection' },
    };
    if (!displayName) {
      // LinkedIn writes members who hide their profile as a row holding only the date (issue 13).
      const onlyDate = row.cells.every((v, i) => i === c.connectedOn || !v.trim());
      out.skipped.push(
        issue(
          ref,
          onlyDate
            ? 'hidden profile: LinkedIn gives only the date for members who hide their profile from exports'
            : linkedinUrl
              ? `no name (LinkedIn member ${linkedinUrl})`
              : 'no name',
        ),
      );
      continue;
    }
    const problem = checkPerson(person, (m) => out.warnings.push(issue(ref, m)));
    if (problem) {
      out.skipped.push(issue(ref, problem));
      continue;
    }
    out.records.push(person);
  }
  return out;
}
