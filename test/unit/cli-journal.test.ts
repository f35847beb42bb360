// `kith journal add|list|search`, `kith due` and `kith favors list` in-process
// through runCli against a real data folder: text and --json, @mentions,
// exit codes, and bad arguments refused with exit 2 and the data unchanged.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import type { Person } from '../../shared/domain';
import type { Favor, FavorBalance, JournalEntry, JournalPage, Reminder, CadenceItem, SearchHit } from '../../shared/journal';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs, snapshotDb, type DbSnapshot } from '../helpers/db';
import { openKith } from '../../main/db/kith';
import { createReminder } from '../../main/services/reminders';
import { createFavor } from '../../main/services/favors';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('kith-cli-journal-'), 'data');
});
afterEach(removeTempDirs);

const run = (...args: string[]) => kith([...args, '--data-dir', dir]);

function snapshot(): DbSnapshot {
  const db = openDatabase(path.join(dir, 'kith.db'), { readonly: true });
  try {
    return snapshotDb(db);
  } finally {
    db.close();
  }
}

async function person(name: string, ...extra: string[]): Promise<Person> {
  const r = await run('people', 'add', name, '--json', ...extra);
  expect(r.code, r.stderr).toBe(0);
  return r.json<{ person: Person }>().person;
}

describe('kith journal', () => {
  it('add: --with become participants, @mentions in the body references (issue 17); --new creates a person; text and --json', async () => {
    const ana = await person('Ana Acosta');
    const ben = await person('Ben Okafor');
    const r = await run(
      'journal', 'add', '--with', 'ana', '--kind', 'coffee', '--date', '2024-03-15T10:30', '--title', 'Platform team',
      '--body', 'Talked kubernetes with @Ben Okafor', '--new', 'Zoe Park', '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const entry = r.json<JournalEntry>();
    expect(entry).toMatchObject({ kind: 'coffee', occurredAt: '2024-03-15T10:30', title: 'Platform team' });
    expect(entry.participants.map((p) => p.displayName).sort()).toEqual(['Ana Acosta', 'Zoe Park']);
    expect(entry.participants.map((p) => p.id)).toEqual(expect.arrayContaining([ana.id]));
    expect(entry.mentions?.map((p) => p.id)).toEqual([ben.id]);

    const text = await run('journal', 'add', '--with', String(ben.id), '--kind', 'call', '--date', '2024-04-01', '--title', 'Follow-up call');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Logged entry \d+ \(Call, 2024-04-01\) with Ben Okafor\.\n$/);
  });

  it('add: refused without anyone, with a bad kind or date (exit 2), or an unknown person (exit 1); nothing written', async () => {
    await person('Ana Acosta');
    const before = snapshot();
    const none = await run('journal', 'add', '--title', 'Alone');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--with: An entry needs at least one person it was with');
    const kind = await run('journal', 'add', '--with', 'ana', '--kind', 'party');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('party');
    const date = await run('journal', 'add', '--with', 'ana', '--date', '2024-02-30');
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--date');
    const unknown = await run('journal', 'add', '--with', 'Nobody Here');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No person matches "Nobody Here"');
    expect(snapshot()).toEqual(before);
  });

  it('list: newest first, filters by person, kind and dates, --limit, table and --json', async () => {
    await person('Ana Acosta');
    await person('Ben Okafor');
    for (const [who, kind, date, title] of [
      ['ana', 'coffee', '2024-01-10', 'January coffee'],
      ['ben', 'call', '2024-02-10', 'February call'],
      ['ana', 'call', '2024-03-10', 'March call'],
    ] as const) {
      expect((await run('journal', 'add', '--with', who, '--kind', kind, '--date', date, '--title', title)).code).toBe(0);
    }
    const all = await run('journal', 'list', '--json');
    expect(all.json<JournalPage>().items.map((e) => e.title)).toEqual(['March call', 'February call', 'January coffee']);

    const ana = await run('journal', 'list', '--person', 'Ana Acosta', '--kind', 'call', '--json');
    expect(ana.json<JournalPage>().items.map((e) => e.title)).toEqual(['March call']);
    const range = await run('journal', 'list', '--from', '2024-02-01', '--to', '2024-03-10', '--json');
    expect(range.json<JournalPage>().items.map((e) => e.title)).toEqual(['March call', 'February call']);

    const text = await run('journal', 'list', '--limit', '2');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^\s*ID\s+WHEN\s+KIND\s+TITLE\s+WITH$/);
    expect(text.stdout).toContain('March call');
    expect(text.stdout).not.toContain('January coffee');
    expect(text.stdout).toContain('Showing 2 of 3 entries.');

    expect((await run('journal', 'list', '--from', 'yesterday')).code).toBe(2);
    expect((await run('journal', 'list', '--limit', 'ten')).code).toBe(2);
  });

  it('search: finds entries by a word in the body, matches bracketed in text, segments in --json', async () => {
    await person('Ana Acosta');
    expect((await run('journal', 'add', '--with', 'ana', '--title', 'Platform', '--body', 'We talked about the kubernetes migration.')).code).toBe(0);
    expect((await run('journal', 'add', '--with', 'ana', '--title', 'Other', '--body', 'Nothing relevant.')).code).toBe(0);
    const json = await run('journal', 'search', 'kubernetes', '--json');
    expect(json.code, json.stderr).toBe(0);
    const hits = json.json<SearchHit[]>();
    expect(hits.map((h) => h.title)).toEqual(['Platform']);
    expect(hits[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['kubernetes']);
    const text = await run('journal', 'search', 'kubernetes');
    expect(text.stdout).toContain('[kubernetes]');
    expect(text.stdout).toContain('1 entry.');
    expect((await run('journal', 'search', 'zeppelin')).stdout).toBe('No entries match "zeppelin".\n');
  });
});

describe('kith due', () => {
  it('lists overdue cadences and open follow-ups due by today; logging an entry clears the cadence', async () => {
    const ana = await person('Ana Acosta');
    await person('Ben Okafor');
    expect((await run('journal', 'add', '--with', 'ana', '--date', '2024-01-01')).code).toBe(0);
    const store = openKith(dir);
    try {
      store.db.prepare('UPDATE people SET cadence_days = 30 WHERE id = ?').run(ana.id);
      createReminder(store.db, { title: 'Send the article', dueOn: '2024-03-01', personId: ana.id });
      createReminder(store.db, { title: 'Later thing', dueOn: '2024-06-01', personId: ana.id });
    } finally {
      store.close();
    }
    const due = await run('due', '--today', '2024-03-15', '--tz', 'UTC', '--json');
    expect(due.code, due.stderr).toBe(0);
    const value = due.json<{ today: string; cadences: CadenceItem[]; followUps: Reminder[] }>();
    expect(value.today).toBe('2024-03-15');
    expect(value.cadences.map((c) => [c.displayName, c.state, c.dueOn])).toEqual([['Ana Acosta', 'overdue', '2024-02-01']]);
    expect(value.followUps.map((r) => r.title)).toEqual(['Send the article']);

    const text = await run('due', '--today', '2024-03-15', '--tz', 'UTC');
    expect(text.stdout).toContain('Keep in touch (1)');
    expect(text.stdout).toContain('43 days overdue');
    expect(text.stdout).toContain('Follow-ups (1)');

    expect((await run('journal', 'add', '--with', 'ana', '--date', '2024-03-14')).code).toBe(0);
    const after = await run('due', '--today', '2024-03-15', '--tz', 'UTC', '--json');
    expect(after.json<{ cadences: CadenceItem[] }>().cadences).toEqual([]);

    expect((await run('due', '--today', 'soon')).code).toBe(2);
    expect((await run('due', '--tz', 'Mars/Olympus')).code).toBe(2);
  });
});

describe('kith favors list', () => {
  it('lists favors newest first with the balance per person; --person and --direction filter', async () => {
    const ana = await person('Ana Acosta');
    const ben = await person('Ben Okafor');
    const store = openKith(dir);
    try {
      createFavor(store.db, { personId: ana.id, direction: 'received', kind: 'referral', occurredOn: '2024-03-01', note: 'Referred me to Acme' });
      createFavor(store.db, { personId: ana.id, direction: 'given', kind: 'advice', occurredOn: '2024-02-01', note: 'CV review' });
      createFavor(store.db, { personId: ben.id, direction: 'given', kind: 'article', occurredOn: '2024-01-01' });
    } finally {
      store.close();
    }
    const all = await run('favors', 'list', '--json');
    expect(all.code, all.stderr).toBe(0);
    const value = all.json<{ items: Favor[]; balances: FavorBalance[] }>();
    expect(value.items.map((f) => f.occurredOn)).toEqual(['2024-03-01', '2024-02-01', '2024-01-01']);
    expect(value.balances.find((b) => b.personId === ana.id)).toMatchObject({ given: 1, received: 1, net: 0 });

    const received = await run('favors', 'list', '--person', 'Ana', '--direction', 'received', '--json');
    expect(received.json<{ items: Favor[] }>().items.map((f) => f.note)).toEqual(['Referred me to Acme']);

    const text = await run('favors', 'list');
    expect(text.stdout).toContain('3 favors.');
    expect(text.stdout).toContain('not yet');
    expect(text.stdout).toContain('Balance');
    expect((await run('favors', 'list', '--direction', 'sideways')).code).toBe(2);
  });

  it('an empty ledger says so', async () => {
    await person('Ana Acosta');
    expect((await run('favors', 'list')).stdout).toBe('No favors recorded.\n');
  });
});
