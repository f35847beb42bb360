// CSV reading shared by the LinkedIn and Google importers, over csv-parse
// (RFC 4180: quoted fields with commas, doubled quotes and line breaks).
import { parse } from 'csv-parse/sync';
import { KithError } from '../../shared/errors';

export interface CsvRow {
  /** Line of the file where the row starts (1-based), for messages. */
  line: number;
  cells: string[];
}

/** Drops a UTF-8 byte-order mark and unifies line endings (CRLF, CR, LF), which keeps line numbers. */
export function cleanText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Parses CSV text whose first line is line `firstLine` of the file. Rows that
 * are entirely empty are left out. A quoting error rejects the whole file with
 * the line it is on: a broken quote shifts every later field, so nothing after
 * it can be trusted.
 */
export function readCsv(text: string, firstLine = 1, what = 'The file'): CsvRow[] {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, {
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    const line = typeof e.lines === 'number' ? e.lines + firstLine - 1 : null;
    const detail = String(e.message ?? error).replace(/ at line \d+/, '');
    throw new KithError(
      'INVALID_INPUT',
      `${what} could not be read${line !== null ? ` at line ${line}` : ''}: ${detail}. Nothing was imported; check the file is an unchanged export.`,
    );
  }
  const rows: CsvRow[] = [];
  let line = firstLine;
  for (const { record, raw } of records) {
    if (record.some((c) => c !== '')) rows.push({ line, cells: record });
    line += countBreaks(raw);
  }
  return rows;
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Header lookup by name, case- and space-insensitively. */
export function headerIndex(header: readonly string[]): (name: string) => number {
  const map = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!map.has(k)) map.set(k, i);
  });
  return (name) => map.get(name.toLowerCase()) ?? -1;
}
