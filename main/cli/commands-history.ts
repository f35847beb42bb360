// `kith import ics FILE` and `kith import mbox FILE` (issue 14): calendars and
// mail headers into the journal, through the same plan and commit as the app.
// The mbox is streamed; progress goes to stderr when it is a terminal.
import type { BackupInfo } from '../../shared/backups';
import { HISTORY_SOURCES, MyEmails, type HistoryPreview, type HistorySource } from '../../shared/history';
import type { ImportIssue } from '../../shared/importExport';
import { commitHistory, previewHistory, type HistoryOptions } from '../importers/history';
import { readHistoryFile } from '../importers/historyFiles';
import { createBackupSync } from '../services/backups';
import { type CliContext, type CommonOptions, validate } from './context';
import { CliError, EXIT } from './errors';
import { plural } from './format';

export const isHistorySource = (format: string): format is HistorySource => (HISTORY_SOURCES as readonly string[]).includes(format);

export interface HistoryCliOptions extends CommonOptions {
  dryRun?: boolean;
  include?: string[];
  myEmail?: string[];
  maxAttendees?: string;
}

function issueLines(title: string, issues: readonly ImportIssue[], limit = 50): string {
  if (issues.length === 0) return '';
  const shown = issues.slice(0, limit).map((i) => `  ${i.where}: ${i.message}`);
  if (issues.length > limit) shown.push(`  … and ${issues.length - limit} more (--json lists them all)`);
  return `${title} (${issues.length})\n${shown.join('\n')}\n`;
}

const row = (n: number, label: string) => `  ${String(n).padStart(6)}  ${label}\n`;

export function historyText(p: HistoryPreview, dryRun: boolean): string {
  const would = dryRun ? 'would be added' : 'added';
  let out = dryRun ? 'Dry run: nothing was changed.\n' : '';
  out += p.myEmails.length ? `Your addresses: ${p.myEmails.join(', ')}\n` : 'Your addresses: none set (use --my-email)\n';
  if (p.calendar) {
    const c = p.calendar;
    out += `Calendar: ${plural(c.events, 'event')} read\n`;
    out += row(c.entries, `meeting entries ${would} (${c.seriesMonths} of them months of recurring series, ${plural(c.occurrences, 'meeting')})`);
    if (c.updated) out += row(c.updated, `months of series ${dryRun ? 'would be ' : ''}brought up to date`);
    const l = c.leftOut;
    const left = [
      [c.alreadyImported, 'already imported'],
      [l.declined, 'declined'],
      [l.cancelled, 'cancelled'],
      [l.tooManyAttendees, `with more than ${c.maxAttendees} people`],
      [l.noMatchedAttendee, 'with nobody in Kith'],
      [l.noAttendees, 'with no one else'],
      [l.future, 'in the future'],
    ] as const;
    const text = left.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
    if (text) out += `          left out: ${text}\n`;
  }
  if (p.mail) {
    const m = p.mail;
    out += `Mail: ${plural(m.messages, 'message')} read (headers only)\n`;
    out += row(m.entries, `e-mail entries ${would} (one per UTC day and person)`);
    if (m.updated) out += row(m.updated, `days ${dryRun ? 'would be ' : ''}brought up to date`);
    const l = m.leftOut;
    const left = [
      [m.alreadyImported, 'days already imported'],
      [l.mailingLists, 'from mailing lists'],
      [l.tooManyRecipients, `to more than ${m.maxRecipients} people`],
      [l.noReply, 'from no-reply senders'],
      [l.withNobodyKnown, 'with nobody in Kith'],
      [l.undated, 'without a date'],
      [l.malformed, 'malformed'],
      [l.duplicates, 'repeated (same Message-ID)'],
    ] as const;
    const text = left.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
    if (text) out += `          left out: ${text}\n`;
  }
  if (p.offered.length > 0) {
    out += `People not in Kith (${p.offered.length}), added only with --include KEY:\n`;
    out += p.offered.slice(0, 50).map((o) => `  ${o.included ? '[x]' : '[ ]'} ${o.name} <${o.email}> (${o.items})  key: ${o.key}`).join('\n') + '\n';
  }
  if (p.nothingToDo) out += dryRun ? 'Nothing would change.\n' : 'Nothing changed.\n';
  out += issueLines('Skipped', p.skipped);
  out += issueLines('Warnings', p.warnings);
  return out;
}

export async function runHistoryImport(ctx: CliContext, source: HistorySource, file: string, options: HistoryCliOptions): Promise<void> {
  let maxAttendees: number | undefined;
  if (options.maxAttendees !== undefined) {
    maxAttendees = Number(options.maxAttendees);
    if (!Number.isInteger(maxAttendees) || maxAttendees < 1 || maxAttendees > 500) throw new CliError(EXIT.usage, '--max-attendees must be a whole number from 1 to 500.');
  }
  const myEmails = options.myEmail ? validate(MyEmails, options.myEmail, {}) : undefined;
  const historyOptions: HistoryOptions = { maxAttendees, include: options.include ?? [], myEmails };
  const store = ctx.open(options);
  const showProgress = source === 'mbox' && !options.json && process.stderr.isTTY === true;
  const run = { progress: { bytesRead: 0, totalBytes: 0, done: false }, controller: new AbortController() };
  const timer = showProgress
    ? setInterval(() => {
        const { bytesRead, totalBytes } = run.progress;
        if (totalBytes > 0) process.stderr.write(`\rReading ${Math.floor((bytesRead / totalBytes) * 100)}%`);
      }, 250)
    : null;
  let parsed;
  try {
    parsed = await readHistoryFile(store.db, file, source, historyOptions, run);
  } finally {
    if (timer) {
      clearInterval(timer);
      process.stderr.write('\r');
    }
  }
  if (options.dryRun) {
    const preview = previewHistory(store.db, parsed, historyOptions);
    ctx.print(options, preview, () => historyText(preview, true));
    return;
  }
  const taken: { backup: BackupInfo | null } = { backup: null };
  const result = commitHistory(store.db, parsed, { ...historyOptions, backupBeforeImport: () => (taken.backup = createBackupSync(store, 'before-import')) });
  ctx.print(options, { ...result, backup: taken.backup }, () => historyText(result, false) + (taken.backup ? `A backup of the data as it was before is in backups/${taken.backup.name}.\n` : ''));
}
