// Bytes to text for every importer (issue 13, "Bytes in, not text"): finds the
// encoding a real export was written in and the delimiter of its table, and
// says which were used so the preview can show it.
//   - UTF-8, with or without a byte-order mark;
//   - UTF-16 LE/BE, by byte-order mark or, without one, by where the NUL bytes
//     fall (ASCII text in UTF-16 has a NUL in every other byte);
//   - otherwise Windows-1252 (Excel's "CSV" on Windows), line by line when a
//     file mixes it with UTF-8, with a warning naming those lines.
// Excel's "Unicode text" is UTF-16 and tab-separated, hence the delimiter.
import iconv from 'iconv-lite';
import type { ImportEncoding, ImportIssue } from '../../shared/importExport';

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
  delimiter: ',' | '\t';
  /** Remarks about the decoding (mixed encodings), by line. */
  warnings: ImportIssue[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark: most even (BE) or odd (LE) bytes of the start are NUL, and few of the others. */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Tab when the table is tab-separated: a line among the first ones holds at
 * least two tabs and more tabs than commas (LinkedIn's preamble holds commas,
 * never tabs).
 */
export function detectDelimiter(text: string): ',' | '\t' {
  const lines = text.slice(0, 20_000).split('\n', 60);
  for (const line of lines) {
    const tabs = line.split('\t').length - 1;
    if (tabs >= 2 && tabs > line.split(',').length - 1) return '\t';
  }
  return ',';
}

function withDelimiter(text: string, encoding: ImportEncoding, warnings: ImportIssue[] = []): DecodedText {
  return { text, encoding, delimiter: detectDelimiter(text), warnings };
}

/** Windows-1252 and UTF-8 in one file: each line is read as UTF-8 when it is valid UTF-8, else as Windows-1252. */
function decodeMixed(bytes: Uint8Array): DecodedText {
  const parts: string[] = [];
  const legacyLines: number[] = [];
  let utf8NonAscii = false;
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, end);
    if (isUtf8(slice)) {
      if (slice.some((b) => b >= 0x80)) utf8NonAscii = true;
      parts.push(utf8.decode(slice));
    } else {
      legacyLines.push(line);
      parts.push(iconv.decode(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength), 'windows-1252'));
    }
    start = end + 1;
    line++;
  }
  const text = parts.join('\n').replace(/^\uFEFF/, '');
  if (!utf8NonAscii) return withDelimiter(text, 'windows-1252');
  const shown = legacyLines.slice(0, 20).join(', ') + (legacyLines.length > 20 ? ', …' : '');
  const warnings: ImportIssue[] = [
    {
      where: `line ${legacyLines[0]}`,
      line: legacyLines[0]!,
      card: null,
      message: `the file mixes encodings: line${legacyLines.length === 1 ? '' : 's'} ${shown} ${legacyLines.length === 1 ? 'is' : 'are'} not UTF-8 and ${legacyLines.length === 1 ? 'was' : 'were'} read as Windows-1252; check the names on ${legacyLines.length === 1 ? 'it' : 'them'}`,
    },
  ];
  return withDelimiter(text, 'mixed', warnings);
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf && isUtf8(buf.subarray(3))) {
    return withDelimiter(utf8.decode(buf.subarray(3)), 'utf-8-bom');
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return withDelimiter(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return withDelimiter(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');
  const wide = utf16ByNuls(buf);
  if (wide) return withDelimiter(iconv.decode(buf, wide), wide);
  if (isUtf8(buf)) return withDelimiter(utf8.decode(buf), 'utf-8');
  return decodeMixed(buf);
}

/** Standard base64 (what ImportRequest carries) to bytes. */
export function bytesFromBase64(base64: string): Uint8Array {
  const buf = Buffer.from(base64, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
