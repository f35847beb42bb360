// The issue-3 channels through the real dispatcher with output validation on:
// a valid call per channel, refused inputs that change nothing, and the
// NOT_FOUND / CONFLICT paths.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createOrganization } from '../../main/services/organizations';
import { createPerson } from '../../main/services/people';
import { CHANNELS } from '../../shared/contract';
import { journalContract } from '../../shared/journal';
import { createTestDb, snapshotDb } from '../helpers/db';
import { JOURNAL_INVALID, JOURNAL_VALID } from './journal-ipc-cases';

function fixture() {
  const db = createTestDb();
  const dispatch = createDispatcher(createHandlers({ db, dataDir: '/tmp/kith-test' }), { validateOutput: true });
  const ana = createPerson(db, { displayName: 'Ana Acosta' }).id;
  const ben = createPerson(db, { displayName: 'Ben Bauer' }).id;
  const acme = createOrganization(db, { name: 'Acme Labs' }).id;
  return { db, dispatch, ana, ben, acme };
}

const channels = Object.keys(journalContract) as (keyof typeof journalContract)[];

describe('journal channels', () => {
  it('are all in the contract', () => {
    expect(channels.filter((c) => !CHANNELS.includes(c))).toEqual([]);
  });

  it.each(channels)('%s answers a valid call inside the contract', async (channel) => {
    const f = fixture();
    const spec = JOURNAL_VALID[channel];
    const result = await f.dispatch(channel, spec.input(f));
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    spec.check?.(result.value as never, f);
    f.db.close();
  });

  it.each(channels)('%s refuses invalid input and changes nothing', async (channel) => {
    const f = fixture();
    const before = snapshotDb(f.db);
    for (const input of [...JOURNAL_INVALID[channel](f), 'x', 42, [], { __unexpected__: 1 }]) {
      const result = await f.dispatch(channel, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code, JSON.stringify(input)).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(new RegExp(`^Invalid request \\(${channel}\\): \\S`));
      }
    }
    expect(snapshotDb(f.db)).toEqual(before);
    f.db.close();
  });

  it('answers NOT_FOUND and CONFLICT in plain words, changing nothing', async () => {
    const f = fixture();
    const before = snapshotDb(f.db);
    const error = async (channel: string, input: unknown) => {
      const r = await f.dispatch(channel, input);
      if (r.ok) throw new Error('expected a failure');
      return r.error;
    };
    expect(await error('journal:get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No journal entry with id 999/) });
    expect(await error('journal:create', { occurredAt: '2025-03-01', kind: 'call', participantIds: [999], newParticipants: [{ displayName: 'Ghost' }] })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await error('favors:create', { personId: 999, direction: 'given', kind: 'advice', occurredOn: '2025-03-01' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await error('home:act', { item: { type: 'cadence', personId: f.ana }, action: 'dismiss', timeZone: 'UTC' })).toMatchObject({ code: 'CONFLICT' });
    expect(await error('journal:list', { cursor: 'nonsense' })).toMatchObject({ code: 'INVALID_INPUT' });
    // Issue 17: an undo whose rows no longer hold what the action wrote (here: there is no such mark).
    const stamp = '2025-03-10T12:00:00.000Z';
    const mark = { snoozedUntil: '2025-03-20', dismissedKey: null, contactedOn: null, updatedAt: stamp };
    expect(await error('home:undo', { type: 'attention', subject: 'dormant', personId: f.ana, before: null, after: mark })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^This cannot be undone: Ana Acosta’s place on Home changed since\. Nothing was changed/),
    });
    expect(await error('home:undo', { type: 'attention', subject: 'dormant', personId: 999, before: null, after: mark })).toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshotDb(f.db)).toEqual(before);
    f.db.close();
  });
});
