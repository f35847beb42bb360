// Issue 13, "Bytes in, not text": the importers take the file's bytes and find
// the encoding (UTF-8 ±BOM, UTF-16 LE/BE by BOM or NUL pattern, tab-separated
// Excel "Unicode text", Windows-1252, mixed), say which in the preview, and
// import the same people whichever encoding the file came in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/db/open';
import { decodeBytes, detectDelimiter } from '../../main/importers/decode';
import { importText, previewImport } from '../../main/importers';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { sniffText, toBase64 } from '../../shared/importBytes';
import { FIXTURES } from '../helpers/fixtures';

const CSV =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
  'José,Álvarez,https://www.linkedin.com/in/jose-alvarez,,Société Générale,Ingénieur,08 Feb 2026\n' +
  'Zoë,Lindqvist,https://www.linkedin.com/in/zoe-l,,Fabrikam,"Director, Talent",01 Mar 2024\n';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-enc-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'kith.db'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function names(db: Db): string[] {
  return (db.prepare('SELECT display_name FROM people WHERE is_me = 0 ORDER BY display_name').pluck().all() as string[]);
}
function orgs(db: Db): string[] {
  return db.prepare('SELECT name FROM organizations ORDER BY name').pluck().all() as string[];
}

const utf16le = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), iconv.encode(s, 'utf-16le')]);
const utf16be = (s: string, bom: boolean) => Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), iconv.encode(s, 'utf-16be')]);

describe('decodeBytes', () => {
  const cases: [string, Buffer, string][] = [
    ['utf-8', Buffer.from(CSV, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), 'utf-8-bom'],
    ['utf-16le with BOM', utf16le(CSV, true), 'utf-16le'],
    ['utf-16le without BOM', utf16le(CSV, false), 'utf-16le'],
    ['utf-16be with BOM', utf16be(CSV, true), 'utf-16be'],
    ['utf-16be without BOM', utf16be(CSV, false), 'utf-16be'],
    ['windows-1252', iconv.encode(CSV, 'windows-1252'), 'windows-1252'],
  ];
  for (const [label, bytes, encoding] of cases) {
    it(`reads ${label}`, () => {
      const decoded = decodeBytes(bytes);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(CSV);
      expect(decoded.delimiter).toBe(',');
      expect(decoded.warnings).toEqual([]);
    });
  }

  it("detects Excel's tab-separated UTF-16 \"Unicode text\"", () => {
    const tsv = CSV.replace('"Director, Talent"', 'Director, Talent').replace(/,(?! Talent)/g, '\t');
    const decoded = decodeBytes(utf16le(tsv, true));
    expect(decoded).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(detectDelimiter('Notes:\n"a, b, c, d"\n\nFirst Name,Last Name,URL\n')).toBe(',');
  });

  it('reads a file mixing UTF-8 and Windows-1252 line by line, and names the lines', () => {
    const lines = CSV.split('\n');
    const bytes = Buffer.concat([Buffer.from(`${lines[0]}\n${lines[1]}\n`, 'utf8'), iconv.encode(`${lines[2]}\n`, 'windows-1252')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('mixed');
    expect(decoded.text).toBe(CSV);
    expect(decoded.warnings).toEqual([
      { where: 'line 3', line: 3, card: null, message: expect.stringMatching(/mixes encodings: line 3 is not UTF-8 and was read as Windows-1252/) },
    ]);
  });
});

describe('importing bytes', () => {
  it('imports the same people and organizations from every encoding, and the preview says which', () => {
    const expected = { names: ['José Álvarez', 'Zoë Lindqvist'], orgs: ['Fabrikam', 'Société Générale'] };
    const inputs: [Buffer, string][] = [
      [Buffer.from(CSV, 'utf8'), 'utf-8'],
      [iconv.encode(CSV, 'windows-1252'), 'windows-1252'],
      [utf16le(CSV, true), 'utf-16le'],
      [utf16be(CSV, false), 'utf-16be'],
      [utf16le(CSV.replace('"Director, Talent"', 'Director of Talent').replace(/,/g, '\t'), true), 'utf-16le'],
    ];
    for (const [bytes, encoding] of inputs) {
      const db = freshDb();
      const preview = previewImport(db, 'linkedin', bytes);
      expect(preview.encoding, encoding).toBe(encoding);
      expect(preview.counts.newPeople).toBe(2);
      const result = importText(db, 'linkedin', bytes);
      expect(result.encoding).toBe(encoding);
      expect(names(db)).toEqual(expected.names);
      expect(orgs(db)).toEqual(expected.orgs);
      db.close();
    }
  });

  it('import:preview and import:commit take base64 bytes, and refuse text and bytes together or neither', async () => {
    const db = freshDb();
    const dispatch = createDispatcher(createHandlers({ db, dataDir: path.dirname(db.name) }), { validateOutput: true });
    const bytes = iconv.encode(CSV, 'windows-1252').toString('base64');
    const preview = await dispatch('import:preview', { format: 'linkedin', bytes });
    expect(preview.ok && preview.value).toMatchObject({ encoding: 'windows-1252', counts: { newPeople: 2 } });
    const commit = await dispatch('import:commit', { format: 'linkedin', bytes });
    expect(commit.ok && commit.value).toMatchObject({ encoding: 'windows-1252', counts: { newPeople: 2 } });
    expect(names(db)).toEqual(['José Álvarez', 'Zoë Lindqvist']);
    for (const bad of [{ format: 'linkedin' }, { format: 'linkedin', bytes, text: CSV }, { format: 'linkedin', bytes: 'not base64!' }]) {
      expect(await dispatch('import:preview', bad)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('the renderer sends the file as base64 and reads its start as text in UTF-16 too, for the format guess', () => {
    const raw = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'linkedin-archive', 'Connections.csv')));
    expect(Buffer.from(toBase64(raw), 'base64').equals(Buffer.from(raw))).toBe(true);
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(Buffer.from(toBase64(big), 'base64').equals(Buffer.from(big))).toBe(true);
    const wide = new Uint8Array(utf16le(CSV, false));
    expect(sniffText(wide)).toBe(CSV);
    expect(sniffText(new Uint8Array(utf16be(CSV.replace(/,/g, '\t'), true)))).toBe(CSV);
    expect(sniffText(new Uint8Array(Buffer.from(CSV)))).toBe(CSV);
  });
});
