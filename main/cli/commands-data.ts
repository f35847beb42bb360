// `kith import`, `kith export`, `kith backup`, `kith backups`, `kith restore`:
// getting people in and out, and keeping copies (issue 6). The same importers,
// exporters and backup service as the app, against the same data file.
import fs from 'node:fs';
import path from 'node:path';
import { type Command } from 'commander';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../shared/backups';
import { KithError } from '../../shared/errors';
import { ENCODING_LABELS, EXPORT_FORMATS, IMPORT_FORMATS, ImportFormat, MAX_IMPORT_CHARS, type ArchiveSummary, type JobChange, type ImportIssue, type ImportPreview, type ImportResult, type TheirConnectionsSummary } from '../../shared/importExport';
import { openKith } from '../db/kith';
import { dataPaths } from '../db/paths';
import { runExport } from '../exporters';
import { expandInput, importText, previewImport } from '../importers';
import type { ArchiveInput } from '../importers/archive';
import { readArchiveFolder } from '../importers/folder';
import { backupToFile, createBackup, createBackupSync, listBackups, scheduleRestore } from '../services/backups';
import { type CliContext, type CommonOptions, validate } from './context';
import { CliError, EXIT } from './errors';
import { plural, table } from './format';
import { common, examples } from './options';
import { resolvePersonId } from './resolve';
import { isHistorySource, runHistoryImport, type HistoryCliOptions } from './commands-history';

const FORMAT_NAMES: Record<(typeof IMPORT_FORMATS)[number], string> = {
  linkedin: 'LinkedIn data (archive zip or folder, or one of its CSV files)',
  vcard: 'vCard (.vcf, 2.1, 3.0 or 4.0)',
  google: 'Google Contacts CSV',
  json: 'Kith JSON export',
};

function oneOf(what: string, allowed: readonly string[], value: string): string {
  if (!allowed.includes(value)) throw new CliError(EXIT.usage, `${what} must be one of ${allowed.join(', ')} (not "${value}").`);
  return value;
}

/** The file's bytes (the importers find the encoding, issue 13), or an unzipped archive folder's files. */
function readInput(file: string): Buffer | ArchiveInput {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return readArchiveFolder(file);
    const size = stat.size;
    if (size > MAX_IMPORT_CHARS) throw new CliError(EXIT.refused, `${file} is too large to import (more than 50 MB). Split it into smaller files.`);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliError || error instanceof KithError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(EXIT.refused, `${file} does not exist.`);
    if (code === 'EISDIR') throw new CliError(EXIT.refused, `${file} is a folder, not a file.`);
    throw new CliError(EXIT.refused, `${file} could not be read (${code ?? String(error)}).`);
  }
}

/** Writes a new file, refusing to overwrite one: exports and backups never replace a file by accident. */
function writeNew(file: string, text: string): string {
  const target = path.resolve(file);
  try {
    // Readable by the user only (issue 18): an export holds the same private notes as the data file.
    fs.writeFileSync(target, text, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(EXIT.refused, `${target} already exists. Kith does not overwrite files: choose another name.`);
    if (code === 'ENOENT') throw new CliError(EXIT.refused, `The folder of ${target} does not exist.`);
    throw new CliError(EXIT.refused, `${target} could not be written (${code ?? String(error)}).`);
  }
  return target;
}

function issueLines(title: string, issues: readonly ImportIssue[], limit = 50): string {
  if (issues.length === 0) return '';
  const shown = issues.slice(0, limit).map((i) => `  ${i.where}: ${i.message}`);
  if (issues.length > limit) shown.push(`  … and ${issues.length - limit} more (--json lists them all)`);
  return `${title} (${issues.length})\n${shown.join('\n')}\n`;
}

function countLines(counts: ImportResult['counts']): string {
  const parts = [
    ['new people', counts.newPeople],
    ['people matched', counts.matchedPeople],
    ['people updated', counts.updatedPeople],
    ['new organizations', counts.newOrganizations],
    ['new affiliations', counts.newAffiliations],
    ['new ties', counts.newTies],
    ['rows skipped', counts.skipped],
  ] as const;
  return parts.map(([label, n]) => `  ${String(n).padStart(6)}  ${label}`).join('\n') + '\n';
}

export function previewText(preview: ImportPreview): string {
  let out = `Dry run: nothing was changed. Importing this ${FORMAT_NAMES[preview.format]} (${plural(preview.counts.records, 'record')}) would give:\n`;
  out += countLines(preview.counts);
  if (preview.encoding) out += `Read as ${ENCODING_LABELS[preview.encoding]}.\n`;
  out += jobChangeLines(preview.jobChanges ?? []);
  if (preview.theirs) out += theirsLines(preview.theirs, true);
  if (preview.archive) out += archiveLines(preview.archive, true);
  if (preview.nothingToDo) out += 'Nothing would change: everything in the file is already in Kith.\n';
  if (preview.matches.length) {
    out += `Matched to people already in Kith (${preview.matches.length})\n`;
    out += table(preview.matches.slice(0, 50), [
      { header: '  WHERE', value: (m) => `  ${m.where}` },
      { header: 'NAME', value: (m) => m.name },
      { header: 'MATCHES', value: (m) => `${m.personName} (id ${m.personId})` },
      { header: 'BY', value: (m) => m.matchedBy },
      { header: 'WOULD ADD', value: (m) => (m.changes.length ? m.changes.join(', ') : 'nothing new'), max: 60 },
    ]);
  }
  out += issueLines('Skipped', preview.skipped);
  out += issueLines('Warnings', preview.warnings);
  return out;
}

function jobChangeLines(changes: readonly JobChange[]): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, 50).map((c) => `  ${c.where}: ${c.name} left ${c.from.join(', ')} for ${c.to}`);
  if (changes.length > 50) shown.push(`  … and ${changes.length - 50} more (--json lists them all)`);
  return `Job changes (${changes.length}): the old affiliation ends, the new one starts\n${shown.join('\n')}\n`;
}

/** A contact's own list, imported as theirs (issue 14). */
function theirsLines(t: TheirConnectionsSummary, preview: boolean): string {
  let out = `${t.name}'s connections: ${t.name} ${preview ? 'would be' : 'was'} tied to ${plural(t.newTies, 'person', 'people')}; ${plural(t.secondDegree, 'person', 'people')} new to Kith ${preview ? 'would be' : t.secondDegree === 1 ? 'was' : 'were'} added as second-degree (no tie with you).\n`;
  if (t.me.length > 0) {
    out += `You are in this list (${t.me.map((m) => m.where).join(', ')}): not added as a person; ${
      t.tieWithMe === 'added' ? `a tie between you and ${t.name} ${preview ? 'would be' : 'was'} added` : t.tieWithMe === 'exists' ? `you and ${t.name} already have a tie` : 'no tie is made from a name alone'
    }.\n`;
  }
  for (const s of t.sameListAs) {
    out += `Careful: ${s.people} of its ${s.of} people are on ${s.name}'s list, imported before. If this is ${s.name}'s list again, do not import it as ${t.name}'s; if it really is ${t.name}'s, add --confirm-owner.\n`;
  }
  return out;
}

/** What LinkedIn's archive adds beyond people (issue 13). */
function archiveLines(a: ArchiveSummary, preview: boolean): string {
  const m = a.messages;
  let out = `Files: ${a.files.map((f) => `${f.name} (${f.kind === 'other' ? 'not used' : f.kind})`).join(', ')}\n`;
  out += a.me ? `Your profile: ${a.me}\n` : '';
  out += `  ${String(m.entries).padStart(6)}  ${preview ? 'journal entries would be added' : 'journal entries added'} from ${plural(m.messages, 'message')} (one per conversation and day${a.messageText ? ', with the text' : ', without the text'})\n`;
  const left = [
    [m.alreadyImported, 'already imported'],
    [m.largeConversations, `conversations with more than 8 people`],
    [m.withNobodyKnown, 'with nobody in Kith'],
    [m.drafts, 'drafts'],
    [m.spam, 'spam'],
    [m.sponsored, 'sponsored'],
  ] as const;
  const leftText = left.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');
  if (leftText) out += `          left out: ${leftText}\n`;
  out += `  ${String(a.howWeMet).padStart(6)}  "how we met" filled from invitations\n`;
  out += `  ${String(a.notes).padStart(6)}  notes\n`;
  out += `  ${String(a.positions.filter((p) => p.isNew).length).padStart(6)}  of your positions\n`;
  out += `  ${String(a.favors).padStart(6)}  recommendations (favors)\n`;
  if (a.senders.length > 0) {
    out += `Message senders who are not connections (${a.senders.length}), added only with --include KEY:\n`;
    out += a.senders.slice(0, 50).map((s) => `  ${s.included ? '[x]' : '[ ]'} ${s.name} (${plural(s.messages, 'message')})  key: ${s.key}`).join('\n') + '\n';
  }
  return out;
}

function resultText(result: ImportResult, backup: BackupInfo | null): string {
  let out = `Imported ${FORMAT_NAMES[result.format]} (${plural(result.counts.records, 'record')}):\n${countLines(result.counts)}`;
  out += jobChangeLines(result.jobChanges ?? []);
  if (result.theirs) out += theirsLines(result.theirs, false);
  if (result.archive) out += archiveLines(result.archive, false);
  out += issueLines('Skipped', result.skipped);
  out += issueLines('Warnings', result.warnings);
  if (backup) out += `A backup of the data as it was before is in backups/${backup.name}.\n`;
  return out;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function backupsTable(backups: readonly BackupInfo[]): string {
  return table(backups, [
    { header: 'TAKEN (UTC)', value: (b) => b.createdAt.replace('T', ' ').slice(0, 19) },
    { header: 'KIND', value: (b) => BACKUP_KIND_LABELS[b.kind] + (b.detail ? ` (${b.detail})` : '') },
    { header: 'SIZE', value: (b) => formatSize(b.sizeBytes), align: 'right' },
    { header: 'NAME', value: (b) => b.name, max: 80 },
  ]);
}

export function addDataCommands(program: Command, ctx: CliContext): void {
  examples(
    common(
      program
        .command('import')
        .description('import people from a LinkedIn, vCard, Google Contacts or Kith JSON file, or meetings and mail from a calendar (.ics) or an mbox: all of it or nothing')
        .argument('<format>', `the file's format: ${[...IMPORT_FORMATS, 'ics', 'mbox'].join(', ')}`)
        .argument('<file>', 'the file to import (for linkedin: the archive zip, its unzipped folder, or one of its CSV files)')
        .option('--dry-run', 'show what would be imported, matched and skipped, and change nothing')
        .option('--message-text', 'linkedin: import the text of messages into the journal (off by default: entries say how many messages)')
        .option('--include <keys...>', 'linkedin: message senders who are not connections to add as people, by key ("sender <url>", listed by --dry-run); ics, mbox: people not in Kith ("attendee <e-mail>")')
        .option('--of <person>', "linkedin: the Connections.csv is this person's own (id or exact name): they are tied to each connection, and people new to Kith are second-degree")
        .option('--confirm-owner', "with --of: import it as theirs even though it looks like a list imported before as someone else's")
        .option('--my-email <addresses...>', 'ics, mbox: my e-mail addresses (kept as the setting; default: the setting and my own e-mails)')
        .option('--max-attendees <n>', 'ics: leave out events with more people than this (rooms not counted; default 8)'),
    ),
    [
      'kith import linkedin ~/Downloads/Basic_LinkedInDataExport_02-08-2026.zip --dry-run',
      'kith import linkedin ~/Downloads/Connections.csv',
      'kith import linkedin ~/Downloads/ana-Connections.csv --of "Ana Acosta" --dry-run',
      'kith import vcard contacts.vcf',
      'kith import google contacts.csv --json',
      'kith import json kith-2025-01-31.json',
      'kith import ics ~/Downloads/calendar.ics --my-email me@example.org --dry-run',
      'kith import mbox ~/Takeout/Mail/mail.mbox --my-email me@example.org',
    ],
  ).action(
    async (
      format: string,
      file: string,
      options: CommonOptions & HistoryCliOptions & { dryRun?: boolean; messageText?: boolean; include?: string[]; of?: string; confirmOwner?: boolean },
    ) => {
    // Calendars and mail (issue 14) bring journal entries, not people: their own path.
    if (isHistorySource(format)) return runHistoryImport(ctx, format, file, options);
    oneOf('FORMAT', [...IMPORT_FORMATS, 'ics', 'mbox'], format);
    if (options.confirmOwner && options.of === undefined) throw new CliError(EXIT.usage, '--confirm-owner goes with --of PERSON.');
    const raw = readInput(file);
    const request = {
      format: validate(ImportFormat, format, {}),
      input: await expandInput(raw instanceof Buffer ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : raw),
    };
    const store = ctx.open(options);
    const archiveOptions = {
      messageText: options.messageText === true,
      include: options.include ?? [],
      ...(options.of !== undefined ? { of: resolvePersonId(store.db, options.of), confirmOwner: options.confirmOwner === true } : {}),
    };
    if (options.dryRun) {
      const preview = previewImport(store.db, request.format, request.input, archiveOptions);
      ctx.print(options, preview, () => previewText(preview));
      return;
    }
    const taken: { backup: BackupInfo | null } = { backup: null };
    const result = importText(store.db, request.format, request.input, {
      ...archiveOptions,
      // The import's own safety copy, just before its transaction, when it would change something.
      backupBeforeImport: () => (taken.backup = createBackupSync(store, 'before-import')),
    });
    ctx.print(options, { ...result, backup: taken.backup }, () => resultText(result, taken.backup));
  });

  examples(
    common(
      program
        .command('export')
        .description('export everything (json), people (csv, vcard) or the network (gexf, graphml)')
        .argument('<format>', `one of ${EXPORT_FORMATS.join(', ')}`)
        .option('-o, --out <file>', 'write to this new file instead of stdout'),
    ),
    ['kith export json --out kith.json', 'kith export csv > people.csv', 'kith export graphml --out network.graphml'],
  ).action((format: string, options: CommonOptions & { out?: string }) => {
    const chosen = oneOf('FORMAT', EXPORT_FORMATS, format) as (typeof EXPORT_FORMATS)[number];
    if (options.out !== undefined && !options.out.trim()) throw new CliError(EXIT.usage, '--out cannot be empty.');
    const { db } = ctx.open(options);
    const result = runExport(db, chosen);
    if (options.out === undefined) {
      // The export itself is the output: --json would only wrap it.
      ctx.io.stdout.write(result.text);
      return;
    }
    const written = writeNew(options.out, result.text);
    ctx.print(options, { format: chosen, file: written, characters: result.text.length }, () => `Exported ${chosen} to ${written}.\n`);
  });

  examples(
    common(
      program
        .command('backup')
        .description('back up the data now (checked with an integrity check), into the backups folder or a file of your choice')
        .option('-o, --out <file>', 'write the backup to this new file instead of the backups folder'),
    ),
    ['kith backup', 'kith backup --out ~/kith-before-moving.db', 'kith backup --json'],
  ).action(async (options: CommonOptions & { out?: string }) => {
    if (options.out !== undefined && !options.out.trim()) throw new CliError(EXIT.usage, '--out cannot be empty.');
    const store = ctx.open(options);
    if (options.out !== undefined) {
      const written = await backupToFile(store.db, options.out);
      ctx.print(options, written, () => `Backed up to ${written.file} (${formatSize(written.sizeBytes)}), integrity checked.\n`);
      return;
    }
    const made = await createBackup(store, 'manual');
    ctx.print(options, made, () => `Backed up to ${path.join(store.backupDir, made.name)} (${formatSize(made.sizeBytes)}), integrity checked.\n`);
  });

  examples(common(program.command('backups').description('list the backups in the backups folder, newest first')), ['kith backups', 'kith backups --json']).action(
    (options: CommonOptions) => {
      // Listing reads the folder only: it works even when the data file cannot be opened.
      const { backupDir } = dataPaths(ctx.dataDir(options));
      const backups = listBackups(backupDir);
      ctx.print(options, { folder: backupDir, backups }, () =>
        backups.length === 0 ? `No backups yet in ${backupDir}.\n` : `${backupsTable(backups)}${plural(backups.length, 'backup')} in ${backupDir}.\n`,
      );
    },
  );

  examples(
    common(
      program
        .command('restore')
        .description('replace the data with a backup (a backup of the current data is taken first); quit the app before')
        .argument('<file>', 'a backup (from `kith backups`, in the backups folder) or any Kith data file'),
    ),
    ['kith restore ~/.config/Kith/backups/kith-daily-2025-01-31T09-00-00-000Z.db', 'kith restore ~/kith-before-moving.db --json'],
  ).action(async (file: string, options: CommonOptions) => {
    const dataDir = ctx.dataDir(options);
    const paths = dataPaths(dataDir);
    const source = path.resolve(file);
    if (source === path.resolve(paths.dbFile)) throw new CliError(EXIT.usage, `${file} is the data file itself; choose a backup.`);
    let db = null;
    try {
      db = ctx.open(options).db;
    } catch (error) {
      // A damaged data file is the usual reason to restore: copy it as it is instead.
      if (!(error instanceof KithError && error.code === 'DB_CORRUPT')) throw error;
    }
    const { safetyBackup } = await scheduleRestore({ db, ...paths }, source, { label: file });
    // The swap needs every connection closed: reopening applies it (and migrates an older backup).
    ctx.close();
    const reopened = openKith(dataDir, { passphrase: ctx.passphrase(options) });
    const outcome = reopened.pendingRestore;
    reopened.close();
    if (!outcome?.applied) throw new CliError(EXIT.refused, `The restore was not applied: ${outcome?.problem ?? 'it was not staged'}`);
    ctx.print(options, { restored: source, safetyBackup }, () => `Restored ${source}.\nThe data as it was before is in ${path.join(paths.backupDir, safetyBackup.name)}.\n`);
  });
}
