// Every contract channel fuzzed with malformed and oversized payloads (issue 7):
// the zod contract refuses them with INVALID_INPUT and a readable message,
// nothing throws past the dispatcher, nothing answers INTERNAL, and a refused
// request changes nothing in the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import type { Db } from '../../main/db/open';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { writeNetwork } from '../../main/sample/load';
import { generateNetwork } from '../../main/sample/generate';
import { createTestDb, makeTempDir, removeTempDirs, snapshotDb } from '../helpers/db';

let db: Db;
let dispatch: Dispatch;

beforeAll(() => {
  db = createTestDb({ file: true });
  writeNetwork(db, generateNetwork({ people: 40, seed: 3 }));
  dispatch = createDispatcher(createHandlers({ db, dataDir: makeTempDir() }), { validateOutput: true });
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** Payloads no channel accepts: wrong shapes, wrong types, hostile keys. */
const malformed = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.dictionary(fc.constantFrom('id', 'displayName', 'query', 'patch', '__proto__', 'constructor', 'text', 'format'), fc.anything({ maxDepth: 2 })),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 5 }),
);

describe('every channel under fuzzed payloads', () => {
  it.each(CHANNELS)('%s refuses malformed input cleanly', async (channel) => {
    await fc.assert(
      fc.asyncProperty(malformed, async (payload) => {
        const before = changes();
        const snapshot = snapshotDb(db); // small database: cheap enough for every run
        let result;
        try {
          result = await dispatch(channel, payload);
        } catch (error) {
          throw new Error(`dispatch threw for ${channel}: ${String(error)}`);
        }
        if (result.ok) return; // some payloads happen to be valid (e.g. {} for a list); that is fine
        expect(result.error.code, result.error.message).not.toBe('INTERNAL');
        expect(result.error.message.length).toBeGreaterThan(10);
        if (result.error.code === 'INVALID_INPUT') expect(changes()).toBe(before);
        else expect(snapshotDb(db)).toEqual(snapshot);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it.each(CHANNELS)('%s refuses an oversized payload with INVALID_INPUT', async (channel) => {
    const huge = 'x'.repeat(60 * 1024 * 1024); // larger than any field allows, import text included
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 5_000; i++) cursor.push((cursor = []));
    for (const payload of [huge, { id: 1, query: huge, text: huge, displayName: huge, format: 'json' }, deep]) {
      const before = changes();
      const result = await dispatch(channel, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      expect(changes()).toBe(before);
    }
  });
});

describe('search boxes with control characters', () => {
  const queries = ['ana\u0000', '\u0000', 'jo\u0007sé', 'a\u001bb', '\u0000"*', 'NEAR(\u0000)'];
  it.each(queries.map((q) => [JSON.stringify(q), q]))('%s is a search, never an error', async (_label, q) => {
    for (const [channel, input] of [
      ['people:list', { search: q }],
      ['orgs:list', { search: q }],
      ['search:quick', { query: q }],
    ] as const) {
      const result = await dispatch(channel, input);
      expect(result.ok, `${channel}: ${JSON.stringify(result)}`).toBe(true);
    }
  });
});
