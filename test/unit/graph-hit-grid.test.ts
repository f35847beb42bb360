// Issue 16: on a large network the overview layer draws everyone at once and
// hover and click must reach them before Cytoscape has them. The grid that
// finds the person under the pointer agrees with a scan of everyone, at any
// zoom and pan, and forgets people once they are handed over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIT_SLACK_PX, HitGrid, type GridPerson, type Viewport } from '../../shared/graphHitGrid';

/** How far from the point (model units) the nearest person whose disc plus the slack holds it is, by scanning everyone; null if none. */
function scan(people: ReadonlyMap<string, GridPerson>, x: number, y: number, v: Viewport): number | null {
  const mx = (x - v.pan.x) / v.zoom;
  const my = (y - v.pan.y) / v.zoom;
  let best: number | null = null;
  for (const p of people.values()) {
    const d = Math.hypot(p.at.x - mx, p.at.y - my);
    if (d <= p.r + HIT_SLACK_PX / v.zoom && (best === null || d < best)) best = d;
  }
  return best;
}

/** The same distance for the grid's answer (two people equally near: either is right). */
function found(grid: HitGrid, x: number, y: number, v: Viewport): number | null {
  const hit = grid.at(x, y, v);
  return hit ? Math.hypot(hit.person.at.x - (x - v.pan.x) / v.zoom, hit.person.at.y - (y - v.pan.y) / v.zoom) : null;
}

const person = fc.record({
  at: fc.record({ x: fc.double({ min: -2_000, max: 2_000, noNaN: true }), y: fc.double({ min: -2_000, max: 2_000, noNaN: true }) }),
  r: fc.double({ min: 2, max: 40, noNaN: true }),
});
const viewport = fc.record({
  zoom: fc.double({ min: 0.02, max: 6, noNaN: true }),
  pan: fc.record({ x: fc.double({ min: -3_000, max: 3_000, noNaN: true }), y: fc.double({ min: -3_000, max: 3_000, noNaN: true }) }),
});

describe('overview hit grid', () => {
  it('finds the person a scan of everyone finds, at any zoom and pan', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 300 }), viewport, fc.array(fc.tuple(fc.nat(1_280), fc.nat(800)), { minLength: 1, maxLength: 20 }), (list, v, points) => {
        const people = new Map(list.map((p, i) => [String(i + 1), p]));
        const grid = new HitGrid(people);
        for (const [x, y] of points) expect(found(grid, x, y, v)).toBe(scan(people, x, y, v));
        // Aimed at a person's centre on screen: someone is found, as near as the scan's nearest.
        for (const p of [...people.values()].slice(0, 20)) {
          const [x, y] = [p.at.x * v.zoom + v.pan.x, p.at.y * v.zoom + v.pan.y];
          expect(grid.at(x, y, v)).not.toBeNull();
          expect(found(grid, x, y, v)).toBe(scan(people, x, y, v));
        }
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  it('a person handed over (gone from the map it reads) is no longer found; the one beneath is', () => {
    const people = new Map<string, GridPerson>([
      ['1', { at: { x: 0, y: 0 }, r: 10 }],
      ['2', { at: { x: 4, y: 0 }, r: 10 }],
      ['3', { at: { x: 500, y: 500 }, r: 5 }],
    ]);
    const grid = new HitGrid(people);
    const v = { zoom: 1, pan: { x: 100, y: 100 } };
    expect(grid.at(100, 100, v)?.id).toBe('1');
    people.delete('1');
    expect(grid.at(100, 100, v)?.id).toBe('2');
    expect(grid.at(600, 600, v)?.id).toBe('3');
    // 3 px of slack on screen, not more.
    expect(grid.at(600 + 5 + 2.9, 600, v)?.id).toBe('3');
    expect(grid.at(600 + 5 + 3.1, 600, v)).toBeNull();
  });
});
