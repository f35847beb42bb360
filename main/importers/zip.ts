// Reading LinkedIn's data archive (Basic_/Complete_LinkedInDataExport_….zip)
// with yauzl (issue 13): it reads the central directory, checks every entry's
// real size against its header while inflating (a zip bomb cannot lie about
// its size), and refuses encrypted entries. On top of it, stated limits:
//   - at most ZIP_LIMITS.entries entries;
//   - an entry may inflate to at most ZIP_LIMITS.entryBytes, and to at most
//     ZIP_LIMITS.ratio times its compressed size (CSV text compresses 5–15×);
//   - all entries read together at most ZIP_LIMITS.totalBytes.
// Only tables (.csv, .txt) are read; a nested zip or an encrypted entry is
// left out with its reason, and the rest is read. Nothing here is LinkedIn's:
// the importer decides what each file is by its header.
import yauzl from 'yauzl';
import { KithError } from '../../shared/errors';
import type { ImportIssue } from '../../shared/importExport';

export const ZIP_LIMITS = {
  entries: 10_000,
  entryBytes: 300 * 1024 * 1024,
  totalBytes: 600 * 1024 * 1024,
  ratio: 200,
} as const;

export interface ArchiveFile {
  /** The path inside the zip or folder, as shown to the user. */
  name: string;
  bytes: Uint8Array;
}

export interface ArchiveContents {
  files: ArchiveFile[];
  /** Entries left out, with why (nested zip, encrypted, too large, not a table). */
  skipped: ImportIssue[];
}

/** A zip's local-file or empty-archive signature. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

const TABLE = /\.(csv|txt)$/i;

function entryIssue(name: string, message: string): ImportIssue {
  return { where: `file ${name}`, line: null, card: null, message };
}

const badZip = (detail: string) =>
  new KithError('INVALID_INPUT', `This zip file could not be read (${detail}). Download the archive from LinkedIn again, or unzip it and choose the folder.`);

export function readZip(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<ArchiveContents> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(badZip(err?.message ?? 'unknown error'));
        return;
      }
      const out: ArchiveContents = { files: [], skipped: [] };
      if (zip.entryCount > limits.entries) {
        zip.close();
        reject(new KithError('INVALID_INPUT', `This zip holds ${zip.entryCount} files, more than the ${limits.entries} Kith reads. It is not LinkedIn's data archive; nothing was imported.`));
        return;
      }
      let total = 0;
      let failed = false;
      const fail = (error: KithError) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(error);
      };
      zip.on('error', (e: Error) => fail(badZip(e.message)));
      zip.on('end', () => {
        if (!failed) resolve(out);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (/\.zip$/i.test(name)) {
          out.skipped.push(entryIssue(name, 'a zip inside the zip is not opened; unzip it and import its files'));
          return zip.readEntry();
        }
        if (!TABLE.test(name)) return zip.readEntry();
        if (entry.isEncrypted()) {
          out.skipped.push(entryIssue(name, 'it is encrypted (password-protected); Kith does not read encrypted zips'));
          return zip.readEntry();
        }
        const size = entry.uncompressedSize;
        if (size > limits.entryBytes || (entry.compressedSize > 0 && size / entry.compressedSize > limits.ratio && size > 1024 * 1024)) {
          out.skipped.push(
            entryIssue(
              name,
              `it would unpack to ${Math.round(size / 1024 / 1024)} MB (limits: ${limits.entryBytes / 1024 / 1024} MB per file, ${limits.ratio}× compression); left out as a possible zip bomb`,
            ),
          );
          return zip.readEntry();
        }
        if (total + size > limits.totalBytes) {
          fail(new KithError('INVALID_INPUT', `This zip unpacks to more than ${limits.totalBytes / 1024 / 1024} MB of tables, more than any LinkedIn archive; nothing was imported.`));
          return;
        }
        total += size;
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) {
            out.skipped.push(entryIssue(name, `it could not be read (${streamErr?.message ?? 'no data'})`));
            zip.readEntry();
            return;
          }
          const chunks: Buffer[] = [];
          let got = 0;
          stream.on('data', (c: Buffer) => {
            got += c.length;
            // yauzl stops at the declared size too; this guards the running total.
            if (got > size) stream.destroy(new Error('the entry is larger than its header says'));
            else chunks.push(c);
          });
          stream.on('error', (e: Error) => {
            out.skipped.push(entryIssue(name, `it could not be read (${e.message})`));
            zip.readEntry();
          });
          stream.on('end', () => {
            const data = Buffer.concat(chunks);
            if (isZip(data)) out.skipped.push(entryIssue(name, 'it is a zip inside the zip; unzip it and import its files'));
            else out.files.push({ name, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
