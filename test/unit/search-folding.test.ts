// Issue 17: search finds names however they are typed. One list of natural
// queries per rule (at least ten each), run against people search (the People
// list and search:all) and journal search (entries found by their
// participants' names), on a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createEntry } from '../../main/services/journal';
import { createPerson, listPeople, updatePerson } from '../../main/services/people';
import { quickSearch, searchAll } from '../../main/services/search';
import { createTie } from '../../main/services/ties';
import { NOT_BY_NAME, foldForSearch, nameMatchRank, personSearchText } from '../../shared/text';
import { createTestDb, removeTempDirs } from '../helpers/db';

let db: Db;
afterEach(() => {
  db?.close();
  removeTempDirs();
});

const PEOPLE: { name: string; emails?: string[]; phones?: string[] }[] = [
  { name: 'Søren Kierkegaard' },
  { name: 'Łukasz Nowak' },
  { name: 'Jörg Strauß' },
  { name: 'Ægir Þórsson' },
  { name: 'Đorđe Petrović' },
  { name: 'Chloé Lœuvre' },
  { name: 'François Müller' },
  { name: 'Hans Mueller' },
  { name: 'Zoë Schröder' },
  { name: 'Björn Jäger' },
  { name: 'Renée Gößling' },
  { name: '王小明' },
  { name: '山田 太郎' },
  { name: '김민준' },
  { name: '佐藤花子' },
  { name: "Siobhán O'Brien" },
  { name: 'Mary-Jane Watson' },
  { name: "D'Arcy Léa-Martin" },
  { name: 'Jean-Luc Picard' },
  { name: 'Ana Acosta', emails: ['ana.acosta@acme.example'], phones: ['+49 170 1234567'] },
  { name: 'Bruno Costa', emails: ['bruno@zephyr-robotics.example', 'b.costa@gmail.example'], phones: ['(555) 010-9876', '+1 212 555 0199'] },
  { name: 'Carla Dias', emails: ['CARLA.DIAS@Example.ORG'], phones: ['0044 20 7946 0958'] },
];

function setup(): Map<string, number> {
  db = createTestDb({ file: true });
  const ids = new Map<string, number>();
  for (const p of PEOPLE) {
    const person = createPerson(db, {
      displayName: p.name,
      emails: (p.emails ?? []).map((value) => ({ label: 'work', value })),
      phones: (p.phones ?? []).map((value) => ({ label: 'mobile', value })),
    });
    ids.set(p.name, person.id);
    createEntry(db, { occurredAt: '2026-11-02', kind: 'coffee', title: 'Catch-up', body: 'Talked about the weather.', participantIds: [person.id] });
  }
  return ids;
}

const names = (ids: Map<string, number>, found: number[]) => found.map((id) => [...ids].find(([, v]) => v === id)?.[0]);

/** [query, the person it must find] */
type Case = [string, string];

const RULES: Record<string, Case[]> = {
  'ø æ ß ł đ œ þ and accents': [
    ['soren', 'Søren Kierkegaard'],
    ['Soren K', 'Søren Kierkegaard'],
    ['lukasz', 'Łukasz Nowak'],
    ['lukasz nowak', 'Łukasz Nowak'],
    ['strauss', 'Jörg Strauß'],
    ['jorg', 'Jörg Strauß'],
    ['aegir', 'Ægir Þórsson'],
    ['thorsson', 'Ægir Þórsson'],
    ['dorde', 'Đorđe Petrović'],
    ['petrovic', 'Đorđe Petrović'],
    ['chloe', 'Chloé Lœuvre'],
    ['loeuvre', 'Chloé Lœuvre'],
    ['renee gossling', 'Renée Gößling'],
    ['francois', 'François Müller'],
  ],
  'mueller and muller': [
    ['mueller', 'François Müller'],
    ['muller', 'François Müller'],
    ['Müller', 'Hans Mueller'],
    ['mueller', 'Hans Mueller'],
    ['muller', 'Hans Mueller'],
    ['hans muller', 'Hans Mueller'],
    ['schroeder', 'Zoë Schröder'],
    ['schroder', 'Zoë Schröder'],
    ['zoe', 'Zoë Schröder'],
    ['bjoern', 'Björn Jäger'],
    ['jaeger', 'Björn Jäger'],
    ['jager', 'Björn Jäger'],
    ['goessling', 'Renée Gößling'],
  ],
  'CJK names by any part': [
    ['小明', '王小明'],
    ['王小明', '王小明'],
    ['王', '王小明'],
    ['明', '王小明'],
    ['太郎', '山田 太郎'],
    ['山田', '山田 太郎'],
    ['田', '山田 太郎'],
    ['민준', '김민준'],
    ['김민준', '김민준'],
    ['花子', '佐藤花子'],
    ['佐藤', '佐藤花子'],
  ],
  'apostrophes and hyphens ignored': [
    ['obrien', "Siobhán O'Brien"],
    ["o'brien", "Siobhán O'Brien"],
    ['o’brien', "Siobhán O'Brien"],
    ['brien', "Siobhán O'Brien"],
    ['siobhan obrien', "Siobhán O'Brien"],
    ['maryjane', 'Mary-Jane Watson'],
    ['mary-jane', 'Mary-Jane Watson'],
    ['mary jane', 'Mary-Jane Watson'],
    ['jane watson', 'Mary-Jane Watson'],
    ['darcy', "D'Arcy Léa-Martin"],
    ['leamartin', "D'Arcy Léa-Martin"],
    ['jeanluc', 'Jean-Luc Picard'],
    ['luc picard', 'Jean-Luc Picard'],
  ],
  'e-mails': [
    ['ana.acosta@acme.example', 'Ana Acosta'],
    ['ana.acosta@', 'Ana Acosta'],
    ['ana.aco', 'Ana Acosta'],
    ['bruno@zephyr', 'Bruno Costa'],
    ['zephyr-robotics', 'Bruno Costa'],
    ['zephyr', 'Bruno Costa'],
    ['b.costa@gmail.example', 'Bruno Costa'],
    ['gmail', 'Bruno Costa'],
    ['carla.dias@example.org', 'Carla Dias'],
    ['CARLA.DIAS', 'Carla Dias'],
    ['acme.example', 'Ana Acosta'],
  ],
  'phones by digits, with a 7-digit suffix': [
    ['+49 170 1234567', 'Ana Acosta'],
    ['0170 1234567', 'Ana Acosta'],
    ['01701234567', 'Ana Acosta'],
    ['1234567', 'Ana Acosta'],
    ['+491701234567', 'Ana Acosta'],
    ['555 010 9876', 'Bruno Costa'],
    ['(555) 010-9876', 'Bruno Costa'],
    ['5550109876', 'Bruno Costa'],
    ['+1 555 010 9876', 'Bruno Costa'],
    ['212-555-0199', 'Bruno Costa'],
    ['+44 20 7946 0958', 'Carla Dias'],
    ['020 7946 0958', 'Carla Dias'],
    ['7946 0958', 'Carla Dias'],
  ],
};

describe('people search finds names however they are typed (issue 17)', () => {
  for (const [rule, cases] of Object.entries(RULES)) {
    it(`${rule}: ${cases.length} natural queries in the People list, search:all and the palette`, () => {
      const ids = setup();
      const failures: string[] = [];
      for (const [query, who] of cases) {
        const want = ids.get(who)!;
        if (!listPeople(db, { search: query }).items.some((p) => p.id === want)) failures.push(`people:list "${query}"`);
        if (!searchAll(db, { query, kinds: ['person'] }).people.some((h) => h.id === want)) failures.push(`search:all "${query}"`);
        if (!quickSearch(db, query).some((r) => r.kind === 'person' && r.id === want)) failures.push(`palette "${query}"`);
      }
      expect(failures).toEqual([]);
      expect(cases.length).toBeGreaterThanOrEqual(10);
    });
  }

  it('does not find what was not typed: folding is not fuzzy matching', () => {
    const ids = setup();
    for (const query of ['sorens', 'lukas nowakk', 'xyz', '小红', '9999999', 'zephyrs']) {
      expect(names(ids, listPeople(db, { search: query }).items.map((p) => p.id)), query).toEqual([]);
    }
    // A phone needs 7 digits in common at its end, not just a few.
    expect(listPeople(db, { search: '+33 1 4567' }).items).toEqual([]);
  });

  it('keeps the folded text current when a name, e-mail or phone changes, whoever changes it', () => {
    const ids = setup();
    const ana = ids.get('Ana Acosta')!;
    updatePerson(db, ana, { displayName: 'Ana Øster', phones: [{ label: 'mobile', value: '+45 31 22 33 44' }] });
    expect(listPeople(db, { search: 'oster' }).items.map((p) => p.id)).toEqual([ana]);
    expect(listPeople(db, { search: '31223344' }).items.map((p) => p.id)).toEqual([ana]);
    expect(listPeople(db, { search: '1234567' }).items).toEqual([]);
    // A raw write (an older CLI, an import) marks the row stale through the trigger.
    db.prepare("UPDATE people SET display_name = 'Ana Łaska' WHERE id = ?").run(ana);
    expect(listPeople(db, { search: 'laska' }).items.map((p) => p.id)).toEqual([ana]);
    const stored = db.prepare('SELECT search_folded FROM people WHERE id = ?').get(ana) as { search_folded: string };
    expect(stored.search_folded).toBe(personSearchText('Ana Łaska', ['ana.acosta@acme.example'], ['+45 31 22 33 44']));
  });
});

describe('journal search finds entries by their participants’ names (issue 17)', () => {
  const QUERIES: Case[] = [
    ['soren', 'Søren Kierkegaard'],
    ['kierkegaard', 'Søren Kierkegaard'],
    ['lukasz', 'Łukasz Nowak'],
    ['strauss', 'Jörg Strauß'],
    ['mueller', 'Hans Mueller'],
    ['muller', 'François Müller'],
    ['小明', '王小明'],
    ['太郎', '山田 太郎'],
    ['obrien', "Siobhán O'Brien"],
    ['maryjane', 'Mary-Jane Watson'],
    ['jean-luc', 'Jean-Luc Picard'],
    ['thorsson', 'Ægir Þórsson'],
  ];
  it(`${QUERIES.length} natural queries each find the entry with that person`, () => {
    const ids = setup();
    const withPerson = (id: number) =>
      (db.prepare('SELECT interaction_id AS id FROM interaction_participants WHERE person_id = ?').all(id) as { id: number }[]).map((r) => r.id);
    const failures: string[] = [];
    for (const [query, who] of QUERIES) {
      const entries = searchAll(db, { query, kinds: ['entry'] }).entries.map((e) => e.id);
      if (!withPerson(ids.get(who)!).every((id) => entries.includes(id))) failures.push(query);
    }
    expect(failures).toEqual([]);
  });

  it('ranks words in the entry above participants, and shows a plain excerpt for a participant match', () => {
    const ids = setup();
    const soren = ids.get('Søren Kierkegaard')!;
    const about = createEntry(db, { occurredAt: '2026-10-01', kind: 'call', title: 'Soren sent his thesis', body: '', participantIds: [ids.get('Ana Acosta')!] });
    const hits = searchAll(db, { query: 'soren', kinds: ['entry'] }).entries;
    expect(hits[0]!.id).toBe(about.id);
    const byName = hits.find((h) => h.id !== about.id)!;
    expect(byName.detail).toContain('Søren Kierkegaard');
    expect(byName.snippet.map((s) => s.text).join('')).toBe('Catch-up');
    expect(soren).toBeGreaterThan(0);
  });
});

describe('picker ranking (issue 17)', () => {
  it('ranks name prefixes, then inside names, then the rest', () => {
    expect(nameMatchRank('Dalia S', 'Dalia Sánchez')).toBe(0);
    expect(nameMatchRank('Dalia S', 'Dalia Fernández')).toBe(NOT_BY_NAME);
    expect(nameMatchRank('sanchez', 'Dalia Sánchez')).toBe(1);
    expect(nameMatchRank('dalia r', 'Dalia Sánchez Ruiz')).toBe(2);
    expect(nameMatchRank('ali', 'Dalia Sánchez')).toBe(3);
    expect(nameMatchRank('小明', '王小明')).toBe(3);
    expect(nameMatchRank('soren', 'Søren Kierkegaard')).toBe(0);
    expect(foldForSearch('Łódź Ærø Straße')).toBe('lodz aro strasse');
  });

  it('people:list with bestMatchFirst puts the name match first, then the stronger tie', () => {
    db = createTestDb({ file: true });
    const fernandez = createPerson(db, { displayName: 'Dalia Fernández', headline: 'Senior Staff Engineer' });
    const sanchez = createPerson(db, { displayName: 'Dalia Sánchez', headline: 'Designer' });
    const sanz = createPerson(db, { displayName: 'Dalia Sanz', headline: 'Designer' });
    const me = (db.prepare('SELECT id FROM people WHERE is_me = 1').get() as { id: number }).id;
    createTie(db, { personA: me, personB: sanz.id, strength: 4 });
    createTie(db, { personA: me, personB: fernandez.id, strength: 5 });
    const plain = listPeople(db, { search: 'Dalia S' }).items.map((p) => p.id);
    expect(plain).toEqual([fernandez.id, sanchez.id, sanz.id]); // alphabetical: the bug in the picker
    const ranked = listPeople(db, { search: 'Dalia S', bestMatchFirst: true }).items.map((p) => p.id);
    expect(ranked).toEqual([sanz.id, sanchez.id, fernandez.id]);
    expect(quickSearch(db, 'Dalia S').map((r) => r.id).slice(0, 2).sort()).toEqual([sanchez.id, sanz.id].sort());
  });
});

describe('people:list by pages (issue 17)', () => {
  it('returns the asked slice of the sorted, searched list and the full total', () => {
    db = createTestDb({ file: true });
    for (let i = 0; i < 250; i++) createPerson(db, { displayName: `Émile ${String(i).padStart(3, '0')}` });
    const whole = listPeople(db, { sort: 'name' }).items.map((p) => p.id);
    const pages = [0, 100, 200].flatMap((offset) => listPeople(db, { sort: 'name', offset, limit: 100 }).items.map((p) => p.id));
    expect(pages).toEqual(whole);
    const found = listPeople(db, { search: 'emile 1', offset: 5, limit: 10 });
    expect(found.total).toBe(100); // Émile 100 … Émile 199
    expect(found.items.map((p) => p.displayName)).toEqual(Array.from({ length: 10 }, (_, i) => `Émile ${105 + i}`));
  });
});
