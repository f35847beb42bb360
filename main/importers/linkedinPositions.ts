// LinkedIn archive's Positions.csv (issue 13): the member's own work history,
// which becomes my affiliations (an empty "Finished On" means current).
import type { ImportIssue } from '../../shared/importExport';
import { LIMITS } from '../../shared/domain';
import type { CsvTable } from './csv';
import { parseMonthYear } from './linkedinDates';
import { controlCharacter, oneLine } from './normalize';
import { issue } from './types';

export interface OwnPosition {
  line: number;
  organization: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
}

export function isPositionsHeader(cells: readonly string[]): boolean {
  return cells.includes('company name') && cells.includes('title') && cells.includes('started on');
}

export function parseLinkedInPositions(table: CsvTable): { positions: OwnPosition[]; skipped: ImportIssue[]; warnings: ImportIssue[] } {
  const { col } = table;
  const c = { company: col('company name'), title: col('title'), started: col('started on'), finished: col('finished on') };
  const positions: OwnPosition[] = [];
  const skipped: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const row of table.rows) {
    const ref = { where: `line ${row.line}`, line: row.line, card: null };
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const organization = oneLine(cell(c.company));
    const title = oneLine(cell(c.title));
    if (!organization) {
      skipped.push(issue(ref, 'no company name'));
      continue;
    }
    const bad = controlCharacter(organization) ?? controlCharacter(title);
    if (bad) {
      skipped.push(issue(ref, `a cell holds ${bad}; the position was left out`));
      continue;
    }
    if (organization.length > LIMITS.name || title.length > LIMITS.shortText) {
      skipped.push(issue(ref, 'the company name or title is too long'));
      continue;
    }
    const date = (raw: string) => {
      if (!raw.trim()) return null;
      const d = parseMonthYear(raw);
      if (!d) warnings.push(issue(ref, `the date "${raw.slice(0, 50)}" was not understood; it was left out`));
      return d;
    };
    const startDate = date(cell(c.started));
    const endDate = date(cell(c.finished));
    positions.push({ line: row.line, organization, title, startDate, endDate: startDate && endDate && endDate < startDate ? null : endDate });
  }
  return { positions, skipped, warnings };
}
