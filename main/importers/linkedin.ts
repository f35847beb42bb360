// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data).
// Current exports start with a "Notes:" preamble whose wording changes; the
// legacy export has no preamble and no URL column. The header is found by its
// content, never by its position.
import { KithError } from '../../shared/errors';
import { cleanText, headerIndex, readCsv } from './csv';
import { checkPerson, labeled, normalizeLinkedInUrl, oneLine, parseExportDate, roleFlags } from './normalize';
import { issue, type ImportedPerson, type ParsedImport, type SourceRef } from './types';

/** The default tie with a LinkedIn connection: "met once, or online only" (DESIGN.md). */
export const LINKEDIN_TIE_STRENGTH = 1;

const HEADER = /^\s*"?first name"?\s*,\s*"?last name"?\s*,/i;

export function parseLinkedInConnections(input: string): ParsedImport {
  const text = cleanText(input);
  const lines = text.split('\n');
  // Only the first lines can hold the preamble; a header further down means this is not the file we think.
  const headerAt = lines.slice(0, 50).findIndex((l) => HEADER.test(l));
  if (headerAt === -1) {
    throw new KithError(
      'INVALID_INPUT',
      'This does not look like LinkedIn\'s Connections.csv: no line starts with "First Name,Last Name". ' +
        'Choose the Connections.csv file from your LinkedIn data export.',
    );
  }
  const offset = lines.slice(0, headerAt).reduce((n, l) => n + l.length + 1, 0);
  const rows = readCsv(text.slice(offset), headerAt + 1, 'Connections.csv');
  const header = rows.shift()!;
  const col = headerIndex(header.cells);
  const c = {
    first: col('first name'),
    last: col('last name'),
    url: Math.max(col('url'), col('profile url')),
    email: Math.max(col('email address'), col('e-mail address')),
    company: col('company'),
    position: col('position'),
    connectedOn: col('connected on'),
  };

  const out: ParsedImport = { format: 'linkedin', records: [], relations: [], skipped: [], warnings: [] };
  for (const row of rows) {
    const ref: SourceRef = { key: `line ${row.line}`, where: `line ${row.line}`, line: row.line, card: null };
    if (row.cells.length !== header.cells.length) {
      out.skipped.push(issue(ref, `has ${row.cells.length} fields where the header has ${header.cells.length}`));
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
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
      // LinkedIn writes members who hide their name as empty first and last names.
      out.skipped.push(issue(ref, linkedinUrl ? `no name (LinkedIn member ${linkedinUrl})` : 'no name'));
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
