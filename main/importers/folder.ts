// An unzipped LinkedIn archive folder (issue 13), read as the zip would be:
// its tables (.csv, .txt), two levels deep at most, under the same limits as a
// zip (zip.ts). The path comes from the native folder dialog or the CLI,
// never from the renderer.
import fs from 'node:fs';
import path from 'node:path';
import { KithError } from '../../shared/errors';
import type { ArchiveInput } from './archive';
import { ZIP_LIMITS } from './zip';

const TABLE = /\.(csv|txt)$/i;

export function readArchiveFolder(dir: string, limits = ZIP_LIMITS): ArchiveInput {
  const out: ArchiveInput = { files: [], skipped: [] };
  let total = 0;
  let seen = 0;
  const walk = (folder: string, depth: number) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw new KithError('INVALID_INPUT', `The folder ${folder} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    names.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of names) {
      if (++seen > limits.entries) throw new KithError('INVALID_INPUT', `This folder holds more than ${limits.entries} files; it is not LinkedIn's data archive. Nothing was imported.`);
      const full = path.join(folder, entry.name);
      const shown = path.relative(dir, full);
      if (entry.isDirectory()) {
        if (depth < 2) walk(full, depth + 1);
        continue;
      }
      if (!entry.isFile() || !TABLE.test(entry.name)) continue;
      const size = fs.statSync(full).size;
      if (size > limits.entryBytes) {
        out.skipped.push({ where: `file ${shown}`, line: null, card: null, message: `it is larger than ${limits.entryBytes / 1024 / 1024} MB; left out` });
        continue;
      }
      total += size;
      if (total > limits.totalBytes) throw new KithError('INVALID_INPUT', `This folder holds more than ${limits.totalBytes / 1024 / 1024} MB of tables, more than any LinkedIn archive; nothing was imported.`);
      out.files.push({ name: shown, bytes: new Uint8Array(fs.readFileSync(full)) });
    }
  };
  walk(dir, 0);
  return out;
}
