// Journal entries: create, edit, delete with undo, list with filters and
// pages, @mentions, people created on the spot, and a person's timeline.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import { createFavor } from '../../main/services/favors';
import {
  createEntry,
  deleteEntry,
  excerptOf,
  getEntry,
  getTimeline,
  listEntries,
  purgeDeletedEntries,
  restoreEntry,
  updateEntry,
} from '../../main/services/journal';
import { createOrganization } from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId } from '../../main/services/people';
import { createReminder } from '../../main/services/reminders';
import { KithError } from '../../shared/errors';
import { activeMention, findMentions, mentionedPeople, suggestMentions } from '../../shared/mentions';
import { fixedClock, setClock } from '../../shared/clock';
import { journalInstant } from '../../shared/journalTime';
import { createTestDb } from '../helpers/db';

let db: Db;
let restoreClock: () => void = () => undefined;
afterEach(() => {
  db?.close();
  restoreClock();
});

function setup() {
  // Local times and date filters are read in the user's zone: pin it (issue 11).
  restoreClock = setClock(fixedClock('2025-02-01T12:00:00Z', 'UTC'));
  db = createTestDb();
  const ana = createPerson(db, { displayName: 'Ana Acosta' });
  const jose = createPerson(db, { displayName: 'José Mendes' });
  const acme = createOrganization(db, { name: 'Acme Labs' });
  return { ana, jose, acme };
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof KithError ? e.code : `not a KithError: ${String(e)}`;
  }
  return undefined;
}

describe('journal entries', () => {
  it('creates, reads and edits an entry; Markdown is stored as written', () => {
    const { ana, jose, acme } = setup();
    const body = '## Coffee\n\n- send CV by **Friday**\n<script>alert(1)</script>';
    const e = createEntry(db, { occurredAt: '2025-03-10T09:30', kind: 'coffee', title: 'Coffee', body, participantIds: [ana.id], organizationId: acme.id });
    expect(e).toMatchObject({ occurredAt: '2025-03-10T09:30', kind: 'coffee', body, organizationName: 'Acme Labs', deletedAt: null });
    expect(e.participants.map((p) => p.displayName)).toEqual(['Ana Acosta']);

    const edited = updateEntry(db, e.id, { participantIds: [jose.id, ana.id], kind: 'call', organizationId: null });
    expect(edited.participants.map((p) => p.id).sort()).toEqual([ana.id, jose.id].sort());
    expect(edited).toMatchObject({ kind: 'call', organizationId: null, body, title: 'Coffee' });
    expect(getEntry(db, e.id)).toEqual(edited);
  });

  it('keeps me implicit: my id is dropped, and an entry needs someone else', () => {
    const { ana } = setup();
    const me = getMeId(db);
    const e = createEntry(db, { occurredAt: '2025-03-10', kind: 'call', participantIds: [me, ana.id, ana.id] });
    expect(e.participants.map((p) => p.id)).toEqual([ana.id]);
    expect(code(() => createEntry(db, { occurredAt: '2025-03-10', kind: 'call', participantIds: [me] }))).toBe('INVALID_INPUT');
    expect(code(() => updateEntry(db, e.id, { participantIds: [] }))).toBe('INVALID_INPUT');
    expect(getEntry(db, e.id).participants).toHaveLength(1);
  });

  it('refuses unknown people and organizations, changing nothing', () => {
    setup();
    const before = listEntries(db).total;
    expect(code(() => createEntry(db, { occurredAt: '2025-03-10', kind: 'call', participantIds: [999] }))).toBe('NOT_FOUND');
    expect(code(() => createEntry(db, { occurredAt: '2025-03-10', kind: 'call', newParticipants: [{ displayName: 'New' }], organizationId: 999 }))).toBe(
      'NOT_FOUND',
    );
    expect(listEntries(db).total).toBe(before);
    expect(db.prepare(`SELECT count(*) AS n FROM people WHERE display_name = 'New'`).get()).toEqual({ n: 0 });
  });

  it('creates people from unknown @mentions in the same transaction', () => {
    const { ana } = setup();
    const e = createEntry(db, {
      occurredAt: '2025-03-10',
      kind: 'coffee',
      body: 'With @Ana Acosta and @Bruno',
      participantIds: [ana.id],
      newParticipants: [{ displayName: 'Bruno Costa' }],
    });
    expect(e.participants.map((p) => p.displayName)).toEqual(['Ana Acosta', 'Bruno Costa']);
    // A failure after the new person was made rolls the person back too.
    expect(code(() => createEntry(db, { occurredAt: '2025-03-10', kind: 'coffee', participantIds: [999], newParticipants: [{ displayName: 'Ghost' }] }))).toBe(
      'NOT_FOUND',
    );
    expect(db.prepare(`SELECT count(*) AS n FROM people WHERE display_name = 'Ghost'`).get()).toEqual({ n: 0 });
  });

  it('deletes softly, restores, and purges long-deleted entries', () => {
    const { ana } = setup();
    const e = createEntry(db, { occurredAt: '2025-03-10', kind: 'call', title: 'Secret plan', participantIds: [ana.id] });
    const deleted = deleteEntry(db, e.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleteEntry(db, e.id).deletedAt).toBe(deleted.deletedAt); // twice keeps the first time
    expect(listEntries(db).items).toEqual([]);
    expect(listEntries(db, { deleted: 'only' }).items.map((r) => r.id)).toEqual([e.id]);
    expect(restoreEntry(db, e.id).deletedAt).toBeNull();
    expect(listEntries(db).items.map((r) => r.id)).toEqual([e.id]);

    deleteEntry(db, e.id);
    expect(purgeDeletedEntries(db, '2000-01-01T00:00:00Z')).toBe(0);
    expect(purgeDeletedEntries(db, '2999-01-01T00:00:00Z')).toBe(1);
    expect(code(() => getEntry(db, e.id))).toBe('NOT_FOUND');
    expect(db.prepare(`SELECT count(*) AS n FROM interactions_fts WHERE interactions_fts MATCH 'secret'`).get()).toEqual({ n: 0 });
  });

  it('lists newest first with filters and stable pages', () => {
    const { ana, jose, acme } = setup();
    const ids: number[] = [];
    for (let d = 1; d <= 25; d++) {
      const day = `2025-01-${String(d).padStart(2, '0')}`;
      ids.push(
        createEntry(db, {
          occurredAt: d % 5 === 0 ? `${day}T18:00:00Z` : day,
          kind: d % 2 ? 'coffee' : 'email',
          participantIds: d % 3 ? [ana.id] : [jose.id],
          organizationId: d % 4 ? null : acme.id,
        }).id,
      );
    }
    createEntry(db, { occurredAt: '2025-01-25', kind: 'call', participantIds: [ana.id] }); // same day, later id

    const all = listEntries(db, { limit: 500 });
    expect(all.total).toBe(26);
    // Newest first as instants; a date-only entry after the timed ones of its day (issue 11).
    const order = all.items.map((r) => journalInstant(r.occurredAt, 'UTC').utc);
    expect([...order].sort().reverse()).toEqual(order);
    expect(all.items.slice(0, 3).map((r) => r.occurredAt)).toEqual(['2025-01-25', '2025-01-25T18:00:00Z', '2025-01-24']);

    // Keyset pages of 7 cover the list once, in order.
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = listEntries(db, { limit: 7, cursor });
      seen.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((r) => r.id));
    expect(listEntries(db, { limit: 5, offset: 5 }).items.map((r) => r.id)).toEqual(seen.slice(5, 10));

    expect(listEntries(db, { kinds: ['email'] }).total).toBe(12);
    expect(listEntries(db, { personId: jose.id }).total).toBe(8);
    expect(listEntries(db, { organizationId: acme.id }).total).toBe(6);
    const range = listEntries(db, { from: '2025-01-05', to: '2025-01-10' });
    expect(range.total).toBe(6); // includes the date-time on the 5th and the 10th
    expect(range.items.every((r) => r.occurredAt.slice(0, 10) >= '2025-01-05' && r.occurredAt.slice(0, 10) <= '2025-01-10')).toBe(true);
    expect(listEntries(db, { kinds: ['coffee'], personId: ana.id, from: '2025-01-20' }).items.map((r) => r.occurredAt)).toEqual([
      '2025-01-25T18:00:00Z',
      '2025-01-23',
    ]);
    expect(code(() => listEntries(db, { cursor: 'garbage' }))).toBe('INVALID_INPUT');
  });

  it('cuts long bodies to an excerpt in lists', () => {
    const { ana } = setup();
    const body = `${'word '.repeat(200)}end`;
    createEntry(db, { occurredAt: '2025-01-01', kind: 'email', body, participantIds: [ana.id] });
    const [row] = listEntries(db).items;
    expect(row!.excerpt.length).toBeLessThanOrEqual(241);
    expect(row!.excerpt.endsWith('…')).toBe(true);
    expect(excerptOf('short\n\n text')).toBe('short text');
  });

  it('shows the words of Markdown in excerpts, not its marks', () => {
    expect(excerptOf('They moved to the **platform** team, see [the post](https://example.com/p) and `kubectl`.')).toBe(
      'They moved to the platform team, see the post and kubectl.',
    );
    expect(excerptOf('# Coffee\n\n> quoted _advice_\n\n- send CV\n- ask about ~~nothing~~ referrals\n\n---\n![diagram](x.png)')).toBe(
      'Coffee quoted advice send CV ask about nothing referrals diagram',
    );
    // Ordinary text with marks that are not emphasis stays as written.
    expect(excerptOf('2 * 3 = 6 and snake_case_name')).toBe('2 * 3 = 6 and snake_case_name');
    // A huge body costs no more than its start, and says it goes on.
    const huge = `**Start** ${'x'.repeat(2_000_000)}`;
    expect(excerptOf(huge).startsWith('Start x')).toBe(true);
    expect(excerptOf(huge).endsWith('…')).toBe(true);
  });

  it("builds a person's timeline: entries, favors, reminders and introductions, newest first", () => {
    const { ana, jose } = setup();
    const archived = archivePerson(db, jose.id);
    const old = createEntry(db, { occurredAt: '2024-05-01', kind: 'coffee', participantIds: [ana.id, archived.id] });
    const gone = createEntry(db, { occurredAt: '2025-02-01', kind: 'call', participantIds: [ana.id] });
    deleteEntry(db, gone.id);
    createFavor(db, { personId: ana.id, direction: 'received', kind: 'advice', occurredOn: '2024-06-01' });
    createReminder(db, { personId: ana.id, title: 'Send the article', dueOn: '2024-07-01', interactionId: old.id });
    const now = '2024-08-01T10:00:00.000Z';
    db.prepare(
      `INSERT INTO introductions (introducer_id, requester_id, target_person_id, status, created_at, updated_at) VALUES (?, ?, ?, 'asked', ?, ?)`,
    ).run(ana.id, getMeId(db), jose.id, now, now);

    const items = getTimeline(db, ana.id);
    expect(items.map((i) => i.type)).toEqual(['introduction', 'reminder', 'favor', 'entry']);
    const intro = items[0]!;
    expect(intro.type === 'introduction' && intro.introduction.role).toBe('introducer');
    const entry = items[3]!;
    expect(entry.type === 'entry' && entry.entry.participants.find((p) => p.id === jose.id)?.archived).toBe(true);
    expect(code(() => getTimeline(db, 999))).toBe('NOT_FOUND');
  });
});

describe('@mentions', () => {
  const names = [
    { id: 1, name: 'Ana' },
    { id: 2, name: 'Ana Acosta' },
    { id: 3, name: 'José Mendes' },
    { id: 4, name: 'Zoë' },
  ];

  it('takes the longest known name, ignoring case and diacritics', () => {
    const text = 'Coffee with @ana acosta and @jose mendes, then @Ana alone; cc @ZOE.';
    const found = findMentions(text, names);
    expect(found.map((m) => [m.personId, text.slice(m.start, m.end)])).toEqual([
      [2, '@ana acosta'],
      [3, '@jose mendes'],
      [1, '@Ana'],
      [4, '@ZOE'],
    ]);
    expect(mentionedPeople(text, names)).toEqual([2, 3, 1, 4]);
  });

  it('needs a word boundary on both sides, and reports unknown names', () => {
    expect(findMentions('@Anabel and me@ana.com', names)).toEqual([{ start: 0, end: 7, personId: null, name: 'Anabel' }]);
    expect(findMentions('@José', [{ id: 9, name: 'Jose' }])).toEqual([{ start: 0, end: 5, personId: 9, name: 'Jose' }]);
    expect(findMentions('@ @@ @', names)).toEqual([]);
    // Decomposed accents in the text still map back to the right offsets.
    const decomposed = 'Hi @Jose\u0301 Mendes!';
    const [m] = findMentions(decomposed, names);
    expect(decomposed.slice(m!.start, m!.end)).toBe('@Jose\u0301 Mendes');
  });

  it('finds the mention being typed and suggests names for it', () => {
    expect(activeMention('Lunch with @Ana Ac', 18)).toEqual({ start: 11, query: 'Ana Ac' });
    expect(activeMention('mail me@x', 9)).toBeNull();
    expect(activeMention('no mention', 5)).toBeNull();
    expect(suggestMentions('ac', names).map((n) => n.id)).toEqual([2]);
    expect(suggestMentions('an', names).map((n) => n.id)).toEqual([1, 2]);
    expect(suggestMentions('mend', names).map((n) => n.id)).toEqual([3]);
  });
});
