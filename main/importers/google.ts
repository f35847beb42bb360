// Google Contacts CSV (contacts.google.com → Export → Google CSV). Two header
// generations: the current one (First Name, Labels, "E-mail 1 - Label") and the
// legacy one (Name, Group Membership, "E-mail 1 - Type", "Organization 1 - Name").
// Several values in one cell, and several groups, are joined with " ::: ".
import { KithError } from '../../shared/errors';
import type { LabeledValue } from '../../shared/domain';
import { cleanText, headerIndex, readCsv } from './csv';
import {
  checkPerson,
  cleanTags,
  isLinkedInProfile,
  labeled,
  multiLine,
  normalizeLinkedInUrl,
  oneLine,
  roleFlags,
} from './normalize';
import { issue, type ImportedPerson, type ParsedImport, type SourceRef } from './types';

/** Someone in my address book: at least "met once" (DESIGN.md strength 1). */
export const CONTACT_TIE_STRENGTH = 1;

const MULTI = ' ::: ';

/** Google marks the primary value's label, and system groups, with a leading "* ". */
function cleanLabel(label: string): string {
  return oneLine(label.replace(/^\*\s*/, ''));
}

export function parseGoogleContacts(input: string, delimiter: ',' | '\t' = ','): ParsedImport {
  const text = cleanText(input);
  const rows = readCsv(text, 1, 'The Google Contacts file', delimiter);
  const header = rows.shift();
  const col = headerIndex(header?.cells ?? []);
  const current = col('first name') >= 0 && col('last name') >= 0;
  const legacy = col('name') >= 0 && col('given name') >= 0 && col('family name') >= 0;
  if (!header || (!current && !legacy) || header.line !== 1) {
    throw new KithError(
      'INVALID_INPUT',
      'This does not look like a Google Contacts CSV: its first line should be the header ' +
        '(First Name, Middle Name, Last Name, … or Name, Given Name, Family Name, …). ' +
        'Export again from Google Contacts as "Google CSV".',
    );
  }

  /** Numbered groups: "E-mail 1 - Label" / "E-mail 1 - Type" with "E-mail 1 - Value", up to the last present. */
  const groups = (prefix: string) => {
    const found: { label: number; value: number }[] = [];
    for (let n = 1; n < 100; n++) {
      const value = col(`${prefix} ${n} - value`);
      if (value < 0) break;
      found.push({ label: Math.max(col(`${prefix} ${n} - label`), col(`${prefix} ${n} - type`)), value });
    }
    return found;
  };
  const emailCols = groups('e-mail');
  const phoneCols = groups('phone');
  const websiteCols = groups('website');

  const out: ParsedImport = { format: 'google', records: [], relations: [], skipped: [], warnings: [] };
  for (const row of rows) {
    const ref: SourceRef = { key: `line ${row.line}`, where: `line ${row.line}`, line: row.line, card: null };
    if (row.cells.length !== header.cells.length) {
      out.skipped.push(issue(ref, `has ${row.cells.length} fields where the header has ${header.cells.length}`));
      continue;
    }
    const cell = (name: string) => {
      const i = col(name);
      return i >= 0 ? (row.cells[i] ?? '') : '';
    };
    const values = (cols: { label: number; value: number }[]): LabeledValue[] => {
      const list: LabeledValue[] = [];
      for (const { label, value } of cols) {
        const l = label >= 0 ? cleanLabel(row.cells[label] ?? '') : '';
        for (const v of (row.cells[value] ?? '').split(MULTI)) {
          const lv = labeled(v, l);
          if (lv) list.push(lv);
        }
      }
      return list;
    };

    const givenName = oneLine(current ? cell('first name') : cell('given name'));
    const middle = oneLine(current ? cell('middle name') : cell('additional name'));
    const familyName = oneLine(current ? cell('last name') : cell('family name'));
    const displayName = oneLine(current ? [givenName, middle, familyName].join(' ') : cell('name')) || oneLine([givenName, middle, familyName].join(' '));
    const organization = oneLine(current ? cell('organization name') : cell('organization 1 - name'));
    const title = oneLine(current ? cell('organization title') : cell('organization 1 - title'));

    let linkedinUrl: string | null = null;
    const links: LabeledValue[] = [];
    for (const link of values(websiteCols)) {
      const url = normalizeLinkedInUrl(link.value);
      if (!linkedinUrl && isLinkedInProfile(url)) linkedinUrl = url;
      else links.push(link);
    }
    const person: ImportedPerson = {
      kind: 'person',
      ref,
      displayName,
      givenName,
      familyName,
      emails: values(emailCols),
      phones: values(phoneCols),
      links,
      linkedinUrl,
      notes: multiLine(cell('notes')),
      tags: cleanTags((current ? cell('labels') : cell('group membership')).split(MULTI)),
      affiliation: organization ? { organization, title, ...roleFlags(title) } : null,
      tieWithMe: { strength: CONTACT_TIE_STRENGTH, since: null, context: '' },
    };
    if (!displayName) {
      out.skipped.push(issue(ref, organization ? `no name (only an organization, ${organization})` : 'no name'));
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
