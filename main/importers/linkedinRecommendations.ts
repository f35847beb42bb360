// LinkedIn archive's Recommendations_Received.csv and _Given.csv (issue 13):
// each is a favor (a reference) received or given. The two files share one
// header, so only here does the file name decide something: the direction.
import type { ImportIssue } from '../../shared/importExport';
import type { CsvTable } from './csv';
import { parseUsDate } from './linkedinDates';
import { controlCharacter, oneLine } from './normalize';
import { issue } from './types';

export interface Recommendation {
  line: number;
  name: string;
  organization: string;
  text: string;
  on: string | null;
  direction: 'received' | 'given';
}

export function isRecommendationsHeader(cells: readonly string[]): boolean {
  return cells.includes('first name') && cells.includes('text') && cells.includes('creation date');
}

export function parseLinkedInRecommendations(
  table: CsvTable,
  fileName: string,
): { recommendations: Recommendation[]; skipped: ImportIssue[]; direction: 'received' | 'given' } {
  const { col } = table;
  const direction = /given/i.test(fileName) ? 'given' : 'received';
  const c = { first: col('first name'), last: col('last name'), company: col('company'), text: col('text'), date: col('creation date'), status: col('status') };
  const recommendations: Recommendation[] = [];
  const skipped: ImportIssue[] = [];
  for (const row of table.rows) {
    const ref = { where: `line ${row.line}`, line: row.line, card: null };
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const name = oneLine(`${cell(c.first)} ${cell(c.last)}`);
    if (!name) {
      skipped.push(issue(ref, 'no name'));
      continue;
    }
    const text = cell(c.text).replace(/\r\n?/g, '\n').trim();
    const bad = controlCharacter(name) ?? controlCharacter(text.replace(/\n/g, ' '));
    if (bad) {
      skipped.push(issue(ref, `a cell holds ${bad}; the recommendation was left out`));
      continue;
    }
    recommendations.push({ line: row.line, name, organization: oneLine(cell(c.company)), text, on: parseUsDate(cell(c.date)), direction });
  }
  return { recommendations, skipped, direction };
}
