// Issue 14 speed: a contact's 5,000 connections imported as theirs, end to
// end (parse, match by profile URL, me recognised, write, one transaction),
// into a Kith that holds my own 2,000 connections, 1,000 of whom are also
// on the contact's list; target ≤ 1 s. Then the same list again (everything
// matched, nothing written).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../main/db/open';
import { importText } from '../../../main/importers';
import { createPerson } from '../../../main/services/people';
import type { BenchRow, BenchSuite } from '../types';
import { generateConnectionsCsv } from './import';

const SUITE = 'their-connections';
const HEADER_LINES = 4; // preamble (3 lines) and header of generateConnectionsCsv

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export const theirConnectionsSuite: BenchSuite = {
  name: SUITE,
  async run({ quick }) {
    const theirs = quick ? 1_000 : 5_000;
    const mine = quick ? 400 : 2_000;
    const shared = mine / 2;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-bench-theirs-'));
    const out: BenchRow[] = [];
    try {
      // The generator is sequential: a longer list starts with the shorter one's rows.
      const all = generateConnectionsCsv(mine + theirs - shared).split('\n');
      const head = all.slice(0, HEADER_LINES);
      const rows = all.slice(HEADER_LINES).filter((l) => l !== '');
      const myList = `${[...head, ...rows.slice(0, mine)].join('\n')}\n`;
      const theirList = `${[...head, ...rows.slice(mine - shared)].join('\n')}\n`;
      const db = openDatabase(path.join(dir, 'kith.db'));
      importText(db, 'linkedin', myList);
      const ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
      const first = time(() => importText(db, 'linkedin', theirList, { of: ana }));
      const added = first.value.theirs?.secondDegree ?? 0;
      if (first.value.theirs?.newTies !== theirs) throw new Error(`expected ${theirs} ties with Ana, got ${first.value.theirs?.newTies}`);
      const again = time(() => importText(db, 'linkedin', theirList, { of: ana }));
      if (again.value.counts.newTies !== 0 || again.value.counts.newPeople !== 0) throw new Error('the second import added something');
      db.close();
      out.push(
        {
          suite: SUITE,
          name: `${theirs.toLocaleString('en-US')} connections of a contact, end to end`,
          value: first.ms,
          unit: 'ms',
          target: '≤ 1000 ms',
          note: `${added.toLocaleString('en-US')} new second-degree people, ${shared.toLocaleString('en-US')} matched among my ${mine.toLocaleString('en-US')}; one transaction`,
        },
        { suite: SUITE, name: 'the same list again (nothing new)', value: again.ms, unit: 'ms', note: 'all matched by profile URL, nothing written' },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return out;
  },
};
