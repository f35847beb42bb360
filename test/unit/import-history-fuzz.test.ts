// Property-based fuzzing of issue 14's importers (fast-check, seeded): mangled
// calendars and mboxes never crash or hang the parsers; each either is refused
// whole with a KithError or reads with every problem named per event or
// message, and the import then writes exactly what its preview said (or is
// refused leaving every table as it was).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KithError } from '../../shared/errors';
import { fixedClock, setClock } from '../../shared/clock';
import { exportJson } from '../../main/exporters/json';
import { commitHistory, parseCalendarText, previewHistory, type ParsedHistory } from '../../main/importers/history';
import { readMbox } from '../../main/importers/mbox';
import { createPerson } from '../../main/services/people';
import { createTestDb, makeTempDir, removeTempDirs } from '../helpers/db';
import { HISTORY_FIXTURES } from '../helpers/fixtures';

const db = createTestDb();
createPerson(db, { displayName: 'Ana Acosta', emails: [{ value: 'ana.acosta@example.org' }] });
createPerson(db, { displayName: 'Tom Weber', emails: [{ value: 'tom@weber.example' }] });
const snapshot = () => exportJson(db, { now: new Date(0) });
const ME = ['me@example.com'];
afterAll(removeTempDirs);
let restore: () => void;
beforeEach(() => {
  restore = setClock(fixedClock('2027-01-31T12:00:00Z', 'Europe/Berlin'));
});
afterEach(() => restore());

/** Preview then commit inside an outer transaction rolled back after, so every run starts from the same Kith. */
function whole(parsed: () => ParsedHistory): void {
  db.exec('BEGIN');
  try {
    const before = snapshot();
    let p: ParsedHistory;
    try {
      p = parsed();
    } catch (error) {
      expect(error).toBeInstanceOf(KithError);
      return;
    }
    const preview = previewHistory(db, p, { myEmails: ME });
    for (const s of preview.skipped) expect(s.where).toMatch(/^(event \d+ \(line \d+\)|event at line \d+|message [\d,]+ \(byte [\d,]+\))/);
    try {
      const result = commitHistory(db, p, { myEmails: ME });
      const entries = (result.calendar?.entries ?? 0) + (result.calendar?.updated ?? 0) + (result.mail?.entries ?? 0) + (result.mail?.updated ?? 0);
      expect(entries).toBe((preview.calendar?.entries ?? 0) + (preview.calendar?.updated ?? 0) + (preview.mail?.entries ?? 0) + (preview.mail?.updated ?? 0));
    } catch (error) {
      expect(error).toBeInstanceOf(KithError);
      expect(snapshot()).toBe(before);
    }
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Lines of a real file with some cut, doubled, swapped or replaced by noise. */
function mangled(lines: string[]) {
  const noise = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR', 'DTSTART;TZID=Nowhere/City:20260101T100000', 'RRULE:FREQ=SECONDLY', 'RRULE:FREQ=DAILY;COUNT=999999', 'From ', 'From x@y Mon Jan 01 00:00:00 2026', '', 'To: =?UTF-8?B?!!!?= <a@b>', ' folded', 'Date: yesterday'),
  );
  return fc
    .array(fc.tuple(fc.nat(lines.length), fc.constantFrom('cut', 'double', 'noise', 'swap'), noise), { maxLength: 8 })
    .map((edits) => {
      const out = [...lines];
      for (const [at, kind, text] of edits) {
        const i = Math.min(at, out.length - 1);
        if (i < 0) break;
        if (kind === 'cut') out.splice(i, 1);
        else if (kind === 'double') out.splice(i, 0, out[i]!);
        else if (kind === 'noise') out.splice(i, 0, text);
        else if (i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      }
      return out.join('\r\n');
    });
}

describe('fuzzing the calendar and mbox importers', () => {
  it('a mangled Google calendar: whole or refused, problems named per event', () => {
    const lines = fs.readFileSync(path.join(HISTORY_FIXTURES, 'google.ics'), 'utf8').split('\r\n');
    fc.assert(
      fc.property(mangled(lines), (text) => whole(() => parseCalendarText(db, text, { myEmails: ME }))),
      { seed: 1414, numRuns: 25 },
    );
  });

  it('a mangled Takeout mbox: whole or refused, problems named per message', async () => {
    const lines = fs.readFileSync(path.join(HISTORY_FIXTURES, 'takeout.mbox'), 'latin1').split('\r\n');
    const dir = makeTempDir('kith-mbox-fuzz-');
    const file = path.join(dir, 'fuzz.mbox');
    await fc.assert(
      fc.asyncProperty(mangled(lines), async (text) => {
        fs.writeFileSync(file, text, 'latin1');
        let mail;
        try {
          mail = await readMbox(file, { myEmails: new Set(ME) });
        } catch (error) {
          expect(error).toBeInstanceOf(KithError);
          return;
        }
        whole(() => ({ source: 'mbox', mail }));
      }),
      { seed: 1415, numRuns: 25 },
    );
  });
});
