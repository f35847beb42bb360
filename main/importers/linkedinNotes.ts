// LinkedIn archive's Notes.csv (issue 13): the notes the member kept on
// connections. Each becomes a dated line in the person's notes; a note is not
// a contact, so it never feeds last contact or cadences.
import type { ImportIssue } from '../../shared/importExport';
import type { CsvTable } from './csv';
import { parseUsDate } from './linkedinDates';
import { controlCharacter, normalizeLinkedInUrl } from './normalize';
import { issue } from './types';

export interface ConnectionNote {
  line: number;
  name: string;
  url: string | null;
  text: string;
  createdOn: string | null;
}

export function isNotesHeader(cells: readonly string[]): boolean {
  return cells.includes('note') && cells.some((c) => c.includes('profile url'));
}

export function parseLinkedInNotes(table: CsvTable): { notes: ConnectionNote[]; skipped: ImportIssue[] } {
  const { col, header } = table;
  const urlCol = header.cells.findIndex((h) => /profile url/i.test(h));
  const c = { first: col('connection first name'), last: col('connection last name'), note: col('note'), created: col('created on') };
  const notes: ConnectionNote[] = [];
  const skipped: ImportIssue[] = [];
  for (const row of table.rows) {
    const ref = { where: `line ${row.line}`, line: row.line, card: null };
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const text = cell(c.note).replace(/\r\n?/g, '\n').trim();
    if (!text) continue;
    const bad = controlCharacter(text.replace(/\n/g, ' '));
    if (bad) {
      skipped.push(issue(ref, `the note holds ${bad}; it was left out`));
      continue;
    }
    notes.push({
      line: row.line,
      name: `${cell(c.first)} ${cell(c.last)}`.replace(/\s+/g, ' ').trim(),
      url: normalizeLinkedInUrl(cell(urlCol)),
      text,
      createdOn: parseUsDate(cell(c.created)),
    });
  }
  return { notes, skipped };
}
