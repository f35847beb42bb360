// LinkedIn archive's Invitations.csv (issue 13): who invited whom, when, and
// with what words. The words fill a connection's "how we met" when it is empty.
import type { ImportIssue } from '../../shared/importExport';
import type { CsvTable } from './csv';
import { parseUsDate } from './linkedinDates';
import { controlCharacter, normalizeLinkedInUrl } from './normalize';
import { issue } from './types';

export interface Invitation {
  line: number;
  fromName: string;
  toName: string;
  inviter: string | null;
  invitee: string | null;
  sentOn: string | null;
  message: string;
  direction: 'incoming' | 'outgoing' | null;
}

export function isInvitationsHeader(cells: readonly string[]): boolean {
  return cells.includes('sent at') && cells.includes('direction') && (cells.includes('inviterprofileurl') || cells.includes('from'));
}

export function parseLinkedInInvitations(table: CsvTable): { invitations: Invitation[]; skipped: ImportIssue[]; warnings: ImportIssue[] } {
  const { col } = table;
  const c = {
    from: col('from'),
    to: col('to'),
    sentAt: col('sent at'),
    message: col('message'),
    direction: col('direction'),
    inviter: col('inviterprofileurl'),
    invitee: col('inviteeprofileurl'),
  };
  const invitations: Invitation[] = [];
  const skipped: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  for (const row of table.rows) {
    const ref = { where: `line ${row.line}`, line: row.line, card: null };
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const bad = row.cells.map(controlCharacter).find((x) => x !== null);
    if (bad) {
      skipped.push(issue(ref, `a cell holds ${bad}; the invitation was left out`));
      continue;
    }
    const rawDate = cell(c.sentAt).trim();
    const sentOn = rawDate ? parseUsDate(rawDate) : null;
    if (rawDate && !sentOn) warnings.push(issue(ref, `the date "${rawDate.slice(0, 50)}" was not understood; it was left out`));
    const direction = cell(c.direction).trim().toUpperCase();
    invitations.push({
      line: row.line,
      fromName: cell(c.from).replace(/\s+/g, ' ').trim(),
      toName: cell(c.to).replace(/\s+/g, ' ').trim(),
      inviter: normalizeLinkedInUrl(cell(c.inviter)),
      invitee: normalizeLinkedInUrl(cell(c.invitee)),
      sentOn,
      message: cell(c.message).replace(/\r\n?/g, '\n').trim(),
      direction: direction === 'INCOMING' ? 'incoming' : direction === 'OUTGOING' ? 'outgoing' : null,
    });
  }
  return { invitations, skipped, warnings };
}
