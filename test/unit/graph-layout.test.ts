// The graph view's pure layout geometry (issue 5): the ego view's own layout
// (centre in the middle, a ring per hop, neighbours side by side) and the
// viewport computed from positions instead of measuring every element.
import { describe, expect, it } from 'vitest';
import { egoPositions, viewportFor } from '../../shared/graph';

describe('egoPositions', () => {
  // 1 is the centre; 2, 3, 4 one hop away; 5, 6 two hops (via 2 and 4); 7 not connected.
  const g = {
    ids: [1, 2, 3, 4, 5, 6, 7],
    edges: [
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 5],
      [4, 6],
    ] as [number, number][],
  };
  const at = egoPositions(g, 1);
  const r = (id: number) => Math.hypot(at.get(id)!.x, at.get(id)!.y);

  it('puts the centre in the middle and everyone else on a ring per hop', () => {
    expect(at.get(1)).toEqual({ x: 0, y: 0 });
    expect([...at.keys()].sort()).toEqual(g.ids);
    for (const id of [3, 4]) expect(r(id)).toBeCloseTo(r(2), 6);
    expect(r(6)).toBeCloseTo(r(5), 6);
    expect(r(5)).toBeGreaterThan(r(2) + 50);
    expect(r(7)).toBeGreaterThan(r(5) + 50); // cut off by a filter: outermost ring
  });

  it('places second-hop people beside the person who connects them', () => {
    const angle = (id: number) => Math.atan2(at.get(id)!.y, at.get(id)!.x);
    const gap = (a: number, b: number) => {
      const d = Math.abs(angle(a) - angle(b)) % (2 * Math.PI);
      return Math.min(d, 2 * Math.PI - d);
    };
    expect(gap(5, 2)).toBeLessThan(gap(5, 4));
    expect(gap(6, 4)).toBeLessThan(gap(6, 2));
  });

  it('is deterministic and spreads a large first ring so people do not overlap', () => {
    expect(egoPositions(g, 1)).toEqual(at);
    const ids = Array.from({ length: 301 }, (_, i) => i + 1);
    const star = egoPositions({ ids, edges: ids.slice(1).map((id) => [1, id] as [number, number]) }, 1, 34);
    const p2 = star.get(2)!;
    const p3 = star.get(3)!;
    const nearest = Math.min(...ids.slice(2).map((id) => Math.hypot(star.get(id)!.x - p2.x, star.get(id)!.y - p2.y)));
    expect(nearest).toBeGreaterThan(30);
    expect(Math.hypot(p3.x, p3.y)).toBeCloseTo((300 * 34) / (2 * Math.PI), 3);
  });
});

describe('viewportFor', () => {
  it('fits the positions with padding and centres them, within the zoom range', () => {
    const v = viewportFor([{ x: -100, y: 0 }, { x: 100, y: 50 }], 460, 300, 30, 0, [0.02, 6])!;
    expect(v.zoom).toBeCloseTo(2, 6); // (460 - 60) / 200 is less than (300 - 60) / 50
    expect(v.pan.x + v.zoom * 0).toBeCloseTo(230, 6); // the middle of the box
    expect(v.pan.y + v.zoom * 25).toBeCloseTo(150, 6);
    expect(viewportFor([{ x: 0, y: 0 }], 460, 300, 30, 0, [0.02, 6])!.zoom).toBe(6);
    expect(viewportFor([], 460, 300, 30, 0, [0.02, 6])).toBeNull();
  });
});
