// Files of issue 14's imports (a calendar, an mbox) chosen with the native
// dialog in main: the path stays here, the renderer gets an opaque token, as
// for import:chooseFolder (chosenFolders.ts). Also the runs that read them:
// their progress and a way to cancel, by a run id the renderer picks.
// Plain Node, so vitest tests the whole flow with a chooser that returns a
// temp file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KithError } from '../../shared/errors';
import type { ChosenFile, HistoryProgress, HistoryRequest, HistorySource } from '../../shared/history';
import { MAX_IMPORT_CHARS } from '../../shared/importExport';
import type { Db } from '../db/open';
import { bytesFromBase64, decodeBytes } from './decode';
import { myEmailsOf, parseCalendarText, type HistoryOptions, type ParsedHistory } from './history';
import { readMbox } from './mbox';

/** Opens the OS file dialog (main/electron supplies it) and resolves to the chosen path, or null when cancelled. */
export type FileChooser = (source: HistorySource) => Promise<string | null>;

interface Run {
  progress: HistoryProgress;
  controller: AbortController;
}

export class HistoryFiles {
  private readonly paths = new Map<string, { path: string; source: HistorySource }>();
  private readonly runs = new Map<string, Run>();
  /** The last mbox read, so a commit after its preview does not read 2 GB again (only while the file is unchanged). */
  private cached: { stamp: string; parsed: ParsedHistory } | null = null;

  constructor(private readonly choose: FileChooser | undefined) {}

  async chooseFile(source: HistorySource): Promise<ChosenFile | null> {
    if (!this.choose) {
      throw new KithError('INVALID_INPUT', `Choosing a file needs the Kith app window. From the command line: kith import ${source} FILE.`);
    }
    const file = await this.choose(source);
    if (!file) return null;
    return this.add(file, source);
  }

  /** Registers a file (the dialog's choice; tests register temp files). */
  add(file: string, source: HistorySource): ChosenFile {
    let size: number;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw new KithError('INVALID_INPUT', `${path.basename(file)} is not a file.`);
      size = stat.size;
    } catch (error) {
      if (error instanceof KithError) throw error;
      throw new KithError('INVALID_INPUT', `${path.basename(file)} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    const token = randomUUID();
    this.paths.set(token, { path: file, source });
    return { token, name: path.basename(file), sizeBytes: size };
  }

  progress(run: string): HistoryProgress | null {
    return this.runs.get(run)?.progress ?? null;
  }

  cancel(run: string): boolean {
    const r = this.runs.get(run);
    if (!r || r.progress.done) return false;
    r.controller.abort();
    return true;
  }

  /** Reads the request's file (or bytes) into what the plan needs; an mbox is streamed, with progress and cancel. */
  async read(db: Db, request: Pick<HistoryRequest, 'source' | 'file' | 'bytes' | 'run'>, options: HistoryOptions): Promise<ParsedHistory> {
    if (request.bytes !== undefined) {
      if (request.source !== 'ics') throw new KithError('INVALID_INPUT', 'An mbox is chosen with the file dialog, never sent as bytes.');
      return parseCalendarText(db, decodeBytes(bytesFromBase64(request.bytes)).text, options);
    }
    const chosen = request.file === undefined ? undefined : this.paths.get(request.file);
    if (!chosen) throw new KithError('INVALID_INPUT', 'That file is no longer chosen. Choose the file again.');
    if (chosen.source !== request.source) throw new KithError('INVALID_INPUT', `That file was chosen as ${chosen.source}, not ${request.source}. Choose it again.`);
    return readHistoryFile(db, chosen.path, request.source, options, this.track(request.run), this);
  }

  /** A run's progress record and abort signal (a run without id gets an untracked one). */
  private track(run: string | undefined): Run {
    const r: Run = { progress: { bytesRead: 0, totalBytes: 0, done: false }, controller: new AbortController() };
    if (run !== undefined) {
      this.runs.set(run, r);
      // Only the latest few runs are kept: ids come from the renderer.
      while (this.runs.size > 20) this.runs.delete(this.runs.keys().next().value!);
    }
    return r;
  }

  cachedRead(stamp: string): ParsedHistory | null {
    return this.cached?.stamp === stamp ? this.cached.parsed : null;
  }

  remember(stamp: string, parsed: ParsedHistory): void {
    this.cached = { stamp, parsed };
  }
}

/** Reads a calendar or an mbox from a path (the CLI, or a chosen file). */
export async function readHistoryFile(
  db: Db,
  file: string,
  source: HistorySource,
  options: HistoryOptions,
  run?: Run,
  cache?: Pick<HistoryFiles, 'cachedRead' | 'remember'>,
): Promise<ParsedHistory> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KithError('INVALID_INPUT', code === 'ENOENT' ? `${file} does not exist.` : `${file} could not be read (${code ?? String(error)}).`);
  }
  if (stat.isDirectory()) throw new KithError('INVALID_INPUT', `${file} is a folder, not a file.`);
  const progress = run?.progress;
  if (progress) progress.totalBytes = stat.size;
  try {
    if (source === 'ics') {
      if (stat.size > MAX_IMPORT_CHARS) throw new KithError('INVALID_INPUT', `${path.basename(file)} is larger than 50 MB, more than any calendar export. Nothing was imported.`);
      const parsed = parseCalendarText(db, decodeBytes(new Uint8Array(fs.readFileSync(file))).text, options);
      if (progress) progress.bytesRead = stat.size;
      return parsed;
    }
    const myEmails = myEmailsOf(db, options.myEmails);
    const stamp = JSON.stringify([file, stat.size, stat.mtimeMs, [...myEmails].sort()]);
    const hit = cache?.cachedRead(stamp);
    if (hit) {
      if (progress) progress.bytesRead = stat.size;
      return hit;
    }
    const mail = await readMbox(file, {
      myEmails,
      ...(run ? { signal: run.controller.signal } : {}),
      onProgress: (bytesRead) => {
        if (progress) progress.bytesRead = bytesRead;
      },
    });
    const parsed: ParsedHistory = { source: 'mbox', mail };
    cache?.remember(stamp, parsed);
    return parsed;
  } finally {
    if (progress) progress.done = true;
  }
}
