// A child process for the crash test: writes journal entries through Kith's
// real services as fast as it can, and after each commit prints the entry's id
// on stdout. The parent kills it with SIGKILL at a random moment. With a third
// argument N it instead stops inside the transaction of its Nth entry (after
// the entry's rows are written, before the commit), prints `pause ID` and
// waits to be killed: the kill then lands mid-write every time, not by a race
// of a few milliseconds (issue 18).
import fs from 'node:fs';
import { openKith } from '../../main/db/kith';
import { createEntry, updateEntry } from '../../main/services/journal';
import { updatePerson } from '../../main/services/people';

const [dataDir, peopleArg, pauseArg] = process.argv.slice(2);
const pauseAt = pauseArg === undefined ? -1 : Number(pauseArg);
if (!dataDir || !peopleArg) throw new Error('usage: crashWriter DATA_DIR PERSON_ID,PERSON_ID');
const people = peopleArg.split(',').map(Number);
const store = openKith(dataDir);
const words = ['coffee', 'referral', 'platform', 'team', 'hiring', 'article', 'José', 'Zoë', 'follow-up', 'introduction'];

for (let seq = 0; ; seq++) {
  const body = Array.from({ length: 50 + (seq % 400) }, (_, i) => words[(seq * 7 + i) % words.length]).join(' ');
  const write = () =>
    createEntry(store.db, {
      occurredAt: '2026-11-22',
      kind: 'call',
      title: `Entry ${seq}`,
      body,
      participantIds: seq % 3 === 0 ? people : [people[seq % people.length]!],
    });
  if (seq === pauseAt) {
    // The entry's transaction nests inside this one (a savepoint), so nothing is committed while we wait.
    store.db.transaction(() => {
      const entry = write();
      fs.writeSync(1, `pause ${entry.id}\n`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks until SIGKILL
    })();
  }
  const entry = write();
  // Other writes in between: an edit (FTS delete + insert) and a profile change.
  if (seq % 5 === 0) updateEntry(store.db, entry.id, { body: `${body} (edited)` });
  if (seq % 7 === 0) updatePerson(store.db, people[0]!, { notes: `Last written entry ${seq}` });
  fs.writeSync(1, `${entry.id}\n`); // acknowledged: the commit returned
}
