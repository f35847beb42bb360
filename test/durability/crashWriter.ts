// A child process for the crash test: writes journal entries through Kith's
// real services as fast as it can, and after each commit prints the entry's id
// on stdout. The parent kills it with SIGKILL at a random moment.
import fs from 'node:fs';
import { openKith } from '../../main/db/kith';
import { createEntry, updateEntry } from '../../main/services/journal';
import { updatePerson } from '../../main/services/people';

const [dataDir, peopleArg] = process.argv.slice(2);
if (!dataDir || !peopleArg) throw new Error('usage: crashWriter DATA_DIR PERSON_ID,PERSON_ID');
const people = peopleArg.split(',').map(Number);
const store = openKith(dataDir);
const words = ['coffee', 'referral', 'platform', 'team', 'hiring', 'article', 'José', 'Zoë', 'follow-up', 'introduction'];

for (let seq = 0; ; seq++) {
  const body = Array.from({ length: 50 + (seq % 400) }, (_, i) => words[(seq * 7 + i) % words.length]).join(' ');
  const entry = createEntry(store.db, {
    occurredAt: '2026-11-22',
    kind: 'call',
    title: `Entry ${seq}`,
    body,
    participantIds: seq % 3 === 0 ? people : [people[seq % people.length]!],
  });
  // Other writes in between: an edit (FTS delete + insert) and a profile change.
  if (seq % 5 === 0) updateEntry(store.db, entry.id, { body: `${body} (edited)` });
  if (seq % 7 === 0) updatePerson(store.db, people[0]!, { notes: `Last written entry ${seq}` });
  fs.writeSync(1, `${entry.id}\n`); // acknowledged: the commit returned
}
