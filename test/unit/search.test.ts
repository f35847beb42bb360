// search:all over people, organizations, notes and the journal: ranking,
// diacritics, prefixes, snippets as segments, exclusions, and queries made of
// anything at all (fuzzed).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createEntry, deleteEntry } from '../../main/services/journal';
import { archiveOrganization, createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson } from '../../main/services/people';
import { quickSearch, searchAll, toEntryFtsQuery, toSegments } from '../../main/services/search';
import { createTestDb } from '../helpers/db';

let db: Db;
afterEach(() => db?.close());

function setup() {
  db = createTestDb();
  const jose = createPerson(db, { displayName: 'José Mendes', headline: 'Staff Engineer', notes: 'Loves **Rust** and sourdough.' });
  const ana = createPerson(db, { displayName: 'Ana Acosta', headline: 'Recruiter at Acme', howWeMet: 'Rust meetup in Lisbon' });
  const bruno = createPerson(db, { displayName: 'Bruno Costa', notes: 'Knows the hiring manager at Zephyr.' });
  const acme = createOrganization(db, { name: 'Acme Labs', notes: 'Hiring for the platform team in Lisbon.' });
  const zephyr = createOrganization(db, { name: 'Zephyr Robotics', domain: 'zephyr.example' });
  return { jose, ana, bruno, acme, zephyr };
}

const texts = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text.toLowerCase());

describe('search:all', () => {
  it('folds diacritics both ways and matches prefixes as you type', () => {
    const { jose } = setup();
    createEntry(db, { occurredAt: '2025-01-02', kind: 'coffee', title: 'Café with José', body: 'Talked about the Zürich office.', participantIds: [jose.id] });
    expect(searchAll(db, { query: 'jose' }).people.map((h) => h.id)).toEqual([jose.id]);
    expect(searchAll(db, { query: 'JOSÉ' }).people.map((h) => h.id)).toEqual([jose.id]);
    expect(searchAll(db, { query: 'jo' }).people.map((h) => h.id)).toEqual([jose.id]);
    expect(searchAll(db, { query: 'zurich' }).entries).toHaveLength(1);
    expect(searchAll(db, { query: 'cafe' }).entries).toHaveLength(1);
    expect(searchAll(db, { query: 'zür' }).entries).toHaveLength(1);
  });

  it('ranks a name above a mention in notes, and a title above a body', () => {
    const { ana, bruno } = setup();
    createPerson(db, { displayName: 'Carla Dias', notes: 'Met Ana once at a party.' });
    const people = searchAll(db, { query: 'ana' }).people;
    expect(people[0]!.id).toBe(ana.id);
    expect(people.map((p) => p.title)).toContain('Carla Dias');

    const inBody = createEntry(db, { occurredAt: '2025-01-01', kind: 'call', title: 'Catch-up', body: 'We discussed the referral process at length.', participantIds: [bruno.id] });
    const inTitle = createEntry(db, { occurredAt: '2024-01-01', kind: 'call', title: 'Referral', body: 'Short.', participantIds: [bruno.id] });
    expect(searchAll(db, { query: 'referral' }).entries.map((e) => e.id)).toEqual([inTitle.id, inBody.id]);
  });

  it('searches notes, says which field matched, and highlights with segments, never HTML', () => {
    const { jose, bruno, acme } = setup();
    createEntry(db, {
      occurredAt: '2025-02-03T10:00',
      kind: 'informational_interview',
      title: '',
      body: 'She said <b>never</b> send a <script>alert(1)</script> in a sourdough starter kit.',
      participantIds: [jose.id],
    });
    const r = searchAll(db, { query: 'sourdough' });
    expect(r.people.map((h) => [h.id, h.field])).toEqual([[jose.id, 'notes']]);
    expect(texts(r.people[0]!.snippet)).toEqual(['sourdough']);
    const entry = r.entries[0]!;
    expect(entry.title).toBe('Informational interview with José Mendes');
    expect(entry.detail).toBe('2025-02-03 · Informational interview · José Mendes');
    expect(entry.field).toBe('body');
    expect(texts(entry.snippet)).toEqual(['sourdough']);
    expect(entry.snippet.map((s) => s.text).join('')).toContain('<script>alert(1)</script>'); // plain text, for the renderer to escape

    const hiring = searchAll(db, { query: 'hiring' });
    expect(hiring.people.map((h) => [h.id, h.field])).toEqual([[bruno.id, 'notes']]);
    expect(hiring.organizations.map((h) => [h.id, h.field])).toEqual([[acme.id, 'notes']]);
    expect(searchAll(db, { query: 'zephyr.example' }).organizations[0]).toMatchObject({ title: 'Zephyr Robotics', field: 'domain' });
  });

  it('needs every word, the last one as a prefix', () => {
    const { ana } = setup();
    const a = createEntry(db, { occurredAt: '2025-01-01', kind: 'call', body: 'platform team hiring', participantIds: [ana.id] });
    createEntry(db, { occurredAt: '2025-01-02', kind: 'call', body: 'platform migration', participantIds: [ana.id] });
    expect(searchAll(db, { query: 'platform tea' }).entries.map((e) => e.id)).toEqual([a.id]);
    expect(searchAll(db, { query: 'plat hir' }).entries.map((e) => e.id)).toEqual([]); // "plat" is complete: a whole word
    expect(searchAll(db, { query: 'pla hir' }).entries.map((e) => e.id)).toEqual([a.id]); // 2-3 letters stay prefixes
    expect(toEntryFtsQuery('hiring manag')).toBe('"hiring" "manag"*');
    expect(toEntryFtsQuery('c te platform')).toBe('"c" "te"* "platform"*');
    expect(toEntryFtsQuery('  !!  ')).toBeNull();
    // The * applies to the last token FTS5 sees: "c++"* would be c*, every word starting with c.
    expect(toEntryFtsQuery('c++')).toBe('"c++"');
    expect(toEntryFtsQuery('see e.g')).toBe('"see"* "e.g"');
    expect(toEntryFtsQuery('zür')).toBe('"zür"*');
    expect(toEntryFtsQuery('node.js')).toBe('"node.js"*'); // js: two letters, in the prefix index
    expect(toEntryFtsQuery('José')).toBe('"José"*');
  });

  it('leaves out deleted entries and archived people and organizations unless asked', () => {
    const { ana, acme } = setup();
    const e = createEntry(db, { occurredAt: '2025-01-01', kind: 'call', body: 'Quarterly chat', participantIds: [ana.id] });
    deleteEntry(db, e.id);
    archivePerson(db, ana.id);
    archiveOrganization(db, acme.id);
    expect(searchAll(db, { query: 'quarterly' }).entries).toEqual([]);
    expect(searchAll(db, { query: 'quarterly', includeDeleted: true }).entries.map((h) => [h.id, h.archived])).toEqual([[e.id, true]]);
    expect(searchAll(db, { query: 'acosta' }).people).toEqual([]);
    expect(searchAll(db, { query: 'acosta', includeArchived: true }).people.map((h) => h.archived)).toEqual([true]);
    expect(searchAll(db, { query: 'acme' }).organizations).toEqual([]);
    expect(searchAll(db, { query: 'acme labs', includeArchived: true }).organizations).toHaveLength(1);
  });

  it('limits each section and searches only the kinds asked for', () => {
    const { ana } = setup();
    for (let i = 0; i < 30; i++) createEntry(db, { occurredAt: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, kind: 'email', body: `note ${i} about lisbon`, participantIds: [ana.id] });
    const r = searchAll(db, { query: 'lisbon', limit: 5, kinds: ['entry'] });
    expect(r.entries).toHaveLength(5);
    expect(r.people).toEqual([]);
    expect(r.organizations).toEqual([]);
    expect(searchAll(db, { query: 'lisbon' }).entries).toHaveLength(20);
  });

  it('ranks only the newest matches of a very common word, with snippets for every row shown', () => {
    const { ana } = setup();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const body = i === 5 ? 'offer offer offer offer offer' : `an offer was discussed, item ${i}`;
      ids.push(createEntry(db, { occurredAt: '2025-01-01', kind: 'email', body, participantIds: [ana.id] }).id);
    }
    // Entry 5 is the best match, but outside a window of the newest 40.
    expect(searchAll(db, { query: 'offer' }, { entryRankWindow: 40 }).entries.map((h) => h.id)).not.toContain(ids[5]);
    const all = searchAll(db, { query: 'offer' }, { entryRankWindow: 1_000 }).entries;
    expect(all[0]!.id).toBe(ids[5]);
    expect(all.every((h) => h.snippet.some((s) => s.hit))).toBe(true);
    // A long prefix takes the other snippet path; snippets are still there.
    expect(searchAll(db, { query: 'discus' }).entries.every((h) => texts(h.snippet)[0] === 'discussed')).toBe(true);
  });

  it('never throws on odd input', () => {
    const { ana } = setup();
    createEntry(db, { occurredAt: '2025-01-01', kind: 'call', title: 'C++ & "quotes"', body: 'NEAR(a b) OR NOT x* ^start col:val {a b}', participantIds: [ana.id] });
    for (const q of ['"', '""', '*', 'AND', 'OR NOT', 'NEAR(', 'title:x', '^', '-', '(', ')', '{', '}', ':', "'", '\\', '\u0000', '\ud800', 'c++', 'a"b', '**a', '.', '😀', 'ก', '日本語']) {
      expect(() => searchAll(db, { query: q })).not.toThrow();
    }
    expect(searchAll(db, { query: 'near(' }).entries).toHaveLength(1);
    expect(searchAll(db, { query: 'col:val' }).entries).toHaveLength(1);
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'grapheme' }), fc.string({ maxLength: 20, unit: 'binary' }), (a, b) => {
        const r = searchAll(db, { query: `${a} ${b}` });
        expect(Array.isArray(r.entries)).toBe(true);
        quickSearch(db, a + b);
      }),
      { numRuns: 200, seed: 1822 }, // seeded (issue 18): a failure can be replayed
    );
  });

  it('turns marked text into segments', () => {
    expect(toSegments('a \u0002b\u0003 c')).toEqual([
      { text: 'a ', hit: false },
      { text: 'b', hit: true },
      { text: ' c', hit: false },
    ]);
    expect(toSegments('')).toEqual([]);
  });

  it('keeps quickSearch working for the command palette', () => {
    const { ana, acme } = setup();
    const r = quickSearch(db, 'ac');
    expect(r.map((x) => [x.kind, x.id])).toEqual(expect.arrayContaining([['person', ana.id], ['organization', acme.id]]));
  });
});
