// Issue 13: the archive's parsers fuzzed like the existing importers (seeded
// fast-check). No input crashes or hangs; an import is whole or refused with a
// KithError that changes nothing; every issue says where; and after a commit
// the database has no dangling references. Decoding never throws on any bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { exportJson } from '../../main/exporters/json';
import { importText, previewImport, type ImportInput } from '../../main/importers';
import { decodeBytes } from '../../main/importers/decode';
import { KithError } from '../../shared/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-archive-fuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const db = openDatabase(path.join(dir, 'kith.db'));
importText(
  db,
  'linkedin',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lee,https://www.linkedin.com/in/ana,,Acme,Engineer,01 Feb 2020\nBo,Kim,https://www.linkedin.com/in/bo,,Acme,Boss,02 Feb 2020\n',
);
const snapshot = () => exportJson(db, { now: new Date(0) });

function attempt(input: ImportInput, options = {}): void {
  db.exec('BEGIN');
  try {
    const before = snapshot();
    let preview;
    try {
      preview = previewImport(db, 'linkedin', input, options);
    } catch (error) {
      expect(error).toBeInstanceOf(KithError);
      expect(snapshot()).toBe(before);
      return;
    }
    for (const s of [...preview.skipped, ...preview.warnings]) expect(s.where.length).toBeGreaterThan(0);
    try {
      const result = importText(db, 'linkedin', input, options);
      expect(result.counts.newPeople).toBe(preview.counts.newPeople);
      expect(result.archive?.messages.entries).toBe(preview.archive?.messages.entries);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } catch (error) {
      expect(error).toBeInstanceOf(KithError);
      expect(snapshot()).toBe(before);
    }
  } finally {
    db.exec('ROLLBACK');
  }
}

const SEED = 1313;
const RUNS = { numRuns: 120, seed: SEED };

const urlArb = fc.oneof(
  fc.constantFrom('https://www.linkedin.com/in/ana', 'https://www.linkedin.com/in/bo/', 'https://www.linkedin.com/in/me', 'linkedin.com/in/X%C3%B8', '', 'https://example.com/in/x', 'not a url'),
  fc.string({ maxLength: 10 }).map((s) => `https://www.linkedin.com/in/${s}`),
);
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', ',', '\n', '\u0000', '\u0007', 'Yes', 'No', 'SPAM', 'INBOX', 'DRAFTS', '2025-06-01 14:03:22 UTC', '2025-13-01 00:00:00 UTC', '1/29/26, 2:37 PM', 'Jan 2024', '31 Feb 2026', 'INCOMING', 'OUTGOING'),
  urlArb,
);
const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
const row = (width: number) => fc.array(cell, { minLength: width - 1, maxLength: width + 1 }).map((cells) => cells.map(quote).join(','));
const table = (header: string, width: number) => fc.array(row(width), { maxLength: 8 }).map((rows) => [header, ...rows].join('\n'));

const MESSAGES = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT';
const messageRow = fc
  .tuple(fc.constantFrom('c1', 'c2', 'c3', ''), fc.string({ maxLength: 6 }), urlArb, fc.array(urlArb, { maxLength: 10 }), fc.constantFrom('2025-06-01 14:03:22 UTC', '2025-06-01 23:59:59 UTC', '2025-06-02 00:00:00 UTC', 'bad'), fc.string({ maxLength: 20 }), fc.constantFrom('INBOX', 'SPAM', 'DRAFTS'), fc.constantFrom('Yes', 'No'))
  .map(([id, from, fromUrl, to, date, text, folder, draft]) => [id, '', from, fromUrl, 'x, y', to.join(','), date, '', text, folder, '', draft, 'No'].map(quote).join(','));

describe('the archive parsers never crash, hang or import in part', () => {
  it('messages.csv', () => {
    fc.assert(
      fc.property(fc.array(messageRow, { maxLength: 15 }), fc.boolean(), (rows, text) => attempt(Buffer.from([MESSAGES, ...rows].join('\n')), { messageText: text, include: ['sender https://www.linkedin.com/in/me'] })),
      RUNS,
    );
  });

  it('messages.csv with random cells', () => {
    fc.assert(fc.property(table(MESSAGES, 13), (text) => attempt(Buffer.from(text))), RUNS);
  });

  it('Invitations, Notes, Positions, Recommendations', () => {
    const headers: [string, number][] = [
      ['From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl', 7],
      ['Connection First Name,Connection Last Name,Connection Profile URL,Note,Created On,Edited On', 6],
      ['Company Name,Title,Description,Location,Started On,Finished On', 6],
      ['First Name,Last Name,Company,Job Title,Text,Creation Date,Status', 7],
    ];
    fc.assert(fc.property(fc.constantFrom(...headers).chain(([h, w]) => table(h, w)), (text) => attempt(Buffer.from(text))), RUNS);
  });

  it('an archive of several of them, in any encoding', () => {
    fc.assert(
      fc.property(
        table(MESSAGES, 13),
        table('Company Name,Title,Description,Location,Started On,Finished On', 6),
        fc.constantFrom('utf8', 'utf16le', 'windows-1252'),
        (messages, positions, encoding) =>
          attempt({ files: [{ name: 'messages.csv', bytes: iconv.encode(messages, encoding) }, { name: 'Positions.csv', bytes: iconv.encode(positions, encoding) }], skipped: [] }),
      ),
      { numRuns: 60, seed: SEED },
    );
  });

  it('decoding takes any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const decoded = decodeBytes(bytes);
        expect(typeof decoded.text).toBe('string');
        attempt(bytes);
      }),
      RUNS,
    );
  });
});
