// The sample network: deterministic, the promised size, every reference valid,
// names unique, and loaded whole into an empty Kith only.
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../main/sample/generate';
import { loadSampleNetwork } from '../../main/sample/load';
import { getStats } from '../../main/services/stats';
import { createPerson } from '../../main/services/people';
import { KithError } from '../../shared/errors';
import { createTestDb, snapshotDb } from '../helpers/db';

const now = new Date('2026-01-15T12:00:00Z');

describe('generateNetwork', () => {
  it('is deterministic: the same seed and size give the identical network', () => {
    expect(generateNetwork({ people: 150, seed: 7, now })).toEqual(generateNetwork({ people: 150, seed: 7, now }));
    expect(generateNetwork({ people: 150, now })).toEqual(generateNetwork({ people: 150, seed: 42, now }));
    expect(generateNetwork({ people: 150, seed: 8, now })).not.toEqual(generateNetwork({ people: 150, seed: 7, now }));
  });

  it('150 people: 25 organizations, about 400 ties, every endpoint valid, pairs and names unique', () => {
    const net = generateNetwork({ people: 150, now });
    expect(net.people).toHaveLength(150);
    expect(net.organizations).toHaveLength(25);
    expect(net.ties.length).toBeGreaterThanOrEqual(380);
    expect(net.ties.length).toBeLessThanOrEqual(420);
    const pairs = new Set<string>();
    for (const t of net.ties) {
      for (const end of [t.a, t.b]) {
        expect(Number.isInteger(end) && end >= -1 && end < 150).toBe(true);
      }
      expect(t.a).not.toBe(t.b);
      expect(t.strength >= 1 && t.strength <= 5 && Number.isInteger(t.strength)).toBe(true);
      pairs.add(t.a < t.b ? `${t.a}:${t.b}` : `${t.b}:${t.a}`);
    }
    expect(pairs.size).toBe(net.ties.length);
    expect(new Set(net.people.map((p) => p.displayName)).size).toBe(150);
    expect(new Set(net.organizations.map((o) => o.name.toLowerCase())).size).toBe(25);
    for (const a of net.affiliations) {
      expect(a.person >= -1 && a.person < 150).toBe(true);
      expect(a.organization >= 0 && a.organization < 25).toBe(true);
    }
    for (const i of net.interactions) for (const p of i.participants) expect(p >= 0 && p < 150).toBe(true);
    expect(net.ties.some((t) => t.a === -1 || t.b === -1)).toBe(true);
  });

  it('names stay unique past the first-name × last-name combinations (10,000 people)', () => {
    const net = generateNetwork({ people: 10_000, seed: 3, now, ties: 10, interactions: 0 });
    expect(new Set(net.people.map((p) => p.displayName)).size).toBe(10_000);
    expect(new Set(net.organizations.map((o) => o.name)).size).toBe(net.organizations.length);
  });
});

describe('loadSampleNetwork', () => {
  it('writes exactly the generated network, with valid references, and is repeatable', () => {
    const load = () => {
      const db = createTestDb();
      const result = loadSampleNetwork(db, { people: 150, seed: 11, now });
      return { db, result };
    };
    const { db, result } = load();
    const net = generateNetwork({ people: 150, seed: 11, now });
    expect(result).toEqual({ people: 150, organizations: 25, ties: net.ties.length, interactions: net.interactions.length });
    expect(getStats(db)).toMatchObject({ people: 150, organizations: 25, ties: net.ties.length, affiliations: net.affiliations.length });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM ties WHERE person_a >= person_b').pluck().get()).toBe(0);
    const names = (d: typeof db) => d.prepare('SELECT display_name FROM people ORDER BY id').pluck().all();
    expect(names(load().db)).toEqual(names(db));
  });

  it('refuses a Kith that already has people, writing nothing', () => {
    const db = createTestDb();
    createPerson(db, { displayName: 'Ana' });
    const before = snapshotDb(db);
    try {
      loadSampleNetwork(db, { people: 20 });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(KithError);
      expect((error as KithError).code).toBe('CONFLICT');
      expect((error as KithError).message).toMatch(/only be loaded into an empty Kith/);
    }
    expect(snapshotDb(db)).toEqual(before);
  });
});
