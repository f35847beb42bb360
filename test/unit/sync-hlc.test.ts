// Hybrid logical clocks (issue 19): order, causality, and the 24-hour clamp,
// driven by seeded property tests over devices with skewed wall clocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hlcCompare,
  HlcError,
  hlcParse,
  hlcReceive,
  hlcTick,
  hlcToString,
  hlcZero,
  MAX_AHEAD_MS,
  MAX_COUNTER,
  type Hlc,
} from '../../shared/hlc';

const T0 = Date.UTC(2027, 0, 31, 12, 0, 0);
const device = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const stamp = fc.record({ ms: fc.integer({ min: 0, max: 0xffffffffffff }), counter: fc.integer({ min: 0, max: MAX_COUNTER }), device });

describe('HLC text form', () => {
  it('sorts as text exactly as hlcCompare sorts (seeded)', () => {
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        const byText = hlcToString(a) < hlcToString(b) ? -1 : hlcToString(a) > hlcToString(b) ? 1 : 0;
        expect(byText).toBe(Math.sign(hlcCompare(a, b)));
        expect(hlcParse(hlcToString(a))).toEqual(a);
      }),
      { seed: 1901, numRuns: 500 },
    );
  });

  it('refuses what is not a stamp, naming it', () => {
    for (const bad of ['', '0123', '0000000000zz-0000-a', '000000000000-0000-', '000000000000-0000-a b', `000000000000-0000-${'x'.repeat(65)}`]) {
      expect(() => hlcParse(bad)).toThrow(HlcError);
    }
    expect(() => hlcToString({ ms: -1, counter: 0, device: 'a' })).toThrow(/not a usable clock reading/);
    expect(() => hlcZero('has space')).toThrow(/Not a device id/);
  });
});

describe('HLC ticks', () => {
  it('follows the wall clock when it moves forward', () => {
    const a = hlcTick(hlcZero('laptop'), T0);
    expect(a).toEqual({ ms: T0, counter: 0, device: 'laptop' });
    expect(hlcTick(a, T0 + 5)).toEqual({ ms: T0 + 5, counter: 0, device: 'laptop' });
  });

  it('counts within a millisecond and when the wall clock is set back', () => {
    const a = hlcTick(hlcZero('laptop'), T0);
    const b = hlcTick(a, T0);
    const c = hlcTick(b, T0 - 60_000);
    expect([b.counter, c.counter, c.ms]).toEqual([1, 2, T0]);
  });

  it('borrows the next millisecond rather than overflow the counter', () => {
    const full: Hlc = { ms: T0, counter: MAX_COUNTER, device: 'laptop' };
    expect(hlcTick(full, T0)).toEqual({ ms: T0 + 1, counter: 0, device: 'laptop' });
  });

  it('is strictly increasing whatever the wall clock does (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        let wall = T0;
        let clock = hlcZero('d');
        for (const step of steps) {
          wall = Math.max(0, wall + step);
          const next = hlcTick(clock, wall);
          expect(hlcCompare(next, clock)).toBe(1);
          expect(next.ms).toBeGreaterThanOrEqual(wall);
          clock = next;
        }
      }),
      { seed: 1902, numRuns: 200 },
    );
  });
});

describe('HLC receive', () => {
  it('moves past a remote stamp from the same millisecond', () => {
    const local = { ms: T0, counter: 3, device: 'a' };
    const { clock, clampedByMs } = hlcReceive(local, { ms: T0, counter: 7, device: 'b' }, T0);
    expect(clock).toEqual({ ms: T0, counter: 8, device: 'a' });
    expect(clampedByMs).toBe(0);
  });

  it('adopts a remote clock ahead by less than a day', () => {
    const ahead = T0 + MAX_AHEAD_MS - 1;
    const { clock, clampedByMs } = hlcReceive(hlcZero('a'), { ms: ahead, counter: 0, device: 'b' }, T0);
    expect(clock).toEqual({ ms: ahead, counter: 1, device: 'a' });
    expect(clampedByMs).toBe(0);
  });

  it('does not follow a clock more than a day ahead, and says by how much it was clamped', () => {
    const year = 365 * 24 * 3600_000;
    const { clock, clampedByMs } = hlcReceive(hlcZero('a'), { ms: T0 + year, counter: 0, device: 'wrong' }, T0);
    expect(clock.ms).toBe(T0 + MAX_AHEAD_MS + 1);
    expect(clampedByMs).toBe(year - MAX_AHEAD_MS);
    // The next local write is stamped from there, not a year ahead.
    expect(hlcTick(clock, T0 + 1000).ms).toBe(T0 + MAX_AHEAD_MS + 1);
  });

  it('keeps causality across devices with skewed clocks, within the clamp (seeded)', () => {
    // Three devices whose wall clocks are off by up to 12 hours exchange
    // stamps in random order: every stamp made after receiving another sorts
    // after it, and each device's own stamps strictly increase.
    const event = fc.record({ at: fc.integer({ min: 0, max: 2 }), from: fc.integer({ min: 0, max: 2 }), advance: fc.integer({ min: 0, max: 10_000 }), send: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -12 * 3600_000, max: 12 * 3600_000 }), { minLength: 3, maxLength: 3 }), fc.array(event, { maxLength: 150 }), (skews, events) => {
        let real = T0;
        const clocks = ['d0', 'd1', 'd2'].map((d) => hlcZero(d));
        const outbox: Hlc[][] = [[], [], []];
        for (const e of events) {
          real += e.advance;
          const wall = real + skews[e.at]!;
          if (e.send || outbox[e.from]!.length === 0 || e.from === e.at) {
            const next = hlcTick(clocks[e.at]!, wall);
            expect(hlcCompare(next, clocks[e.at]!)).toBe(1);
            clocks[e.at] = next;
            outbox[e.at]!.push(next);
          } else {
            const received = outbox[e.from]![outbox[e.from]!.length - 1]!;
            const { clock, clampedByMs } = hlcReceive(clocks[e.at]!, received, wall);
            expect(clampedByMs).toBe(0);
            expect(hlcCompare(clock, received)).toBe(1);
            expect(hlcCompare(hlcTick(clock, wall), received)).toBe(1);
            clocks[e.at] = clock;
          }
        }
      }),
      { seed: 1903, numRuns: 150 },
    );
  });

  it('never moves more than a day past the wall clock through receives (seeded)', () => {
    fc.assert(
      fc.property(fc.array(stamp, { maxLength: 50 }), (remotes) => {
        let clock = hlcZero('me');
        for (const r of remotes) {
          const before = clock;
          clock = hlcReceive(clock, r, T0).clock;
          expect(hlcCompare(clock, before)).toBe(1);
          expect(clock.ms).toBeLessThanOrEqual(Math.max(before.ms, T0 + MAX_AHEAD_MS) + 1);
        }
      }),
      { seed: 1904, numRuns: 300 },
    );
  });
});
