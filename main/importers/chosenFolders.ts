// Folders the user chose with the native dialog (issue 13: "an unzipped folder
// is chosen with a native dialog in the main process; no IPC channel takes a
// path"). The dialog's path stays here; the renderer gets an opaque token and
// sends it back with import:preview / import:commit. Plain Node, so vitest
// tests the whole flow with a chooser that returns a temp folder.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { KithError } from '../../shared/errors';
import type { ArchiveInput } from './archive';
import { readArchiveFolder } from './folder';

export interface ChosenFolder {
  token: string;
  name: string;
  files: number;
}

/** Opens the OS folder dialog (main/electron supplies it) and resolves to the chosen path, or null when cancelled. */
export type FolderChooser = () => Promise<string | null>;

export class ChosenFolders {
  private readonly paths = new Map<string, string>();

  constructor(private readonly choose: FolderChooser | undefined) {}

  /** Shows the dialog; the folder is read once here so an unreadable one is refused at once. */
  async chooseFolder(): Promise<ChosenFolder | null> {
    if (!this.choose) {
      throw new KithError('INVALID_INPUT', 'Choosing a folder needs the Kith app window. Zip the folder and choose the zip instead.');
    }
    const dir = await this.choose();
    if (!dir) return null;
    const contents = readArchiveFolder(dir);
    const token = randomUUID();
    this.paths.set(token, dir);
    return { token, name: path.basename(dir), files: contents.files.length };
  }

  /** The folder's files, read again now (the preview and the commit each see the folder as it is). */
  read(token: string): ArchiveInput {
    const dir = this.paths.get(token);
    if (!dir) throw new KithError('INVALID_INPUT', 'That folder is no longer chosen. Choose the folder again.');
    return readArchiveFolder(dir);
  }
}
